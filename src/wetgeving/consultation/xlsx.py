"""Excel workbooks: the only module that imports openpyxl (lazily)."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator
from pathlib import Path

from wetgeving.errors import ConsultationError


def cell_text(value: object) -> str:
    """Turn a cell value into text; dates become YYYY-MM-DD, whole numbers lose their '.0'."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_rows(path: Path) -> Iterator[list[str]]:
    """Yield the rows of the first worksheet as lists of text (header row first).

    Raises:
        ConsultationError: when the file is not a readable .xlsx workbook.
    """
    import openpyxl

    try:
        # read_only streams the sheet; formulas are read as their cached values, never evaluated.
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ConsultationError(f"{path}: geen leesbaar Excel-bestand (.xlsx): {exc}") from None
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            raise ConsultationError(f"{path}: het werkboek heeft geen werkbladen")
        rows = sheet.iter_rows(values_only=True)
        while True:
            try:
                row = next(rows)
            except StopIteration:
                break
            except Exception as exc:  # a damaged sheet: openpyxl raises whatever its parser does
                raise ConsultationError(f"{path}: werkblad niet leesbaar ({exc})") from None
            yield [cell_text(v) for v in row]
    finally:
        book.close()


def write_rows(path: Path, rows: list[list[object]]) -> None:
    """Write rows to a new workbook (used by tests and benchmarks to build input files)."""
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Reacties")
    for row in rows:
        sheet.append(row)
    book.save(path)
