"""`respond dispose` (the version must exist, --force to change, the earlier disposition shown,
Dutch status words as listings write them) and `respond link` / `responses list --unlinked`."""
# ruff: noqa: E501 (expected Dutch messages are kept on one line to compare them exactly)

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from test_consultation_support import commits, make_dossier
from wetgeving import dossier as dossier_mod
from wetgeving.cli.app import app
from wetgeving.consultation import store

runner = CliRunner()


def run(root: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--dossier", str(root), *args])
    return result.exit_code, result.stdout, result.stderr


def dispose(root: Path, *args: str) -> tuple[int, str, str]:
    """`wetgeving respond dispose ARGS`."""
    return run(root, "respond", "dispose", *args)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    make_dossier(tmp_path / "d")
    return tmp_path / "d"


def respond(root: Path, *points: str) -> tuple[str, str]:
    """Log a response on v1; return (full id, short reference)."""
    args = [a for p in points for a in ("--point", p)]
    code, out, err = run(root, "respond", "--respondent", "A. Proef", "--version", "v1", *args)
    assert code == 0, err
    rid = out.strip().rsplit("; id ", 1)[1].rstrip(")")
    return rid, out.split()[1]


def file_of(root: Path, rid: str) -> Path:
    return root / "consultation_responses" / f"{rid}.md"


def test_the_version_given_must_exist(root: Path) -> None:
    """--in names a recorded version; an unknown one is refused (exit 4) and nothing changes."""
    rid, ref = respond(root, "273f lid 3=Te ruim.")
    before = file_of(root, rid).read_bytes()
    code, _, err = dispose(
        root, ref, "--status", "overgenomen", "--reason", "Gedaan.", "--in", "v3"
    )
    assert (code, err) == (4, "fout: onbekende versie 'v3' (--in); bekende versies: v1, v2\n")
    assert file_of(root, rid).read_bytes() == before


def test_dutch_status_words_as_listings_write_them(root: Path) -> None:
    """'niet overgenomen', 'deels overgenomen', 'voor kennisgeving aangenomen' are accepted as
    written (any case), like the short words."""
    rid, ref = respond(root, "273f lid 3=a", "273f lid 4=b", "algemeen=c")
    words = ("niet overgenomen", "Deels Overgenomen", "voor kennisgeving aangenomen")
    for point, word in enumerate(words, 1):
        code, out, err = dispose(
            root, ref, "--point", str(point), "--status", word, "--reason", "Zo."
        )
        assert code == 0, err
    r = store.load(dossier_mod.load(root), rid)
    statuses = [p.disposition.status for p in r.points if p.disposition]
    assert statuses == ["niet-overgenomen", "deels", "kennisgenomen"]
    assert out.startswith(f"reactie {ref}: punt 3 voor kennisgeving aangenomen (commit ")


def test_a_disposition_changes_only_with_force_and_the_earlier_one_is_shown(root: Path) -> None:
    """A second, different disposition is refused without --force; with --force it replaces the
    first, which the listing and `show` keep ("was: niet overgenomen"); the same disposition
    again changes nothing and makes no commit."""
    rid, ref = respond(root, "273f lid 3=Te ruim.")
    d = dossier_mod.load(root)
    first = ("--status", "niet overgenomen", "--reason", "Geen aanleiding.")
    second = ("--status", "overgenomen", "--reason", "Toch gedaan.", "--in", "v2")
    assert dispose(root, ref, *first)[0] == 0
    before = file_of(root, rid).read_bytes()
    code, _, err = dispose(root, ref, *second)
    assert (code, err) == (
        8,
        f"fout: reactie {rid}, punt 1 is al afgedaan (niet overgenomen: Geen aanleiding.); geef --force om de afdoening te wijzigen\n",
    )
    assert file_of(root, rid).read_bytes() == before
    n = len(commits(d))
    code, out, _ = dispose(
        root, ref, "--status", "niet-overgenomen", "--reason", "Geen  aanleiding."
    )
    assert (code, out) == (0, f"reactie {ref}: niets gewijzigd: 1 punt heeft deze afdoening al\n")
    assert len(commits(d)) == n
    code, out, err = dispose(root, ref, *second, "--force")
    assert code == 0, err
    assert out.startswith(f"reactie {ref}: 1 punt overgenomen (waarvan 1 gewijzigd) (commit ")
    _, out, _ = run(root, "responses", "list")
    assert out.splitlines()[1] == (
        "  1. artikel 273f, derde lid [overgenomen in v2; was: niet overgenomen] Te ruim."
    )
    _, out, _ = run(root, "responses", "show", ref)
    assert (
        "  afdoening: overgenomen in v2: Toch gedaan.\n  was: niet overgenomen: Geen aanleiding.\n"
        in out
    )
    text = file_of(root, rid).read_text("utf-8")
    assert (
        '    previous_status: "niet-overgenomen"\n    previous_reason: "Geen aanleiding."\n' in text
    )


def test_link_a_point_kept_as_written(root: Path) -> None:
    """A reference that linked nowhere is listed by --unlinked; `respond link` ties it to a
    provision, keeps what was written, and it leaves the --unlinked list."""
    sheet = root.parent / "r.csv"
    sheet.write_text(
        "Naam;Datum;Artikel;Reactie\r\nA. Proef;2026-11-20;artikel 3 lid 2 van de wet;Te ruim.\r\n",
        encoding="utf-8",
    )
    assert run(root, "responses", "import", str(sheet), "--version", "v1")[0] == 0
    code, out, _ = run(root, "responses", "list", "--unlinked")
    (rid,) = [r.id for r in store.load_all(dossier_mod.load(root))]
    ref = out.split()[0]
    assert (
        out.splitlines()[1] == "  1. niet gekoppeld: 'artikel 3 lid 2 van de wet' [open] Te ruim."
    )
    code, _, err = run(root, "respond", "link", ref, "--provision", "273f lid 12")
    assert code == 7
    assert err.startswith("fout: artikel 273f, twaalfde lid bestaat niet in versie v1; bedoelt u: ")
    code, out, err = run(root, "respond", "link", ref, "--provision", "273f lid 2")
    assert code == 0, err
    assert out.startswith(
        f"reactie {ref}: punt 1 gekoppeld aan artikel 273f, tweede lid "
        "(was: niet gekoppeld: 'artikel 3 lid 2 van de wet') (commit "
    )
    p = store.load(dossier_mod.load(root), rid).points[0]
    assert (p.ref, p.node, p.written, p.linked) == (
        "artikel 273f, tweede lid", "art.273f/lid.2", "artikel 3 lid 2 van de wet", True,
    )  # fmt: skip
    assert run(root, "responses", "list", "--unlinked")[1] == "geen reacties gevonden\n"
    code, _, err = run(root, "respond", "link", ref, "--provision", "273f lid 3", "--point", "1")
    assert (code, err) == (
        8,
        f"fout: reactie {rid}, punt 1 is al gekoppeld aan artikel 273f, tweede lid; geef --force om het anders te koppelen\n",
    )
    code, _, err = run(root, "respond", "link", ref, "--provision", "273f lid 3")
    assert (code, err) == (
        8,
        f"fout: reactie {rid} heeft geen niet-gekoppeld punt; geef --point N\n",
    )
    relink = ("respond", "link", ref, "--provision", "273f lid 3", "--point", "1", "--force")
    assert run(root, *relink)[0] == 0


def test_campaign_dispose_needs_force_to_change(root: Path) -> None:
    """A campaign disposed once is changed again only with --force."""
    text = (
        "Ik maak mij zorgen over de verruiming van artikel 273f; pas het voorstel aan alstublieft."
    )
    for _ in range(3):
        respond(root, f"algemeen={text}")
    _, out, _ = run(root, "responses", "campaigns")
    cid = out.split()[1].rstrip(":")
    once = ("--campaign", cid, "--status", "kennisgenomen", "--reason", "Gezien.")
    again = ("--campaign", cid, "--status", "overgenomen", "--reason", "Toch.")
    assert dispose(root, *once)[0] == 0
    code, _, err = dispose(root, *again)
    assert code == 8
    assert err.endswith(
        "is al afgedaan (voor kennisgeving aangenomen: Gezien.); geef --force om de afdoening te wijzigen\n"
    )
    code, out, _ = dispose(root, *again, "--force")
    assert code == 0
    assert out.startswith(
        f"campagne {cid}: 3 reacties, 3 punten overgenomen (waarvan 3 gewijzigd) (commit "
    )


def test_from_goes_alone(root: Path, tmp_path: Path) -> None:
    """--from applies a whole sheet: with an id, --campaign or --status it is refused (exit 2)."""
    sheet = tmp_path / "r.csv"
    sheet.write_text("Referentie;Status;Motivering\r\n", encoding="utf-8")
    code, _, err = dispose(root, "abcdef", "--from", str(sheet))
    assert (code, err) == (
        2,
        "fout: --from gaat niet samen met een reactie-id, --campaign of --status\n",
    )


def test_respond_links_to_the_law_in_force_and_says_so(tmp_path: Path) -> None:
    """A point on a provision only the law in force has is tied to that version, with a notice;
    'ARTIKEL I, onderdeel B' is tied to the article of that onderdeel of the bill."""
    from test_documents_support import make_dossier as make_with_geldend

    d = make_with_geldend(tmp_path / "g")
    code, out, err = run(
        d.root, "respond", "--respondent", "A", "--version", "v1",
        "--point", "273f lid 1 onder 9°=Behouden.", "--point", "ARTIKEL I, onderdeel B=Te vaag.",
    )  # fmt: skip
    assert code == 0, err
    assert err.splitlines() == [
        "let op: punt 1: '273f lid 1 onder 9°' bestaat niet in versie v1; gekoppeld aan artikel 273f, eerste lid, onder 9° in versie geldend (het geldende recht)",
        "let op: punt 2: 'ARTIKEL I, onderdeel B' gekoppeld aan artikel 273fa (ARTIKEL I, onderdeel B, van het wetsvoorstel)",
    ]
    rid = out.strip().rsplit("; id ", 1)[1].rstrip(")")
    points = store.load(d, rid).points
    assert [(p.ref, p.node_version, p.written) for p in points] == [
        ("artikel 273f, eerste lid, onder 9°", "geldend", ""),
        ("artikel 273fa", "", "ARTIKEL I, onderdeel B"),
    ]
