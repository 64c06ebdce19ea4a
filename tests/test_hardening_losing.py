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

runner = CliRunner()


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
