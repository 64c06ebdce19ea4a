"""The amending bill from two versions: one onderdeel per article (or division), in order.

Divisions are matched by kind and number, articles through the comparison's pairs. A provision
that stays paired keeps its place and gets instructions for what changed in it; the rest lapses
where it was and is inserted where it comes (so text that moved is "deleted where it was,
inserted where it goes", Ar 6.11 and 6.12).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wetgeving.amend.apply import _Applier
from wetgeving.amend.locate import Failure
from wetgeving.amend.model import BODIES, Group, Instruction, Item, Onderdeel, Ref, Seg
from wetgeving.amend.pairing import Pairing
from wetgeving.amend.plan import ArticlePlanner
from wetgeving.amend.rules import Planned, increasing, retitled, same_words, too_much
from wetgeving.amend.tree import ByItem, Tree
from wetgeving.compare.align import merge_order
from wetgeving.compare.bill import onderdeel_letters
from wetgeving.errors import AmendError
from wetgeving.text.model import DIVISION_RANK, Node, Regeling
from wetgeving.text.structure import Item as TItem


def _key(node: Node | TItem) -> tuple[str, str]:
    return (node.kind, node.number.lower() if node.number else f"~{node.title.lower()}")


@dataclass
class _Pending:
    """What a container still has to do: its pairs and its lapsing items, by item id."""

    paired: dict[int, tuple[TItem, Node]]
    gone: dict[int, TItem]
    ref: Ref
    done: set[int] = field(default_factory=set)


class BillPlanner:
    """Plans the onderdelen of one ARTIKEL of the bill, applying them as it goes."""

    def __init__(self, pairing: Pairing, old: tuple[Regeling, ...], version: str) -> None:
        self.pairing = pairing
        self.tree = Tree(old)
        self.applier = _Applier(self.tree, version)
        self.origin: ByItem[Node] = ByItem()
        for root, regeling in zip(self.tree.roots, old, strict=True):
            self._register(root.children, regeling.children)
        self.parts: list[tuple[str, Item]] = []
        self.only: set[str] | None = None
        self.pending: list[_Pending] = []

    def _register(self, items: list[TItem], nodes: tuple[Node, ...]) -> None:
        for item, node in zip(items, nodes, strict=True):
            self.origin[item] = node
            if item.kind in DIVISION_RANK:
                self._register(item.children, node.children)

    def run(
        self, old: tuple[Regeling, ...], new: tuple[Regeling, ...], only: set[str] | None
    ) -> list[Onderdeel]:
        self.only = only
        by_path = {r.path: r for r in new}
        for root, regeling in zip(self.tree.roots, old, strict=True):
            target = by_path.get(regeling.path)
            if target is None:
                raise AmendError(
                    f"{regeling.path} staat niet in de nieuwe versie; een wijzigingswet kan geen "
                    "hele regeling laten vervallen"
                )
            self.container(root, target.children, ())
        missing = [r.path for r in new if r.path not in {o.path for o in old}]
        if missing:
            raise AmendError(
                f"{missing[0]} is nieuw; een nieuwe regeling past niet in een wijzigingswet van "
                "een bestaande"
            )
        letters = onderdeel_letters(len(self.parts))  # one change: no letter (Ar 6.15)
        return [
            Onderdeel(letter, item, article=article)
            for letter, (article, item) in zip(letters, self.parts, strict=True)
        ]

    # --- containers (the regeling and its divisions) ----------------------------------------------

    def emit(self, ins: Instruction) -> Instruction:
        try:
            self.applier.instruction(ins)
        except Failure as err:
            raise AmendError(
                f"interne fout bij het opstellen van de wijzigingsopdrachten: {err.message}"
            ) from None
        return ins

    def wanted(self, number: str) -> bool:
        return self.only is None or number in self.only

    def container(self, state: TItem, news: tuple[Node, ...], ref: Ref) -> None:
        olds = list(state.children)
        pairs = self.pairs(olds, list(news))
        events = list(merge_order(len(olds), pairs, len(news)))
        pending = _Pending(
            {id(olds[i]): (olds[i], news[j]) for i, j in pairs},
            {id(olds[i]): olds[i] for i, j in events if i is not None and j is None},
            ref,
        )
        self.pending.append(pending)
        pos = 0  # the place in state.children of the next old item not yet dealt with
        k = 0
        while k < len(events):
            i, j = events[k]
            if i is not None and j is not None:
                if id(olds[i]) not in pending.done:
                    pending.done.add(id(olds[i]))
                    self.paired(olds[i], news[j], ref)
                pos += 1
                k += 1
                continue
            end = k
            while end < len(events) and _same_side(events[end], events[k]):
                end += 1
            if j is None:
                gone = [olds[e[0]] for e in events[k:end] if e[0] is not None]
                gone = [g for g in gone if id(g) not in pending.done]
                pending.done.update(id(g) for g in gone)
                pos += self.lapse(gone)
            else:
                added = [news[e[1]] for e in events[k:end] if e[1] is not None]
                pos += self.insert(state, added, pos, ref)
            k = end
        self.pending.pop()

    def clear_number(self, number: str) -> None:
        """Make an article number free before it is given to another article: the article that
        has it now lapses or is renumbered first (an onderdeel earlier than its turn)."""
        pending = self.pending[-1]
        for item in self.tree.articles(number):
            if id(item) in pending.done:
                continue
            pending.done.add(id(item))
            if id(item) in pending.paired:
                self.paired(item, pending.paired[id(item)][1], pending.ref)
            elif id(item) in pending.gone:
                self.lapse([item])
        if self.tree.articles(number):
            raise AmendError(
                f"artikel {number} bestaat al en kan niet eerst vervallen of worden vernummerd; "
                "splits de wijziging in twee stappen"
            )

    def pairs(self, olds: list[TItem], news: list[Node]) -> list[tuple[int, int]]:
        position = {id(n): j for j, n in enumerate(news)}
        by_key = {_key(n): j for j, n in enumerate(news) if n.kind != "artikel"}
        found = []
        for i, item in enumerate(olds):
            if item.kind != "artikel":  # divisions and bijlagen go by kind and number
                j = by_key.get(_key(item))
                if j is None and not item.number:
                    j = _only_unnumbered(item.kind, olds, news)
                if j is not None:
                    found.append((i, j))
                continue
            old = self.origin.get(item)
            partner = self.pairing.new_of(old.id) if old is not None else None
            if partner is not None and id(partner) in position:
                found.append((i, position[id(partner)]))
        weight = {(i, j): 1.5 if olds[i].number == news[j].number else 1.0 for i, j in found}
        return increasing(found, weight)

    def paired(self, item: TItem, new: Node, ref: Ref) -> None:
        old = self.origin[item]
        if item.kind in DIVISION_RANK:
            seg = Seg(item.kind, item.number)  # type: ignore[arg-type]
            here = (*ref, seg)
            if old.text != new.text:
                if self.only is None:
                    node = Instruction(
                        "komt_te_luiden", here, content=(new,), old_id=old.id, new_id=new.id
                    )
                    self.parts.append(("", self.emit(node)))
                return
            title = retitled(here, old, new) if self.only is None else None
            if title is not None:
                self.parts.append(("", self.emit(title)))
            self.container(item, new.children, here)
            return
        if item.kind == "bijlage":
            if old == new or self.only is not None:
                return
            ref_bijlage: Ref = (Seg("bijlage", item.number),)
            same = (old.text, old.children) == (new.text, new.children)
            title = retitled(ref_bijlage, old, new) if same else None
            if title is not None:  # only its opschrift changed: that is all the bill says
                self.parts.append(("", self.emit(title)))
                return
            rewrite = Instruction(
                "komt_te_luiden", ref_bijlage, content=(new,), old_id=old.id, new_id=new.id
            )
            self.parts.append(("", self.emit(rewrite)))
            return
        if (old == new and item.number == new.number) or (
            not self.wanted(new.number) and not self.wanted(old.number)
        ):
            return
        renumber = new.number if item.number != new.number else ""
        if renumber:
            self.clear_number(renumber)
        ref_art: Ref = (Seg("artikel", item.number),)
        planner = ArticlePlanner(self.tree, self.applier, self.pairing)
        planned = same_words(planner.article(item, new, old))
        if len(_group(planned)) > 2 and too_much(planned, new) and not _rewrites(planned):
            # The instructions would carry most of the new text anyway: rewrite the article.
            planner.rewrite_since(0, ref_art, new, old)
            planned = planner.out
        if _rewrites(planned):
            # "Artikel 11 komt te luiden: Artikel 10a ..." renumbers the article too.
            self.parts.append((new.number, planned[-1].instruction))
            return
        if not planned and not renumber:
            return
        grouped = _group(planned)
        if renumber:
            self.emit_renumber(item, renumber)
            body: Item = (
                Group(ref_art, tuple(grouped), renumber, old_id=old.id, new_id=new.id)
                if grouped
                else Instruction(
                    "vernummeren", ref_art, text=renumber, old_id=old.id, new_id=new.id
                )
            )
        elif len(grouped) == 1 and not any(
            p.instruction.formula == "aanduiding" and not p.instruction.remove_mark for p in planned
        ):
            body = grouped[0]
        else:
            body = Group(ref_art, tuple(grouped), old_id=old.id, new_id=new.id)
        self.parts.append((new.number, body))

    def emit_renumber(self, item: TItem, number: str) -> None:
        try:
            self.applier.renumber_article(item, number)
        except Failure as err:
            raise AmendError(
                f"artikel {item.number} kan niet worden vernummerd tot artikel {number}: "
                f"{err.message}"
            ) from None

    def lapse(self, items: list[TItem]) -> int:
        """Lapse articles and divisions; returns how many of them stay (not chosen)."""
        articles = [i for i in items if i.kind == "artikel" and self.wanted(i.number)]
        if articles:
            refs = [(Seg("artikel", a.number),) for a in articles]
            ins = Instruction(
                "vervallen", refs[0], tuple(refs[1:]), old_id=self.origin[articles[0]].id
            )
            self.parts.append((articles[0].number, self.emit(ins)))
        others = [i for i in items if i.kind != "artikel"] if self.only is None else []
        for item in others:
            ins = Instruction("vervallen", self.anchor_ref(item), old_id=self.origin[item].id)
            self.parts.append(("", self.emit(ins)))
        return len(items) - len(articles) - len(others)

    def division_ref(self, item: TItem) -> Ref:
        segs: list[Seg] = []
        while item.kind in DIVISION_RANK:
            segs.append(Seg(item.kind, item.number))  # type: ignore[arg-type]
            item = self.tree.parent(item)
        return tuple(reversed(segs))

    def anchor_ref(self, item: TItem) -> Ref:
        if item.kind in BODIES:
            return (Seg(item.kind, item.number),)  # type: ignore[arg-type]
        return self.division_ref(item)

    def insert(self, state: TItem, added: list[Node], pos: int, ref: Ref) -> int:
        """Insert new articles or divisions at `pos`; returns how many went in."""
        runs: list[list[Node]] = []
        for node in added:
            if runs and runs[-1][0].kind == node.kind:
                runs[-1].append(node)
            else:
                runs.append([node])
        done = 0
        for run in runs:
            if run[0].kind == "artikel" and not any(self.wanted(n.number) for n in run):
                continue
            if run[0].kind != "artikel" and self.only is not None:
                continue
            kind = run[0].kind
            for node in run:
                if node.kind == "artikel" and self.tree.articles(node.number):
                    self.clear_number(node.number)
            here = pos + done
            prev = state.children[here - 1] if here > 0 else None
            following = state.children[here] if here < len(state.children) else None
            common = {"content": tuple(run), "kind": kind, "new_id": run[0].id}
            if prev is not None:
                ins = Instruction("invoegen", self.anchor_ref(prev), position="na", **common)  # type: ignore[arg-type]
            elif following is not None:
                ins = Instruction("invoegen", self.anchor_ref(following), position="voor", **common)  # type: ignore[arg-type]
            elif ref:
                ins = Instruction("toevoegen", ref, **common)  # type: ignore[arg-type]
            else:
                raise AmendError("een artikel in een lege regeling kan niet worden ingevoegd")
            article = run[0].number if kind == "artikel" else ""
            self.parts.append((article, self.emit(ins)))
            done += len(run)
        return done


def _only_unnumbered(kind: str, olds: list[TItem], news: list[Node]) -> int | None:
    """The new place of the one unnumbered bijlage or division of a kind ("Bijlage", "Titel.
    Slotbepaling") when each version has one: the same one, whatever its title now is."""
    if sum(1 for o in olds if o.kind == kind and not o.number) != 1:
        return None
    found = [j for j, n in enumerate(news) if n.kind == kind and not n.number]
    return found[0] if len(found) == 1 else None


def _same_side(event: tuple[int | None, int | None], first: tuple[int | None, int | None]) -> bool:
    """Whether an event is, like `first`, a lone old item (or a lone new one)."""
    return (event[0] is None) == (first[0] is None) and (event[1] is None) == (first[1] is None)


def _rewrites(planned: list[Planned]) -> bool:
    """Whether the article is rewritten whole already."""
    return any(
        p.instruction.formula == "komt_te_luiden" and len(p.instruction.target) == 1
        for p in planned
    )


def _same_lid(inside: tuple[TItem, Ref] | None, other: tuple[TItem, Ref]) -> bool:
    return inside is not None and inside[0] is other[0]


def _group(planned: list[Planned]) -> list[Item]:
    """Consecutive instructions inside one lid become "Het zesde lid wordt als volgt gewijzigd:"."""
    out: list[Item] = []
    k = 0
    while k < len(planned):
        inside = planned[k].inside
        end = k + 1
        if inside is not None:
            while end < len(planned) and _same_lid(planned[end].inside, inside):
                end += 1
        run = planned[k:end]
        if inside is not None and len(run) > 1:
            first = run[0].instruction
            out.append(
                Group(
                    inside[1],
                    tuple(p.instruction for p in run),
                    old_id=first.old_id,
                    new_id=first.new_id,
                )
            )
        else:
            out.extend(p.instruction for p in run)
        k = end
    return out
