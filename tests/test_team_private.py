"""Niet-openbare reactions in a second, private repository (`[team] prive` in wetgeving.toml):
where they are written, that every reading command sees them, that public documents never do,
and the Dutch refusals of a bad setting."""
# ruff: noqa: E501 (expected Dutch messages are kept on one line to compare them exactly)

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from test_consultation_support import FIXTURES, make_dossier
from test_team_sync import ok
from test_team_sync import wet as run

SECRET = "Geheime tekst van een slachtoffer"
SECRET_NAME = "Q. Verborgen"
PUBLIC = "Openbare tekst van de stichting"


def git(root: Path, *args: str) -> str:
    proc = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True)
    return proc.stdout


def rid_of(out: str) -> str:
    found = re.findall(r"; id (\S+)\)$", out.strip().splitlines()[-1])
    assert found, out
    return str(found[0])


def respond(root: Path, openbaar: bool, text: str, name: str = "Stichting Voorbeeld") -> str:
    flag = "--openbaar" if openbaar else "--niet-openbaar"
    out = ok(
        root, "respond", "--respondent", name, "--version", "v1", flag,
        "--date", "2026-11-20", "--point", f"artikel 273f, derde lid={text}",
    )  # fmt: skip
    where = "" if openbaar else " in de privé-repository"
    assert re.fullmatch(
        rf"reactie [0-9a-f]{{6}} vastgelegd{where} \(1 punt, versie v1, commit [0-9a-f]{{10}}; id \S+\)\n",
        out,
    ), out
    return rid_of(out)


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    """A dossier (v1, v2) with its private repository made by `setup --prive`."""
    root = tmp_path / "dossier"
    make_dossier(root)
    ok(root, "setup", "--prive", "../prive")
    return root, tmp_path / "prive"


def test_setup_prive_makes_the_repository_and_names_it(tmp_path: Path) -> None:
    """`setup --prive PAD` runs git init, commits a LEESMIJ.md there and `[team] prive` in the
    dossier; run again it finds the repository and commits nothing."""
    root = tmp_path / "dossier"
    make_dossier(root)
    out = ok(root, "setup", "--prive", "../prive")
    prive = (tmp_path / "prive").resolve()
    lines = out.splitlines()
    assert lines[0] == "samenvoegen per artikel ingesteld voor drafts/*.md"
    assert lines[2] == f"privé-repository voor niet-openbare reacties gemaakt: {prive}"
    assert re.fullmatch(
        r"prive/LEESMIJ.md en prive/.wetgeving-prive vastgelegd \(commit [0-9a-f]{10}\)", lines[3]
    )
    assert re.fullmatch(
        r"\[team\] prive in wetgeving.toml vastgelegd \(commit [0-9a-f]{10}\)", lines[4]
    )
    assert '[team]\nprive = "../prive"\n' in (root / "wetgeving.toml").read_text("utf-8")
    assert git(root, "status", "--porcelain") == ""
    assert git(prive, "log", "--format=%s").splitlines() == [
        "Privé-repository voor niet-openbare consultatiereacties"
    ]
    before = git(root, "rev-parse", "HEAD")
    again = ok(root, "setup", "--prive", "../prive")
    assert (
        again.splitlines()[-1] == f"privé-repository voor niet-openbare reacties gevonden: {prive}"
    )
    assert git(root, "rev-parse", "HEAD") == before
    assert (prive / ".wetgeving-prive").is_file()
    code, _, err = run(root, "setup", "--prive", "../ander")
    assert code == 3
    assert (
        err
        == f"fout: {root.resolve()}/wetgeving.toml: team.prive = '../prive': het dossier noemt al een privé-repository; pas de regel in wetgeving.toml zelf aan als die moet veranderen\n"
    )


def test_niet_openbare_reaction_lands_only_in_the_private_repository(
    pair: tuple[Path, Path],
) -> None:
    """A niet-openbare reaction is written and committed in the private repository alone; an
    openbare one in the dossier alone; neither repository's history holds the other's."""
    root, prive = pair
    secret = respond(root, False, SECRET, SECRET_NAME)
    public = respond(root, True, PUBLIC)
    assert sorted(p.name for p in (prive / "consultation_responses").glob("*.md")) == [
        f"{secret}.md"
    ]
    assert sorted(p.name for p in (root / "consultation_responses").glob("*.md")) == [
        f"{public}.md"
    ]
    assert git(prive, "log", "-1", "--format=%s") == f"Consultatiereactie {secret} vastgelegd\n"
    assert git(root, "log", "-1", "--format=%s") == f"Consultatiereactie {public} vastgelegd\n"
    public_history = git(root, "log", "--all", "-p")
    assert SECRET not in public_history and SECRET_NAME not in public_history
    assert secret not in public_history
    assert PUBLIC not in git(prive, "log", "--all", "-p")
    assert git(root, "status", "--porcelain") == "" and git(prive, "status", "--porcelain") == ""


def test_every_reading_command_reads_both(pair: tuple[Path, Path]) -> None:
    """list, show, dispose, redact, export --intern and the intern verslag see the private
    reaction (the default export, which may be sent on, does not); a disposition of it is committed in the private repository; short references are
    unique over both folders."""
    root, prive = pair
    secret = respond(root, False, SECRET + " Bel 06-12345678.", SECRET_NAME)
    public = respond(root, True, PUBLIC)
    listing = ok(root, "responses", "list")
    assert (
        f"{SECRET_NAME} [niet openbaar]" in listing and "Stichting Voorbeeld [openbaar]" in listing
    )
    short = secret.rpartition("-")[2][:6]
    assert f"indiener    {SECRET_NAME}" in ok(root, "responses", "show", short)
    out = ok(
        root,
        "respond",
        "dispose",
        short,
        "--status",
        "overgenomen",
        "--reason",
        "Verwerkt.",
        "--in",
        "v2",
    )
    sha = re.findall(r"commit ([0-9a-f]{10})", out)[0]
    assert git(prive, "log", "-1", "--format=%H").startswith(sha)
    assert git(prive, "log", "-1", "--format=%s") == f"Reactie {secret}: alle punten overgenomen\n"
    assert "overgenomen in v2" in ok(root, "responses", "list", "--provision", "273f lid 3")
    ok(root, "responses", "redact", short)
    assert "[verwijderd: telefoonnummer]" in (
        prive / "consultation_responses" / f"{secret}.md"
    ).read_text("utf-8")
    data = json.loads(ok(root, "responses", "list", "--format", "json"))
    assert sorted(r["id"] for r in data) == sorted([secret, public])
    ok(
        root,
        "responses",
        "export",
        "--format",
        "csv",
        "--intern",
        "-o",
        str(root.parent / "tabel.csv"),
    )
    assert SECRET_NAME in (root.parent / "tabel.csv").read_text("utf-8-sig")
    sheet = root.parent / "openbaar.csv"
    ok(root, "responses", "export", "--format", "csv", "-o", str(sheet))
    assert SECRET not in sheet.read_text("utf-8-sig") and PUBLIC in sheet.read_text("utf-8-sig")
    assert SECRET in ok(root, "verslag", "v2")
    assert git(root, "status", "--porcelain") == ""


def _texts(folder: Path) -> dict[str, str]:
    """Every file of a bundle folder as text (a Word file: its document XML)."""
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.suffix == ".docx":
            with zipfile.ZipFile(path) as z:
                out[path.relative_to(folder).as_posix()] = z.read("word/document.xml").decode()
        elif path.is_file():
            out[path.relative_to(folder).as_posix()] = path.read_bytes().decode("utf-8", "replace")
    return out


def test_public_documents_hold_no_private_text(pair: tuple[Path, Path]) -> None:
    """The MvT, the public verslag and the public bundle are made from the dossier's repository
    alone: no private text, name or id in any of their files (Word files read inside); the
    intern editions do show the private reaction."""
    root, _ = pair
    secret = respond(root, False, SECRET, SECRET_NAME)
    respond(root, True, PUBLIC)
    outputs = root.parent / "uit"
    outputs.mkdir()
    for fmt in ("md", "html", "docx"):
        ok(root, "mvt", "v2", "--against", "v1", "-o", str(outputs / f"mvt.{fmt}"))
        ok(root, "verslag", "v2", "--openbaar", "-o", str(outputs / f"verslag.{fmt}"))
    ok(root, "bundle", "v2", "-o", str(outputs / "bundel"))
    texts = _texts(outputs)
    assert len(texts) > 20
    for name, text in texts.items():
        for secret_part in (SECRET, SECRET_NAME, secret, secret.rpartition("-")[2][:6]):
            assert secret_part not in text, (name, secret_part)
    assert any(PUBLIC in text for text in texts.values())
    ok(root, "bundle", "v2", "--intern", "-o", str(root.parent / "intern"))
    intern = _texts(root.parent / "intern")
    assert SECRET in intern["verslag.md"] and SECRET_NAME in intern["reacties/indieners.html"]
    assert SECRET not in intern["mvt.md"]  # the MvT is a public document in either bundle


def test_public_counts_say_they_leave_the_private_reactions_out(pair: tuple[Path, Path]) -> None:
    """A public document counts only the reactions in the dossier's repository and says so,
    so the MvT never states a wrong number of reactions received; the intern verslag counts all."""
    root, _ = pair
    respond(root, False, SECRET, SECRET_NAME)
    respond(root, True, PUBLIC)
    note = "(niet meegeteld: de niet-openbare reacties, die afzonderlijk worden bewaard)"
    assert f"Er is 1 reactie ontvangen {note}." in ok(root, "mvt", "v2", "--against", "v1")
    public = ok(root, "verslag", "v2", "--openbaar")
    assert f"Ontvangen reacties: 1 {note}." in public
    assert "openbare uitgave: niet-openbare reacties zijn weggelaten of geanonimiseerd" in public
    assert "Ontvangen reacties: 2." in ok(root, "verslag", "v2")


def test_public_documents_need_no_private_clone(pair: tuple[Path, Path]) -> None:
    """Someone who may not read the private repository (no clone of it) builds the public
    documents and the default export, and lists and shows the dossier's own responses with a
    warning; commands that write or need every response tell how to get it."""
    root, prive = pair
    public = respond(root, True, PUBLIC)
    shutil.rmtree(prive)
    assert PUBLIC in ok(root, "verslag", "v2", "--openbaar")
    ok(root, "mvt", "v2", "--against", "v1")
    ok(root, "responses", "export", "--format", "csv", "-o", str(root.parent / "tabel.csv"))
    warning = (
        "waarschuwing: de privé-repository ../prive staat niet op deze computer; alleen de "
        "reacties in het dossier zelf worden getoond, zonder de niet-openbare die daar staan\n"
    )
    code, out, err = run(root, "responses", "list")
    assert (code, err) == (0, warning)
    assert PUBLIC in out
    code, out, err = run(root, "responses", "show", public)
    assert (code, err) == (0, warning)
    assert PUBLIC in out
    code, _, err = run(root, "verslag", "v2")
    assert code == 3
    assert err == (
        f"fout: {root.resolve()}/wetgeving.toml: team.prive = '../prive': {prive.resolve()} bestaat niet; "
        f"clone de privé-repository daar ('git clone URL {prive.resolve()}') of maak haar met "
        "'wetgeving setup --prive ../prive'\n"
    )


def test_import_puts_niet_openbare_rows_in_the_private_repository(pair: tuple[Path, Path]) -> None:
    """`responses import` writes the rows with Openbaar 'nee' to the private repository (one
    commit there), the others to the dossier (one commit); re-importing adds nothing."""
    root, prive = pair
    (root / "wetgeving.toml").write_text(
        (root / "wetgeving.toml").read_text("utf-8")
        + "\n"
        + (FIXTURES / "responses" / "internetconsultatie-vragen.toml").read_text("utf-8"),
        encoding="utf-8",
    )
    git(root, "commit", "-qam", "vragen")
    sheet = FIXTURES / "responses" / "internetconsultatie-export.csv"
    out = ok(root, "responses", "import", str(sheet))
    assert "34 reacties geïmporteerd, 1 al aanwezig" in out
    public = list((root / "consultation_responses").glob("*.md"))
    hidden = list((prive / "consultation_responses").glob("*.md"))
    assert len(public) + len(hidden) == 34 and hidden
    assert all('openbaar: "ja"' in p.read_text("utf-8") for p in public)
    assert all('openbaar: "nee"' in p.read_text("utf-8") for p in hidden)
    assert "P. Geheim" not in git(root, "log", "--all", "-p")
    assert git(prive, "log", "-1", "--format=%s").startswith("Consultatiereacties geïmporteerd uit")
    again = ok(root, "responses", "import", str(sheet))
    assert "0 reacties geïmporteerd, 35 al aanwezig" in again
    assert ok(root, "responses", "list").count("\n") > 34


def test_a_repository_not_made_as_private_repository_is_never_written(tmp_path: Path) -> None:
    """wetgeving.toml travels with the dossier and is not trusted: a setting that names some other
    git repository of the lawyer's (no .wetgeving-prive marker) is refused before anything is
    written or committed there; `setup --prive` on it adds the marker in one commit."""
    root = tmp_path / "dossier"
    make_dossier(root)
    other = tmp_path / "ander-project"
    other.mkdir()
    git(other, "init", "-q")
    (other / "notities.txt").write_text("eigen werk", encoding="utf-8")
    git(other, "add", "notities.txt")
    git(other, "commit", "-q", "-m", "eigen werk")
    (root / "wetgeving.toml").write_text(
        (root / "wetgeving.toml").read_text("utf-8") + '\n[team]\nprive = "../ander-project"\n',
        encoding="utf-8",
    )
    code, _, err = run(root, "respond", "--respondent", "X", "--version", "v1",
                       "--niet-openbaar", "--point", "algemeen=Geheim.")  # fmt: skip
    assert code == 3
    assert err == (
        f"fout: {root.resolve()}/wetgeving.toml: team.prive = '../ander-project': "
        f"{other.resolve()} is geen privé-repository van een dossier (.wetgeving-prive ontbreekt); "
        "maak haar met 'wetgeving setup --prive ../ander-project'\n"
    )
    assert git(other, "log", "--format=%s") == "eigen werk\n"
    assert sorted(p.name for p in other.iterdir()) == [".git", "notities.txt"]
    code, _, err = run(root, "sync")
    assert code == 3 and "(.wetgeving-prive ontbreekt)" in err


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (
            '"sub"',
            "ligt in het dossier; de privé-repository is een eigen repository naast het dossier (bijvoorbeeld '../273f-prive')",
        ),
        (
            '"."',
            "ligt in het dossier; de privé-repository is een eigen repository naast het dossier (bijvoorbeeld '../273f-prive')",
        ),
        (
            '".."',
            "het dossier ligt in die map; de privé-repository is een eigen repository naast het dossier (bijvoorbeeld '../273f-prive')",
        ),
        (
            '"../gewone-map"',
            "{parent}/gewone-map is geen git-repository; clone de privé-repository daar of maak haar met 'wetgeving setup --prive ../gewone-map'",
        ),
    ],
)
def test_bad_setting_is_one_dutch_line(tmp_path: Path, value: str, reason: str) -> None:
    """A private repository inside the dossier, around it, or a folder that is no repository of
    its own is refused naming the setting and its value, exit 3, nothing written."""
    root = tmp_path / "dossier"
    make_dossier(root)
    (root / "sub").mkdir()
    (tmp_path / "gewone-map").mkdir()
    (root / "wetgeving.toml").write_text(
        (root / "wetgeving.toml").read_text("utf-8") + f"\n[team]\nprive = {value}\n",
        encoding="utf-8",
    )
    code, _, err = run(
        root,
        "respond",
        "--respondent",
        "X",
        "--version",
        "v1",
        "--niet-openbaar",
        "--point",
        "algemeen=tekst",
    )
    assert code == 3
    shown = value.strip('"')
    expected = reason.format(parent=tmp_path.resolve())
    assert err == f"fout: {root.resolve()}/wetgeving.toml: team.prive = '{shown}': {expected}\n"
    assert not list((root / "consultation_responses").glob("*.md"))


def test_setting_that_is_no_path_is_refused(tmp_path: Path) -> None:
    """`prive = 3` (or an empty text) is no path: refused by every command, naming the key."""
    root = tmp_path / "dossier"
    make_dossier(root)
    config = root / "wetgeving.toml"
    config.write_text(config.read_text("utf-8") + "\n[team]\nprive = 3\n", encoding="utf-8")
    code, _, err = run(root, "version", "list")
    assert code == 3
    assert (
        err
        == f'fout: {config.resolve()}: team.prive: 3 is geen pad; geef de map van de privé-repository, bijvoorbeeld prive = "../273f-prive"\n'
    )


def test_no_output_into_the_private_responses(pair: tuple[Path, Path]) -> None:
    """A document is never written among the private repository's responses."""
    root, prive = pair
    target = prive / "consultation_responses" / "verslag.md"
    code, _, err = run(root, "verslag", "v2", "-o", str(target))
    assert code == 9
    # (the verslag warns first that the dossier has no reactions yet)
    assert (
        err.splitlines()[-1]
        == f"fout: {target}: uitvoer in de reacties van de privé-repository is niet toegestaan; kies een ander pad"
    )
    assert not target.exists()


def test_short_references_and_index_span_both_repositories(pair: tuple[Path, Path]) -> None:
    """Two ids that start alike, one in each repository, get short references that tell them
    apart and an ambiguous start lists both; each repository keeps its own response index,
    which sees a private file edited by hand."""
    from dataclasses import replace

    from wetgeving import dossier as dossier_mod
    from wetgeving.consultation import store

    root, prive = pair
    d = dossier_mod.load(root)
    a, b = "20261128T131959Z-fa7f48294d", "20261128T132000Z-fa7f48c001"
    for made, new_id in ((respond(root, True, PUBLIC), a), (respond(root, False, SECRET), b)):
        response = store.load(d, made)
        store.save(d, [replace(response, id=new_id)], f"Consultatiereactie {new_id}", new=True)
    assert (root / "consultation_responses" / f"{a}.md").is_file()
    assert (prive / "consultation_responses" / f"{b}.md").is_file()
    code, _, err = run(root, "responses", "show", "fa7f48")
    assert code == 8
    assert err == f"fout: reactie 'fa7f48' is niet eenduidig: past bij {a}, {b}; typ meer tekens\n"
    data = json.loads(ok(root, "responses", "list", "--format", "json"))
    refs = {r["id"]: r["ref"] for r in data}
    assert (refs[a], refs[b]) == ("fa7f482", "fa7f48c")
    assert (prive / ".git" / "wetgeving-cache" / "responses.idx").is_file()
    assert (root / ".git" / "wetgeving-cache" / "responses.idx").is_file()
    path = prive / "consultation_responses" / f"{b}.md"
    path.write_text(path.read_text("utf-8").replace(SECRET, "Met de hand gewijzigd"), "utf-8")
    assert "Met de hand gewijzigd" in ok(root, "responses", "list")


def test_left_over_private_file_is_named_and_committed_there(pair: tuple[Path, Path]) -> None:
    """A private response file written but not committed (an interrupted command) is named by
    `responses list` with its path from the dossier, and the next write commits it in the
    private repository."""
    root, prive = pair
    secret = respond(root, False, SECRET, SECRET_NAME)
    path = prive / "consultation_responses" / f"{secret}.md"
    git(prive, "rm", "-q", "--cached", str(path))
    git(prive, "commit", "-qm", "kwijt")
    code, _, err = run(root, "responses", "list")
    assert code == 0
    assert f"../prive/consultation_responses/{secret}.md" in err
    respond(root, True, PUBLIC)
    assert git(prive, "log", "-1", "--format=%s").startswith(
        "Consultatiereacties vastgelegd die een afgebroken opdracht niet vastlegde (1)"
    )
    assert git(prive, "status", "--porcelain") == ""
