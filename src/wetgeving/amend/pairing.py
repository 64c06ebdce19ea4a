"""Which provision of the old version became which of the new one, read from a `Comparison`.

This is the one place that reads `wetgeving.compare.Change`; the planner works on what it says
here and decides only the formulas. A change that names both ids pairs them, whatever its kind
(changed, renumbered, moved, ...); one that names only the old id lapses, only the new id is
inserted. An article whose text became one of its leden (`structure` "gets_leden") stays paired
with itself, and the comparison's lid is where its text went; the reverse likewise.

The comparison is silent about a provision whose text and own number did not change, even when
its id did (a dash item after an inserted one, a provision under a renumbered lid): such
provisions are the children of a pair that no change names, on both sides, and they pair in
their order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wetgeving.compare.model import Comparison
from wetgeving.text.model import DIVISION_RANK, Node, Regeling


@dataclass
class Pairing:
    """Old node id -> new node id and back, for every provision both versions hold.

    Attributes:
        gets_leden: Article id (old) -> id of the lid (new) its text became (Ar 6.18, third lid).
        loses_leden: Lid id (old) -> id of the article (new) whose text it became (fourth lid).
    """

    old_to_new: dict[str, str] = field(default_factory=dict)
    new_to_old: dict[str, str] = field(default_factory=dict)
    old_nodes: dict[str, Node] = field(default_factory=dict)
    new_nodes: dict[str, Node] = field(default_factory=dict)
    gets_leden: dict[str, str] = field(default_factory=dict)
    loses_leden: dict[str, str] = field(default_factory=dict)

    def new_of(self, old_id: str) -> Node | None:
        new_id = self.old_to_new.get(old_id)
        return self.new_nodes.get(new_id) if new_id is not None else None

    def old_of(self, new_id: str) -> Node | None:
        old_id = self.new_to_old.get(new_id)
        return self.old_nodes.get(old_id) if old_id is not None else None

    def lid_of(self, article_id: str) -> Node | None:
        """The new lid that the text of an old article without leden became, if any."""
        lid_id = self.gets_leden.get(article_id)
        return self.new_nodes.get(lid_id) if lid_id is not None else None

    def link(self, old_id: str, new_id: str) -> None:
        self.old_to_new[old_id] = new_id
        self.new_to_old[new_id] = old_id


def _index(regelingen: tuple[Regeling, ...]) -> dict[str, Node]:
    out: dict[str, Node] = {}
    for regeling in regelingen:
        for node in regeling.walk():
            out.setdefault(node.id, node)
    return out


def pair(comparison: Comparison, old: tuple[Regeling, ...], new: tuple[Regeling, ...]) -> Pairing:
    """The pairs of a comparison of `old` with `new`."""
    result = Pairing(old_nodes=_index(old), new_nodes=_index(new))
    named_old: set[str] = set()
    named_new: set[str] = set()
    for change in comparison.changes:
        if change.old_id:
            named_old.add(change.old_id)
        if change.new_id:
            named_new.add(change.new_id)
        if not (change.old_id and change.new_id):
            continue
        if change.structure == "gets_leden":
            result.gets_leden[change.old_id] = change.new_id
        elif change.structure == "loses_leden":
            result.loses_leden[change.old_id] = change.new_id
        else:
            result.link(change.old_id, change.new_id)
    for old_id in result.gets_leden:
        # The article stays the article (the planner places the mark «1.»).
        if old_id not in result.old_to_new and old_id in result.new_nodes:
            result.link(old_id, old_id)
    for article_id in result.loses_leden.values():
        if article_id not in result.new_to_old and article_id in result.old_nodes:
            result.link(article_id, article_id)
    silent = _Silent(result, named_old, named_new)
    for before, after in zip(old, new, strict=False):
        silent.children(before.children, after.children)
    return result


class _Silent:
    """Pairs the provisions the comparison does not name: unchanged, in their order."""

    def __init__(self, result: Pairing, named_old: set[str], named_new: set[str]) -> None:
        self.result = result
        self.named_old = named_old
        self.named_new = named_new

    def children(self, olds: tuple[Node, ...], news: tuple[Node, ...]) -> None:
        result = self.result
        position = {n.id: k for k, n in enumerate(news)}
        free = [
            k
            for k, n in enumerate(news)
            if n.id not in self.named_new and n.id not in result.new_to_old
        ]
        cursor = -1  # silent provisions keep their order after the last pair in this list
        for node in olds:
            partner = result.new_of(node.id)
            if partner is None and node.id not in self.named_old:
                if node.kind == "artikel" or node.kind in DIVISION_RANK:
                    # Articles and divisions keep their number unless the comparison says so.
                    k = position.get(node.id)
                    if k is not None and k in free and news[k].kind == node.kind:
                        partner = news[k]
                else:
                    k = next(
                        (
                            k
                            for k in free
                            if k > cursor
                            and news[k].kind == node.kind
                            and news[k].number == node.number
                            and news[k].text == node.text
                        ),
                        None,
                    )
                    partner = news[k] if k is not None else None
                if partner is not None:
                    free.remove(position[partner.id])
                    result.link(node.id, partner.id)
            if partner is None:
                continue
            cursor = max(cursor, position.get(partner.id, cursor))
            self.below(node, partner)

    def below(self, old: Node, new: Node) -> None:
        """Recurse into a pair; an article that got (or lost) leden pairs its text's children
        with those of the lid its text became (or came from)."""
        result = self.result
        lid = result.lid_of(old.id)
        if lid is not None:
            self.children(old.children, lid.children)
            return
        came_from = next(
            (
                result.old_nodes[lid_id]
                for lid_id, art_id in result.loses_leden.items()
                if art_id == new.id and lid_id in result.old_nodes
            ),
            None,
        )
        self.children(came_from.children if came_from else old.children, new.children)
