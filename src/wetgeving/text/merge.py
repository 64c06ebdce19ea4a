"""A three-way merge of draft texts that knows articles, leden and onderdelen.

Each version is cut into pieces at the line where each provision starts (the parser's nodes:
divisions, articles, leden, onderdelen, slotzinnen), keyed by the provision's id. A piece is the
provision's own lines, verbatim; its children are pieces of their own. Per key the usual rule
holds: a side that left the piece as in the base takes the other side's piece; two sides that
changed it the same way agree; two different changes (or a change against a deletion) give a
conflict for that piece only, with both texts labelled. So two lawyers who change different
provisions of one article merge cleanly, and nothing is ever silently dropped. Leden and
onderdelen one side renumbered (a lid inserted before them) are first paired with what they were
(`_rekey`), so the other side's change of such a lid follows it to its new number.

When a text does not parse, or both sides reorder the provisions differently, `merge` returns
None: the caller falls back to git's line merge.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TypeVar

from wetgeving.text.parse import parse_lenient

PREAMBLE = "@voorwerk"
T = TypeVar("T")
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


_NUMBER = re.compile(r"^(\s*(?:- )?)(\S+)")
_HOLE = "\x00"


def _split(piece: Piece) -> tuple[str, tuple[str, ...]]:
    """A lid's or onderdeel's number as written ("3.", "a.") and its lines with a hole for it."""
    own = piece.key.rpartition("/")[2]
    if not piece.lines or not own.startswith(("lid.", "ond.")):
        return "", piece.lines
    found = _NUMBER.match(piece.lines[0])
    if found is None:
        return "", piece.lines
    first = found.group(1) + _HOLE + piece.lines[0][found.end() :]
    return found.group(2), (first, *piece.lines[1:])


def _join(number: str, rest: tuple[str, ...]) -> tuple[str, ...]:
    if not rest or _HOLE not in rest[0]:
        return rest
    return (rest[0].replace(_HOLE, number, 1), *rest[1:])


def _rekey(base: list[Piece], side: list[Piece], tag: str) -> list[Piece]:
    """Key a side's renumbered leden and onderdelen by the base provision they were.

    Per parent, the side's leden (onderdelen) are paired with the base's: the same text first,
    then the most alike (a lid renumbered because one was inserted before it, perhaps changed as
    well), the same number breaking ties. A new provision that takes a number such a lid had
    gets a key of its own (`tag`), so it is an insertion. A wrong pairing is safe: it only turns
    "deleted and inserted" into "changed", which merges the same way or gives a conflict.
    """
    rests = {p.key: _split(p)[1] for p in base}
    side_rests = {p.key: _split(p)[1] for p in side}
    siblings: dict[str, list[str]] = {}
    for p in base:
        siblings.setdefault(p.key.rpartition("/")[0], []).append(p.key)
    groups: dict[str, list[str]] = {}
    for p in side:
        groups.setdefault(p.key.rpartition("/")[0], []).append(p.key)
    final: dict[str, str] = {}
    for p in side:
        if p.key in final:
            continue
        parent, _, own = p.key.rpartition("/")
        new_parent = final.get(parent, parent)
        if not own.startswith(_NUMBERED):
            final[p.key] = f"{new_parent}/{own}" if parent else own
            continue
        final.update(_pair(groups[parent], siblings.get(new_parent, []), new_parent, rests,
                           side_rests, tag))  # fmt: skip
    return [Piece(final[p.key], p.lines, p.lead) for p in side]


_NUMBERED = ("lid.", "ond.")


def _pair(
    group: list[str],
    sibs: list[str],
    parent: str,
    rests: dict[str, tuple[str, ...]],
    side_rests: dict[str, tuple[str, ...]],
    tag: str,
) -> dict[str, str]:
    """Side keys of one parent's numbered children -> their keys in the merge."""

    def own(key: str) -> str:
        return key.rpartition("/")[2]

    def kind(key: str) -> str:
        return own(key).partition(".")[0]

    def joined(key: str) -> str:
        return f"{parent}/{own(key)}" if parent else own(key)

    numbered = [k for k in group if own(k).startswith(_NUMBERED)]
    bases = [k for k in sibs if own(k).startswith(_NUMBERED)]
    if [joined(k) for k in numbered] == bases and all(
        side_rests[k] == rests[b] for k, b in zip(numbered, bases, strict=True)
    ):
        return dict(zip(numbered, bases, strict=True))  # unchanged: the usual case
    memo: dict[tuple[str, str], float] = {}

    def score(key: str, sib: str) -> float:
        if (key, sib) not in memo:
            value = 0.0
            if kind(sib) == kind(key):
                value = _likeness(rests[sib], side_rests[key]) + (0.01 if sib == joined(key) else 0)
            memo[key, sib] = value if value > 0.4 else 0.0  # a weaker likeness is no evidence
        return memo[key, sib]

    # Renumbering keeps the order: pair in order. Equal texts anchor the pairing; between
    # anchors, an alignment with the best total likeness.
    out: dict[str, str] = {}
    taken: set[str] = set()
    left = [(kind(k), side_rests[k]) for k in numbered]
    right = [(kind(k), rests[k]) for k in bases]
    i0 = j0 = 0
    for block in SequenceMatcher(None, left, right, autojunk=False).get_matching_blocks():
        gap = _align(numbered[i0 : block.a], bases[j0 : block.b], score)
        a, b, size = block.a, block.b, block.size
        anchors = zip(numbered[a : a + size], bases[b : b + size], strict=True)
        for key, sib in [*gap, *anchors]:
            out[key] = sib
            taken.add(sib)
        i0, j0 = block.a + block.size, block.b + block.size
    for key in numbered:
        if key not in out:
            spot = joined(key)
            out[key] = spot + "@" + tag if spot in taken else spot
    return out


def _align(
    side: list[str], base: list[str], score: Callable[[str, str], float]
) -> list[tuple[str, str]]:
    """The order-keeping pairs of `side` and `base` items with the best total score."""
    n, m = len(side), len(base)
    if not n or not m:
        return []
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            here = score(side[i - 1], base[j - 1])
            diag = best[i - 1][j - 1] + here if here else 0.0
            best[i][j] = max(best[i - 1][j], best[i][j - 1], diag)
    pairs: list[tuple[str, str]] = []
    i, j = n, m
    while i and j:
        here = score(side[i - 1], base[j - 1])
        if here and best[i][j] == best[i - 1][j - 1] + here:
            pairs.append((side[i - 1], base[j - 1]))
            i, j = i - 1, j - 1
        elif best[i][j] == best[i - 1][j]:
            i -= 1
        else:
            j -= 1
    return pairs


def _likeness(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    if a == b:
        return 2.0
    left = " ".join(" ".join(a).replace(_HOLE, "").split())
    right = " ".join(" ".join(b).replace(_HOLE, "").split())
    matcher = SequenceMatcher(None, left, right, autojunk=False)
    if matcher.real_quick_ratio() <= 0.4 or matcher.quick_ratio() <= 0.4:
        return 0.0  # cheap upper bounds: not alike enough to count
    return matcher.ratio()


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
    cut[1] = _rekey(cut[0], cut[1], "hier")
    cut[2] = _rekey(cut[0], cut[2], "daar")
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
    if base is not None and ours is not None and theirs is not None:
        # A number changed on one side (renumbering) and the text on the other: both count.
        parts = [_split(p) for p in (base, ours, theirs)]
        number = _pick(parts[0][0], parts[1][0], parts[2][0])
        rest = _pick(parts[0][1], parts[1][1], parts[2][1])
        if number is not None and rest is not None:
            return Piece(ours.key, _join(number, rest), ours.lead)
    near = ours or theirs
    return Conflict(key, o or (), th or (), near.lead if near is not None else 0)


def _pick(base: T, ours: T, theirs: T) -> T | None:
    """The three-way choice for one value; None when both sides changed it differently."""
    if ours == theirs or theirs == base:
        return ours
    if ours == base:
        return theirs
    return None


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
