"""Spreadsheet input: CSV as Excel writes it (comma or semicolon; UTF-8, UTF-8 with BOM or
Windows-1252) and .xlsx (through `xlsx`). Every cell is returned as text; nothing is evaluated."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import sys
from pathlib import Path

from wetgeving import files
from wetgeving.errors import ConsultationError, ParseError

MAX_FILE = 2 * 1024 * 1024 * 1024  # 2 GB

_MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "okt": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?\S*)?")
_DMY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")
_WORDS = re.compile(r"(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})(?:\s*\(?\d{1,2}:\d{2}\)?)?", re.I)


def decode(data: bytes, path: str) -> str:
    """Decode CSV bytes: UTF-8 (with or without BOM), else Windows-1252 as Excel writes it.

    Raises:
        ConsultationError: when the bytes are neither.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode-tekst" is UTF-16
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ConsultationError(
                f"{path}: ongeldige UTF-16 op positie {exc.start}; "
                "sla het bestand op als 'CSV UTF-8'"
            ) from None
    if data[:4096].count(b"\x00") * 4 > len(data[:4096]):  # every other byte zero
        raise ConsultationError(
            f"{path}: lijkt UTF-16 zonder BOM; sla het bestand op als 'CSV UTF-8'"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _looks_shift_jis(data):
        raise ConsultationError(
            f"{path}: lijkt Shift-JIS (Japans), niet UTF-8 of Windows-1252; "
            "sla het bestand op als 'CSV UTF-8'"
        )
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise ConsultationError(
            f"{path}: tekens op positie {exc.start} zijn geen UTF-8 en geen Windows-1252; "
            "sla het bestand op als 'CSV UTF-8'"
        ) from None


def _looks_shift_jis(data: bytes) -> bool:
    """True for bytes that are valid Shift-JIS with kana (Windows-1252 would give mojibake).

    Dutch Windows-1252 text often decodes as Shift-JIS too ("én" is a kanji pair), but then as
    kanji; Japanese text has hiragana or katakana, which such text practically never yields.
    """
    try:
        text = data.decode("shift_jis")
    except UnicodeDecodeError:
        return False
    wide = [c for c in text if ord(c) > 0x7F]
    kana = sum(1 for c in wide if "\u3040" <= c <= "\u30ff")
    return kana >= 2 and kana * 4 >= len(wide)


def _delimiter(text: str) -> str:
    """Pick the delimiter by counting candidates in the header line outside quotes."""
    header = text.split("\n", 1)[0]
    header = re.sub(r'"[^"]*"', "", header)
    counts = {d: header.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(path: Path) -> list[list[str]]:
    """Return all rows of a CSV file (header first).

    Raises:
        ConsultationError: when the file cannot be read or decoded.
    """
    try:
        data = files.read_bytes(path, limit=MAX_FILE, what="CSV-bestand")
    except ParseError as exc:  # an import refuses with its own exit code
        raise ConsultationError(exc.message) from None
    text = decode(data, str(path))
    old = csv.field_size_limit()
    # Excel cells can be long; oversized texts are refused per row later, not by the csv module.
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
        return list(reader)
    except csv.Error as exc:
        raise ConsultationError(f"{path}: geen geldige CSV ({exc})") from None
    finally:
        csv.field_size_limit(old)


def read_table(path: Path) -> list[list[str]]:
    """Return the rows of a .csv or .xlsx file (header first).

    Raises:
        ConsultationError: for another extension or an unreadable file.
    """
    if not path.is_file():
        raise ConsultationError(f"{path}: bestand niet gevonden")
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt"):
        return read_csv(path)
    if suffix in (".xlsx", ".xlsm"):
        from wetgeving.consultation import xlsx

        return list(xlsx.read_rows(path))
    raise ConsultationError(f"{path}: onbekend bestandstype '{path.suffix}'; gebruik .csv of .xlsx")


def parse_date(value: str) -> str:
    """Read a date as spreadsheets write it and return YYYY-MM-DD.

    Raises:
        ConsultationError: when it is not a recognisable, existing date.
    """
    text = value.strip()
    year = month = day = 0
    if m := _ISO.fullmatch(text):
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := _DMY.fullmatch(text):
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif (m := _WORDS.fullmatch(text)) and m.group(2).lower() in _MONTHS:
        day, month, year = int(m.group(1)), _MONTHS[m.group(2).lower()], int(m.group(3))
    else:
        raise ConsultationError(f"ongeldige datum '{value}'; gebruik bijvoorbeeld 2026-11-28")
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        raise ConsultationError(f"ongeldige datum '{value}': die dag bestaat niet") from None
