"""`responses import`: one spreadsheet row becomes one response; no row is ever dropped.

A consultation reaction is a public record. A row whose value cannot be stored as written is
stored with a safe value instead (not public, the import date, ...), the value as written in the
response's notes and a notice naming the row; a reference that links nowhere is kept as written
("niet gekoppeld"). So rows read = responses stored + rows recognised as already stored. Only a
file that cannot be read, or a text longer than a response may hold, refuses the import.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from wetgeving.consultation import batch, store
from wetgeving.consultation.columns import Columns, cell, columns, one_line
from wetgeving.consultation.columns import parse_map as parse_map
from wetgeving.consultation.model import (
    CHANNELS,
    GENERAL,
    KINDS,
    Answer,
    Point,
    Response,
    check_openbaar,
    check_text,
    clean_text,
    content_fingerprint,
    redact_emails,
)
from wetgeving.consultation.provisions import Link, Linker
from wetgeving.consultation.questions import QuestionColumn, read_answer
from wetgeving.consultation.settings import Settings
from wetgeving.consultation.tabular import parse_date, read_table
from wetgeving.errors import ConsultationError, WetgevingError

if TYPE_CHECKING:
    from wetgeving.dossier import Dossier

NO_NAME = "(naam ontbreekt)"
GENERAL_LINK = Link(GENERAL, "")
SHOWN_NOTICES = 20
MEMO_MAX = 10_000  # distinct one-line values remembered per sheet (names rarely repeat)


@dataclass
class ImportResult:
    """What an import did; `rows == imported + duplicates` always.

    Attributes:
        rows: Data rows read (rows without any value are no reaction and not counted).
        imported: Responses written.
        duplicates: Rows recognised as a response already in the dossier (or earlier in the file).
        unlinked: Points whose reference linked nowhere, kept as written ("niet gekoppeld").
        answers: Answers to closed questions stored (tallied, not points).
        row_notices: (row number, Dutch notice) for rows stored with an adjustment or a
            reference linked outside the consulted version.
        notices: Dutch notices about the file (dropped e-mail columns, question columns, ...).
        commit: Commit id ("" when nothing was written).
        ids: Ids of the new responses, in row order.
    """

    rows: int = 0
    imported: int = 0
    duplicates: int = 0
    unlinked: int = 0
    answers: int = 0
    row_notices: list[tuple[int, str]] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    commit: str = ""
    ids: list[str] = field(default_factory=list)


class _Row:
    """One row turned into a response; what had to be adjusted is collected as notices."""

    def __init__(self, row: list[str], cols: Columns, linker: Linker, channel: str) -> None:
        self.row = row
        self.cols = cols
        self.linker = linker
        self.default_channel = channel
        self.notices: list[str] = []
        self.notes: list[str] = []
        self.points: list[Point] = []
        self.answers: list[Answer] = []
        self.unlinked = 0
        self.redacted = 0

    def get(self, name: str) -> str:
        return cell(self.row, self.cols.fields.get(name))

    def field(self, name: str, label: str) -> str:
        raw = self.get(name)
        if not raw:
            return ""
        # Places, organisations and references repeat from row to row: each value is read once.
        seen = self.cols.values
        key = (name, raw)
        done = seen.get(key)
        if done is None:
            done = one_line(raw, label)
            if len(seen) < MEMO_MAX:
                seen[key] = done
        value, notices, notes = done
        if notices:
            self.notices.extend(notices)
        if notes:
            self.notes.extend(notes)
        return value

    def choice(self, name: str, label: str, choices: tuple[str, ...], default: str) -> str:
        raw = self.get(name).strip()
        word = raw.casefold()
        if not word:
            return default
        if word in choices:
            return word
        self.notes.append(f"{label} in de bron: {raw}")
        self.notices.append(f"onbekende {label} '{raw[:60]}'; vastgelegd als {default}")
        return default

    def text(self, value: str, what: str) -> str:
        clean = check_text(value, what)
        clean, n = redact_emails(clean)
        self.redacted += n
        return clean

    def link(self, ref_text: str) -> Link:
        found = self.linker.link(ref_text)
        if found.note:
            self.notices.append(found.note)
        if not found.linked:
            self.unlinked += 1
        return found

    def point(self, link: Link, text: str, column: QuestionColumn | None = None) -> None:
        self.points.append(
            Point(
                ref=link.ref,
                node=link.node,
                text=text,
                question=column.label if column else "",
                question_text=column.text if column else "",
                node_version=link.node_version,
                written=link.written,
                linked=link.linked,
            )
        )

    def build(self) -> tuple[str, str, str, bool, str, str, str]:
        organisation = self.field("organisation", "organisatie")
        respondent = self.field("respondent", "naam")
        if not respondent:
            respondent = NO_NAME
            self.notices.append(f"geen naam; vastgelegd als '{NO_NAME}'")
        place = self.field("place", "plaats")
        kind = self.choice("kind", "soort", KINDS, "organisatie" if organisation else "burger")
        channel = self.choice("channel", "kanaal", CHANNELS, self.default_channel)
        raw_public = self.get("openbaar")
        try:
            openbaar = check_openbaar(raw_public)
        except ConsultationError:
            openbaar = False
            self.notes.append(f"openbaar in de bron: {raw_public}")
            self.notices.append(
                f"openbaar '{raw_public[:30]}' onleesbaar; vastgelegd als niet openbaar"
            )
        received = self.received()
        self.read_texts()
        for name, index in self.cols.extra:
            value = clean_text(cell(self.row, index))
            if value:
                self.notes.append(f"{name}: {redact_emails(value)[0]}")
        return respondent, organisation, place, openbaar, received, kind, channel

    def received(self) -> str:
        if "date" not in self.cols.fields:
            return self.cols.today
        raw = self.get("date")
        today = self.cols.import_date
        if not raw.strip():
            self.notices.append(f"datum ontbreekt; als datum van ontvangst geldt {today}")
            return today
        known = self.cols.dates.get(raw)
        if known is not None:
            return known  # most rows share a handful of dates
        try:
            self.cols.dates[raw] = parse_date(raw)
            return self.cols.dates[raw]
        except ConsultationError as exc:
            self.notes.append(f"datum in de bron: {raw}")
            self.notices.append(f"{exc.message}; als datum van ontvangst geldt {today}")
            return today

    def read_texts(self) -> None:
        # A reference that links nowhere is stored as written: one line, at most MAX_FIELD long
        # (the reader refuses a longer one), the whole cell in the notes.
        ref_text = self.field("provision", "bepaling")
        text = self.get("text")
        if text.strip():
            self.point(self.link(ref_text), self.text(text, "reactie"))
        elif ref_text.strip():
            self.notes.append(f"bepaling in de bron, zonder reactie: {ref_text}")
        for column in self.cols.questions:
            answer = cell(self.row, column.index)
            if not answer.strip():
                continue  # an empty answer is no point
            clean = self.text(answer, column.label)
            declared = column.declared
            keep = True
            if declared is not None and declared.closed:
                # Answers to a closed question repeat ("Ja"): each is read once per sheet.
                read = self.cols.answered.get((column.number, clean))
                if read is None:
                    chosen, keep = read_answer(clean, declared)
                    read = (tuple(Answer(column.label, c, column.text) for c in chosen), keep)
                    if len(self.cols.answered) < MEMO_MAX:
                        self.cols.answered[(column.number, clean)] = read
                answers, keep = read
                self.answers += answers
            if not keep:
                continue
            links = self.cols.about.get(column.number) or (GENERAL_LINK,)
            for found in links:
                self.point(found, clean, column)
        if not self.points and not self.answers:
            self.notices.append("geen reactietekst; vastgelegd zonder punten")


def _question_links(
    cols: Columns, linker: Linker, notices: list[str], toml: Path
) -> dict[int, tuple[Link, ...]]:
    """The provisions each question column is about, linked once for the whole file.

    Raises:
        DossierError: a provision wetgeving.toml names that links nowhere (naming the key).
    """
    from wetgeving.errors import DossierError, ProvisionRefError

    out: dict[int, tuple[Link, ...]] = {}
    for column in cols.questions:
        if column.declared is None or not column.declared.provisions:
            continue
        links = []
        for provision in column.declared.provisions:
            try:
                found = linker.link(provision, strict=True)
            except ProvisionRefError as exc:
                n = column.number
                raise DossierError(
                    f"{toml}: consultatie.vraag (nummer {n}).bepalingen: {exc.message}"
                ) from None
            if found.note:
                notices.append(f"{column.label}: {found.note}")
            links.append(found)
        out[column.number] = tuple(links)
    return out


def _ids(count: int, now: dt.datetime) -> list[str]:
    """New ids for one import that sort in row order: one time stamp, sorted random parts."""
    stamp = f"{now.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}"
    parts: set[str] = set()
    while len(parts) < count:
        # 40 random bits per id, as `new_id`, drawn in one call for the whole sheet.
        raw = secrets.token_bytes(5 * (count - len(parts))).hex()
        parts.update(raw[i : i + 10] for i in range(0, len(raw), 10))
    return [f"{stamp}-{part}" for part in sorted(parts)]


def import_file(
    dossier: Dossier,
    path: Path,
    linker: Linker,
    mapping: dict[str, str] | None = None,
    strict: bool = False,
    channel: str = "internetconsultatie",
    progress: Callable[[int, int], None] | None = None,
    settings: Settings | None = None,
) -> ImportResult:
    """Import a .csv or .xlsx file; one row is one response, one commit for the whole import.

    Every row is stored, adjusted where a value cannot be stored as written (see the module);
    with `strict` any such row refuses the whole import and nothing is written. Rows whose
    fingerprint is already in the dossier (or earlier in the file) are counted, not stored again.

    Raises:
        ConsultationError: unreadable file or header, a text longer than allowed, or (strict)
            rows that would be adjusted.
        GitError: when the commit fails (nothing stays written).
    """
    settings = settings or Settings()
    rows = read_table(path)
    result = ImportResult()
    while rows and not any(c.strip() for c in rows[0]):
        rows.pop(0)
    if not rows:
        raise ConsultationError(f"{path}: het bestand is leeg")
    cols = columns(rows[0], mapping or {}, settings, result.notices)
    cols.about = _question_links(cols, linker, result.notices, dossier.root / "wetgeving.toml")
    # The fingerprints already stored are read when the first row is made: `save_many` makes
    # the rows under the consultation lock, so two imports of one file at once cannot both
    # find a row new.
    known: set[str] = set()
    # Ids for every row up front, sorted, handed out in row order (a duplicate leaves its
    # id unused): the new responses sort in the order of the sheet.
    ids = iter(_ids(len(rows) - 1, dt.datetime.now(dt.UTC)))
    redactions: list[int] = []

    def made() -> Iterator[Response]:
        known.update(store.fingerprints(dossier))
        for number in range(2, len(rows) + 1):
            row, rows[number - 1] = rows[number - 1], []  # let go of each row once read
            if not "".join(row).strip():  # no cell holds anything but white space
                continue
            result.rows += 1
            work = _Row(row, cols, linker, channel)
            try:
                respondent, organisation, place, openbaar, received, kind, chan = work.build()
            except WetgevingError as exc:
                raise ConsultationError(
                    f"{path.name}: rij {number}: {exc.message}; er is niets geïmporteerd "
                    "(een reactie wordt nooit ingekort)"
                ) from None
            points, answers = tuple(work.points), tuple(work.answers)
            fp = content_fingerprint(
                respondent, organisation, place, received, openbaar, linker.version, points,
                answers,
            )  # fmt: skip
            if fp in known:
                result.duplicates += 1
                continue
            known.add(fp)
            if work.notices:
                result.row_notices.extend([(number, n) for n in work.notices])
            result.unlinked += work.unlinked
            result.answers += len(answers)
            if work.redacted:
                redactions.append(number)
            notes = ""
            if work.notes:
                notes = "".join([f"- {line}\n" for line in work.notes])
                notes = f"Uit de import van {path.name[:80]} (rij {number}):\n{notes}"
            yield Response(
                id=next(ids), respondent=respondent, organisation=organisation, place=place,
                kind=kind, channel=chan, received=received, openbaar=openbaar,
                version=linker.version, points=points, fingerprint=fp, answers=answers,
                notes=notes,
            )  # fmt: skip

    def checked() -> Iterator[Response]:
        # Every row is read before anything is written: the refusal counts them all.
        made_all = list(made())
        adjusted = sorted({n for n, _ in result.row_notices})
        if adjusted:
            first = "; ".join(f"rij {n}: {m}" for n, m in result.row_notices[:3])
            raise ConsultationError(
                f"{path.name}: import geweigerd (--strict), {len(adjusted)} "
                f"{'rij kan' if len(adjusted) == 1 else 'rijen kunnen'} niet ongewijzigd worden "
                f"vastgelegd; er is niets geïmporteerd; {first}"
            )
        yield from made_all

    responses: Iterable[Response] = checked() if strict else made()

    def message(n: int) -> str:
        return f"Consultatiereacties geïmporteerd uit {path.name[:80]} ({n})"

    result.commit, result.ids = batch.save_many(
        dossier, responses, message, progress=progress, expected=len(rows) - 1
    )
    result.imported = len(result.ids)
    if redactions:
        shown = ", ".join(str(n) for n in redactions[:10]) + (
            " ..." if len(redactions) > 10 else ""
        )
        result.notices.append(
            f"e-mailadressen in de tekst vervangen door '[e-mailadres verwijderd]' (rij {shown})"
        )
    return result
