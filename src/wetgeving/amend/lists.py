"""A list of leden or onderdelen changed step by step (Ar 6.18; old Ar 238).

The list is cut into the provisions that stay and the gaps between them, where provisions lapse
or are inserted. A gap's instruction carries the renumbering of the provisions that follow it
up to the next gap ("onder vernummering van ..."), straight to their final numbers, so every
provision is renumbered at most once and no renumbering cites "(nieuw)". The gaps are written
in the order of the text, except where a number is still taken:

- by a provision that lapses further on: that lapse is written first ("Het achtste lid
  vervalt." before "Onder vernummering van het vierde tot en met zevende lid tot vijfde tot en
  met achtste lid wordt na het derde lid een lid ingevoegd");
- by a provision that a later gap renumbers: this gap's clause takes that renumbering along
  ("onder vernummering van het vierde en vijfde lid tot vijfde en zesde lid en van het zesde
  tot en met achtste lid tot achtste tot en met tiende lid").

A gedachtestreepje has no number: it is cited by its place ("het tweede gedachtestreepje") and
nothing is renumbered.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wetgeving.amend.model import EndChange, Instruction, Ref
from wetgeving.amend.planner import Planner
from wetgeving.amend.rules import Rewrite, tail
from wetgeving.amend.tree import children, is_dash, same_number, text_of
from wetgeving.compare.align import merge_order
from wetgeving.text.model import Node
from wetgeving.text.structure import Item

_DASHES = ("–", "—", "-")


@dataclass
class Gap:
    """Lapsing and inserted provisions between two that stay, and what the step renumbers.

    Attributes:
        gone: The provisions that lapse here (items of the text being amended).
        added: The new provisions inserted here (nodes of the new version).
        after: The provision that stays just before the gap (None at the head of the list).
        carried: Provisions that stay, with the number this step gives them.
        deleted: The lapse was written already (earlier, because its number was needed).
        done: The whole step was written.
        busy: The step is being written (guards against a step waiting for itself).
    """

    gone: list[Item]
    added: list[Node]
    after: Item | None
    carried: list[tuple[Item, str]] = field(default_factory=list)
    deleted: bool = False
    done: bool = False
    busy: bool = False


Unit = tuple[Item, Node, bool] | Gap  # a provision that stays (True: replaced whole), or a gap


def _norm(number: str) -> str:
    return number.replace("º", "°")


class ListPlanner:
    """Writes the instructions for one list: the provisions that stay (through the article
    planner) and the gaps, scheduled as the module says."""

    def __init__(self, planner: Planner) -> None:
        self.p = planner
        self.parent: Item | None = None
        self.ref: Ref = ()
        self.gaps: list[Gap] = []
        self.absorb: dict[int, tuple[str, str]] = {}
        self.replaced: dict[int, Item] = {}

    def current(self, item: Item) -> Item:
        """The item as it now stands (a provision rewritten whole is a new item)."""
        while id(item) in self.replaced:
            item = self.replaced[id(item)]
        return item

    def siblings(self) -> list[Item]:
        assert self.parent is not None
        return children(self.parent)

    def vacant(self, item: Item) -> bool:
        return self.p.vacant(item)

    # --- cutting the list -----------------------------------------------------------------------

    def run(self, item: Item, new: Node, ref: Ref) -> None:
        olds = list(children(item))
        news = list(new.children)
        if not olds and not news:
            return
        self.parent, self.ref = item, ref
        events = list(merge_order(len(olds), self.p.pairs(olds, news), len(news)))
        if any(
            (i is None) != (j is None) and (olds[i] if i is not None else news[j]).kind == "slotzin"  # type: ignore[index]
            for i, j in events
        ):
            raise Rewrite()
        self.absorb = absorbed(olds, news, events)
        units = self.units(olds, news, events)
        self.carriers(units)
        units = self.joined(units)
        for unit in units:
            if isinstance(unit, Gap):
                if not unit.done:
                    self.step(unit)
                continue
            child, partner, whole = unit
            siblings = self.siblings()
            index = siblings.index(child)
            here = (*ref, self.p.seg(child, item))
            if whole:
                self.p.replace(item, child, partner, here)
                rewritten = True
            else:
                rewritten = self.p.pair(item, child, partner, here, self.absorb.get(id(child)))
            if rewritten:
                self.absorb.pop(id(child), None)
                self.replaced[id(child)] = self.siblings()[index]

    def units(
        self, olds: list[Item], news: list[Node], events: list[tuple[int | None, int | None]]
    ) -> list[Unit]:
        """The list as provisions that stay and gaps, in order. Where a gap both loses and gains
        provisions of one kind, the first that lapses is replaced by the first that comes, in its
        place ("Het zesde lid komt te luiden:"), as a lawyer replaces a provision rather than
        deleting it and inserting another."""
        units: list[Unit] = []
        after: Item | None = None
        lone: list[tuple[int | None, int | None]] = []

        def close() -> None:
            nonlocal after
            gone = [olds[i] for i, _ in lone if i is not None]
            added = [news[j] for _, j in lone if j is not None]
            while gone and added and gone[0].kind == added[0].kind:
                units.append((gone[0], added[0], True))
                after = gone.pop(0)
                added.pop(0)
            if gone or added:
                gap = Gap(gone, added, after)
                units.append(gap)
                self.gaps.append(gap)
            lone.clear()

        for i, j in events:
            if i is not None and j is not None:
                close()
                units.append((olds[i], news[j], False))
                after = olds[i]
            else:
                lone.append((i, j))
        close()
        return units

    def joined(self, units: list[Unit]) -> list[Unit]:
        """Lapses with only renumbered, unchanged provisions between them are one instruction:
        "Het tweede en vierde lid vervallen, onder vernummering van het derde lid tot tweede lid
        en van het vijfde tot en met achtste lid tot derde tot en met zesde lid" (Ar 3.29)."""
        out: list[Unit] = []
        k = 0
        while k < len(units):
            unit = units[k]
            out.append(unit)
            k += 1
            if not isinstance(unit, Gap) or unit.added or not unit.gone:
                continue
            while True:
                end = k
                while (
                    end < len(units)
                    and not isinstance(units[end], Gap)
                    and _same(units[end][0], units[end][1])  # type: ignore[index]
                    and not units[end][2]  # type: ignore[index]
                ):
                    end += 1
                nxt = units[end] if end < len(units) else None
                if (
                    not isinstance(nxt, Gap)
                    or nxt.added
                    or not nxt.gone
                    or nxt.gone[0].kind != unit.gone[0].kind
                ):
                    break
                unit.gone.extend(nxt.gone)
                unit.carried.extend(nxt.carried)
                self.gaps.remove(nxt)
                out.extend(units[k:end])
                k = end + 1
        return out

    def carriers(self, units: list[Unit]) -> None:
        """Give each renumbered provision to the gap whose step renumbers it: the nearest gap
        before it that changes the count (else the nearest gap before it)."""
        carrier: Gap | None = None
        for unit in units:
            if isinstance(unit, Gap):
                if carrier is None or len(unit.added) != len(unit.gone):
                    carrier = unit
                continue
            child, partner, _ = unit
            if child.kind != partner.kind or is_dash(child) or partner.number in _DASHES:
                continue
            if same_number(child.number, partner.number):
                continue
            if carrier is None:
                raise Rewrite()  # renumbered without a cause in the list: not a plain change
            carrier.carried.append((child, partner.number))

    # --- scheduling -----------------------------------------------------------------------------

    def step(self, gap: Gap) -> None:
        """Write a gap: its lapse, then its insertion, the renumbering with the last of them."""
        if gap.busy:
            raise Rewrite()
        gap.busy = True
        self.resolve(gap)
        if gap.gone and not gap.deleted:
            self.delete(gap, [] if gap.added else gap.carried)
            gap.deleted = True
        if gap.added:
            self.insert(gap)
        gap.done = True
        gap.busy = False

    def resolve(self, gap: Gap) -> None:
        """Free the numbers this step gives: write a later lapse first, or take a later step's
        renumbering into this one."""
        for _ in range(len(self.gaps) * 2 + 2):
            blockers = self.blockers(gap)
            if not blockers:
                return
            for blocker in blockers:
                owner = next(
                    (
                        g
                        for g in self.gaps
                        if g is not gap
                        and not g.done
                        and (
                            (blocker in g.gone and not g.deleted)
                            or any(c is blocker for c, _ in g.carried)
                        )
                    ),
                    None,
                )
                if owner is None:
                    raise Rewrite()
                if blocker in owner.gone:
                    if owner.added:
                        self.delete(owner, [])  # its renumbering stays with its insertion
                        owner.deleted = True
                    else:
                        self.step(owner)
                else:
                    gap.carried.extend(owner.carried)
                    owner.carried = []
                break
        raise Rewrite()

    def blockers(self, gap: Gap) -> list[Item]:
        """The provisions that hold a number this step gives."""
        moving = {id(c) for c, _ in gap.carried}
        leaving = {id(g) for g in gap.gone} if not gap.deleted else set()
        wanted = {_norm(n) for _, n in gap.carried}
        wanted |= {_norm(n.number) for n in gap.added if n.number not in _DASHES}
        return [
            c
            for c in self.siblings()
            if c.kind != "slotzin"
            and not is_dash(c)
            and id(c) not in moving
            and id(c) not in leaving
            and not self.vacant(c)
            and _norm(c.number) in wanted
        ]

    # --- the instructions -----------------------------------------------------------------------

    def renumber(self, carried: list[tuple[Item, str]]) -> tuple[tuple[str, str], ...]:
        siblings = self.siblings()
        ordered = sorted(carried, key=lambda pair: siblings.index(pair[0]))
        return tuple((c.number.replace("º", "°"), n) for c, n in ordered)

    def delete(self, gap: Gap, carried: list[tuple[Item, str]]) -> None:
        p = self.p
        assert self.parent is not None
        siblings = self.siblings()
        gone = gap.gone
        kind = gone[0].kind
        last = siblings.index(gone[-1])
        followers = [c for c in siblings[last + 1 :] if c.kind == kind and not self.vacant(c)]
        prev = next(
            (c for c in reversed(siblings[:last]) if c.kind == kind and c not in gone), None
        )
        ends = self.ends(prev) if not followers else ()
        refs = [(*self.ref, p.seg(g, self.parent)) for g in gone]
        p.emit(
            Instruction(
                "vervallen",
                refs[0],
                tuple(refs[1:]),
                renumber=self.renumber(carried),
                ends=ends,
                old_id=p.old_id(gone[0]),
            )
        )

    def insert(self, gap: Gap) -> None:
        p = self.p
        assert self.parent is not None
        siblings = self.siblings()
        added = gap.added
        kind = added[0].kind
        index = siblings.index(self.current(gap.after)) + 1 if gap.after is not None else 0
        followers = [c for c in siblings[index:] if c.kind == kind and not self.vacant(c)]
        prev = siblings[index - 1] if index > 0 and siblings[index - 1].kind == kind else None
        dash = all(n.number in _DASHES for n in added)
        noun = "gedachtestreepje" if dash else kind
        if not followers:
            formula, target, position = "toevoegen", self.ref, ""
        elif prev is not None:
            formula, target, position = "invoegen", (*self.ref, p.seg(prev, self.parent)), "na"
        else:
            formula, position = "invoegen", "voor"
            target = (*self.ref, p.seg(followers[0], self.parent))
        p.emit(
            Instruction(
                formula,  # type: ignore[arg-type]
                target,
                content=tuple(added),
                ends=self.ends(prev) if not followers else (),
                renumber=self.renumber(gap.carried),
                position=position,
                kind=noun,
                new_id=added[0].id,
            )
        )

    def ends(self, prev: Item | None) -> tuple[EndChange, ...]:
        """The end punctuation of the last remaining onderdeel that goes with a change at the
        end of the list ("onder vervanging van de punt aan het slot van onderdeel b door een
        puntkomma")."""
        if prev is None or id(prev) not in self.absorb:
            return ()
        before, after = self.absorb.pop(id(prev))
        assert self.parent is not None
        seg = self.p.seg(prev, self.parent)
        kind = "gedachtestreepje" if is_dash(prev) else "onderdeel"
        return (EndChange(seg.number, before, after, kind, seg.nieuw),)


def _same(item: Item, node: Node) -> bool:
    """Whether a provision stays word for word, its list included (its number aside)."""
    if text_of(item) != node.text or len(item.children) != len(node.children):
        return False
    return all(
        a.kind == b.kind and a.number == b.number and _same(a, b)
        for a, b in zip(item.children, node.children, strict=True)
    )


def absorbed(
    olds: list[Item], news: list[Node], events: list[tuple[int | None, int | None]]
) -> dict[int, tuple[str, str]]:
    """The end punctuation of the last remaining onderdeel that an insertion or deletion at the
    end of the list takes along ("onder vervanging van de punt aan het slot van ...")."""
    last = max(
        (k for k, (i, j) in enumerate(events) if i is not None and j is not None), default=-1
    )
    if last < 0 or last == len(events) - 1:
        return {}
    tail_events = events[last + 1 :]
    kinds = {(olds[i] if i is not None else news[j]).kind for i, j in tail_events}  # type: ignore[index]
    if kinds != {"onderdeel"}:
        return {}
    i, j = events[last]
    assert i is not None and j is not None
    before, after = tail(text_of(olds[i])), tail(news[j].text)
    if before and after and before != after:
        return {id(olds[i]): (before, after)}
    return {}
