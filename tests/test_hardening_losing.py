"""Losing or doubling data: concurrent imports, stale xlsx dimensions, interrupted writes."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

from typer.testing import CliRunner

from test_consultation_support import commits, make_dossier, response_files, status
from test_responses_import import HEADER, write_csv
from wetgeving.cli.app import app
from wetgeving.consultation import xlsx
from wetgeving.dossier import Dossier

runner = CliRunner()
RECOVERED = "Consultatiereacties vastgelegd die een afgebroken opdracht niet vastlegde"


def _rows(count: int) -> list[list[str]]:
    return [
        [f"Indiener {n}", "", "Ergens", "20-11-2026", "ja", "artikel 273f, derde lid",
         f"Reactie nummer {n}.", "", ""]
        for n in range(count)
    ]  # fmt: skip


def test_two_concurrent_imports_of_one_file_store_each_row_once(tmp_path: Path) -> None:
    """Two `responses import` processes of the same file at once: the "already present" check
    runs under the consultation lock, so every row is stored once and the other process
    reports them all as present."""
    d = make_dossier(tmp_path / "d")
    path = write_csv(tmp_path / "r.csv", [HEADER, *_rows(300)])
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    args = [sys.executable, "-m", "wetgeving", "--dossier", str(d.root), "responses", "import"]
    procs = [
        subprocess.Popen(
            [*args, str(path), "--version", "v1"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(2)
    ]
    results = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    assert len(response_files(d)) == 300
    outs = sorted(re.sub(r" \(commit [0-9a-f]+\)", "", out) for out, _ in results)
    assert outs == [
        "300 rijen gelezen: 0 reacties geïmporteerd, 300 al aanwezig\n",
        "300 rijen gelezen: 300 reacties geïmporteerd\n",
    ]
    assert "consultation_responses" not in status(d)


def _stale_dimension(path: Path, ref: str) -> None:
    """Give the sheet a <dimension> as a program with a bug leaves it (openpyxl writes none)."""
    with zipfile.ZipFile(path) as archive:
        members = [(info, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in members:
            if info.filename == "xl/worksheets/sheet1.xml":
                tag = f'<dimension ref="{ref}"/>'.encode()
                assert data.count(b"<sheetViews>") == 1
                data = data.replace(b"<sheetViews>", tag + b"<sheetViews>")
            archive.writestr(info, data)


def test_xlsx_with_a_stale_dimension_imports_every_row(tmp_path: Path) -> None:
    """An .xlsx whose <dimension> says A1:B2 while the sheet holds 6 rows of 9 columns: every
    row and every column is read (rows read = rows in the sheet)."""
    d = make_dossier(tmp_path / "d")
    path = tmp_path / "r.xlsx"
    xlsx.write_rows(path, [HEADER, *_rows(5)])
    _stale_dimension(path, "A1:B2")
    assert len(list(xlsx.read_rows(path))) == 6
    result = runner.invoke(
        app, ["--dossier", str(d.root), "responses", "import", str(path), "--version", "v1"]
    )
    assert result.exit_code == 0
    assert result.stdout.startswith("5 rijen gelezen: 5 reacties geïmporteerd (commit ")
    assert len(response_files(d)) == 5
    assert commits(d)[0] == "Consultatiereacties geïmporteerd uit r.xlsx (5)"


def _git(d: Dossier, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=d.root, capture_output=True, text=True, check=True
    ).stdout


def _cli(d: Dossier, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--dossier", str(d.root), *args])
    return result.exit_code, result.stdout, result.stderr


def test_responses_left_uncommitted_by_a_killed_respond_are_reported_then_committed(
    tmp_path: Path,
) -> None:
    """After `kill -9` between writing and committing, `responses list` warns that the files
    are not recorded, and the next command that writes responses commits them first."""
    from test_documents_support import response

    d = make_dossier(tmp_path / "d")
    left = ["20261201T100000Z-aaaaaaaaaa", "20261201T100001Z-bbbbbbbbbb"]
    for rid in left:
        text = response(rid, "Fictief", [("algemeen", "", "Zorg.", "", "")])
        (d.responses / f"{rid}.md").write_text(text, encoding="utf-8")
    code, out, err = _cli(d, "responses", "list")
    assert code == 0
    assert out.count("Fictief") == 2
    assert err == (
        "waarschuwing: 2 reactiebestand(en) geschreven maar niet vastgelegd in git"
        f" (consultation_responses/{left[0]}.md, consultation_responses/{left[1]}.md);"
        " de volgende opdracht die reacties schrijft legt ze vast\n"
    )
    code, _, err = _cli(
        d, "respond", "--respondent", "Nieuw", "--version", "v1", "--point", "algemeen=Nieuw."
    )
    assert code == 0, err
    assert commits(d)[1] == f"{RECOVERED} (2)"
    assert sorted(_git(d, "show", "--name-only", "--format=", "HEAD~1").split()) == [
        f"consultation_responses/{rid}.md" for rid in left
    ]
    assert "consultation_responses" not in status(d)
    assert _cli(d, "responses", "list")[2] == ""


def test_reimport_after_a_killed_import_commits_the_left_over_responses(tmp_path: Path) -> None:
    """A `responses import` killed before its commit leaves its files uncommitted (here: the
    commit undone with `git reset`); importing again finds them present and commits them."""
    d = make_dossier(tmp_path / "d")
    path = write_csv(tmp_path / "r.csv", [HEADER, *_rows(3)])
    args = ("responses", "import", str(path), "--version", "v1")
    assert _cli(d, *args)[0] == 0
    _git(d, "reset", "--quiet", "--mixed", "HEAD~1")
    assert "?? consultation_responses/" in status(d)
    code, out, _ = _cli(d, *args)
    assert (code, out) == (0, "3 rijen gelezen: 0 reacties geïmporteerd, 3 al aanwezig\n")
    assert commits(d)[0] == f"{RECOVERED} (3)"
    assert "consultation_responses" not in status(d)


def test_an_invalid_uncommitted_response_file_stops_the_next_write(tmp_path: Path) -> None:
    """A left-over response file that does not parse is not committed: the next write refuses,
    naming it, and writes nothing."""
    d = make_dossier(tmp_path / "d")
    bad = d.responses / "20261201T100000Z-aaaaaaaaaa.md"
    bad.write_text("geen reactie\n", encoding="utf-8")
    before = commits(d)
    code, _, err = _cli(
        d, "respond", "--respondent", "Nieuw", "--version", "v1", "--point", "algemeen=Nieuw."
    )
    assert code == 8
    assert err.startswith(
        f"fout: consultation_responses/{bad.name}: niet vastgelegd in git en geen geldige reactie ("
    )
    assert err.endswith("); herstel of verwijder het bestand\n")
    assert commits(d) == before
    assert len(response_files(d)) == 1
