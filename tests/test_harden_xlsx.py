"""Hardening: a malformed .xlsx gives one Dutch line, never a traceback."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from test_consultation_support import make_dossier
from wetgeving.cli.app import app

runner = CliRunner()
SHEET = "xl/worksheets/sheet1.xml"


def _good(path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Naam", "Datum", "Reactie"])
    sheet.append(["A", "2026-01-02", "x"])
    book.save(path)


def _rewrite(good: Path, target: Path, change: Callable[[str, bytes], bytes]) -> None:
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for name in src.namelist():
            out.writestr(name, change(name, src.read(name)))


CASES: dict[str, tuple[Callable[[str, bytes], bytes], str]] = {
    "broken_content_types": (
        lambda n, d: b"<Types" if n == "[Content_Types].xml" else d,
        "beschadigd Excel-bestand (.xlsx): ",
    ),
    "broken_workbook_xml": (
        lambda n, d: b"<workbook" if n == "xl/workbook.xml" else d,
        "beschadigd Excel-bestand (.xlsx): ",
    ),
    "broken_styles_xml": (
        lambda n, d: b"<styleSheet" if n == "xl/styles.xml" else d,
        "beschadigd Excel-bestand (.xlsx): ",
    ),
    "empty_sheet": (lambda n, d: b"" if n == SHEET else d, "beschadigd Excel-bestand (.xlsx): "),
    "truncated_sheet": (
        lambda n, d: d[: len(d) // 2] if n == SHEET else d,
        "werkblad niet leesbaar (",
    ),
}


@pytest.mark.parametrize("attack", sorted(CASES))
def test_malformed_xlsx_gives_one_dutch_line(tmp_path: Path, attack: str) -> None:
    """Broken [Content_Types].xml, workbook.xml, styles.xml, an empty or truncated sheet: exit 8."""
    root = tmp_path / "d"
    make_dossier(root)
    good, bad = tmp_path / "good.xlsx", tmp_path / "bad.xlsx"
    _good(good)
    change, message = CASES[attack]
    _rewrite(good, bad, change)
    result = runner.invoke(app, ["--dossier", str(root), "responses", "import", str(bad)])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 8
    assert result.stderr.startswith(f"fout: {bad}: {message}")
    assert result.stderr.count("\n") == 1


def test_corrupt_deflate_stream_in_xlsx_gives_one_dutch_line(tmp_path: Path) -> None:
    """A corrupt deflate stream in the sheet is refused in one Dutch line (was zlib.error)."""
    root = tmp_path / "d"
    make_dossier(root)
    good = tmp_path / "good.xlsx"
    _good(good)
    data = bytearray(good.read_bytes())
    start = data.index(SHEET.encode()) + len(SHEET)
    data[start + 5 : start + 15] = b"\xff" * 10
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(bytes(data))
    result = runner.invoke(app, ["--dossier", str(root), "responses", "import", str(bad)])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 8
    assert result.stderr.startswith(f"fout: {bad}: ")
    assert result.stderr.count("\n") == 1
