"""A three-way merge of draft texts that knows articles, leden and onderdelen.

Each version is cut into pieces at the line where each provision starts (the parser's nodes:
divisions, articles, leden, onderdelen, slotzinnen), keyed by the provision's id. A piece is the
provision's own lines, verbatim; its children are pieces of their own. Per key the usual rule
holds: a side that left the piece as in the base takes the other side's piece; two sides that
changed it the same way agree; two different changes (or a change against a deletion) give a
conflict for that piece only, with both texts labelled. So two lawyers who change different
provisions of one article merge cleanly, and nothing is ever silently dropped.

When a text does not parse, or both sides reorder the provisions differently, `merge` returns
None: the caller falls back to git's line merge.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from wetgeving.text.parse import parse_lenient

PREAMBLE = "@voorwerk"
MARKER = re.compile(r"^(?:<{7}(?: |$)|={7}$|>{7}(?: |$))")


@dataclass(frozen=True, slots=True)
class Piece:
    """The own lines of one provision (without trailing blank lines) and the blanks before it."""

    key: str
    lines: tuple[str, ...]
    lead: int


@dataclass(frozen=True, slots=True)
class Conflict:
    """Both sides changed one provision differently; an empty side deleted it."""

    key: str
    ours: tuple[str, ...]
    theirs: tuple[str, ...]
    lead: int


@dataclass(frozen=True, slots=True)
class Merged:
    """The merged text and the keys of the provisions left in conflict."""

    text: str
    conflicts: tuple[str, ...]


def pieces(text: str) -> list[Piece] | None:
    """Cut a draft text (LF line ends) into pieces; None when it does not parse cleanly."""
    if any(MARKER.match(line) for line in text.split("\n")):
        return None  # an unresolved conflict is no draft to merge again
    try:
        regeling, errors = parse_lenient(text, "<merge>")
    except Exception:
        return None
    if errors:
        return None
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the final newline is put back on output
    starts: dict[int, str] = {}
    for node in regeling.walk():
        if 0 < node.line <= len(lines) and node.line not in starts:
            starts[node.line] = node.id
    bounds = sorted(starts)
    if len(set(starts.values())) != len(starts):
        return None
    out: list[Piece] = []
    begin = [(1, PREAMBLE)] + [(line, starts[line]) for line in bounds]
    lead = 0
    for i, (start, key) in enumerate(begin):
        end = begin[i + 1][0] if i + 1 < len(begin) else len(lines) + 1
        own = lines[start - 1 : end - 1]
        trail = 0
        while own and not own[-1].strip():
            own.pop()
            trail += 1
        out.append(Piece(key, tuple(own), lead))
        lead = trail
    return out


def _order_kept(base: list[str], side: list[str]) -> bool:
    """Whether the keys `side` shares with `base` are in the base's order."""
    shared = set(base) & set(side)
    return [k for k in base if k in shared] == [k for k in side if k in shared]


Labeller = Callable[[tuple[str, ...], tuple[str, ...]], tuple[str, str]]


def merge(
    base: str, ours: str, theirs: str, ours_label: str, theirs_label: str,
    labeller: Labeller | None = None,
) -> Merged | None:  # fmt: skip
    """Merge two versions of a draft with their common base (see the module docstring).

    `labeller`, when given, names the two sides of each conflict from their texts (who wrote
    that provision); otherwise every conflict gets `ours_label` and `theirs_label`.

    Returns:
        The merged text (conflicts marked with `<<<<<<< ours_label` / `>>>>>>> theirs_label`),
        or None when the texts cannot be merged per provision.
    """
    cut = [pieces(base), pieces(ours), pieces(theirs)]
    if cut[0] is None or cut[1] is None or cut[2] is None:
        return None
    b = {p.key: p for p in cut[0]}
    o = {p.key: p for p in cut[1]}
    t = {p.key: p for p in cut[2]}
    base_keys = [p.key for p in cut[0]]
    ours_keys = [p.key for p in cut[1]]
    theirs_keys = [p.key for p in cut[2]]
    ours_kept = _order_kept(base_keys, ours_keys)
    theirs_kept = _order_kept(base_keys, theirs_keys)
    moved_apart = [k for k in ours_keys if k in t] != [k for k in theirs_keys if k in o]
    if not ours_kept and not theirs_kept and moved_apart:
        return None  # both moved provisions, differently
    # The side that moved provisions gives the order; the other side's pieces are fitted in.
    swap = ours_kept and not theirs_kept
    first, second = (theirs_keys, ours_keys) if swap else (ours_keys, theirs_keys)
    order = list(first)
    placed = set(order)
    for i, key in enumerate(second):
        if key in placed:
            continue
        after = next((k for k in reversed(second[:i]) if k in placed), None)
        order.insert(order.index(after) + 1 if after is not None else 1, key)
        placed.add(key)
    items: list[Piece | Conflict] = []
    for key in order:
        item = _decide(b.get(key), o.get(key), t.get(key), key)
        if item is not None:
            items.append(item)
    return _render(items, labeller or (lambda _o, _t: (ours_label, theirs_label)))


def _decide(
    base: Piece | None, ours: Piece | None, theirs: Piece | None, key: str
) -> Piece | Conflict | None:
    """One key: the piece to keep, None when it is deleted, or a conflict."""
    b = base.lines if base is not None else None
    o = ours.lines if ours is not None else None
    th = theirs.lines if theirs is not None else None
    if o == th or th == b:
        return ours
    if o == b:
        return theirs
    near = ours or theirs
    return Conflict(key, o or (), th or (), near.lead if near is not None else 0)


def _render(items: list[Piece | Conflict], labeller: Labeller) -> Merged:
    out: list[str] = []
    conflicts: list[str] = []
    for n, item in enumerate(items):
        if n:
            out.extend([""] * item.lead)
        if isinstance(item, Piece):
            out.extend(item.lines)
            continue
        conflicts.append(item.key)
        ours_label, theirs_label = labeller(item.ours, item.theirs)
        out.append("<<<<<<< " + ours_label)
        out.extend(item.ours)
        out.append("=======")
        out.extend(item.theirs)
        out.append(">>>>>>> " + theirs_label)
    return Merged("\n".join(out) + "\n", tuple(conflicts))


def unresolved(text: str) -> list[tuple[int, str]]:
    """Each unresolved conflict left in a text: its first line and a Dutch description."""
    found: list[tuple[int, str]] = []
    lines = text.split("\n")
    for n, line in enumerate(lines, 1):
        if line.startswith("<<<<<<<") and MARKER.match(line):
            ours = line[7:].strip() or "de ene kant"
            end = next((x for x in lines[n:] if x.startswith(">>>>>>>") and MARKER.match(x)), "")
            theirs = end[7:].strip() or "de andere kant"
            found.append(
                (
                    n,
                    f"onopgelost samenvoegconflict ({ours} / {theirs}): kies de tekst en "
                    "verwijder de regels <<<<<<<, ======= en >>>>>>>",
                )
            )
    if not found and any(MARKER.match(line) for line in lines):
        n = next(n for n, line in enumerate(lines, 1) if MARKER.match(line))
        found.append((n, "onopgelost samenvoegconflict: verwijder de conflictmarkering"))
    return found
