"""The reactietabel as a worksheet: `responses export` writes it, `respond dispose --from` reads
the lawyer's filled-in copy back.

One row per point to dispose: its reference ("fa7f48 punt 2", or "campagne C1a2b3c4d" for a
whole campaign, shown once with its size), the respondent as privacy allows, the provision, the
question, the text, and the three columns the lawyer fills: status, reason, version. Answers to
closed questions are tallied, not disposed, so they have no rows.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from wetgeving.consultation import store
from wetgeving.consultation.campaigns import group
from wetgeving.consultation.dispose import with_disposition
from wetgeving.consultation.listing import point_title
from wetgeving.consultation.model import (
    NOT_PUBLIC,
    STATUS_LABELS,
    STATUSES,
    Disposition,
    Response,
    check_version,
    clean_text,
    parse_status,
)
from wetgeving.consultation.privacy import refuse_personal_data
from wetgeving.errors import ConsultationError, DossierError, WetgevingError

if TYPE_CHECKING:
    from wetgeving.dossier import Dossier

HEADER = (
    "Referentie", "Indiener", "Bepaling", "Vraag", "Tekst", "Status", "Motivering", "Verwerkt in",
)  # fmt: skip
STATUS_COLUMN = HEADER.index("Status")
VERSION_COLUMN = HEADER.index("Verwerkt in")
WIDE = {"Tekst": 80, "Motivering": 60, "Vraag": 40, "Bepaling": 40}
_POINT_REF = re.compile(r"([0-9A-Za-z-]{6,40})\s+punt\s+(\d{1,4})", re.I)
_CAMPAIGN_REF = re.compile(r"campagne\s+(C[0-9a-f]{8})", re.I)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def column_letter(index: int) -> str:
    """Spreadsheet column letter of a 0-based column index (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _question(label: str, text: str) -> str:
    return f"{label}: {text}" if label and text else label


def _all_ids(dossier: Dossier, responses: list[Response]) -> list[str]:
    """The ids the short references must tell apart: those of both repositories when the private
    one is there (so `dispose --from` reads them as the listings do), else those shown."""
    if dossier.prive:
        with contextlib.suppress(DossierError):  # no clone of it: the public edition still works
            return store.all_ids(dossier)
    return [r.id for r in responses]


def rows(dossier: Dossier, openbaar: bool = True) -> list[list[str]]:
    """The worksheet rows (header first): every point, a campaign once.

    With `openbaar`, non-public respondents are "niet-openbare reactie" and personal data in the
    texts is replaced, as in every edition meant to leave the dossier, and a private repository
    (`[team] prive`) is left out, as from every public document.
    """
    from wetgeving.consultation.privacy import publishable
    from wetgeving.consultation.shortref import short_refs

    responses = store.load_all(dossier, private_too=not openbaar)
    refs = short_refs(_all_ids(dossier, responses))
    grouping = group(responses)
    in_campaign = grouping.by_member()
    by_id = {r.id: r for r in responses}
    out: list[list[str]] = [list(HEADER)]
    done: set[str] = set()
    for raw in responses:
        cid = in_campaign.get(raw.id)
        if cid is not None:
            if cid not in done:
                done.add(cid)
                members = [by_id[m] for m in grouping.members[cid]]
                out.append(_campaign_row(cid, members, grouping.shared.get(cid, ""), openbaar))
            continue
        r = publishable(raw) if openbaar else raw
        who = r.display_name if r.openbaar or not openbaar else NOT_PUBLIC
        for n, p in enumerate(r.points, 1):
            d = p.disposition
            out.append([
                f"{refs[r.id]} punt {n}", who, point_title(replace(p, question="")),
                _question(p.question, p.question_text), p.text,
                d.label if d else "", d.reason if d else "", d.version if d else "",
            ])  # fmt: skip
    return out


def _campaign_row(cid: str, members: list[Response], shared: str, openbaar: bool) -> list[str]:
    from wetgeving.consultation.privacy import redact

    first = members[0]
    provisions = dict.fromkeys(point_title(replace(p, question="")) for p in first.points)
    questions = dict.fromkeys(_question(p.question, p.question_text) for p in first.points)
    dispositions = {
        (p.disposition.status, p.disposition.reason, p.disposition.version)
        if p.disposition
        else None
        for r in members
        for p in r.points
    }
    status = reason = version = ""
    if len(dispositions) == 1 and (only := next(iter(dispositions))) is not None:
        status, reason, version = STATUS_LABELS[only[0]], only[1], only[2]
    text = shared or "\n".join(p.text for p in first.points)
    return [
        f"campagne {cid}", f"campagne ({len(members)} reacties)",
        "; ".join(p for p in provisions if p), "; ".join(q for q in questions if q),
        redact(text) if openbaar else text, status, reason, version,
    ]  # fmt: skip


def to_csv(table: list[list[str]]) -> bytes:
    """CSV as Excel in the Netherlands opens it: semicolons, UTF-8 with BOM, CRLF.

    A cell that Excel would read as a formula gets a leading apostrophe (Excel's own way to
    mark text), so no respondent's text can run as a formula.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    for row in table:
        writer.writerow(["'" + c if c.startswith(_FORMULA_START) else c for c in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(table: list[list[str]], versions: list[str]) -> bytes:
    """The worksheet as .xlsx: filled header, frozen first row, drop-down lists for the status
    and the version, column widths that fit."""
    from wetgeving.consultation import xlsx

    widths = []
    for col, name in enumerate(HEADER):
        longest = max(
            (len(line) for row in table for line in (row[col] or " ").split("\n")), default=8
        )
        widths.append(max(10, min(longest + 2, WIDE.get(name, 30))))
    labels = [STATUS_LABELS[s] for s in STATUSES]
    return xlsx.write_sheet(
        table,
        widths=widths,
        choices={STATUS_COLUMN: labels, VERSION_COLUMN: versions},
        wrap={HEADER.index(n) for n in ("Tekst", "Motivering", "Vraag", "Bepaling")},
    )


def export(dossier: Dossier, fmt: str, openbaar: bool = True) -> tuple[bytes, int]:
    """The worksheet as .xlsx or .csv bytes, and its number of rows below the header.

    Raises:
        ConsultationError: for another format.
    """
    table = rows(dossier, openbaar)
    if fmt == "csv":
        return to_csv(table), len(table) - 1
    if fmt == "xlsx":
        from wetgeving import history

        return to_xlsx(table, [v.name for v in history.list_versions(dossier)]), len(table) - 1
    raise ConsultationError(f"ongeldig formaat '{fmt}'; kies xlsx of csv")


@dataclass
class Applied:
    """What `dispose --from` changed.

    Attributes:
        points: Points given a disposition (new or replaced).
        replaced: Of those, how many replaced another disposition (`--force`).
        unchanged: Points whose row matches what is recorded.
        empty: Rows without a status (not decided yet).
        responses: Responses changed.
        by_status: Points per status given.
        commit: The commit id ("" when nothing changed).
    """

    points: int = 0
    replaced: int = 0
    unchanged: int = 0
    empty: int = 0
    responses: int = 0
    by_status: Counter[str] = field(default_factory=Counter)
    commit: str = ""


class _Bad(Exception):
    """A bad cell: its column and what is wrong with it."""

    def __init__(self, column: int, message: str) -> None:
        super().__init__(message)
        self.column = column
        self.message = message


def _cell(row: list[str], index: int | None) -> str:
    if index is None or index >= len(row):
        return ""
    value = clean_text(row[index])
    # Undo the apostrophe `to_csv` puts before text Excel would read as a formula.
    if value.startswith("'") and value[1:].startswith(_FORMULA_START):
        value = value[1:]
    return value


def _columns(header: list[str], name: str) -> dict[str, int]:
    found = {" ".join(h.split()).casefold(): i for i, h in enumerate(header)}
    columns = {}
    for wanted in ("Referentie", "Status", "Motivering", "Verwerkt in"):
        index = found.get(wanted.casefold())
        if index is None and wanted != "Verwerkt in":
            raise ConsultationError(
                f"{name}: kolom '{wanted}' ontbreekt; gebruik een blad van 'wetgeving responses "
                "export'"
            )
        if index is not None:
            columns[wanted] = index
    return columns


def apply(dossier: Dossier, path: Path, force: bool = False) -> Applied:
    """Apply a filled-in worksheet: every row checked first, then all in one commit.

    The columns the lawyer fills are read (Status, Motivering, Verwerkt in); edits to the other
    columns are ignored: what a respondent said is never changed through the sheet.

    Raises:
        ConsultationError: the first bad cell, named by row and column (with how many more),
            and nothing is applied.
    """
    from wetgeving import history
    from wetgeving.consultation.tabular import read_table

    table = read_table(path)
    while table and not any(c.strip() for c in table[0]):
        table.pop(0)
    if not table:
        raise ConsultationError(f"{path}: het bestand is leeg")
    cols = _columns(table[0], path.name)
    versions = {v.name for v in history.list_versions(dossier)}
    with store.write_lock(dossier):
        sheet = _Sheet(store.load_all(dossier), cols, versions, force)
        problems: list[tuple[int, int, str]] = []
        for number, row in enumerate(table[1:], start=2):
            try:
                sheet.row(row, number)
            except _Bad as bad:
                problems.append((number, bad.column, bad.message))
        if problems:
            number, column, message = problems[0]
            more = len(problems) - 1
            extra = f"; en nog {more} {'fout' if more == 1 else 'fouten'}" if more else ""
            header = table[0][column] if column < len(table[0]) else ""
            raise ConsultationError(
                f"{path.name}: rij {number}, kolom {column_letter(column)} ({header}): "
                f"{message}{extra}; er is niets vastgelegd"
            )
        result = sheet.result
        if sheet.changed:
            message = f"Afdoeningen uit {path.name[:80]}: {result.points} punten"
            changed = list(sheet.changed.values())
            result.commit = store.save_locked(dossier, changed, message, new=False)
        result.responses = len(sheet.changed)
    return result


class _Sheet:
    """The rows of a filled-in sheet checked against the stored responses, one by one."""

    def __init__(
        self, responses: list[Response], cols: dict[str, int], versions: set[str], force: bool
    ) -> None:
        self.responses = {r.id: r for r in responses}
        self.campaigns = group(responses).members
        self.cols = cols
        self.versions = versions
        self.force = force
        self.changed: dict[str, Response] = {}
        self.seen: dict[tuple[str, int], int] = {}
        self.result = Applied()

    def disposition(self, row: list[str]) -> Disposition | None:
        """The disposition a row gives, None for a row not decided yet."""
        ref_col, status_col = self.cols["Referentie"], self.cols["Status"]
        reason_col, version_col = self.cols["Motivering"], self.cols.get("Verwerkt in")
        status_text = _cell(row, status_col)
        reason = " ".join(_cell(row, reason_col).split())
        version = _cell(row, version_col)
        if not status_text:
            if _cell(row, ref_col) and (reason or version):
                raise _Bad(
                    status_col, "de status ontbreekt (er staat wel een motivering of versie)"
                )
            return None
        try:
            status = parse_status(status_text)
        except ConsultationError as exc:
            raise _Bad(status_col, exc.message) from None
        if not reason:
            raise _Bad(reason_col, "de motivering ontbreekt")
        try:
            refuse_personal_data("de motivering", reason)
        except ConsultationError as exc:
            raise _Bad(reason_col, exc.message) from None
        if version and version_col is not None:
            try:
                check_version(version)
            except ConsultationError as exc:
                raise _Bad(version_col, exc.message) from None
            if version not in self.versions:
                known = ", ".join(sorted(self.versions)) or "geen"
                raise _Bad(version_col, f"onbekende versie '{version}'; bekende versies: {known}")
        return Disposition(status, reason, version)

    def targets(self, ref: str) -> list[tuple[str, int | None]]:
        """(response id, point number or None for all points) that a reference names."""
        from wetgeving.consultation.shortref import resolve

        ref_col = self.cols["Referentie"]
        if m := _CAMPAIGN_REF.fullmatch(ref):
            members = self.campaigns.get(m.group(1))
            if members is None:
                raise _Bad(ref_col, f"onbekende campagne '{m.group(1)}'")
            return [(rid, None) for rid in members]
        if m := _POINT_REF.fullmatch(ref):
            try:
                rid = resolve(m.group(1), self.responses)
            except ConsultationError as exc:
                raise _Bad(ref_col, exc.message) from None
            n = int(m.group(2))
            if not 1 <= n <= len(self.responses[rid].points):
                raise _Bad(ref_col, f"reactie {m.group(1)} heeft geen punt {n}")
            return [(rid, n)]
        raise _Bad(ref_col, f"'{ref[:40]}' is geen referentie (zoals 'fa7f48 punt 2')")

    def row(self, row: list[str], number: int) -> None:
        """Check one row and note what it changes.

        Raises:
            _Bad: naming the column of the first bad cell.
        """
        ref = _cell(row, self.cols["Referentie"])
        disposition = self.disposition(row)
        if disposition is None:
            self.result.empty += bool(ref)
            return
        for rid, only in self.targets(ref):
            stored = self.responses[rid]
            before = self.changed.get(rid, stored)
            points = list(before.points)
            for n, point in enumerate(stored.points, 1):
                if only is not None and n != only:
                    continue
                if (rid, n) in self.seen:
                    raise _Bad(
                        self.cols["Referentie"], f"dit punt staat ook in rij {self.seen[rid, n]}"
                    )
                self.seen[rid, n] = number
                try:
                    new = with_disposition(point, disposition, self.force)
                except WetgevingError as exc:
                    raise _Bad(
                        self.cols["Status"], f"punt {n} van reactie {rid} {exc.message}"
                    ) from None
                if new is None:
                    self.result.unchanged += 1
                    continue
                self.result.points += 1
                self.result.replaced += point.disposition is not None
                self.result.by_status[disposition.status] += 1
                points[n - 1] = new
            if tuple(points) != before.points:
                self.changed[rid] = replace(stored, points=tuple(points))
