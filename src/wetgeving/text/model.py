"""The tree of a Dutch statute text: regeling > divisions > artikel > lid > onderdeel; bijlagen.

Nodes are immutable. `id` is a stable path (``art.273f/lid.1/ond.4°``), `label` the Ar 3.29
citation ("artikel 273f, eerste lid, onder 4°"). `text` is the node's own text (not its
children's), whitespace normalised, alinea separated by a single newline.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

Kind = Literal[
    "regeling",
    "boek",
    "titel",
    "hoofdstuk",
    "afdeling",
    "paragraaf",
    "artikel",
    "bijlage",
    "lid",
    "onderdeel",
    "slotzin",
]

DIVISION_KINDS: tuple[Kind, ...] = ("boek", "titel", "hoofdstuk", "afdeling", "paragraaf")
# Rank decides nesting of division headings: a lower rank contains a higher one.
DIVISION_RANK: dict[str, int] = {
    "boek": 1,
    "hoofdstuk": 2,
    "titel": 2,
    "afdeling": 3,
    "paragraaf": 4,
}

_VERVALLEN = re.compile(r"^\[?\s*vervallen\b[^\]]*\]?\.?$", re.IGNORECASE)
_SPACE = re.compile(r"[ \t\r\f\v\u00a0]+")


def normalise(text: str) -> str:
    """Collapse whitespace inside each alinea; alinea stay separated by one newline."""
    if "  " not in text and not any(char in text for char in "\n\t\r\f\v\u00a0"):
        return text.strip()  # one alinea with nothing to collapse: the usual case
    lines = (_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


@dataclass(frozen=True, slots=True)
class Node:
    """One provision or division.

    Attributes:
        kind: What the node is.
        number: The number as written, without the closing dot ("273f", "3", "a", "4°").
        marker: The list marker exactly as written for onderdelen ("4°.", "a.", "–"); the
            lid marker ("3."); empty otherwise.
        title: Heading title of a division or article ("Misdrijven tegen de persoonlijke vrijheid").
        text: Own text, without the children.
        children: Child nodes in document order.
        id: Stable path id, unique within its regeling.
        label: Dutch citation per Ar 3.29.
        line: 1-based source line (not part of equality).
    """

    kind: Kind
    number: str
    text: str
    children: tuple[Node, ...] = ()
    marker: str = ""
    title: str = ""
    id: str = ""
    label: str = ""
    line: int = field(default=0, compare=False)

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        # Pickled as a constructor call: much faster than the dataclass state protocol, which
        # matters for the parse cache of a whole code.
        return (
            make_node,
            (
                self.kind,
                self.number,
                self.text,
                self.children,
                self.marker,
                self.title,
                self.id,
                self.label,
                self.line,
            ),
        )

    @property
    def vervallen(self) -> bool:
        """True for a provision whose whole text says it has lapsed ("Vervallen.")."""
        return not self.children and bool(_VERVALLEN.match(self.text))

    def walk(self) -> Iterator[Node]:
        """Yield this node and all descendants, depth first, in document order."""
        return _walk((self,))

    def find(self, node_id: str) -> Node | None:
        """Return the descendant (or self) with this id."""
        return _find(self.walk(), node_id)


_SETTERS = tuple(
    Node.__dict__[name].__set__
    for name in ("kind", "number", "text", "children", "marker", "title", "id", "label", "line")
)


def make_node(
    kind: Kind,
    number: str,
    text: str,
    children: tuple[Node, ...],
    marker: str,
    title: str,
    id: str,
    label: str,
    line: int,
) -> Node:
    """Node(...) with every field given, without the dataclass __init__ (for parse and cache).

    A frozen dataclass sets each field through object.__setattr__; the slot descriptors do the
    same in a third less time, which counts for the tens of thousands of nodes of a whole code.
    """
    node: Node = object.__new__(Node)
    sk, sn, st, sc, sm, sti, si, sl, sli = _SETTERS
    sk(node, kind)
    sn(node, number)
    st(node, text)
    sc(node, children)
    sm(node, marker)
    sti(node, title)
    si(node, id)
    sl(node, label)
    sli(node, line)
    return node


@dataclass(frozen=True, slots=True)
class Regeling:
    """One draft file: front matter plus the tree.

    Attributes:
        title: Front matter `titel`.
        regulation: Front matter `regeling` (BWB id such as BWBR0001854), may be empty.
        meta: Other front matter keys, as strings, in file order.
        children: Divisions and articles.
        path: Source path (not part of equality).
    """

    title: str
    regulation: str
    children: tuple[Node, ...]
    meta: tuple[tuple[str, str], ...] = ()
    path: str = field(default="", compare=False)

    def walk(self) -> Iterator[Node]:
        """Yield every node in document order."""
        return _walk(self.children)

    def articles(self) -> Iterator[Node]:
        """Yield every artikel, whatever division it sits in."""
        # Divisions only hold divisions and articles, and articles no articles: the walk need not
        # go into an article.
        return _walk(self.children, stop=("artikel",))

    def bodies(self) -> Iterator[Node]:
        """Yield every artikel and bijlage in document order: what a comparison compares."""
        return _walk(self.children, stop=("artikel", "bijlage"))

    def find(self, node_id: str) -> Node | None:
        """Return the node with this id."""
        return _find(self.walk(), node_id)


def _walk(roots: tuple[Node, ...], stop: tuple[str, ...] = ()) -> Iterator[Node]:
    """Depth first, in document order; with `stop`, only nodes of those kinds, not below them."""
    # A stack instead of nested generators: each node costs the same at any depth.
    stack = list(reversed(roots))
    pop = stack.pop
    extend = stack.extend
    while stack:
        node = pop()
        if node.kind in stop:
            yield node
            continue
        if not stop:
            yield node
        if node.children:
            extend(reversed(node.children))


def _find(nodes: Iterator[Node], node_id: str) -> Node | None:
    for node in nodes:
        if node.id == node_id:
            return node
    return None
