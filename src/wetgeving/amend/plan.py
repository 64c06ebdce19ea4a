"""Plan the instructions for one article: its own text, its leden and onderdelen.

The planner works on the old text as the instructions written so far have left it (a `Tree`),
applying each instruction as soon as it is written, with the code `apply` uses. So every
citation names the provision by the number it has at that moment ("het zesde lid (nieuw)"),
and every quotation is checked against the text it is meant for.
"""

from __future__ import annotations

import dataclasses

from wetgeving.amend.apply import _Applier
from wetgeving.amend.locate import Failure
from wetgeving.amend.model import EndChange, Instruction, Ref, Seg
from wetgeving.amend.pairing import Pairing
from wetgeving.amend.quotes import plan_words
from wetgeving.amend.rules import (
    Planned,
    added_sentence,
    dropped_sentence,
    full,
    increasing,
    lone,
    plain,
    tail,
    too_much,
)
from wetgeving.amend.tree import ByItem, Tree, children, opened, shifted, text_of
from wetgeving.compare.align import full_text, merge_order
from wetgeving.errors import AmendError
from wetgeving.text.model import Node
from wetgeving.text.structure import Item


class _Rewrite(Exception):
    """The list cannot be changed step by step; the provision holding it is rewritten."""


class ArticlePlanner:
    """Writes and applies the instructions that turn one article into its new text."""

    def __init__(self, tree: Tree, applier: _Applier, pairing: Pairing) -> None:
        self.tree = tree
        self.applier = applier
        self.pairing = pairing
        self.origin: ByItem[Node] = ByItem()
        self.out: list[Planned] = []
        self.inside: tuple[Item, Ref] | None = None
        self.forced: ByItem[Node] = ByItem()

    # --- bookkeeping ----------------------------------------------------------------------------

    def register(self, item: Item, node: Node) -> None:
        """Remember which old node each item of an opened provision came from."""
        self.origin[item] = node
        if item.kind == "artikel" and item.node is not None:
            return
        for child_item, child_node in zip(item.children, node.children, strict=False):
            self.register(child_item, child_node)

    def seg(self, item: Item) -> Seg:
        if item.kind == "slotzin":
            return Seg("slotzin")
        old = self.origin.get(item)
        return Seg(item.kind, item.number, old is not None and old.number != item.number)  # type: ignore[arg-type]

    def emit(self, ins: Instruction) -> None:
        try:
            self.applier.instruction(ins)
        except Failure as err:
            raise AmendError(
                f"interne fout: de opdracht voor {ins.target} is niet uit te voeren: {err.message}"
            ) from None
        self.out.append(Planned(ins, self.inside))

    # --- an article ------------------------------------------------------------------------------

    def article(self, item: Item, new: Node, old: Node) -> list[Planned]:
        """The instructions for an article that stays where it is (perhaps renumbered)."""
        self.origin[item] = old
        opened(item)
        for child_item, child_node in zip(item.children, old.children, strict=True):
            self.register(child_item, child_node)
        ref: Ref = (Seg("artikel", item.number),)
        if not self.fits(item, new):
            self.emit(self.rewrite(ref, new, old, new))
            return self.out
        self.marks(item, new, ref)
        try:
            if self.provision(item, new, ref):
                self.out = self.out[-1:]  # the article is rewritten whole: only that counts
        except _Rewrite:
            self.rewrite_since(0, ref, new, old)
        return self.out

    def rewrite_since(self, start: int, ref: Ref, new: Node, old: Node | None) -> None:
        """Rewrite a provision whole; what was written for it since `start` is superfluous (the
        rewrite replaces what those instructions changed, so the text comes out the same)."""
        self.out = self.out[:start]
        self.emit(self.rewrite(ref, new, old, new))

    def rewrite(self, ref: Ref, new: Node, old: Node | None, node: Node) -> Instruction:
        return Instruction(
            "komt_te_luiden",
            ref,
            content=(node,),
            old_id=old.id if old is not None else None,
            new_id=new.id,
        )

    def fits(self, item: Item, new: Node) -> bool:
        """Whether the lists of a provision can be changed step by step (plain numbering)."""
        old_kids = [c for c in children(item)]
        if any(c.kind == "slotzin" for c in old_kids) != any(
            c.kind == "slotzin" for c in new.children
        ):
            return False
        for kind in ("lid", "onderdeel"):
            olds = [c.number for c in old_kids if c.kind == kind]
            news = [c.number for c in new.children if c.kind == kind]
            if olds == news:
                continue
            if olds and news and (not plain(olds) or not plain(news) or olds[0] != news[0]):
                return False
        return True

    def marks(self, item: Item, new: Node, ref: Ref) -> None:
        """An article without leden that gets leden, or the reverse (Ar 6.18, lid 3 and 4)."""
        old_leden = [c for c in children(item) if c.kind == "lid"]
        new_leden = [c for c in new.children if c.kind == "lid"]
        if (
            not old_leden
            and new_leden
            and new_leden[0].number == "1"
            and text_of(item)
            and not new.text
        ):
            old_id = self.origin[item].id
            self.emit(Instruction("aanduiding", ref, text="1.", old_id=old_id, new_id=new.id))
            self.forced[children(item)[0]] = new_leden[0]
        elif old_leden and not new_leden and old_leden[0].number == "1" and new.text:
            others = tuple((*ref, self.seg(c)) for c in old_leden[1:])
            self.emit(Instruction("aanduiding", ref, others, text="1.", remove_mark=True))

    # --- a provision ----------------------------------------------------------------------------

    def provision(
        self, item: Item, new: Node, ref: Ref, absorb: tuple[str, str] | None = None
    ) -> bool:
        """Own text, then the list below it; True when the provision was rewritten whole."""
        current = text_of(item)
        target = new.text
        if absorb is not None:
            target = target.rstrip()[: len(target.rstrip()) - len(absorb[1])] + absorb[0]
        if current != target and self.own_text(item, new, ref, current, target):
            return True
        self.sequence(item, new, ref)
        return False

    def own_text(self, item: Item, new: Node, ref: Ref, current: str, target: str) -> bool:
        """Instructions for the own text; True when they rewrite the whole provision."""
        has_list = any(c.kind != "slotzin" for c in children(item)) or any(
            c.kind != "slotzin" for c in new.children
        )
        where = (*ref, Seg("aanhef")) if has_list and item.kind != "slotzin" else ref
        old_id, new_id = self._old_id(item), new.id
        added = added_sentence(current, target)
        dropped = dropped_sentence(current, target)
        edits = plan_words(current, target)
        if added is not None and not has_list:
            ins = Instruction("toevoegen", ref, kind="zin", text=added)
        elif dropped is not None and not has_list:
            ins = Instruction("vervallen", (*ref, Seg("zin", str(dropped))))
        elif edits is not None:
            ins = Instruction("woorden", where, edits=edits)
        elif has_list or (item.kind == "artikel" and children(item)):
            ins = Instruction("komt_te_luiden", (*ref, Seg("aanhef")), text=target)
        else:
            ins = None
        if ins is not None:
            self.emit(dataclasses.replace(ins, old_id=old_id, new_id=new_id))
        else:
            self.emit(self.rewrite(ref, new, self.origin.get(item), new))
            return True
        return False

    def _old_id(self, item: Item) -> str | None:
        old = self.origin.get(item)
        return old.id if old is not None and old.id else None

    # --- a list of leden or onderdelen ------------------------------------------------------------

    def pairs(self, olds: list[Item], news: list[Node]) -> list[tuple[int, int]]:
        position = {id(n): j for j, n in enumerate(news)}
        found: list[tuple[int, int]] = []
        for i, item in enumerate(olds):
            old = self.origin.get(item)
            partner = self.forced.get(item)
            if partner is None and old is not None:
                partner = self.pairing.new_of(old.id)
            if partner is not None and id(partner) in position:
                found.append((i, position[id(partner)]))
        taken_i = {i for i, _ in found}
        taken_j = {j for _, j in found}
        for i, item in enumerate(olds):
            if i in taken_i:
                continue
            for j, node in enumerate(news):
                if j in taken_j or node.kind != item.kind or node.text != text_of(item):
                    continue
                if full_text(node) == full(item):
                    found.append((i, j))
                    taken_i.add(i)
                    taken_j.add(j)
                    break
        return increasing(found)

    def sequence(self, item: Item, new: Node, ref: Ref) -> None:
        olds = list(children(item))
        news = list(new.children)
        if not olds and not news:
            return
        pairs = self.pairs(olds, news)
        events = list(merge_order(len(olds), pairs, len(news)))
        if any(
            (i is None) != (j is None) and (olds[i] if i is not None else news[j]).kind == "slotzin"  # type: ignore[index]
            for i, j in events
        ):
            raise _Rewrite()
        absorb = self.absorbed(olds, news, events)
        pos = 0  # the place in the list of the next old item not yet dealt with
        k = 0
        while k < len(events):
            i, j = events[k]
            siblings = children(item)
            if i is not None and j is not None:
                child = olds[i]
                rewritten = self.pair(
                    item, child, news[j], (*ref, self.seg(child)), absorb.get(id(child))
                )
                if rewritten:
                    absorb.pop(id(child), None)
                else:
                    absorb = {
                        (id(siblings[pos]) if key == id(child) else key): v
                        for key, v in absorb.items()
                    }
                pos += 1
                k += 1
                continue
            deleting = j is None
            end = k
            while end < len(events) and lone(events[end], deleting):
                end += 1
            run = events[k:end]
            prev = siblings[pos - 1] if pos > 0 else None
            if deleting:
                gone = [olds[e[0]] for e in run if e[0] is not None]
                self.delete(item, gone, ref, prev, absorb)
            else:
                added = [news[e[1]] for e in run if e[1] is not None]
                self.insert(item, added, ref, pos, absorb)
                pos += len(added)
            k = end

    def absorbed(
        self, olds: list[Item], news: list[Node], events: list[tuple[int | None, int | None]]
    ) -> dict[int, tuple[str, str]]:
        """The end punctuation of the last remaining onderdeel that an insertion or deletion at
        the end of the list takes along ("onder vervanging van de punt aan het slot van ...")."""
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

    def pair(
        self, parent: Item, item: Item, new: Node, ref: Ref, absorb: tuple[str, str] | None
    ) -> bool:
        """The instructions for a provision that stays; True when it is rewritten whole."""
        saved = self.inside
        if parent.kind == "artikel" and item.kind in ("lid", "onderdeel"):
            self.inside = (item, ref)
        start = len(self.out)
        try:
            if new.vervallen and not (text_of(item) == new.text and not item.children):
                return self.lapsed(parent, item, new, ref)
            if (item.children or new.children) and not self.fits(item, new):
                self.inside = saved
                self.rewrite_since(start, ref, new, self.origin.get(item))
                return True
            try:
                if self.provision(item, new, ref, absorb):
                    return True
            except _Rewrite:
                self.inside = saved
                self.rewrite_since(start, ref, new, self.origin.get(item))
                return True
            if too_much(self.out[start:], new):
                self.inside = saved
                self.rewrite_since(start, ref, new, self.origin.get(item))
                return True
            return False
        finally:
            self.inside = saved

    def lapsed(self, parent: Item, item: Item, new: Node, ref: Ref) -> bool:
        siblings = children(parent)
        later = any(c.kind == item.kind for c in siblings[siblings.index(item) + 1 :])
        word = "vervallen" if item.kind == "onderdeel" else "Vervallen"
        closing = ";" if item.kind == "onderdeel" and later else "."
        if later and new.text == f"{word}{closing}":
            self.emit(Instruction("vervallen", ref, old_id=self._old_id(item), new_id=new.id))
        else:
            self.emit(self.rewrite(ref, new, self.origin.get(item), new))
        return True

    def delete(
        self,
        parent: Item,
        gone: list[Item],
        ref: Ref,
        prev: Item | None,
        absorb: dict[int, tuple[str, str]],
    ) -> None:
        siblings = children(parent)
        kind = gone[0].kind
        after = siblings[siblings.index(gone[-1]) + 1 :]
        followers = [c for c in after if c.kind == kind]
        renumber = tuple((f.number, shifted(f.number, -len(gone)) or f.number) for f in followers)
        ends = self.ends(prev, absorb) if not followers else ()
        refs = [(*ref, self.seg(g)) for g in gone]
        self.emit(
            Instruction(
                "vervallen",
                refs[0],
                tuple(refs[1:]),
                renumber=renumber,
                ends=ends,
                renumber_nieuw=any(self.seg(f).nieuw for f in followers),
                old_id=self._old_id(gone[0]),
            )
        )

    def ends(self, prev: Item | None, absorb: dict[int, tuple[str, str]]) -> tuple[EndChange, ...]:
        if prev is None or id(prev) not in absorb:
            return ()
        before, after = absorb.pop(id(prev))
        return (EndChange(prev.number, before, after),)

    def insert(
        self,
        parent: Item,
        added: list[Node],
        ref: Ref,
        start: int,
        absorb: dict[int, tuple[str, str]],
    ) -> None:
        siblings = children(parent)
        kind = added[0].kind
        prev = siblings[start - 1] if start > 0 else None
        followers = [c for c in siblings[start:] if c.kind == kind]
        clash = {n.number for n in added} & {f.number for f in followers}
        renumber: tuple[tuple[str, str], ...] = ()
        if clash:
            renumber = tuple(
                (f.number, shifted(f.number, len(added)) or f.number) for f in followers
            )
        nieuw = bool(renumber) and any(self.seg(f).nieuw for f in followers)
        if not followers:
            formula, target, position = "toevoegen", ref, ""
        elif prev is not None and prev.kind == kind:
            formula, target, position = "invoegen", (*ref, self.seg(prev)), "na"
        else:
            formula, target, position = "invoegen", (*ref, self.seg(followers[0])), "voor"
        ends = self.ends(prev, absorb) if not followers else ()
        self.emit(
            Instruction(
                formula,  # type: ignore[arg-type]
                target,
                content=tuple(added),
                ends=ends,
                renumber=renumber,
                position=position,
                kind=kind,
                renumber_nieuw=nieuw,
                new_id=added[0].id,
            )
        )
