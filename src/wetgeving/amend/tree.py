"""The text of a version while instructions are applied to it: a mutable tree.

The parser's own `Item` is the mutable node, and its `finish` turns the result back into nodes
with the ids and labels a parse gives, so the outcome of applying instructions compares equal
to a parsed draft. An article that no instruction touches stays its parsed `Node` throughout.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Generic, TypeVar

from wetgeving.text.model import DIVISION_RANK, Node, Regeling
from wetgeving.text.structure import Item, finish

_DEGREE = str.maketrans({"º": "°"})
V = TypeVar("V")


def to_item(node: Node) -> Item:
    """A mutable copy of a node and its descendants (an article stays packed until opened)."""
    if node.kind == "artikel":
        return Item("artikel", node.number, node.line, title=node.title, node=node)
    return Item(
        node.kind,
        node.number,
        node.line,
        marker=node.marker,
        title=node.title,
        alineas=node.text.split("\n") if node.text else [],
        children=[to_item(child) for child in node.children],
        rank=DIVISION_RANK.get(node.kind, 0),
    )


def opened(item: Item) -> Item:
    """Unpack an article taken whole from the parse, so its provisions can change."""
    node = item.node
    if node is not None:
        item.node = None
        item.alineas = node.text.split("\n") if node.text else []
        item.children = [to_item(child) for child in node.children]
        for child in item.children:
            if child.kind == "artikel":  # pragma: no cover - articles hold no articles
                opened(child)
    return item


def text_of(item: Item) -> str:
    """The own text of an item, alinea separated by a newline (as `Node.text`)."""
    if item.node is not None:
        return item.node.text
    return "\n".join(a for a in item.alineas if a)


def set_text(item: Item, text: str) -> None:
    """Replace the own text of an item."""
    opened(item)
    item.alineas = [a for a in text.split("\n") if a]


def children(item: Item) -> list[Item]:
    """The children of an item (an article is opened first)."""
    return opened(item).children


DASHES = ("–", "—", "-")


def is_dash(item: Item) -> bool:
    """Whether an item is a gedachtestreepje (an onderdeel marked "–", without a number)."""
    return item.kind == "onderdeel" and item.number in DASHES


def dash_place(siblings: list[Item], item: Item) -> int:
    """The place (1, 2, ...) of a gedachtestreepje among the dashes of its list."""
    dashes = [c for c in siblings if is_dash(c)]
    return next(k for k, c in enumerate(dashes, start=1) if c is item)


def same_number(a: str, b: str) -> bool:
    """Onderdeel "5°" and "5º" and "5" are one number as cited; letters compare exactly."""
    a, b = a.translate(_DEGREE), b.translate(_DEGREE)
    return a == b or a.rstrip("°") == b.rstrip("°")


def marker_for(item: Item, number: str) -> str:
    """The marker of an item given a new number, in the style of its current marker."""
    if item.kind == "lid":
        return f"{number}."
    old = item.marker
    if not old:
        return ""
    tail = old[len(item.number) :] if old.startswith(item.number) else "."
    return f"{number}{tail}"


def renumber(item: Item, number: str) -> None:
    """Give a lid or onderdeel another number, its marker following."""
    if item.kind in ("lid", "onderdeel"):
        item.marker = marker_for(item, number)
    item.number = number


_LETTERS = re.compile(r"^([a-z]+)$")
_DIGITS = re.compile(r"^(\d+)([a-z]*)([°º]?)$")


def number_key(number: str) -> tuple[int, int, str]:
    """Sort key of a lid, onderdeel or article number in its own series ("4" < "4a" < "5")."""
    plain = number.translate(_DEGREE)
    m = _DIGITS.match(plain)
    if m:
        return (int(m.group(1)), 0, m.group(2))
    m = _LETTERS.match(plain)
    if m:
        letters = m.group(1)
        # "z" < "aa" < "bb" (the Ar continues after z with doubled letters).
        return (len(letters) * 100 + ord(letters[0]) - ord("a") + 1, 1, letters)
    return (10**9, 2, plain)


def next_number(number: str) -> str | None:
    """The number after this one in a plain series: "3" -> "4", "c" -> "d", "3°" -> "4°"."""
    m = _DIGITS.match(number)
    if m and not m.group(2):
        return f"{int(m.group(1)) + 1}{m.group(3)}"
    if len(number) == 1 and "a" <= number < "z":
        return chr(ord(number) + 1)
    return None


def shifted(number: str, by: int) -> str | None:
    """A number moved `by` places in its plain series (None when it has no plain successor)."""
    m = _DIGITS.match(number)
    if m and not m.group(2):
        value = int(m.group(1)) + by
        return f"{value}{m.group(3)}" if value >= 1 else None
    if len(number) == 1 and number.isalpha() and number.islower():
        value = ord(number) - ord("a") + by
        return chr(ord("a") + value) if 0 <= value < 26 else None
    return None


class Tree:
    """All draft files of a version, as mutable trees under one root item per file.

    Articles are found by number through an index; everything inside an article is found from
    the article down.
    """

    def __init__(self, regelingen: tuple[Regeling, ...]) -> None:
        self.sources = regelingen
        self.roots: list[Item] = []
        self._parent: dict[int, Item] = {}
        self._articles: dict[str, list[Item]] = {}
        for regeling in regelingen:
            root = Item("regeling", "", 0, title=regeling.title)
            root.children = [to_item(node) for node in regeling.children]
            self.roots.append(root)
            self._index(root)

    def _index(self, container: Item) -> None:
        for child in container.children:
            self._parent[id(child)] = container
            if child.kind == "artikel":
                self._articles.setdefault(child.number, []).append(child)
            elif child.kind in DIVISION_RANK:
                self._index(child)

    def articles(self, number: str) -> list[Item]:
        """The articles with this number (more than one only in a faulty text)."""
        return list(self._articles.get(number, ()))

    def parent(self, item: Item) -> Item:
        """The division or root an article or division stands in."""
        return self._parent[id(item)]

    def root_of(self, item: Item) -> Item:
        """The root item (one per draft file) an article or division stands in."""
        while id(item) in self._parent:
            item = self._parent[id(item)]
        return item

    def insert(self, container: Item, index: int, items: list[Item]) -> None:
        """Put articles or divisions into a container at a position."""
        container.children[index:index] = items
        for item in items:
            self._parent[id(item)] = container
            if item.kind == "artikel":
                self._articles.setdefault(item.number, []).append(item)
            elif item.kind in DIVISION_RANK:
                self._index(item)

    def insert_beside(self, anchor: Item, items: list[Item], after: bool) -> None:
        """Put articles or divisions just before or after `anchor` (an article or division),
        outside every division of the same or a lower rank than the first of them."""
        rank = DIVISION_RANK.get(items[0].kind, 99)
        container = self.parent(anchor)
        while container.kind in DIVISION_RANK and DIVISION_RANK[container.kind] >= rank:
            anchor = container
            container = self.parent(anchor)
        self.insert(container, container.children.index(anchor) + (1 if after else 0), items)

    def remove(self, item: Item) -> None:
        """Take an article or division (with everything in it) out of the text."""
        container = self._parent.pop(id(item))
        container.children.remove(item)
        self._forget(item)

    def _forget(self, item: Item) -> None:
        if item.kind == "artikel":
            found = self._articles.get(item.number, [])
            if item in found:
                found.remove(item)
        elif item.kind in DIVISION_RANK:
            for child in item.children:
                self._parent.pop(id(child), None)
                self._forget(child)

    def renumber_article(self, item: Item, number: str) -> None:
        """Give an article another number."""
        opened(item)  # the parsed node carries the old number in its ids
        self._articles[item.number].remove(item)
        item.number = number
        self._articles.setdefault(number, []).append(item)

    def regelingen(self) -> tuple[Regeling, ...]:
        """The text as it now stands, one regeling per draft file (ids and labels as parsed)."""
        out = []
        for source, root in zip(self.sources, self.roots, strict=True):
            out.append(replace(source, children=finish(root.children, "", "")))
        return tuple(out)


class ByItem(Generic[V]):
    """A map keyed by the identity of items that keeps its keys alive.

    Python reuses the id of an object that is gone; holding the key makes sure an id never
    stands for two items while the map lives.
    """

    def __init__(self) -> None:
        self._entries: dict[int, tuple[object, V]] = {}

    def __setitem__(self, item: object, value: V) -> None:
        self._entries[id(item)] = (item, value)

    def __getitem__(self, item: object) -> V:
        found = self._entries[id(item)]
        if found[0] is not item:
            raise KeyError(item)
        return found[1]

    def __contains__(self, item: object) -> bool:
        found = self._entries.get(id(item))
        return found is not None and found[0] is item

    def get(self, item: object, default: V | None = None) -> V | None:
        found = self._entries.get(id(item))
        return found[1] if found is not None and found[0] is item else default
