"""`responses import`: one spreadsheet row becomes one response; idempotent by fingerprint."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from wetgeving.consultation import store
from wetgeving.consultation.model import (
    CHANNELS,
    KINDS,
    Point,
    Response,
    check_choice,
    check_field,
    check_openbaar,
    check_text,
    content_fingerprint,
    new_id,
    redact_emails,
)
from wetgeving.consultation.provisions import Resolver
from wetgeving.consultation.tabular import parse_date, read_table
from wetgeving.errors import ConsultationError, WetgevingError

if TYPE_CHECKING:
    from wetgeving.dossier import Dossier

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
_QUESTION_HEADER = re.compile(r"vraag\s*(\d{1,3})", re.I)


@dataclass
class ImportResult:
    """What an import did.

    Attributes:
        rows: Data rows read.
        imported: Responses written.
        duplicates: Rows skipped because the same response is already in the dossier.
        failures: (row number, Dutch message) of skipped rows.
        notices: Dutch notices (dropped e-mail columns, ignored columns, redactions).
        commit: Commit id ("" when nothing was written).
        ids: Ids of the new responses.
    """

    rows: int = 0
    imported: int = 0
    duplicates: int = 0
    failures: list[tuple[int, str]] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    commit: str = ""
    ids: list[str] = field(default_factory=list)


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
        out[column.casefold()] = name
    return out


@dataclass
class _Columns:
    today: str = ""
    fields: dict[str, int] = field(default_factory=dict)
    questions: list[tuple[str, int]] = field(default_factory=list)


def _columns(header: list[str], mapping: dict[str, str], result: ImportResult) -> _Columns:
    cols = _Columns()
    for i, raw in enumerate(header):
        name = " ".join(raw.replace("\ufeff", "").split())
        key = name.casefold()
        target = mapping.get(key)
        if target is None:
            if _EMAIL_HEADER.fullmatch(key):
                result.notices.append(
                    f"kolom '{name}' overgeslagen: e-mailadressen worden niet opgeslagen"
                )
                continue
            if m := _QUESTION_HEADER.fullmatch(key):
                cols.questions.append((f"Vraag {int(m.group(1))}", i))
                continue
            target = _DEFAULT_HEADERS.get(key)
        if target == "question":
            cols.questions.append((name, i))
        elif target == "ignore":
            continue
        elif target is None:
            if name:
                result.notices.append(f"kolom '{name[:60]}' genegeerd (onbekende kolom)")
        elif target in cols.fields:
            raise ConsultationError(f"kolom '{name}' en een andere kolom zijn allebei '{target}'")
        else:
            cols.fields[target] = i
    if "date" not in cols.fields:
        import datetime as dt

        cols.today = dt.date.today().isoformat()
        result.notices.append(f"geen kolom 'Datum': als datum van ontvangst geldt {cols.today}")
    if "respondent" not in cols.fields:
        raise ConsultationError(
            "geen kolom 'Naam' gevonden; geef de kolom aan met --map KOLOM=respondent"
        )
    if "text" not in cols.fields and not cols.questions:
        raise ConsultationError(
            "geen kolom 'Reactie' of 'Vraag N' gevonden; geef de kolom aan met --map KOLOM=text"
        )
    return cols


def _cell(row: list[str], index: int | None) -> str:
    if index is None or index >= len(row):
        return ""
    return row[index]


def _row_response(
    row: list[str],
    cols: _Columns,
    version: str,
    resolver: Resolver | None,
    channel: str,
    rid: str,
) -> tuple[Response, int]:
    get = cols.fields.get
    organisation = check_field("organisatie", _cell(row, get("organisation")))
    kind_text = _cell(row, get("kind")).strip().casefold()
    kind = (
        check_choice("soort", kind_text, KINDS)
        if kind_text
        else ("organisatie" if organisation else "burger")
    )
    channel_text = _cell(row, get("channel")).strip().casefold()
    points: list[Point] = []
    redacted = 0
    ref_text = _cell(row, get("provision"))
    text = _cell(row, get("text"))
    if text.strip():
        if resolver is None:
            ref, node = ("algemeen", "") if not ref_text.strip() else _no_version(ref_text)
        else:
            ref, node = resolver.point(ref_text)
        clean, n = redact_emails(check_text(text, "reactie"))
        redacted += n
        points.append(Point(ref=ref, node=node, text=clean))
    elif ref_text.strip():
        raise ConsultationError(f"artikel '{ref_text}' genoemd maar de reactie is leeg")
    for question, index in cols.questions:
        answer = _cell(row, index)
        if answer.strip():
            clean, n = redact_emails(check_text(answer, question))
            redacted += n
            points.append(Point(ref="algemeen", node="", text=clean, question=question))
    if not points:
        raise ConsultationError("geen reactietekst")
    date_text = _cell(row, get("date")) if "date" in cols.fields else cols.today
    if not date_text.strip():
        raise ConsultationError("datum ontbreekt")
    respondent = check_field("naam", _cell(row, get("respondent")), required=True)
    place = check_field("plaats", _cell(row, get("place")))
    received = parse_date(date_text)
    openbaar = check_openbaar(_cell(row, get("openbaar")))
    all_points = tuple(points)
    response = Response(
        id=rid,
        respondent=respondent,
        organisation=organisation,
        place=place,
        kind=kind,
        channel=check_choice("kanaal", channel_text, CHANNELS) if channel_text else channel,
        received=received,
        openbaar=openbaar,
        version=version,
        points=all_points,
        fingerprint=content_fingerprint(
            respondent, organisation, place, received, openbaar, version, all_points
        ),
    )
    return response, redacted


def _no_version(ref_text: str) -> tuple[str, str]:
    raise ConsultationError(f"artikel '{ref_text}' kan niet worden gecontroleerd zonder versie")


def import_file(
    dossier: Dossier,
    path: Path,
    version: str,
    mapping: dict[str, str] | None = None,
    strict: bool = False,
    channel: str = "internetconsultatie",
    resolver: Resolver | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Import a .csv or .xlsx file; one row is one response, one commit for the whole import.

    Rows that fail are reported and skipped; with `strict` any failing row refuses the whole
    import and nothing is written. Rows whose fingerprint is already in the dossier are skipped.

    Raises:
        ConsultationError: unreadable file or header, or (strict) failing rows.
        GitError: when the commit fails (nothing stays written).
    """
    rows = read_table(path)
    result = ImportResult()
    while rows and not any(c.strip() for c in rows[0]):
        rows.pop(0)
    if not rows:
        raise ConsultationError(f"{path}: het bestand is leeg")
    cols = _columns(rows[0], mapping or {}, result)
    known = store.fingerprints(dossier)
    new: list[Response] = []
    ids: set[str] = set()
    redactions: list[int] = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        result.rows += 1
        rid = new_id()
        while rid in ids:
            rid = new_id()
        ids.add(rid)
        try:
            response, redacted = _row_response(row, cols, version, resolver, channel, rid)
        except WetgevingError as exc:
            result.failures.append((number, exc.message))
            continue
        if response.fingerprint in known:
            result.duplicates += 1
            continue
        known.add(response.fingerprint)
        if redacted:
            redactions.append(number)
        new.append(response)
    if strict and result.failures:
        first = "; ".join(f"rij {n}: {m}" for n, m in result.failures[:3])
        raise ConsultationError(
            f"{path.name}: import geweigerd (--strict), {len(result.failures)} "
            f"{'rij is' if len(result.failures) == 1 else 'rijen zijn'} ongeldig; "
            f"er is niets geïmporteerd; {first}"
        )
    if redactions:
        shown = ", ".join(str(n) for n in redactions[:10]) + (
            " ..." if len(redactions) > 10 else ""
        )
        result.notices.append(
            f"e-mailadressen in de tekst vervangen door '[e-mailadres verwijderd]' (rij {shown})"
        )
    if new:
        message = f"Consultatiereacties geïmporteerd uit {path.name[:80]} ({len(new)})"
        result.commit = store.save_many(dossier, new, message, progress=progress)
        result.imported = len(new)
        result.ids = [r.id for r in new]
    return result
