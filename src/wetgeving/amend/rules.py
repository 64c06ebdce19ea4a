"""The rules the planner follows: when a list can be changed step by step, when a provision is
better rewritten ("komt te luiden", Ar 6.9), which pairs keep their order, which sentence was
added or dropped."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace

from wetgeving.amend.model import BODIES, Instruction, Ref, Seg, WordEdit
from wetgeving.amend.quotes import plan_words, word_count
from wetgeving.amend.textedit import sentences
from wetgeving.amend.tree import next_number, text_of
from wetgeving.compare.align import full_text
from wetgeving.text.headings import heading
from wetgeving.text.model import Node
from wetgeving.text.structure import Item

TAILS = ("; of", "; en", ", of", ", en", ";", ".", ",", ":")


class Rewrite(Exception):
    """The list cannot be changed step by step; the provision holding it is rewritten."""


@dataclass(frozen=True, slots=True)
class Planned:
    """An instruction written for an article, and the lid it changes something inside of."""

    instruction: Instruction
    inside: tuple[Item, Ref] | None  # (the lid or onderdeel, its citation) or None


def _siblings(a: Ref, b: Ref) -> bool:
    """Two citations of neighbouring provisions of one kind ("het tweede lid", "het derde lid")."""
    return (
        len(a) == len(b)
        and a[:-1] == b[:-1]
        and a[-1].kind == b[-1].kind
        and a[-1].kind in ("lid", "onderdeel", "gedachtestreepje")
        and not a[-1].nieuw
        and not b[-1].nieuw
    )


def _joint(
    a: tuple[Item, Ref] | None, ref_a: Ref, b: tuple[Item, Ref] | None, ref_b: Ref
) -> tuple[Item, Ref] | bool | None:
    """The lid two changes are inside of together: the same lid, or None when each changes its
    own lid (or neither is inside one); False when they cannot be one instruction."""
    if a is None and b is None:
        return None
    if a is not None and b is not None:
        if a[0] is b[0]:
            return a
        if a[1] == ref_a and b[1] == ref_b:
            return None
    return False


def same_words(planned: list[Planned]) -> list[Planned]:
    """The same word change in neighbouring provisions is one instruction: "In het tweede en
    derde lid wordt «artikel 138a» vervangen door «artikel 138ab»."."""
    out: list[Planned] = []
    for p in planned:
        ins = p.instruction
        if out and ins.formula == "woorden":
            prev = out[-1]
            first = prev.instruction
            last = first.targets[-1] if first.targets else first.target
            inside = _joint(prev.inside, last, p.inside, ins.target)
            if (
                first.formula == "woorden"
                and first.edits == ins.edits
                and _siblings(last, ins.target)
                and inside is not False
            ):
                merged = replace(
                    first, targets=(*first.targets, ins.target), old_id=None, new_id=None
                )
                out[-1] = Planned(merged, inside)  # type: ignore[arg-type]
                continue
        out.append(p)
    return out


def tail(text: str) -> str:
    body = text.rstrip()
    return next((t for t in TAILS if body.endswith(t)), "")


def plain(numbers: list[str]) -> bool:
    return all(next_number(a) == b for a, b in itertools.pairwise(numbers))


def carried(planned: list[Planned]) -> int:
    """How many words of new text instructions carry (new provisions, quoted new words)."""
    total = 0
    for p in planned:
        ins = p.instruction
        total += sum(word_count(full_text(node)) for node in ins.content)
        total += sum(word_count(edit.new) for edit in ins.edits) + word_count(ins.text)
    return total


def too_much(planned: list[Planned], new: Node) -> bool:
    """More than two instructions that carry more than half of the new text: rewrite instead."""
    return len(planned) > 2 and carried(planned) * 2 > word_count(full_text(new))


def lone(event: tuple[int | None, int | None], deleting: bool) -> bool:
    """Whether an event is a deletion (or an insertion) on its own."""
    i, j = event
    return (j is None) if deleting else (i is None)


def full(item: Item) -> str:
    parts = [text_of(item)]
    for child in item.children:
        parts.append(full(child))
    return " ".join(p for p in parts if p)


def increasing(
    pairs: list[tuple[int, int]], weight: dict[tuple[int, int], float] | None = None
) -> list[tuple[int, int]]:
    """The heaviest run of pairs increasing in both indexes (the rest are moves).

    Every pair weighs 1 unless `weight` says otherwise (a pair that keeps its number weighs
    more, so "artikel 11 stays artikel 11" wins over "artikel 10 becomes artikel 11").
    """
    pairs = sorted(pairs)
    if not pairs:
        return []
    score: list[float] = []
    back: list[int] = []
    for k, (i, j) in enumerate(pairs):
        own = weight.get((i, j), 1.0) if weight else 1.0
        best, prev = own, -1
        for m in range(k):
            pi, pj = pairs[m]
            if pi < i and pj < j and score[m] + own > best:
                best, prev = score[m] + own, m
        score.append(best)
        back.append(prev)
    at = max(range(len(pairs)), key=lambda k: (score[k], -k))
    out: list[tuple[int, int]] = []
    while at >= 0:
        out.append(pairs[at])
        at = back[at]
    return list(reversed(out))


def added_sentences(current: str, target: str) -> tuple[int | None, str] | None:
    """Whole sentences added to a text: (None, text) at the end ("Aan artikel 9a wordt een zin
    toegevoegd"), (n, text) after the n-th sentence ("Na de eerste zin worden twee zinnen
    ingevoegd"); None when the change is not that."""
    if not current.endswith(".") or current == target:
        return None
    spans = sentences(current)
    for n in range(len(spans), 0, -1):
        cut = spans[n - 1][1]
        head, tail = current[:cut], current[cut:].lstrip(" ")
        if not target.startswith(head + " "):
            continue
        rest = target[len(head) + 1 :]
        if tail and not rest.endswith(" " + tail):
            continue
        added = rest[: len(rest) - len(tail)].rstrip(" ") if tail else rest
        if added and added.endswith(".") and added[:1].isupper() and "\n" not in added:
            return (None if n == len(spans) else n), added
    return None


def without_new_sentences(current: str, target: str) -> list[str]:
    """The target text without a run of sentences it has more than `current`, for each place
    the run could stand (the end first): candidates for "words changed, then sentences
    added"."""
    old, new = sentences(current), sentences(target)
    extra = len(new) - len(old)
    if extra <= 0 or "\n" in target:
        return []
    texts = [target[x:y] for x, y in new]
    return [" ".join(texts[:at] + texts[at + extra :]) for at in range(len(texts) - extra, -1, -1)]


def one_sentence(text: str, edits: tuple[WordEdit, ...]) -> int | None:
    """The number of the one sentence that holds every quotation; None otherwise."""
    spans = sentences(text)
    found: set[int] = set()
    for edit in edits:
        at = text.find(edit.old) if edit.old else -1
        if at < 0:
            return None
        found |= {n for n, (a, b) in enumerate(spans, 1) if a <= at and at + len(edit.old) <= b}
    return found.pop() if len(found) == 1 else None


def dropped_sentence(current: str, target: str) -> int | None:
    """The number of the one sentence deleted ("Het vijfde lid, tweede zin, vervalt")."""
    spans = sentences(current)
    if len(spans) < 2:
        return None
    for n, (a, b) in enumerate(spans, start=1):
        rest = (current[:a] + current[b:]).strip().replace("  ", " ")
        if rest == target:
            return n
    return None


def retitled(ref: Ref, old: Node, new: Node) -> Instruction | None:
    """The instruction for a new heading title (opschrift) of an article, bijlage or division;
    None when it did not change.

    Words change as words do elsewhere ("In het opschrift van artikel 1 wordt «Oude» vervangen
    door «Nieuwe».", Ar 6.9), unless a rewrite reads better ("Het opschrift van artikel 1 komt te
    luiden:"); an article or bijlage without one gets one ("Artikel 1 wordt voorzien van een
    opschrift, luidende:", Ar 3.55) or loses it ("Het opschrift van artikel 1 vervalt."). A
    division always has a heading: a new one is written whole (with its label, as published).
    """
    if old.title == new.title:
        return None
    body = new.kind in BODIES
    edits = plan_words(old.title, new.title, at_end=True) if old.title and new.title else None
    if body and not old.title:
        ins = Instruction("toevoegen", ref, kind="opschrift", text=new.title)
    elif body and not new.title:
        ins = Instruction("vervallen", (*ref, Seg("opschrift")))
    elif edits:
        ins = Instruction("woorden", (*ref, Seg("opschrift")), edits=edits)
    else:
        ins = Instruction("opschrift", ref, text=new.title if body else heading(new))
    return replace(ins, old_id=old.id or None, new_id=new.id or None)
