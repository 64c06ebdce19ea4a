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
    except OSError as exc:  # before the zip errors: BadZipFile is no OSError, this is the disk
        from wetgeving.files import reason

        raise ConsultationError(f"{path}: kan niet worden gelezen ({reason(exc)})") from None
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ConsultationError(f"{path}: geen leesbaar Excel-bestand (.xlsx): {exc}") from None
    except Exception as exc:  # damaged XML or deflate: openpyxl raises whatever its parser does
        raise ConsultationError(f"{path}: beschadigd Excel-bestand (.xlsx): {exc}") from None
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            raise ConsultationError(f"{path}: het werkboek heeft geen werkbladen")
        # The <dimension> a program wrote may be stale (smaller than the sheet): read-only mode
        # trusts it and would stop early, so every row and column present is read instead.
        sheet.reset_dimensions()
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


HEADER_FILL = "1F4E79"  # dark blue, white bold text: the header reads as a header


def write_sheet(
    table: list[list[str]],
    widths: list[int],
    choices: dict[int, list[str]],
    wrap: set[int],
    title: str = "Reactietabel",
) -> bytes:
    """A worksheet as .xlsx bytes: the first row a filled, bold header, frozen; a drop-down list
    of `choices` per column index; the given column widths; text wrapped in `wrap` columns.

    Every cell is written as text, so nothing a respondent wrote is read as a formula.
    """
    import io

    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet(title)
    sheet.freeze_panes = "A2"
    for index, width in enumerate(widths):
        sheet.column_dimensions[get_column_letter(index + 1)].width = width
    last = max(len(table), 2)
    for index, options in choices.items():
        if not options:
            continue
        letter = get_column_letter(index + 1)
        listed = ",".join(o.replace('"', "") for o in options)
        validation = DataValidation(
            type="list",
            formula1=f'"{listed}"',
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Ongeldige waarde",
            error=f"Kies uit: {', '.join(options)}",
        )
        validation.add(f"{letter}2:{letter}{last + 1000}")
        sheet.data_validations.append(validation)
    bold = Font(bold=True, color="FFFFFF")
    fill = PatternFill("solid", fgColor=HEADER_FILL)
    top = Alignment(vertical="top")
    wrapped = Alignment(vertical="top", wrap_text=True)
    for number, row in enumerate(table):
        cells = []
        for index, value in enumerate(row):
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"
            if number == 0:
                cell.font = bold
                cell.fill = fill
            else:
                cell.alignment = wrapped if index in wrap else top
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
