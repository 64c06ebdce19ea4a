"""`wetgeving responses import`: CSV in every Excel flavour, .xlsx, idempotency, bad rows."""
# ruff: noqa: E501 (expected Dutch messages are kept on one line to compare them exactly)

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from test_consultation_support import commits, committed_files, make_dossier, response_files, status
from wetgeving import dossier as dossier_mod
from wetgeving.cli.app import app
from wetgeving.consultation import store, xlsx

runner = CliRunner()
HEADER = [
    "Naam",
    "Organisatie",
    "Plaats",
    "Datum",
    "Openbaar",
    "Artikel",
    "Reactie",
    "Vraag 1",
    "Vraag 2",
]
ROWS = [
    ["Anna Voorbeeld", "", "Voorbeeldstad", "20-11-2026", "ja", "artikel 273f, derde lid", "Te ruim; 'minderjarig' vraagt uitleg.", "Ja.", ""],
    ["Bram Proef", "Stichting Voorbeeld (fictief)", "Proefdorp", "2026-11-21", "nee", "", "Algemene zorg over de strafmaat.", "", "Nee, want: zie boven."],
    ["Cor Fictief", "Voorbeeld B.V.", "Ergens", "21 november 2026", "Nee", "273fa lid 1", "Benadeling is te vaag.", "", ""],
]  # fmt: skip


@pytest.fixture
def root(tmp_path: Path) -> Path:
    make_dossier(tmp_path / "d")
    return tmp_path / "d"


def d_of(root: Path) -> dossier_mod.Dossier:
    return dossier_mod.load(root)


def write_csv(path: Path, rows: list[list[str]], sep: str = ",", encoding: str = "utf-8") -> Path:
    def cell(value: str) -> str:
        if any(c in value for c in (sep, '"', "\n", ";", ",")):
            return '"' + value.replace('"', '""') + '"'
        return value

    text = "\r\n".join(sep.join(cell(c) for c in row) for row in rows) + "\r\n"
    path.write_bytes(text.encode(encoding))
    return path


def run(root: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--dossier", str(root), "responses", "import", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("sep", "encoding"),
    [(",", "utf-8"), (";", "utf-8"), (";", "utf-8-sig"), (";", "cp1252"), (",", "cp1252")],
)
def test_csv_flavours_import_the_same(root: Path, tmp_path: Path, sep: str, encoding: str) -> None:
    """Comma or semicolon, UTF-8 with or without BOM, Windows-1252: the same three responses."""
    rows = [
        *ROWS,
        ["Daniëlle Één", "", "Zoë’s dorp", "2026-11-22", "ja", "", "Prima — € 5", "", ""],
    ]
    path = write_csv(tmp_path / "reacties.csv", [HEADER, *rows], sep, encoding)
    code, out, err = run(root, str(path), "--version", "v1")
    assert code == 0, err
    assert out.startswith("4 rijen gelezen: 4 reacties geïmporteerd (commit ")
    d = d_of(root)
    loaded = sorted(store.load_all(d), key=lambda r: r.respondent)
    assert [r.respondent for r in loaded] == [
        "Anna Voorbeeld",
        "Bram Proef",
        "Cor Fictief",
        "Daniëlle Één",
    ]
    anna, bram, cor, dani = loaded
    assert [(p.ref, p.question, p.text) for p in anna.points] == [
        ("artikel 273f, derde lid", "", "Te ruim; 'minderjarig' vraagt uitleg."),
        ("algemeen", "Vraag 1", "Ja."),
    ]
    assert (anna.received, anna.openbaar, anna.kind, anna.version) == (
        "2026-11-20",
        True,
        "burger",
        "v1",
    )
    assert (bram.organisation, bram.kind, bram.openbaar) == (
        "Stichting Voorbeeld (fictief)",
        "organisatie",
        False,
    )
    assert [p.question for p in bram.points] == ["", "Vraag 2"]
    assert (cor.received, cor.points[0].node) == ("2026-11-21", "art.273fa/lid.1")
    assert (dani.place, dani.points[0].text) == ("Zoë’s dorp", "Prima — € 5")
    assert len(committed_files(d)) == 4
    assert commits(d)[0] == "Consultatiereacties geïmporteerd uit reacties.csv (4)"
    assert "consultation_responses" not in status(d)


def test_xlsx_import(root: Path, tmp_path: Path) -> None:
    """An .xlsx sheet with real dates, numbers and formula-like text imports like a CSV."""
    import datetime as dt

    rows: list[list[object]] = [HEADER]
    rows.append(["Anna Voorbeeld", None, "Voorbeeldstad", dt.datetime(2026, 11, 20, 13, 5), "ja",
                 "273f lid 3", "Zie =HYPERLINK(\"http://voorbeeld.invalid\")", None, None])  # fmt: skip
    rows.append(["Bram Proef", "", "", "2026-11-21", "nee", None, 12345, "", "x"])
    path = tmp_path / "reacties.xlsx"
    xlsx.write_rows(path, rows)
    code, _out, err = run(root, str(path), "--version", "v1")
    assert code == 0, err
    loaded = sorted(store.load_all(d_of(root)), key=lambda r: r.respondent)
    assert loaded[0].received == "2026-11-20"
    assert loaded[0].points[0].text == 'Zie =HYPERLINK("http://voorbeeld.invalid")'
    assert [p.text for p in loaded[1].points] == ["12345", "x"]


def test_reimport_adds_nothing(root: Path, tmp_path: Path) -> None:
    """Importing the same file twice keeps one copy of every response and makes no commit."""
    path = write_csv(tmp_path / "r.csv", [HEADER, *ROWS])
    assert run(root, str(path), "--version", "v1")[0] == 0
    before = commits(d_of(root))
    code, out, _ = run(root, str(path), "--version", "v1")
    assert (code, out) == (0, "3 rijen gelezen: 0 reacties geïmporteerd, 3 al aanwezig\n")
    assert commits(d_of(root)) == before
    assert len(response_files(d_of(root))) == 3


def test_every_row_is_kept_and_adjustments_are_named(root: Path, tmp_path: Path) -> None:
    """No row is ever dropped: a value that cannot be stored as written is stored safely (the
    import date, not public, kept as written), each adjustment named with its row number, and
    rows read = responses stored + duplicates."""
    import datetime as dt

    rows = [
        HEADER,
        ROWS[0],
        ["Zonder Datum", "", "", "", "ja", "", "Tekst", "", ""],
        ["Onbekend Lid", "", "", "2026-11-20", "ja", "273f lid 12", "Tekst", "", ""],
        ["Leeg", "", "", "2026-11-20", "ja", "", "", "", ""],
        ["Rare Openbaar", "", "", "2026-11-20", "misschien", "", "Tekst", "", ""],
        ["", "", "", "", "", "", "", "", ""],
        ROWS[1],
        ["", "", "Ergens", "31-02-2026", "ja", "", "Geen naam", "", ""],
    ]
    path = write_csv(tmp_path / "r.csv", rows, ";")
    code, out, err = run(root, str(path), "--version", "v1")
    today = dt.date.today().isoformat()
    assert code == 0
    assert out.startswith(
        "7 rijen gelezen: 7 reacties geïmporteerd; 1 punt niet gekoppeld, "
        "zie wetgeving responses list --unlinked (commit "
    )
    assert err.splitlines() == [
        f"rij 3: datum ontbreekt; als datum van ontvangst geldt {today}",
        "rij 4: artikel 273f, twaalfde lid bestaat niet in versie v1; opgeslagen zoals geschreven (niet gekoppeld)",
        "rij 5: geen reactietekst; vastgelegd zonder punten",
        "rij 6: openbaar 'misschien' onleesbaar; vastgelegd als niet openbaar",
        "rij 9: geen naam; vastgelegd als '(naam ontbreekt)'",
        f"rij 9: ongeldige datum '31-02-2026': die dag bestaat niet; als datum van ontvangst geldt {today}",
    ]
    loaded = {r.respondent: r for r in store.load_all(d_of(root))}
    assert len(loaded) == 7
    lid = loaded["Onbekend Lid"].points[0]
    assert (lid.ref, lid.node, lid.linked) == ("273f lid 12", "", False)
    assert loaded["Leeg"].points == ()
    rare = loaded["Rare Openbaar"]
    assert rare.openbaar is False
    assert rare.notes == "Uit de import van r.csv (rij 6):\n- openbaar in de bron: misschien\n"
    nameless = loaded["(naam ontbreekt)"]
    assert (nameless.received, nameless.place) == (today, "Ergens")
    assert "- datum in de bron: 31-02-2026" in nameless.notes


def test_strict_refuses_the_whole_import(root: Path, tmp_path: Path) -> None:
    """With --strict a row that would be stored adjusted refuses everything; nothing is written
    or committed."""
    rows = [HEADER, ROWS[0], ["Zonder Datum", "", "", "", "ja", "", "Tekst", "", ""]]
    path = write_csv(tmp_path / "r.csv", rows)
    before = commits(d_of(root))
    code, _out, err = run(root, str(path), "--version", "v1", "--strict")
    today = __import__("datetime").date.today().isoformat()
    assert code == 8
    assert err == (
        "fout: r.csv: import geweigerd (--strict), 1 rij kan niet ongewijzigd worden "
        "vastgelegd; er is niets geïmporteerd; rij 3: datum ontbreekt; als datum van "
        f"ontvangst geldt {today}\n"
    )
    assert response_files(d_of(root)) == []
    assert commits(d_of(root)) == before


def test_map_and_email_columns(root: Path, tmp_path: Path) -> None:
    """--map renames columns; e-mail columns are dropped and never stored."""
    rows = [
        ["Indiener", "E-mailadres", "Ontvangen", "Bepaling", "Inbreng", "Intern"],
        ["Anna Voorbeeld", "anna@voorbeeld.invalid", "2026-11-20", "273f lid 2", "Tekst", "x"],
    ]
    path = write_csv(tmp_path / "r.csv", rows)
    code, _out, err = run(
        root, str(path), "--version", "v1", "--map", "Indiener=naam", "--map", "Ontvangen=datum",
        "--map", "Bepaling=artikel", "--map", "Inbreng=reactie", "--map", "Intern=negeer",
    )  # fmt: skip
    assert code == 0, err
    assert (
        err == "let op: kolom 'E-mailadres' overgeslagen: e-mailadressen worden niet opgeslagen\n"
    )
    (path_r,) = response_files(d_of(root))
    assert "anna@voorbeeld.invalid" not in path_r.read_text("utf-8")
    code, _, err = run(root, str(path), "--map", "E-mailadres=email")
    assert (code, err) == (
        8,
        "fout: --map 'E-mailadres=email': e-mailadressen worden niet opgeslagen\n",
    )
    code, _, err = run(root, str(path), "--map", "Indiener=schoenmaat")
    assert code == 8
    assert err.startswith(
        "fout: --map 'Indiener=schoenmaat': onbekend veld 'schoenmaat'; kies uit: "
    )


def test_missing_name_column_explains_map(root: Path, tmp_path: Path) -> None:
    """A sheet without a name column is refused with a hint to use --map."""
    path = write_csv(tmp_path / "r.csv", [["Wie", "Reactie"], ["A", "B"]])
    code, _, err = run(root, str(path))
    assert (code, err) == (
        8, "fout: geen kolom 'Naam' gevonden; geef de kolom aan met --map KOLOM=respondent\n",
    )  # fmt: skip


def test_hostile_cells_are_data(root: Path, tmp_path: Path) -> None:
    """Script tags, template syntax, path names and a 10 MB cell break nothing, run nothing
    and write nothing outside consultation_responses/."""
    rows = [
        HEADER,
        ["<script>alert(1)</script>", "{{ 7*7 }}", "../../etc/passwd", "2026-11-20", "ja", "",
         "{% for x in y %}{{ x }}{% endfor %} <script>alert('x')</script> ../../../tmp/x", "", ""],
        ["---\nid: x", "", "", "2026-11-20", "ja", "", "---\nrespondent: ander\n---", "", ""],
    ]  # fmt: skip
    path = write_csv(tmp_path / "r.csv", rows)
    before = sorted(p.name for p in root.iterdir())
    code, out, err = run(root, str(path), "--version", "v1")
    assert (code, err) == (0, "")
    assert out.startswith("2 rijen gelezen: 2 reacties geïmporteerd (commit ")
    assert sorted(p.name for p in root.iterdir()) == before
    assert not (tmp_path / "x").exists()
    d = d_of(root)
    loaded = {r.respondent: r for r in store.load_all(d)}
    script = loaded["<script>alert(1)</script>"]
    assert (script.organisation, script.place) == ("{{ 7*7 }}", "../../etc/passwd")
    assert script.points[0].text.startswith("{% for x in y %}")
    assert loaded["--- id: x"].points[0].text == "---\nrespondent: ander\n---"
    assert all(f.parent.name == "consultation_responses" for f in response_files(d))


def test_a_text_too_long_to_store_refuses_the_import(root: Path, tmp_path: Path) -> None:
    """A reaction is never cut short: a 10 MB cell refuses the whole import, naming its row,
    and nothing is written."""
    rows = [HEADER, ROWS[0], ["Lang", "", "", "2026-11-20", "ja", "", "a" * 10_000_000, "", ""]]
    path = write_csv(tmp_path / "r.csv", rows)
    before = commits(d_of(root))
    code, _, err = run(root, str(path), "--version", "v1")
    assert (code, err) == (
        8,
        "fout: r.csv: rij 3: reactie is 10.000.000 tekens lang; het maximum is 1.000.000; "
        "er is niets geïmporteerd (een reactie wordt nooit ingekort)\n",
    )
    assert response_files(d_of(root)) == [] and commits(d_of(root)) == before


def test_unknown_file_type_and_empty_file(root: Path, tmp_path: Path) -> None:
    """Only .csv and .xlsx are read; an empty file is refused."""
    other = tmp_path / "r.pdf"
    other.write_bytes(b"%PDF")
    code, _, err = run(root, str(other))
    assert (code, err) == (
        8,
        f"fout: {other}: onbekend bestandstype '.pdf'; gebruik .csv of .xlsx\n",
    )
    empty = tmp_path / "leeg.csv"
    empty.write_bytes(b"")
    code, _, err = run(root, str(empty))
    assert (code, err) == (8, f"fout: {empty}: het bestand is leeg\n")
    broken = tmp_path / "kapot.xlsx"
    broken.write_bytes(b"geen zip")
    code, _, err = run(root, str(broken))
    assert code == 8 and err.startswith(f"fout: {broken}: geen leesbaar Excel-bestand (.xlsx)")


def test_without_date_column_today_is_used(root: Path, tmp_path: Path) -> None:
    """A sheet without a Datum column takes the import date, and says so."""
    import datetime as dt

    path = write_csv(tmp_path / "r.csv", [["Naam", "Reactie"], ["Anna Voorbeeld", "Tekst"]])
    code, _out, err = run(root, str(path), "--version", "v1")
    today = dt.date.today().isoformat()
    assert (code, err) == (
        0,
        f"let op: geen kolom 'Datum': als datum van ontvangst geldt {today}\n",
    )
    (r,) = store.load_all(d_of(root))
    assert r.received == today


def test_duplicate_rows_in_one_file_are_imported_once(root: Path, tmp_path: Path) -> None:
    """The same row twice in one sheet gives one response."""
    path = write_csv(tmp_path / "r.csv", [HEADER, ROWS[0], ROWS[0], ROWS[1]])
    code, out, _ = run(root, str(path), "--version", "v1")
    assert code == 0
    assert out.startswith("3 rijen gelezen: 2 reacties geïmporteerd, 1 al aanwezig (commit ")


def test_progress_is_reported_to_the_caller(root: Path, tmp_path: Path) -> None:
    """The library reports progress through a callback (the CLI draws a bar on a terminal)."""
    from wetgeving.consultation import importer, provisions

    rows = [HEADER] + [
        [f"Persoon {i}", "", "", "2026-11-20", "ja", "", f"Tekst {i}", "", ""] for i in range(1200)
    ]
    path = write_csv(tmp_path / "r.csv", rows)
    d = d_of(root)
    seen: list[tuple[int, int]] = []
    result = importer.import_file(
        d, path, provisions.linker(d, "v1"),
        progress=lambda done, total: seen.append((done, total)),
    )  # fmt: skip
    assert result.imported == 1200
    assert seen == [(500, 1200), (1000, 1200), (1200, 1200)]
    assert len(store.summaries(d)) == 1200


def test_failed_commit_leaves_nothing_behind(root: Path, tmp_path: Path) -> None:
    """When git refuses the commit, the files written by the import are removed again."""
    path = write_csv(tmp_path / "r.csv", [HEADER, *ROWS])
    lock = root / ".git" / "index.lock"
    lock.write_text("", encoding="utf-8")
    try:
        code, _out, err = run(root, str(path), "--version", "v1")
    finally:
        lock.unlink()
    assert code == 5
    assert err.startswith("fout: git is bezet")
    assert response_files(d_of(root)) == []
    assert list((root / "consultation_responses").glob(".tmp-*")) == []


def _git(root: Path, *args: str) -> str:
    import subprocess

    return subprocess.run(
        ["git", *args], cwd=root, capture_output=True, text=True, check=True
    ).stdout.strip()


def test_large_import_packs_the_blobs_and_leaves_git_clean(root: Path, tmp_path: Path) -> None:
    """A large import stores its blobs in one pack (no loose object per file), commits every
    response file in one commit and leaves no change, staged file or temporary file behind."""
    rows = [HEADER] + [
        [f"Persoon {i}", "", "", "2026-11-20", "ja", "", f"Tekst {i}", "", ""] for i in range(1100)
    ]
    path = write_csv(tmp_path / "r.csv", rows)
    loose_before = int(_git(root, "count-objects").split()[0])
    code, out, _ = run(root, str(path), "--version", "v1")
    assert code == 0
    assert out.startswith("1100 rijen gelezen: 1100 reacties geïmporteerd (commit ")
    d = d_of(root)
    assert len(committed_files(d)) == 1100
    assert status(d) == "?? wetgeving.toml\n"  # left untracked by the test dossier
    counts = dict(line.split(": ") for line in _git(root, "count-objects", "-v").splitlines())
    assert int(counts["in-pack"]) >= 1100
    assert int(counts["count"]) - loose_before < 10  # the commit and its trees only
    assert list((root / "consultation_responses").glob(".tmp-*")) == []
    assert _git(root, "fsck", "--no-dangling") == ""


def test_import_leaves_a_staged_file_of_the_user_alone(root: Path, tmp_path: Path) -> None:
    """A file the user staged before the import is not committed with it and stays staged."""
    (root / "notitie.txt").write_text("eigen werk", encoding="utf-8")
    _git(root, "add", "--", "notitie.txt")
    path = write_csv(tmp_path / "r.csv", [HEADER, *ROWS])
    code, _out, _ = run(root, str(path), "--version", "v1")
    assert code == 0
    d = d_of(root)
    assert all(p.startswith("consultation_responses/") for p in committed_files(d))
    assert len(committed_files(d)) == 3
    assert _git(root, "diff", "--cached", "--name-only") == "notitie.txt"
    assert status(d) == "A  notitie.txt\n?? wetgeving.toml\n"


def test_import_with_nothing_staged_commits_only_the_responses(root: Path, tmp_path: Path) -> None:
    """With a clean index the import commits its files and nothing else (an untracked file stays
    untracked) and the index matches the new commit."""
    (root / "los.txt").write_text("los", encoding="utf-8")
    path = write_csv(tmp_path / "r.csv", [HEADER, *ROWS])
    code, _out, _ = run(root, str(path), "--version", "v1")
    assert code == 0
    d = d_of(root)
    assert len(committed_files(d)) == 3
    assert all(p.startswith("consultation_responses/") for p in committed_files(d))
    assert status(d) == "?? los.txt\n?? wetgeving.toml\n"


def test_import_leaves_no_temporary_files(root: Path, tmp_path: Path) -> None:
    """Each file is written under a temporary name and renamed: after an import every response is
    there, committed and indexed, and no temporary file stays behind."""
    path = write_csv(tmp_path / "r.csv", [HEADER, *ROWS])
    code, out, _ = run(root, str(path), "--version", "v1")
    assert code == 0
    assert out.startswith("3 rijen gelezen: 3 reacties geïmporteerd (commit ")
    d = d_of(root)
    assert len(response_files(d)) == 3
    assert len(committed_files(d)) == 3
    assert list((root / "consultation_responses").glob(".tmp-*")) == []
    assert not (root / ".git" / "wetgeving-tmp").exists()
    assert [s.id for s in store.summaries(d)] == [p.name[:-3] for p in response_files(d)]


def test_files_an_interrupted_import_left_half_written_are_cleared(
    root: Path, tmp_path: Path
) -> None:
    """An import writes each file in the git folder's wetgeving-tmp/ first (a small folder) and
    renames it into place; a file a killed import left there was never a response: the next
    import removes it, and it is never read, listed or committed."""
    left = root / ".git" / "wetgeving-tmp"
    left.mkdir()
    (left / "20261128T130501Z-3f9c2a1b0d.md").write_text("---\nid: half", encoding="utf-8")
    path = write_csv(tmp_path / "r.csv", [HEADER, *ROWS])
    code, out, err = run(root, str(path), "--version", "v1")
    assert (code, err) == (0, "")
    assert out.startswith("3 rijen gelezen: 3 reacties geïmporteerd (commit ")
    assert not left.exists()
    d = d_of(root)
    assert len(committed_files(d)) == 3
    assert "20261128T130501Z-3f9c2a1b0d" not in [s.id for s in store.summaries(d)]


_CELLS = st.sampled_from([
    "", " ", "Anna", "B. Proef", "ja", "nee", "misschien", "2026-11-20", "31-02-2026", "gisteren",
    "273f lid 3", "ARTIKEL I, onderdeel B", "273f lid 12", "zie bijlage", "Ja", "Nee, want x.",
    "a@b.nl", "tekst\nover twee regels", "=SOM(A1)", "x" * 400,
])  # fmt: skip


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.lists(_CELLS, min_size=9, max_size=9), min_size=1, max_size=12))
def test_no_row_is_ever_dropped(root: Path, tmp_path: Path, rows: list[list[str]]) -> None:
    """Whatever the cells hold, every row with a value is a stored response or a duplicate of
    one: rows read = imported + duplicates, and the dossier gains exactly the imported files."""
    from wetgeving.consultation import importer, provisions

    d = d_of(root)
    path = write_csv(tmp_path / "r.csv", [HEADER, *rows], ";")
    before = len(response_files(d))
    result = importer.import_file(d, path, provisions.linker(d, "v1"))
    expected_rows = sum(1 for r in rows if any(c.strip() for c in r))
    assert result.rows == expected_rows == result.imported + result.duplicates
    assert len(response_files(d)) == before + result.imported
