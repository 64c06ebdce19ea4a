"""What the response index holds per response: its stamp, the filter fields and a summary.

`index` keeps these in `.git/wetgeving-cache/responses.idx`; `responses list` shows `Summary`s.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass

from wetgeving.consultation.model import Response, squeeze
from wetgeving.errors import ConsultationError

NAME = "responses.idx"  # the index's file in .git/wetgeving-cache (kept by `index`)
SNIPPET = 80


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

    __slots__ = (
        "_detail", "_pts", "fingerprint", "ino", "mtime", "name", "seen", "size", "version",
    )  # fmt: skip

    def __init__(
        self, name: str, size: int, mtime: int, version: str, fingerprint: str, pts: str,
        detail: str | tuple[bytes, int, int], ino: int = 0, seen: int = 0,
    ) -> None:  # fmt: skip
        self.name = name
        self.size = size
        self.mtime = mtime
        self.ino = ino
        self.seen = seen  # when the stamp (size, mtime, ino) was taken, ns since the epoch
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
    flat = squeeze(text[: SNIPPET * 4])
    return flat if len(flat) <= SNIPPET else flat[: SNIPPET - 1] + "…"


# One encoder for every detail line: json.dumps with options builds a new encoder per call,
# which costs more than encoding a response's short summary.
# A detail is a list of strings, booleans and lists: no cycles to look for.
_to_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode


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


def entry_for(
    response: Response, size: int, mtime: int, ino: int = 0, seen: int | None = None
) -> Entry:
    """The index entry of a response file with this size, modification time and inode.

    `seen` is when that stamp was taken (default: now, for a stamp taken just before).
    """
    pts = ";".join(
        f"{p.node if p.linked else UNLINKED}|{p.disposition.status if p.disposition else ''}"
        for p in response.points
    )
    return Entry(
        response.file_name, size, mtime, response.version, response.fingerprint, pts,
        _detail(response), ino, time.time_ns() if seen is None else seen,
    )  # fmt: skip
