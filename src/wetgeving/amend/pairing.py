"""Which provision of the old version became which of the new one, read from a `Comparison`.

This is the one place that reads `wetgeving.compare.Change`: the planner works on pairs (old
node, new node) and on what is left over, and decides the formulas itself (so a new kind of
change needs no new formula). A change that names both ids pairs them, whatever its kind
(changed, renumbered, moved, ...); one that names only the old id lapses, only the new id is
inserted. A provision the comparison is silent about is unchanged, and pairs with the new
provision at the same place under its (possibly renumbered) parent.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wetgeving.compare.model import Comparison
from wetgeving.text.model import Node, Regeling


@dataclass
class Pairing:
    """Old node id -> new node id and back, for every provision both versions hold."""

    old_to_new: dict[str, str] = field(default_factory=dict)
    new_to_old: dict[str, str] = field(default_factory=dict)
    old_nodes: dict[str, Node] = field(default_factory=dict)
    new_nodes: dict[str, Node] = field(default_factory=dict)

    def new_of(self, old_id: str) -> Node | None:
        new_id = self.old_to_new.get(old_id)
        return self.new_nodes.get(new_id) if new_id is not None else None

    def old_of(self, new_id: str) -> Node | None:
        old_id = self.new_to_old.get(new_id)
        return self.old_nodes.get(old_id) if old_id is not None else None

    def drop(self, old_id: str | None = None, new_id: str | None = None) -> None:
        """Forget a pair (the planner treats the two as deleted and inserted)."""
        if old_id is not None and old_id in self.old_to_new:
            self.new_to_old.pop(self.old_to_new.pop(old_id), None)
        if new_id is not None and new_id in self.new_to_old:
            self.old_to_new.pop(self.new_to_old.pop(new_id), None)


def _index(regelingen: tuple[Regeling, ...]) -> dict[str, Node]:
    out: dict[str, Node] = {}
    for regeling in regelingen:
        for node in regeling.walk():
            out.setdefault(node.id, node)
    return out


def pair(comparison: Comparison, old: tuple[Regeling, ...], new: tuple[Regeling, ...]) -> Pairing:
    """The pairs of a comparison of `old` with `new`."""
    result = Pairing(old_nodes=_index(old), new_nodes=_index(new))
    deleted: set[str] = set()
    inserted: set[str] = set()
    for change in comparison.changes:
        if change.old_id and change.new_id:
            before = result.old_nodes.get(change.old_id)
            after = result.new_nodes.get(change.new_id)
            if before is not None and after is not None and before.kind != after.kind:
                # An article that gets (or loses) leden: its text became the first lid. The
                # article stays the article; the planner places (or removes) the mark «1.».
                continue
            result.old_to_new[change.old_id] = change.new_id
            result.new_to_old[change.new_id] = change.old_id
        elif change.old_id and not change.new_id:
            deleted.add(change.old_id)
        elif change.new_id and not change.old_id:
            inserted.add(change.new_id)
    for regeling in old:
        for node in regeling.children:
            _silent(node, None, result, deleted, inserted)
    for old_id, node in result.old_nodes.items():
        # An article keeps its number unless the comparison pairs it otherwise.
        twin = result.new_nodes.get(old_id)
        if (
            node.kind == "artikel"
            and twin is not None
            and twin.kind == "artikel"
            and old_id not in result.old_to_new
            and old_id not in result.new_to_old
            and old_id not in deleted
            and old_id not in inserted
        ):
            result.old_to_new[old_id] = old_id
            result.new_to_old[old_id] = old_id
    return result


def _silent(
    node: Node, parent_new: str | None, result: Pairing, deleted: set[str], inserted: set[str]
) -> None:
    """Pair the provisions the comparison does not mention: same place, same text."""
    if node.kind in ("artikel", "boek", "titel", "hoofdstuk", "afdeling", "paragraaf"):
        candidate: str | None = node.id
    elif parent_new is not None:
        candidate = f"{parent_new}/{node.id.rsplit('/', 1)[-1]}"
    else:
        candidate = None
    new_id = result.old_to_new.get(node.id)
    if new_id is None and node.id not in deleted and candidate is not None:
        twin = result.new_nodes.get(candidate)
        if (
            twin is not None
            and candidate not in result.new_to_old
            and candidate not in inserted
            and twin.kind == node.kind
            and twin.text == node.text
            and twin.number == node.number
        ):
            result.old_to_new[node.id] = candidate
            result.new_to_old[candidate] = node.id
            new_id = candidate
    for child in node.children:
        _silent(child, new_id, result, deleted, inserted)
