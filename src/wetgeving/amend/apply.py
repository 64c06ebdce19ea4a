"""Apply a bill's instructions to the text of a version, in order, as the law reads them.

Every instruction works on the text as the instructions before it left it (so a lid renumbered
by an earlier instruction is cited by its new number, "(nieuw)"). An instruction that cannot be
applied is reported, with its line and place in the bill, and the rest is still tried, so the
lawyer sees every problem at once; the result is only used when there is none.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wetgeving.amend.locate import (
    Failure,
    Locator,
    Place,
    label,
)
from wetgeving.amend.model import BODIES, Bill, Instruction, Item, Problem
from wetgeving.amend.owntext import (
    Span,
    add_sentences,
    drop_sentence,
    drop_title,
    edit_title,
    edit_words,
    insert_sentence,
    replace_text,
    set_title,
    where_of,
)
from wetgeving.amend.siblings import (
    apply_ends,
    check_unique,
    fill_vacancies,
    index_at_end,
    index_by_number,
    place_mark,
    remove_mark,
    renumber_children,
    set_heading,
)
from wetgeving.amend.tree import (
    ByItem,
    Tree,
    children,
    is_dash,
    opened,
    text_of,
    to_item,
)
from wetgeving.text.labels import cite
from wetgeving.text.model import DIVISION_RANK, Regeling
from wetgeving.text.structure import Item as TItem


@dataclass(frozen=True, slots=True)
class Outcome:
    """The text after applying a bill, and what went wrong.

    Attributes:
        regelingen: Every draft file of the version, changed or not (only meaningful when
            `problems` is empty).
        changed: Paths of the draft files that changed.
        problems: Instructions that could not be applied, in order.
        applied: Number of instructions applied.
    """

    regelingen: tuple[Regeling, ...]
    changed: tuple[str, ...]
    problems: tuple[Problem, ...]
    applied: int


@dataclass
class _State:
    fresh: ByItem[list[Span]] = field(default_factory=ByItem)
    created: ByItem[str] = field(default_factory=ByItem)
    # Provisions that lapsed while later ones kept their numbers: "Vervallen." holds the number
    # until a later instruction of the bill gives it to another provision.
    vacant: ByItem[str] = field(default_factory=ByItem)
    # What instructions wrote into heading titles (opschriften), as `fresh` for texts.
    titles: ByItem[list[Span]] = field(default_factory=ByItem)


def apply_bill(
    bill: Bill, regelingen: tuple[Regeling, ...], version: str = "", regulation: str = ""
) -> Outcome:
    """Apply every instruction of `bill` to `regelingen` (the drafts of one version).

    `regulation` is the dossier's name for the regulation its drafts hold (wetgeving.toml): a
    bill that amends it by that name amends every draft file.
    """
    tree = Tree(regelingen)
    applier = _Applier(tree, version, regulation)
    for article in bill.articles:
        roots = applier.select(article.regulation, article.line, article.number)
        if roots is None:
            continue
        applier.locator.roots = roots
        for part in article.onderdelen:
            applier.item(part.item)
    result = tree.regelingen() if not applier.problems else regelingen
    changed = tuple(new.path for new, old in zip(result, regelingen, strict=True) if new != old)
    return Outcome(result, changed, tuple(applier.problems), applier.applied)


class _Applier:
    def __init__(self, tree: Tree, version: str, regulation: str = "") -> None:
        self.tree = tree
        self.regulation = " ".join(regulation.lower().split())
        self.locator = Locator(tree, version)
        self.state = _State()
        self.problems: list[Problem] = []
        self.applied = 0

    def select(self, regulation: str, line: int, number: str) -> list[TItem] | None:
        if not regulation:
            return list(self.tree.roots)
        wanted = " ".join(regulation.lower().split())
        if wanted == self.regulation:
            return list(self.tree.roots)
        roots = [r for r in self.tree.roots if " ".join(r.title.lower().split()) == wanted]
        if roots:
            return roots
        titles = sorted({r.title for r in self.tree.roots})
        where = f"artikel {number}" if number else ""
        self.problems.append(
            Problem(
                line,
                where,
                f"de opdrachten wijzigen {regulation}, maar {self.locator.where or 'de tekst'} "
                f"bevat alleen {', '.join(titles)}",
            )
        )
        return None

    def item(self, item: Item) -> None:
        if isinstance(item, Instruction):
            try:
                self.instruction(item)
                self.applied += 1
            except Failure as err:
                self.problems.append(Problem(item.line, item.where, err.message))
            return
        for child in item.items:
            self.item(child)
        if item.renumber_to:
            try:
                place = self.locator.find(item.target)
                self.renumber_article(place.node, item.renumber_to)
            except Failure as err:
                self.problems.append(Problem(item.line, item.where, err.message))

    # --- dispatch ---------------------------------------------------------------------------

    def instruction(self, ins: Instruction) -> None:
        handler = {
            "woorden": self.words,
            "vervallen": self.lapse,
            "komt_te_luiden": self.replace,
            "invoegen": self.insert,
            "toevoegen": self.add,
            "vernummeren": self.renumber,
            "aanduiding": self.mark,
            "opschrift": self.heading,
        }[ins.formula]
        handler(ins)

    def guard(self, place: Place, ins: Instruction) -> None:
        """Refuse to change what an earlier instruction of the bill has just written."""
        for item in place.chain:
            where = self.state.created.get(item)
            if where is not None and item.kind != "regeling":
                raise Failure(
                    f"overlapt met {where}: {cite(label(place.ref))} is daar ingevoegd of "
                    "vastgesteld; neem de wijziging op in die nieuwe tekst"
                )

    # --- words ------------------------------------------------------------------------------

    def words(self, ins: Instruction) -> None:
        for ref in (ins.target, *ins.targets):
            place = self.locator.find(ref)
            self.guard(place, ins)
            if ref[-1].kind == "opschrift":
                edit_title(self.state.titles, place, ins)
            else:
                edit_words(self.state.fresh, place, ins)

    # --- provisions ---------------------------------------------------------------------------

    def places(self, ins: Instruction) -> list[Place]:
        """The provisions an instruction names, none of them written by an earlier one."""
        places = [self.locator.find(ref) for ref in (ins.target, *ins.targets)]
        for place in places:
            self.guard(place, ins)
        return places

    def lapse(self, ins: Instruction) -> None:
        places = self.places(ins)
        first = places[0]
        kind = first.ref[-1].kind
        if kind == "zin":
            drop_sentence(first)
            return
        if kind == "opschrift":
            for place in places:
                drop_title(place)
            return
        if kind in (*BODIES, *DIVISION_RANK):
            for place in places:
                self.tree.remove(place.node)
                self.locator.gone[label(place.ref)] = where_of(ins)
            return
        parent = first.parent
        siblings = children(parent)
        removed = {id(p.node) for p in places}
        for place in places:
            if place.parent is not parent:
                raise Failure(
                    f"{cite(label(place.ref))} en {label(first.ref)} staan niet naast elkaar"
                )
        last_kept = max(
            (
                i
                for i, c in enumerate(siblings)
                if c.kind == first.node.kind and id(c) not in removed
            ),
            default=-1,
        )
        for place in places:
            index = siblings.index(place.node)
            if not ins.renumber and index < last_kept and not is_dash(place.node):
                # The following provisions keep their numbers: the number stays, as the
                # consolidated text shows it ("2. Vervallen.").
                place.node.children = []
                later = any(c.kind == place.node.kind for c in siblings[index + 1 :])
                closing = ";" if place.node.kind == "onderdeel" and later else "."
                word = "vervallen" if place.node.kind == "onderdeel" else "Vervallen"
                place.node.alineas = [f"{word}{closing}"]
                self.state.vacant[place.node] = where_of(ins)
            else:
                siblings.remove(place.node)
            self.locator.gone[label(place.ref)] = where_of(ins)
        apply_ends(parent, ins.ends)
        renumber_children(parent, ins.renumber, self.state.vacant)

    def replace(self, ins: Instruction) -> None:
        places = self.places(ins)
        first = places[0]
        kind = first.ref[-1].kind
        if kind in ("aanhef", "zin", "slotzin"):
            replace_text(self.state.fresh, first, ins)
            return
        new = self.fresh_items(ins, first.node.kind)
        if kind in (*BODIES, *DIVISION_RANK):
            container = self.tree.parent(first.node)
            index = container.children.index(first.node)
            for place in places:
                self.tree.remove(place.node)
            self.tree.insert(container, index, new)
            return
        siblings = children(first.parent)
        index = siblings.index(first.node)
        for place in places:
            siblings.remove(place.node)
        siblings[index:index] = new

    def fresh_items(self, ins: Instruction, kind: str) -> list[TItem]:
        if not ins.content:
            raise Failure("de nieuwe tekst ontbreekt")
        items = [to_item(node) for node in ins.content]
        for item in items:
            opened(item)
            self.state.created[item] = where_of(ins)
        return items

    def insert(self, ins: Instruction) -> None:
        if ins.position == "nummer":
            parent = self.locator.find(ins.target)
            self.guard(parent, ins)
            node = parent.node
            apply_ends(node, ins.ends)
            renumber_children(node, ins.renumber, self.state.vacant)
            new = self.fresh_items(ins, ins.kind)
            siblings = children(node)
            index = index_by_number(siblings, new[0])
            siblings[index:index] = new
            return
        anchor = self.locator.find(ins.target)
        if ins.kind == "zin":
            self.guard(anchor, ins)
            insert_sentence(self.state.fresh, anchor, ins)
            return
        self.guard_parent(anchor, ins)
        new = self.fresh_items(ins, ins.kind)
        if new[0].kind in (*BODIES, *DIVISION_RANK):
            if anchor.node.kind not in (*BODIES, *DIVISION_RANK):
                raise Failure(f"een {new[0].kind} kan niet naast {label(anchor.ref)} staan")
            self.tree.insert_beside(anchor.node, new, after=ins.position == "na")
            return
        holder = anchor.parent
        apply_ends(holder, ins.ends)
        renumber_children(holder, ins.renumber, self.state.vacant)
        siblings = children(holder)
        index = siblings.index(anchor.node) + (1 if ins.position == "na" else 0)
        siblings[index:index] = new
        fill_vacancies(holder, self.state.vacant)
        check_unique(holder, anchor.ref[:-1])

    def guard_parent(self, anchor: Place, ins: Instruction) -> None:
        for item in anchor.chain[:-1]:
            where = self.state.created.get(item)
            if where is not None:
                raise Failure(
                    f"overlapt met {where}: {cite(label(anchor.ref[:-1]))} is daar ingevoegd"
                )

    def add(self, ins: Instruction) -> None:
        parent = self.locator.find(ins.target)
        self.guard(parent, ins)
        node = parent.node
        if ins.kind == "opschrift":
            set_title(self.state.titles, parent, ins, new=True)
            return
        if ins.kind == "zin":
            if node.kind in (*BODIES, *DIVISION_RANK) and not text_of(node) and children(node):
                raise Failure(
                    f"{cite(label(parent.ref))} heeft geen eigen tekst om een zin aan toe te voegen"
                )
            add_sentences(self.state.fresh, parent, ins)
            return
        if node.kind == "regeling" or (
            node.kind in DIVISION_RANK and ins.kind in (*BODIES, *DIVISION_RANK)
        ):
            new = self.fresh_items(ins, ins.kind)
            self.tree.insert(node, len(node.children), new)
            return
        if (
            ins.kind == "lid"
            and node.kind == "artikel"
            and not any(c.kind == "lid" for c in children(node))
            and text_of(node)
        ):
            raise Failure(
                f"{cite(label(parent.ref))} heeft geen leden; "
                "plaats eerst de aanduiding «1.» voor de tekst"
            )
        apply_ends(node, ins.ends)
        renumber_children(node, ins.renumber, self.state.vacant)
        new = self.fresh_items(ins, ins.kind)
        siblings = children(node)
        index = index_at_end(siblings, new[0].kind)
        siblings[index:index] = new
        fill_vacancies(node, self.state.vacant)
        check_unique(node, parent.ref)

    def renumber(self, ins: Instruction) -> None:
        place = self.locator.find(ins.target)
        if ins.text:
            self.renumber_article(place.node, ins.text)
            return
        renumber_children(place.node, ins.renumber, self.state.vacant)

    def renumber_article(self, node: TItem, number: str) -> None:
        if node.kind != "artikel":
            raise Failure("alleen een artikel kan zo worden vernummerd")
        if self.tree.articles(number):
            raise Failure(f"artikel {number} bestaat al")
        self.tree.renumber_article(node, number)

    def mark(self, ins: Instruction) -> None:
        place = self.locator.find(ins.target)
        self.guard(place, ins)
        if ins.remove_mark:
            for ref in ins.targets:
                opened(place.node).children.remove(self.locator.find(ref).node)
            remove_mark(place.node, ins.text or "1.", cite(label(place.ref)))
        else:
            place_mark(place.node, ins.text, cite(label(place.ref)))

    def heading(self, ins: Instruction) -> None:
        place = self.locator.find(ins.target)
        self.guard(place, ins)
        if place.node.kind in BODIES:
            set_title(self.state.titles, place, ins, new=False)
        else:
            set_heading(place.node, ins.text)
