"""The article planner as the planner of a list sees it.

`plan.ArticlePlanner` writes the instructions for an article and hands each list of leden or
onderdelen to `lists.ListPlanner`, which calls back for the provisions that stay. This protocol
names exactly those calls, so that `plan` imports `lists` and `lists` does not import `plan`.
"""

from __future__ import annotations

from typing import Protocol

from wetgeving.amend.model import Instruction, Ref, Seg
from wetgeving.text.model import Node
from wetgeving.text.structure import Item


class Planner(Protocol):
    """What `lists.ListPlanner` needs from the article planner."""

    def seg(self, item: Item, parent: Item | None = None) -> Seg:
        """How an instruction cites the provision now."""
        ...

    def old_id(self, item: Item) -> str | None:
        """The id of the provision in the old version, if it has one."""
        ...

    def vacant(self, item: Item) -> bool:
        """Whether an applied instruction left the provision's number vacant."""
        ...

    def emit(self, ins: Instruction) -> None:
        """Apply an instruction and keep it for the bill."""
        ...

    def pairs(self, olds: list[Item], news: list[Node]) -> list[tuple[int, int]]:
        """The provisions of a list that stay, as the comparison pairs them (in order)."""
        ...

    def pair(
        self, parent: Item, item: Item, new: Node, ref: Ref, absorb: tuple[str, str] | None
    ) -> bool:
        """The instructions for a provision that stays; True when it is rewritten whole."""
        ...

    def replace(self, parent: Item, item: Item, new: Node, ref: Ref) -> None:
        """A provision that lapses where another comes in its place ("komt te luiden")."""
        ...
