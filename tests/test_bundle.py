"""`wetgeving bundle`: contents, manifest, byte-identical builds, verify, safety."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from test_documents_support import SCRIPT, add_responses, make_dossier
from wetgeving.cli.app import app
from wetgeving.documents import bundle
from wetgeving.documents.output import safe_member
from wetgeving.dossier import Dossier
from wetgeving.errors import DocumentError

runner = CliRunner()
EXPECTED = [
    "index.html",
    "manifest.json",
    "mvt.docx",
    "mvt.html",
    "mvt.md",
    "reacties/273f.html",
    "reacties/algemeen.html",
    "reacties/indieners.html",
    "renvooi/geldend-v2.docx",
    "renvooi/geldend-v2.html",
    "renvooi/v1-v2.docx",
    "renvooi/v1-v2.html",
    "tekst/273f.md",
    "tekst/tekst.docx",
    "tekst/tekst.html",
    "verslag.docx",
    "verslag.html",
    "verslag.md",
    "wijzigingswet.docx",
    "wijzigingswet.html",
    "wijzigingswet.txt",
]


@pytest.fixture
def dossier(tmp_path: Path) -> Dossier:
    d = make_dossier(tmp_path / "d")
    add_responses(d)
    return d


def run(d: Dossier, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--dossier", str(d.root), "bundle", *args])
    return result.exit_code, result.stdout, result.stderr


def test_zip_bundle_contents_and_manifest(dossier: Dossier, tmp_path: Path) -> None:
    """The zip holds every document and a manifest with version, commit, settings and hashes."""
    target = tmp_path / "bundel.zip"
    code, out, err = run(dossier, "v2", "-o", str(target))
    assert code == 0, err
    assert out == f"bundel geschreven: {target} (20 bestanden + manifest.json, versie v2)\n"
    with zipfile.ZipFile(target) as archive:
        assert archive.namelist() == [*sorted(EXPECTED[:1] + EXPECTED[2:]), "manifest.json"]
        manifest = json.loads(archive.read("manifest.json"))
        from wetgeving.history import list_versions

        v2 = next(v for v in list_versions(dossier) if v.name == "v2")
        assert manifest["versie"] == "v2" and manifest["commit"] == v2.commit
        assert manifest["instellingen"]["openbaar"] is True
        assert manifest["instellingen"]["renvooi_tegen"] == ["v1", "geldend"]
        import hashlib

        for entry in manifest["bestanden"]:
            assert hashlib.sha256(archive.read(entry["pad"])).hexdigest() == entry["sha256"]
        index = archive.read("index.html").decode()
        for name in EXPECTED:
            if name not in ("index.html", "manifest.json"):
                assert f'href="{name}"' in index


def test_two_builds_are_byte_identical(dossier: Dossier, tmp_path: Path) -> None:
    """Building the same bundle twice gives the same bytes (zip) and the same files (folder)."""
    assert run(dossier, "v2", "-o", str(tmp_path / "a.zip"))[0] == 0
    assert run(dossier, "v2", "-o", str(tmp_path / "b.zip"))[0] == 0
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()
    assert run(dossier, "v2", "-o", str(tmp_path / "m1"))[0] == 0
    assert run(dossier, "v2", "-o", str(tmp_path / "m2"))[0] == 0
    one = {
        p.relative_to(tmp_path / "m1"): p.read_bytes()
        for p in (tmp_path / "m1").rglob("*")
        if p.is_file()
    }
    two = {
        p.relative_to(tmp_path / "m2"): p.read_bytes()
        for p in (tmp_path / "m2").rglob("*")
        if p.is_file()
    }
    assert one == two
    assert sorted(p.as_posix() for p in one) == EXPECTED


def test_verify_names_altered_missing_and_extra(dossier: Dossier, tmp_path: Path) -> None:
    """`bundle verify` passes a fresh bundle and names altered, missing and extra files."""
    folder = tmp_path / "bundel"
    assert run(dossier, "v2", "-o", str(folder))[0] == 0
    code, out, _ = run(dossier, "verify", str(folder))
    assert (code, out) == (0, "bundel klopt: 20 bestanden, versie v2\n")
    (folder / "mvt.md").write_text("gewijzigd", encoding="utf-8")
    (folder / "verslag.md").unlink()
    (folder / "extra.txt").write_text("x", encoding="utf-8")
    code, out, err = run(dossier, "verify", str(folder))
    assert code == 1
    assert out == "gewijzigd: mvt.md\nontbreekt: verslag.md\nextra: extra.txt\n"
    assert err == "bundel klopt niet: 1 gewijzigd, 1 ontbreekt, 1 extra\n"


def test_verify_zip_and_non_bundle(dossier: Dossier, tmp_path: Path) -> None:
    """verify reads zips, and refuses a path that is no bundle with a one-line message."""
    target = tmp_path / "b.zip"
    run(dossier, "v2", "-o", str(target))
    assert run(dossier, "verify", str(target))[0] == 0
    (tmp_path / "leeg").mkdir()
    code, _, err = run(dossier, "verify", str(tmp_path / "leeg"))
    assert code == 9
    assert (
        err == f"fout: {tmp_path / 'leeg'}: geen manifest.json; dit is geen bundel van wetgeving\n"
    )


def test_openbaar_leaves_out_non_public_responses(dossier: Dossier, tmp_path: Path) -> None:
    """The default (--openbaar) bundle has no identity nor text of non-public respondents' pages."""
    folder = tmp_path / "open"
    assert run(dossier, "v2", "-o", str(folder))[0] == 0
    page = (folder / "reacties" / "273f.html").read_text(encoding="utf-8")
    assert "Liever geen publicatie" not in page
    assert "Test Burger" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and SCRIPT not in page
    everything = "".join(
        p.read_text(encoding="utf-8", errors="replace") for p in folder.rglob("*.html")
    )
    assert "Geheime Indiener" not in everything and "Geheimdorp" not in everything
    intern = tmp_path / "intern"
    assert run(dossier, "v2", "-o", str(intern), "--intern")[0] == 0
    page = (intern / "reacties" / "273f.html").read_text(encoding="utf-8")
    assert "Geheime Indiener" in page


def test_refused_paths_and_existing_targets(dossier: Dossier, tmp_path: Path) -> None:
    """drafts/ is refused, an existing target needs --force, a non-bundle folder is kept."""
    code, _, err = run(dossier, "v2", "-o", str(dossier.drafts / "b.zip"))
    assert code == 9 and "uitvoer in drafts/ is niet toegestaan" in err
    target = tmp_path / "b.zip"
    target.write_bytes(b"oud")
    code, _, err = run(dossier, "v2", "-o", str(target))
    assert (code, err) == (
        9,
        f"fout: {target}: bestaat al; gebruik --force om het te overschrijven\n",
    )
    assert target.read_bytes() == b"oud"
    assert run(dossier, "v2", "-o", str(target), "--force")[0] == 0
    assert zipfile.is_zipfile(target)
    other = tmp_path / "werkmap"
    other.mkdir()
    (other / "belangrijk.txt").write_text("bewaren", encoding="utf-8")
    code, _, err = run(dossier, "v2", "-o", str(other), "--force")
    assert (code, err) == (
        9,
        f"fout: {other}: bestaat al en is geen bundelmap; kies een ander pad\n",
    )
    assert (other / "belangrijk.txt").read_text(encoding="utf-8") == "bewaren"


def test_force_replaces_an_old_bundle_folder(dossier: Dossier, tmp_path: Path) -> None:
    """--force replaces an existing bundle folder completely, leaving no temporary folders;
    a file the earlier bundle did not list makes it no bundle (see test_hardening_outputs)."""
    folder = tmp_path / "b"
    run(dossier, "v1", "-o", str(folder))
    (folder / "reacties" / "oud.html").write_text("x", encoding="utf-8")
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest["bestanden"].append({"pad": "reacties/oud.html", "sha256": "", "grootte": 1})
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    assert run(dossier, "v2", "-o", str(folder), "--force")[0] == 0
    assert not (folder / "reacties" / "oud.html").exists()
    assert run(dossier, "verify", str(folder))[1] == "bundel klopt: 20 bestanden, versie v2\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b", "d"]


def test_failed_build_writes_nothing(dossier: Dossier, tmp_path: Path) -> None:
    """When a document fails (broken template), no bundle and no temporary file is left."""
    (dossier.templates / "index.html.j2").write_text("{% for %}", encoding="utf-8")
    code, _, err = run(dossier, "v2", "-o", str(tmp_path / "b.zip"))
    assert code == 9
    assert err.startswith(f"fout: {dossier.templates / 'index.html.j2'}:1: fout in sjabloon:")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d"]


def test_member_names_cannot_escape_the_bundle() -> None:
    """A file name that would write outside the bundle folder is refused."""
    for bad in ("../x", "/etc/passwd", "a/../../b", "", "a//b", "C:/x"):
        with pytest.raises(DocumentError):
            safe_member(bad)
    assert safe_member("reacties/273f.html") == "reacties/273f.html"


def test_first_version_has_no_renvooi(tmp_path: Path) -> None:
    """The first version has nothing to compare with: the bundle says so and still builds; its
    MvT is not a comparison of the version with itself but has a section for every article."""
    d = make_dossier(tmp_path / "d", versions=("v1",))
    code, _, err = run(d, "v1", "-o", str(tmp_path / "b"))
    assert code == 0
    assert (
        "waarschuwing: geen eerdere versie dan v1: de bundel bevat geen renvooi en de memorie "
        "van toelichting noemt geen wijzigingen\n"
    ) in err
    assert not (tmp_path / "b" / "renvooi").exists()
    mvt = (tmp_path / "b" / "mvt.md").read_text(encoding="utf-8")
    assert ", de eerste versie (er is geen eerdere versie om mee te vergelijken)." in mvt
    assert "Geen gewijzigde artikelen" not in mvt
    assert (
        "### Artikel 273f (eerste versie)\n" in mvt and "### Artikel 273fa (eerste versie)\n" in mvt
    )
    manifest = json.loads((tmp_path / "b" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["instellingen"]["mvt_tegen"] is None


def test_bundle_write_is_all_or_nothing_for_zip(dossier: Dossier, tmp_path: Path) -> None:
    """The zip is written through a temporary file and a rename: no partial zip remains."""
    made = bundle.make(dossier, "v2")
    target = bundle.write(made, tmp_path / "x.zip", dossier.root, force=False)
    assert target.read_bytes()[:2] == b"PK"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d", "x.zip"]


def test_progress_is_reported_per_step(dossier: Dossier) -> None:
    """The library reports each step of a bundle build to a progress callback (the CLI shows it
    only on a terminal)."""
    seen: list[tuple[str, int, int]] = []
    bundle.make(dossier, "v2", progress=lambda what, done, total: seen.append((what, done, total)))
    assert [done for _, done, _ in seen] == list(range(1, 9))
    assert {total for _, _, total in seen} == {8}
    assert seen[0][0] == "tekst" and seen[-1][0] == "manifest"


def test_public_bundle_refused_while_personal_data_is_flagged(
    dossier: Dossier, tmp_path: Path
) -> None:
    """A public bundle is refused (nothing written) while a published text holds personal data;
    the internal bundle is still made."""
    from test_documents_support import response

    rid = "20260116T090000Z-eeeeee"
    (dossier.responses / f"{rid}.md").write_text(
        response(rid, "Iemand", [("algemeen", "", "Mail naar iemand@example.org a.u.b.", "", "")]),
        encoding="utf-8",
    )
    code, _, err = run(dossier, "v2", "-o", str(tmp_path / "b.zip"))
    assert code == 9
    assert err.startswith(
        "fout: openbaar verslag geweigerd: teksten voor publicatie bevatten persoonsgegevens "
        f"(1 vondst; lak ze eerst weg): reactie {rid}, punt 1: "
    )
    assert not (tmp_path / "b.zip").exists()
    assert run(dossier, "v2", "-o", str(tmp_path / "intern.zip"), "--intern")[0] == 0


def test_public_bundle_checks_every_campaign_member(dossier: Dossier, tmp_path: Path) -> None:
    """The verslag quotes one member of a campaign, but reacties/ publishes them all: a phone
    number in a later member refuses the public bundle."""
    from test_documents_support import response

    text = "Wij vinden de definitie te ruim."
    for n, extra in enumerate(("", " Bel 06-12345678.")):
        rid = f"20260117T09000{n}Z-ffffff"
        (dossier.responses / f"{rid}.md").write_text(
            response(
                rid, f"Burger {n}", [("algemeen", "", text + extra, "", "")], campaign="Cabcdef01"
            ),
            encoding="utf-8",
        )
    code, _, err = run(dossier, "v2", "-o", str(tmp_path / "b.zip"))
    assert code == 9
    assert err.startswith(
        "fout: openbare bundel geweigerd: teksten voor publicatie bevatten persoonsgegevens "
        "(1 vondst; lak ze eerst weg): reactie 20260117T090001Z-ffffff, punt 1: "
    )
    assert not (tmp_path / "b.zip").exists()


def test_unwritable_target_is_one_line_error(dossier: Dossier, tmp_path: Path) -> None:
    """A target below a file (not a folder) fails with one Dutch line, no traceback."""
    blocker = tmp_path / "bestand"
    blocker.write_text("x", encoding="utf-8")
    for target in (blocker / "b.zip", blocker / "map"):
        code, _, err = run(dossier, "v2", "-o", str(target))
        assert code == 9
        assert err == (
            f"fout: {target}: kan niet schrijven (een deel van het pad is een bestand, geen map)\n"
        )


def test_html_pages_match_golden(dossier: Dossier, tmp_path: Path) -> None:
    """The renvooi, index and response pages match their golden files (commit ids masked)."""
    import re

    from test_mvt import check_golden

    folder = tmp_path / "b"
    assert run(dossier, "v2", "-o", str(folder))[0] == 0
    for page, golden in (
        ("renvooi/v1-v2.html", "renvooi-v1-v2.html"),
        ("index.html", "index-v2.html"),
        ("reacties/273f.html", "reacties-273f.html"),
    ):
        text = (folder / page).read_text(encoding="utf-8")
        check_golden(golden, re.sub(r"\b[0-9a-f]{40}\b|\b[0-9a-f]{12}\b", "<commit>", text))


def test_bundle_holds_the_checked_amending_bill(dossier: Dossier, tmp_path: Path) -> None:
    """The bundle holds the amending bill from the version the MvT compares with (geldend),
    as HTML, Word and plain text, and the index links it."""
    target = tmp_path / "bundel"
    code, _, err = run(dossier, "v2", "-o", str(target))
    assert code == 0, err
    text = (target / "wijzigingswet.txt").read_text(encoding="utf-8")
    assert text.startswith(
        "ARTIKEL I\n\nHet Wetboek van Strafrecht wordt als volgt gewijzigd:\n\nA\n\n"
        "Artikel 273f komt te luiden:\n"
    )
    assert "Na artikel 273f wordt een artikel ingevoegd, luidende:" in text
    index = (target / "index.html").read_text(encoding="utf-8")
    assert "Van geldend naar v2, gecontroleerd door ze toe te passen" in index


def test_manifest_sha256_is_recorded_in_the_history(dossier: Dossier, tmp_path: Path) -> None:
    """`bundle` prints the manifest's SHA-256 and records it in a commit that changes no file
    (trailer Wetgeving-Bundel), so the published hash can be traced in the dossier."""
    import hashlib
    import subprocess

    folder = tmp_path / "b"
    code, _out, err = run(dossier, "v2", "-o", str(folder))
    assert code == 0
    sha = hashlib.sha256((folder / "manifest.json").read_bytes()).hexdigest()
    log = subprocess.run(
        ["git", "log", "-1", "--format=%H%n%B", "--stat"],
        cwd=dossier.root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    assert f"SHA-256 van manifest.json: {sha} (vastgelegd in commit {log[0][:10]})\n" in err
    assert log[1] == f"Bundel v2: SHA-256 van manifest.json {sha}"
    assert f"Wetgeving-Bundel: v2 {sha}" in log
    assert not any("changed" in line for line in log)  # no file changed
