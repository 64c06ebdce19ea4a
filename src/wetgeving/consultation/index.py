"""The summary index of `consultation_responses/`: answers `responses list` on 100k responses fast.

A cache in `.git/wetgeving-cache/responses.idx`, never committed, one file written atomically:

    WGIDX <format> <folder mtime ns or -> <scan time ns> <filter section length>\\n
    filter section: one line per response file, tab separated:
        name, size, mtime_ns, version, fingerprint, points ("node|status" joined by ";"),
        offset and length of its detail line
    detail section: one JSON line per response (names, snippets, dispositions)

Filtering uses only the short filter lines; JSON is parsed only for the responses shown.

Validity: each file's size and modification time are checked against its line (a changed file is
re-read, a new one read, a removed one dropped). That full check is skipped when the folder's own
modification time equals the one recorded and was already more than a second old when recorded:
every file wetgeving writes, and every file git checks out, is created or renamed in the folder,
which changes that time. An editor that overwrites a file in place (instead of saving through a
new file) does not; `responses list --refresh` forces the full check.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from wetgeving import files
from wetgeving.consultation.fileformat import read
from wetgeving.consultation.model import ID_RE, Response
from wetgeving.consultation.paths import responses_dir
from wetgeving.errors import ConsultationError

if TYPE_CHECKING:
    from wetgeving.dossier import Dossier

FORMAT = "4"
NAME = "responses.idx"
SNIPPET = 80
_SETTLED_NS = 1_000_000_000


@dataclass(frozen=True, slots=True)
class PointSummary:
    """A point without its full text (enough for `responses list`)."""

    ref: str
    node: str
    question: str
    snippet: str
    status: str  # "" while open
    reason: str
    in_version: str
    linked: bool = True
    node_version: str = ""
    written: str = ""
    previous: str = ""  # the status a `dispose --force` replaced


@dataclass(frozen=True, slots=True)
class Summary:
    """A response without its full texts."""

    id: str
    name: str
    openbaar: bool
    kind: str
    channel: str
    received: str
    version: str
    campaign: str
    fingerprint: str
    points: tuple[PointSummary, ...]
    answers: tuple[tuple[str, str], ...] = ()  # (question, choice) of closed questions


_EMPTY_POINT = PointSummary("", "", "", "", "", "", "")
UNLINKED = "?"  # the node written in a filter line for a point that is not linked


class Entry:
    """One filter line: enough to select responses without parsing JSON (parsed lazily)."""

    __slots__ = ("_detail", "_pts", "fingerprint", "mtime", "name", "size", "version")

    def __init__(
        self, name: str, size: int, mtime: int, version: str, fingerprint: str, pts: str,
        detail: str | tuple[bytes, int, int],
    ) -> None:  # fmt: skip
        self.name = name
        self.size = size
        self.mtime = mtime
        self.version = version
        self.fingerprint = fingerprint
        self._pts = pts
        self._detail = detail

    @property
    def pts(self) -> str:
        """The points as written in the filter line ("node|status;node|status")."""
        return self._pts

    @property
    def points(self) -> tuple[tuple[str, str], ...]:
        """(node, status) per point."""
        return tuple(_pair(p) for p in self._pts.split(";")) if self._pts else ()

    @property
    def detail(self) -> str:
        if isinstance(self._detail, str):
            return self._detail
        data, off, length = self._detail
        return data[off : off + length].decode("utf-8")

    def summary(self, only: set[int] | None = None) -> Summary:
        """The summary; with `only`, points outside those numbers (1-based) are left empty."""
        try:
            raw = json.loads(self.detail)
            points = tuple(
                PointSummary(*p) if only is None or n in only else _EMPTY_POINT
                for n, p in enumerate(raw[9], 1)
            )
            answers = tuple((str(q), str(c)) for q, c in raw[10])
            return Summary(
                raw[0], raw[1], raw[2], raw[3], raw[4], raw[5], raw[6], raw[7], raw[8], points,
                answers,
            )  # fmt: skip
        except (ValueError, IndexError, TypeError):
            raise ConsultationError(
                f"de index van de reacties (.git/wetgeving-cache/{NAME}) is beschadigd; "
                "verwijder dat bestand, wetgeving bouwt het opnieuw op"
            ) from None


def _pair(text: str) -> tuple[str, str]:
    node, _, status = text.partition("|")
    return node, status


def _snippet(text: str) -> str:
    flat = " ".join(text[: SNIPPET * 4].split())
    return flat if len(flat) <= SNIPPET else flat[: SNIPPET - 1] + "…"


# One encoder for every detail line: json.dumps with options builds a new encoder per call,
# which costs more than encoding a response's short summary.
_to_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _detail(r: Response) -> str:
    points = []
    for p in r.points:
        d = p.disposition
        points.append([
            p.ref, p.node, p.question, _snippet(p.text),
            d.status if d else "", d.reason if d else "", d.version if d else "",
            p.linked, p.node_version, p.written,
            d.previous.status if d is not None and d.previous is not None else "",
        ])  # fmt: skip
    answers = [[a.question, a.choice] for a in r.answers]
    return _to_json(
        [r.id, r.display_name, r.openbaar, r.kind, r.channel, r.received, r.version, r.campaign,
         r.fingerprint, points, answers]
    )  # fmt: skip


def entry_for(response: Response, size: int, mtime: int) -> Entry:
    """The index entry of a response file with this size and modification time."""
    pts = ";".join(
        f"{p.node if p.linked else UNLINKED}|{p.disposition.status if p.disposition else ''}"
        for p in response.points
    )
    return Entry(
        response.file_name, size, mtime, response.version, response.fingerprint, pts,
        _detail(response),
    )  # fmt: skip


def _path(dossier: Dossier) -> Path | None:
    from wetgeving import gitrepo

    cache = gitrepo.cache_dir(Path(dossier.root))
    return None if cache is None else cache / NAME


@dataclass
class _Raw:
    """The index file as read: filter lines are split into Entries only when needed."""

    folder_mtime: int | None
    scanned: int
    lines: list[str]
    data: bytes
    base: int

    def entries(self, needle: str = "") -> list[Entry]:
        out = []
        for line in self.lines:
            if line and needle in line:
                name, size, mtime, version, fp, pts, off, ln = line.split("\t")
                out.append(
                    Entry(name, int(size), int(mtime), version, fp, pts,
                          (self.data, self.base + int(off), int(ln)))
                )  # fmt: skip
        return out


_NO_INDEX = _Raw(None, 0, [], b"", 0)


def _parse(data: bytes) -> _Raw | None:
    head_end = data.find(b"\n")
    head = data[:head_end].decode("ascii", "replace").split(" ")
    if len(head) != 5 or head[0] != "WGIDX" or head[1] != FORMAT:
        return None
    try:
        folder_mtime = None if head[2] == "-" else int(head[2])
        scanned = int(head[3])
        length = int(head[4])
        start = head_end + 1
        lines = data[start : start + length].decode("utf-8").split("\n")
    except (ValueError, UnicodeDecodeError):
        return None
    if any(line.count("\t") != 7 for line in lines if line):
        return None
    return _Raw(folder_mtime, scanned, lines, data, start + length)


def _read(path: Path | None) -> _Raw:
    if path is None:
        return _NO_INDEX
    try:
        data = path.read_bytes()
    except OSError:
        return _NO_INDEX
    return _parse(data) or _NO_INDEX


def _write(path: Path | None, folder_mtime: int | None, scanned: int, entries: list[Entry]) -> None:
    if path is None:
        return
    filters: list[str] = []
    details: list[bytes] = []
    offset = 0
    for e in entries:
        blob = e.detail.encode("utf-8")
        filters.append(
            f"{e.name}\t{e.size}\t{e.mtime}\t{e.version}\t{e.fingerprint}\t{e.pts}\t{offset}\t"
            f"{len(blob)}\n"
        )
        details.append(blob + b"\n")
        offset += len(blob) + 1
    filter_bytes = "".join(filters).encode("utf-8")
    mark = "-" if folder_mtime is None else str(folder_mtime)
    head = f"WGIDX {FORMAT} {mark} {scanned} {len(filter_bytes)}\n".encode("ascii")
    with contextlib.suppress(OSError):  # the index is only a cache
        path.parent.mkdir(exist_ok=True)
        files.replace(path, b"".join([head, filter_bytes, *details]))


def load(dossier: Dossier, refresh: bool = False, needle: str = "") -> list[Entry]:
    """Return the index entries of all responses, sorted by file name (= id = time).

    With `needle`, only entries whose filter line contains it are returned (a cheap pre-filter:
    callers still check each entry).

    Raises:
        ParseError: naming the first new or changed file that is invalid.
    """
    return scan(dossier, refresh, needle)[0]


def scan(
    dossier: Dossier, refresh: bool = False, needle: str = ""
) -> tuple[list[Entry], list[str]]:
    """`load`, and the ids of all responses (also those `needle` leaves out, for short refs).

    Raises:
        ParseError: naming the first new or changed file that is invalid.
    """
    folder = responses_dir(dossier)
    path = _path(dossier)
    raw = _read(path)
    folder_mtime, scanned = raw.folder_mtime, raw.scanned
    try:
        now_mtime = os.stat(folder).st_mtime_ns
    except OSError:
        return [], []
    settled = (
        not refresh
        and folder_mtime is not None
        and folder_mtime == now_mtime
        and scanned - folder_mtime > _SETTLED_NS
    )
    try:
        if settled:
            # Recorded more than a second after the folder last changed: any later change of a
            # file name in the folder would have changed its time.
            ids = [line[: line.index(".md\t")] for line in raw.lines if line]
            return raw.entries(needle), ids
        cached_list = raw.entries()
    except ValueError:
        cached_list = []  # a damaged index is only a cache: built again from the files
    cached = {e.name: e for e in cached_list}
    scan_time = time.time_ns()
    fresh: list[Entry] = []
    changed = False
    with os.scandir(folder) as listing:
        files = sorted(
            (e for e in listing if e.name.endswith(".md") and ID_RE.fullmatch(e.name[:-3])),
            key=lambda e: e.name,
        )
    for entry in files:
        if not entry.is_file():
            continue
        st = entry.stat()
        hit = cached.get(entry.name)
        if hit is not None and hit.size == st.st_size and hit.mtime == st.st_mtime_ns:
            fresh.append(hit)
            continue
        fresh.append(entry_for(read(Path(entry.path)), st.st_size, st.st_mtime_ns))
        changed = True
    if changed or len(fresh) != len(cached) or folder_mtime != now_mtime:
        _write(path, now_mtime, scan_time, fresh)
    ids = [e.name[:-3] for e in fresh]
    return ([e for e in fresh if needle in e.name or needle in e.pts] if needle else fresh), ids


def is_current(dossier: Dossier) -> bool:
    """True when the index was written for the folder as it is now (checked before a write)."""
    path = _path(dossier)
    if path is None:
        return False
    if not path.exists():
        # No index yet: it is current only for a folder without responses.
        folder = responses_dir(dossier)
        if not folder.is_dir():
            return True
        with os.scandir(folder) as listing:
            return not any(e.name.endswith(".md") and ID_RE.fullmatch(e.name[:-3]) for e in listing)
    try:
        with open(path, "rb") as handle:
            head = handle.readline().decode("ascii", "replace").split(" ")
        folder_mtime = os.stat(responses_dir(dossier)).st_mtime_ns
    except OSError:
        return False
    return (
        len(head) == 5 and head[0] == "WGIDX" and head[1] == FORMAT and head[2] == str(folder_mtime)
    )


def add(dossier: Dossier, entries: list[Entry], was_current: bool) -> None:
    """Put just-written responses into the index without re-reading their files.

    Called under the consultation write lock after writing; `was_current` is `is_current` from
    before the write. Only then is the new folder time recorded (`load` still compares the names
    once); otherwise the next `load` checks every file.
    """
    path = _path(dossier)
    if path is None:
        return
    cached = {e.name: e for e in _read(path).entries()}
    for e in entries:
        cached[e.name] = e
    mark: int | None = None
    if was_current:
        with contextlib.suppress(OSError):
            mark = os.stat(responses_dir(dossier)).st_mtime_ns
    _write(path, mark, time.time_ns(), [cached[name] for name in sorted(cached)])
