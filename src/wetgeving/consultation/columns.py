"""Spreadsheet columns for `responses import`: which column holds which field of a response, or
which consultation question, and a one-line field's value as stored; e-mail columns are never
read."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from wetgeving.consultation.model import MAX_FIELD, Answer, clean_text, redact_emails
from wetgeving.consultation.provisions import Link
from wetgeving.consultation.questions import QuestionColumn, number_columns, read_header
from wetgeving.consultation.settings import Settings
from wetgeving.errors import ConsultationError

FIELDS = (
    "respondent", "organisation", "place", "date", "openbaar", "provision", "text", "kind",
    "channel", "question", "ignore",
)  # fmt: skip
FIELD_ALIASES = {
    "naam": "respondent", "organisatie": "organisation", "plaats": "place", "datum": "date",
    "artikel": "provision", "bepaling": "provision", "reactie": "text", "tekst": "text",
    "soort": "kind", "kanaal": "channel", "vraag": "question", "negeer": "ignore",
}  # fmt: skip
_DEFAULT_HEADERS = {
    "naam": "respondent", "respondent": "respondent", "organisatie": "organisation",
    "bedrijf/organisatie": "organisation", "plaats": "place", "woonplaats": "place",
    "vestigingsplaats": "place", "datum": "date", "datum ontvangen": "date",
    "openbaar": "openbaar", "artikel": "provision", "bepaling": "provision", "reactie": "text",
    "soort": "kind", "kanaal": "channel",
}  # fmt: skip
_EMAIL_HEADER = re.compile(r"e-?mail(?:[- ]?adres)?|mail", re.I)
# Phone numbers, BSNs and IBANs all hold a decimal digit (`privacy`'s patterns need `\d`);
# one regex search instead of a character-by-character generator per value.
_DIGIT = re.compile(r"\d")


def parse_map(items: list[str]) -> dict[str, str]:
    """Parse `--map KOLOM=veld` options into header (casefolded) -> field.

    Raises:
        ConsultationError: for a malformed item, an unknown field or an e-mail field.
    """
    out: dict[str, str] = {}
    for item in items:
        column, sep, name = item.partition("=")
        column, name = column.strip(), name.strip().casefold()
        if not sep or not column or not name:
            raise ConsultationError(f"ongeldige --map '{item}'; gebruik KOLOM=veld")
        name = FIELD_ALIASES.get(name, name)
        if _EMAIL_HEADER.fullmatch(name):
            raise ConsultationError(f"--map '{item}': e-mailadressen worden niet opgeslagen")
        if name not in FIELDS:
            raise ConsultationError(
                f"--map '{item}': onbekend veld '{name}'; kies uit: {', '.join(FIELDS)}"
            )
        out[" ".join(column.split()).casefold()] = name
    return out


@dataclass
class Columns:
    """What each column of a sheet holds.

    Attributes:
        today: The date of receipt for a sheet without a date column ("" otherwise).
        import_date: Today, the date of receipt of a row whose date cannot be read.
        fields: Field name -> column index.
        questions: The question columns, numbered.
        extra: (header, index) of columns that are no field and no question: kept in notes.
        about: Question number -> the provisions it is about, linked (filled by the importer).
        dates: Dates as written -> read, for the rows that share them.
        values: (field, one-line value as written) -> (value as stored, notices, notes), for
            the rows that share them (filled by the importer).
        answered: (question number, answer to a closed question) -> (the answers read, whether
            it also says more), for the rows that share them (filled by the importer).
    """

    today: str = ""
    fields: dict[str, int] = field(default_factory=dict)
    import_date: str = field(default_factory=lambda: dt.date.today().isoformat())
    questions: list[QuestionColumn] = field(default_factory=list)
    extra: list[tuple[str, int]] = field(default_factory=list)
    about: dict[int, tuple[Link, ...]] = field(default_factory=dict)
    dates: dict[str, str] = field(default_factory=dict)
    values: dict[tuple[str, str], tuple[str, tuple[str, ...], tuple[str, ...]]] = field(
        default_factory=dict
    )
    answered: dict[tuple[int, str], tuple[tuple[Answer, ...], bool]] = field(default_factory=dict)


def columns(
    header: list[str], mapping: dict[str, str], settings: Settings, notices: list[str]
) -> Columns:
    """Read the header row: the field or question of each column.

    Raises:
        ConsultationError: two columns for one field or question, or no name or text column.
    """
    cols = Columns()
    found: list[tuple[int, int | None, str]] = []
    for i, raw in enumerate(header):
        name = " ".join(raw.replace("\ufeff", "").split())
        key = name.casefold()
        target = mapping.get(key)
        if target is None and _EMAIL_HEADER.fullmatch(key):
            notices.append(f"kolom '{name}' overgeslagen: e-mailadressen worden niet opgeslagen")
            continue
        if target is None:
            target = _DEFAULT_HEADERS.get(key)
        if target == "ignore" or (target is None and not name):
            continue
        if target is None or target == "question":
            asked = read_header(name, settings, forced=target == "question")
            if asked is not None:
                found.append((i, *asked))
            else:
                cols.extra.append((name, i))
        elif target in cols.fields:
            raise ConsultationError(f"kolom '{name}' en een andere kolom zijn allebei '{target}'")
        else:
            cols.fields[target] = i
    try:
        cols.questions = number_columns(found, settings)
    except ValueError as exc:
        raise ConsultationError(str(exc)) from None
    for column in cols.questions:
        if column.declared is None and settings.questions:
            notices.append(
                f"kolom '{header[column.index][:60]}' gelezen als {column.label}, "
                "die niet in wetgeving.toml staat (open vraag)"
            )
    for name, _ in cols.extra:
        notices.append(
            f"kolom '{name[:60]}' is geen bekend veld en geen vraag: de inhoud staat in de "
            f"notities van elke reactie (of geef --map '{name[:60]}=vraag')"
        )
    if "date" not in cols.fields:
        cols.today = cols.import_date
        notices.append(f"geen kolom 'Datum': als datum van ontvangst geldt {cols.today}")
    if "respondent" not in cols.fields:
        raise ConsultationError(
            "geen kolom 'Naam' gevonden; geef de kolom aan met --map KOLOM=respondent"
        )
    if "text" not in cols.fields and not cols.questions:
        raise ConsultationError(
            "geen kolom 'Reactie' of 'Vraag N' gevonden; geef de kolom aan met --map KOLOM=text"
        )
    return cols


def cell(row: list[str], index: int | None) -> str:
    """The text of a cell ("" for a missing column or a short row)."""
    if index is None or index >= len(row):
        return ""
    return row[index]


def one_line(raw: str, label: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """A one-line field as stored, with the notices and notes its adjustments give."""
    notices: list[str] = []
    notes: list[str] = []
    value = " ".join(clean_text(raw).split())
    value, n = redact_emails(value)
    if n:
        notices.append(f"e-mailadres in {label} vervangen door '[e-mailadres verwijderd]'")
    if _DIGIT.search(value):  # phone, BSN, IBAN: the one detector, as `respond`
        from wetgeving.consultation.privacy import find_personal_data, redact

        flags = find_personal_data(value)
        if flags:
            value = redact(value, flags)
            kinds = ", ".join(sorted({f.label for f in flags}))
            notices.append(f"{kinds} in {label} weggelakt")
    if len(value) > MAX_FIELD:
        notes.append(f"{label} in de bron (volledig): {value}")
        value = value[: MAX_FIELD - 1] + "…"
        notices.append(f"{label} ingekort tot {MAX_FIELD} tekens (volledig in de notities)")
    return value, tuple(notices), tuple(notes)
