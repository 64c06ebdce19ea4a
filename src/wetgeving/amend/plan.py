"""Plan the instructions for one article: its own text, its leden and onderdelen.

The planner works on the old text as the instructions written so far have left it (a `Tree`),
applying each instruction as soon as it is written, with the code `apply` uses. So every
citation names the provision by the number it has at that moment ("het zesde lid (nieuw)"),
and every quotation is checked against the text it is meant for. Which provision became which
comes from the comparison (`Pairing`); the lists of leden and onderdelen are planned in
`lists.py`.
"""

from __future__ import annotations

import dataclasses

from wetgeving.amend.apply import _Applier
from wetgeving.amend.lists import ListPlanner
from wetgeving.amend.locate import Failure
from wetgeving.amend.model import Instruction, Ref, Seg
from wetgeving.amend.pairing import Pairing
from wetgeving.amend.quotes import plan_words
from wetgeving.amend.rules import (
    Planned,
    Rewrite,
    added_sentences,
    dropped_sentence,
    increasing,
    one_sentence,
    plain,
    retitled,
    too_much,
    without_new_sentences,
)
from wetgeving.amend.tree import ByItem, Tree, children, dash_place, is_dash, opened, text_of
from wetgeving.errors import AmendError
from wetgeving.text.model import Node
from wetgeving.text.structure import Item


def _sentences(ref: Ref, after: int | None, text: str) -> Instruction:
    """ "Aan het eerste lid wordt een zin toegevoegd" or "Na de eerste zin wordt een zin
    ingevoegd", luidende: `text`."""
    if after is None:
        return Instruction("toevoegen", ref, kind="zin", text=text)
    return Instruction(
        "invoegen", (*ref, Seg("zin", str(after))), kind="zin", text=text, position="na"
    )


class ArticlePlanner:
    """Writes and applies the instructions that turn one article into its new text."""

    def __init__(self, tree: Tree, applier: _Applier, pairing: Pairing) -> None:
        self.tree = tree
        self.applier = applier
        self.pairing = pairing
        self.origin: ByItem[Node] = ByItem()
        self.out: list[Planned] = []
        self.inside: tuple[Item, Ref] | None = None
        # A lid made from the text of an article without leden: the new lid it is (Ar 6.18).
        self.forced: ByItem[Node] = ByItem()
        # The place of each gedachtestreepje in its list in the old text (for "(nieuw)").
        self.dash_origin: ByItem[int] = ByItem()

    # --- bookkeeping ----------------------------------------------------------------------------

    def register(self, item: Item, node: Node) -> None:
        """Remember which old node each item of an opened provision came from."""
        self.origin[item] = node
        if item.kind == "artikel" and item.node is not None:
            return
        for child_item, child_node in zip(item.children, node.children, strict=False):
            self.register(child_item, child_node)
            if is_dash(child_item):
                self.dash_origin[child_item] = dash_place(item.children, child_item)

    def seg(self, item: Item, parent: Item | None = None) -> Seg:
        """How an instruction cites a provision now: by its current number, "(nieuw)" when an
        earlier instruction of the bill gave it that number (Ar 238, seventh lid, old numbering)."""
        if item.kind == "slotzin":
            return Seg("slotzin")
        if is_dash(item) and parent is not None:
            place = dash_place(children(parent), item)
            first = self.dash_origin.get(item)
            return Seg("gedachtestreepje", str(place), first is not None and first != place)
        old = self.origin.get(item)
        return Seg(item.kind, item.number, old is not None and old.number != item.number)  # type: ignore[arg-type]

    def vacant(self, item: Item) -> bool:
        """Whether an applied instruction left the provision's number vacant."""
        return item in self.applier.state.vacant

    def emit(self, ins: Instruction) -> None:
        try:
            self.applier.instruction(ins)
        except Failure as err:
            raise AmendError(
                f"interne fout: de opdracht voor {ins.target} is niet uit te voeren: {err.message}"
            ) from None
        self.out.append(Planned(ins, self.inside))

    def old_id(self, item: Item) -> str | None:
        old = self.origin.get(item)
        return old.id if old is not None and old.id else None

    # --- an article ------------------------------------------------------------------------------

    def article(self, item: Item, new: Node, old: Node) -> list[Planned]:
        """The instructions for an article that stays where it is (perhaps renumbered)."""
        self.origin[item] = old
        opened(item)
        for child_item, child_node in zip(item.children, old.children, strict=True):
            self.register(child_item, child_node)
            if is_dash(child_item):
                self.dash_origin[child_item] = dash_place(item.children, child_item)
        ref: Ref = (Seg("artikel", item.number),)
        kept = next(
            (
                c
                for c in children(item)
                if c.kind == "lid" and self.old_id(c) in self.pairing.loses_leden
            ),
            None,
        )
        lid = self.pairing.lid_of(old.id)
        if kept is None and not self.fits(item, new, lid):
            self.emit(self.rewrite(ref, new, old, new))
            return self.out
        title = retitled(ref, old, new)
        if title is not None:
            self.emit(title)  # the opschrift stands above the text: its change comes first
        try:
            if kept is not None:
                self.unmark(item, kept, new, ref)
            else:
                if lid is not None:
                    self.mark(item, lid, ref)
                if self.provision(item, new, ref):
                    self.out = self.out[-1:]  # the article is rewritten whole: only that counts
        except Rewrite:
            self.rewrite_since(0, ref, new, old)
        return self.out

    def mark(self, item: Item, lid: Node, ref: Ref) -> None:
        """The text of an article without leden becomes its lid `lid` (Ar 6.18, third lid):
        "Voor de tekst wordt de aanduiding «1.» geplaatst."; the other leden follow as inserted
        or added leden."""
        self.emit(
            Instruction(
                "aanduiding", ref, text=f"{lid.number}.", old_id=self.old_id(item), new_id=lid.id
            )
        )
        self.forced[children(item)[0]] = lid

    def unmark(self, item: Item, kept: Item, new: Node, ref: Ref) -> None:
        """The lid `kept` becomes the text of the article (Ar 6.18, fourth lid): its changes are
        written while it is still a lid, then "Het tweede lid alsmede de aanduiding «1.» voor het
        eerste lid vervallen."."""
        self.pair(item, kept, new, (*ref, self.seg(kept)), None)
        others = tuple(
            (*ref, self.seg(c)) for c in children(item) if c.kind == "lid" and c is not kept
        )
        self.emit(
            Instruction(
                "aanduiding",
                ref,
                others,
                text=f"{kept.number}.",
                remove_mark=True,
                old_id=self.old_id(kept),
                new_id=new.id,
            )
        )
        if text_of(item) != new.text or len(children(item)) != len(new.children):
            raise Rewrite()

    def rewrite_since(self, start: int, ref: Ref, new: Node, old: Node | None) -> None:
        """Rewrite a provision whole; what was written for it since `start` is superfluous (the
        rewrite replaces what those instructions changed, so the text comes out the same)."""
        self.out = self.out[:start]
        self.emit(self.rewrite(ref, new, old, new))

    def rewrite(self, ref: Ref, new: Node, old: Node | None, node: Node) -> Instruction:
        if node.kind == "artikel" and len(ref) > 1:
            raise Rewrite()  # a lid whose text becomes the article's: rewrite the article
        return Instruction(
            "komt_te_luiden",
            ref,
            content=(node,),
            old_id=old.id if old is not None else None,
            new_id=new.id,
        )

    def fits(self, item: Item, new: Node, lid: Node | None = None) -> bool:
        """Whether the lists of a provision can be changed step by step: plain numbering (or
        gedachtestreepjes), and leden that appear or go only as the comparison says (Ar 6.18)."""
        old_kids = children(item)
        if any(c.kind == "slotzin" for c in old_kids) != any(
            c.kind == "slotzin" for c in new.children
        ):
            return False
        old_leden = any(c.kind == "lid" for c in old_kids)
        new_leden = any(c.kind == "lid" for c in new.children)
        if old_leden != new_leden and (lid is None or old_leden):
            return False  # in or out of leden without the text going along: a new article
        if lid is not None:
            return True
        for kind in ("lid", "onderdeel"):
            olds = [c for c in old_kids if c.kind == kind]
            news = [c for c in new.children if c.kind == kind]
            if [c.number for c in olds] == [c.number for c in news]:
                continue
            if kind == "onderdeel" and (not olds or not news):
                return False  # a list appears or goes whole: the text around it changes too
            if all(is_dash(c) for c in olds) and all(n.number in ("–", "—", "-") for n in news):
                continue
            old_numbers = [c.number for c in olds]
            new_numbers = [c.number for c in news]
            if (
                olds
                and news
                and (
                    not plain(old_numbers)
                    or not plain(new_numbers)
                    or old_numbers[0] != new_numbers[0]
                )
            ):
                return False
        return True

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
        ListPlanner(self).run(item, new, ref)
        return False

    def own_text(self, item: Item, new: Node, ref: Ref, current: str, target: str) -> bool:
        """Instructions for the own text; True when they rewrite the whole provision."""
        has_list = any(c.kind != "slotzin" for c in children(item)) or any(
            c.kind != "slotzin" for c in new.children
        )
        where = (*ref, Seg("aanhef")) if has_list and item.kind != "slotzin" else ref
        old_id, new_id = self.old_id(item), new.id
        added = added_sentences(current, target)
        dropped = dropped_sentence(current, target)
        if not has_list and added is None and self.words_then_sentences(ref, current, target):
            return False
        edits = plan_words(current, target, at_end=not has_list)
        ins: Instruction | None
        if added is not None and not has_list:
            ins = _sentences(ref, *added)
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
            return False
        self.emit(self.rewrite(ref, new, self.origin.get(item), new))
        return True

    def words_then_sentences(self, ref: Ref, current: str, target: str) -> bool:
        """New sentences among word changes are written apart ("a. In de eerste zin wordt
        «straf» vervangen door «maatregel». b. Er wordt een zin toegevoegd, luidende: ..."),
        not quoted as words; True when so written."""
        for between in without_new_sentences(current, target):
            then = added_sentences(between, target)
            first = plan_words(current, between, at_end=True) if then is not None else None
            if then is None or not first:
                continue
            # The words are cited in their sentence: with the new ones the text has several.
            within = one_sentence(current, first)
            if within is None:
                continue
            self.emit(Instruction("woorden", (*ref, Seg("zin", str(within))), edits=first))
            self.emit(_sentences(ref, *then))
            return True
        return False

    # --- a provision that stays -------------------------------------------------------------------

    def pairs(self, olds: list[Item], news: list[Node]) -> list[tuple[int, int]]:
        """The provisions of a list that stay, as the comparison pairs them (in order)."""
        position = {id(n): j for j, n in enumerate(news)}
        found: list[tuple[int, int]] = []
        for i, item in enumerate(olds):
            old = self.origin.get(item)
            partner = self.forced.get(item)
            if partner is None and old is not None:
                partner = self.pairing.new_of(old.id)
            if partner is not None and id(partner) in position:
                found.append((i, position[id(partner)]))
        return increasing(found)

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
            except Rewrite:
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

    def replace(self, parent: Item, item: Item, new: Node, ref: Ref) -> None:
        """A provision that lapses where another comes in its place: "komt te luiden"."""
        saved = self.inside
        if parent.kind == "artikel" and item.kind in ("lid", "onderdeel"):
            self.inside = (item, ref)
        try:
            self.emit(self.rewrite(ref, new, self.origin.get(item), new))
        finally:
            self.inside = saved

    def lapsed(self, parent: Item, item: Item, new: Node, ref: Ref) -> bool:
        siblings = children(parent)
        later = any(c.kind == item.kind for c in siblings[siblings.index(item) + 1 :])
        word = "vervallen" if item.kind == "onderdeel" else "Vervallen"
        closing = ";" if item.kind == "onderdeel" and later else "."
        if later and new.text == f"{word}{closing}":
            self.emit(Instruction("vervallen", ref, old_id=self.old_id(item), new_id=new.id))
        else:
            self.emit(self.rewrite(ref, new, self.origin.get(item), new))
        return True
