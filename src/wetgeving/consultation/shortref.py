"""Short references to responses that a person can type and say on the phone.

A response id is the UTC time of logging plus random hex ("20261128T131959Z-fa7f48294d"). Its
short reference is the shortest start of the random part that no other response shares, at
least six characters ("fa7f48"), as git abbreviates commit ids. It is derived from the ids
themselves, never handed out by a counter, so two clones can never give the same reference to
different responses; like a git abbreviation it grows by a character in the rare case that a
later response starts the same way.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from pathlib import Path

from wetgeving.errors import ConsultationError

MIN_LENGTH = 6
MAX_LISTED = 5
_HEX = frozenset("0123456789abcdef")


def random_part(response_id: str) -> str:
    """The random hex after "Z-" in a response id."""
    return response_id.rpartition("-")[2]


def _common(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def short_refs(ids: Iterable[str], wanted: Iterable[str] | None = None) -> dict[str, str]:
    """Return the short reference of every id, or of the `wanted` ones only (a listing of a
    few responses among 100,000 need not work out all); the full id where no start is unique."""
    known = list(ids)
    parts = sorted(random_part(i) for i in known)
    out: dict[str, str] = {}
    for rid in known if wanted is None else wanted:
        part = random_part(rid)
        k = bisect.bisect_left(parts, part)
        need = MIN_LENGTH
        if k > 0:
            need = max(need, _common(part, parts[k - 1]) + 1)
        if k + 1 < len(parts):
            need = max(need, _common(part, parts[k + 1]) + 1)
        out[rid] = part[:need] if need <= len(part) else rid
    return out


def resolve(query: str, ids: Iterable[str]) -> str:
    """Return the one id that `query` names: a full id, a short reference (a start of the
    random part, at least six characters) or a start of the full id (at least eight).

    Raises:
        ConsultationError: when the query is malformed, names no response or several (the
            message lists the candidates).
    """
    text = query.strip()
    hexadecimal = bool(text) and set(text) <= _HEX
    if not text or not all(c.isalnum() or c in "TZ-" for c in text):
        raise ConsultationError(f"ongeldig reactie-id '{query}'")
    if hexadecimal and len(text) < MIN_LENGTH:
        raise ConsultationError(
            f"reactie '{query}' is te kort; typ minstens {MIN_LENGTH} tekens van de referentie"
        )
    if not hexadecimal and len(text) < 8:
        raise ConsultationError(f"ongeldig reactie-id '{query}'")
    known = list(ids)
    hits: list[str] = []
    if hexadecimal:
        hits = [i for i in known if random_part(i).startswith(text)]
    if not hits and len(text) >= 8:
        hits = [i for i in known if i.startswith(text)]
    if not hits:
        raise ConsultationError(f"onbekende reactie '{query}'")
    if len(hits) > 1:
        hits.sort()
        shown = ", ".join(hits[:MAX_LISTED])
        more = f" en {len(hits) - MAX_LISTED} meer" if len(hits) > MAX_LISTED else ""
        raise ConsultationError(
            f"reactie '{query}' is niet eenduidig: past bij {shown}{more}; typ meer tekens"
        )
    return hits[0]


def ids_in(folder: Path) -> list[str]:
    """The ids of the response files in a folder."""
    from wetgeving.consultation.paths import response_files

    return [e.name[:-3] for e in response_files(folder)]
