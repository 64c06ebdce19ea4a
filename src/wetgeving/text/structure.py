"""From block tokens to the tree: items while reading, nodes with ids and labels at the end."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from wetgeving.errors import ParseError
from wetgeving.markdown import Block
from wetgeving.text.escape import unescape_heading, unescape_start
from wetgeving.text.headings import read_article, read_division
from wetgeving.text.labels import (
    ENIG_ARTIKEL,
    division_heading,
    id_segment,
    lid_label,
    marker_number,
    onderdeel_label,
)
from wetgeving.text.model import DIVISION_RANK, Kind, Node, make_node, normalise
from wetgeving.text.suspects import numbered_lines

MAX_DEPTH = 6  # lid > onderdeel > subonderdeel > ... ; deeper lists are not statute text

# An onderdeel marker as published: "a.", "1°.", "iv.", "–", and (BWB lists of other regulations)
# "a)" and "1)".
MARKER = re.compile(
    r"^(?:\d{1,3}[a-z]?[°º]|\d{1,3}e|\d{1,3}[a-z]?|[a-z]{1,2}|[ivxlc]{1,6}|[A-Z]|[–—-])[.)]?$"
)


@dataclass(slots=True)
class Item:
    """A provision or division while its block is being read.

    `node` is set for an article taken whole from an earlier parse (see `text.segments`); its lines
    then lie `shift` lines further in this text.
    """

    kind: Kind
    number: str
    line: int
    marker: str = ""
    title: str = ""
    alineas: list[str] = field(default_factory=list)
    children: list[Item] = field(default_factory=list)
    rank: int = 0
    node: Node | None = None
    shift: int = 0


class Parser:
    """Builds the items of a draft body from its block tokens."""

    def __init__(self, path: str, offset: int, lenient: bool, suspects: bool = False) -> None:
        self.path = path
        self.offset = offset
        self.lenient = lenient
        self.problems: list[ParseError] = []
        # Lines that parse but are probably not what the lawyer meant (only `check` asks).
        self.suspects: list[ParseError] | None = [] if suspects else None
        self.base = offset
        self.prebuilt: list[Item] = []

    def problem(self, line: int, message: str) -> None:
        err = ParseError(self.path, line, message)
        if not self.lenient:
            raise err
        self.problems.append(err)

    def line(self, block: Block) -> int:
        where = block.map
        return where[0] + 1 + self.offset if where else self.offset + 1

    def run(self, toks: Sequence[Block]) -> list[Item]:
        roots: list[Item] = []
        divisions: list[Item] = []
        article: Item | None = None
        i = 0
        n = len(toks)
        while i < n:
            tok = toks[i]
            line = self.line(tok)
            if tok.type == "segment":
                # Tokens of a segment count lines from where it began in its own parse.
                self.offset = self.base + int(tok.content)
                i += 1
                if tok.info:
                    article = self.prebuilt[int(tok.info)]
                    (divisions[-1].children if divisions else roots).append(article)
                continue
            if tok.type == "heading_open":
                content = unescape_heading(normalise(toks[i + 1].content))
                i += 3
                if tok.markup == "#":
                    div = self.division(content, line)
                    if div is None:
                        continue
                    while divisions and divisions[-1].rank >= div.rank:
                        divisions.pop()
                    (divisions[-1].children if divisions else roots).append(div)
                    divisions.append(div)
                    article = None
                elif tok.markup == "##":
                    head = read_article(content)
                    if head is None:
                        self.problem(
                            line,
                            f"kop '{content}' is geen artikelkop (verwacht '## Artikel 273f', "
                            "'## Enig artikel' of '## Bijlage I')",
                        )
                        continue
                    article = Item(head.kind, head.number, line, title=head.title)
                    if head.kind == "bijlage":
                        divisions.clear()  # a bijlage follows the body, outside its divisions
                    (divisions[-1].children if divisions else roots).append(article)
                else:
                    self.problem(
                        line,
                        f"kop '{content}' van niveau {len(tok.markup)} niet toegestaan "
                        "(gebruik '#' voor Boek/Titel/Afdeling en '##' voor een artikel)",
                    )
            elif tok.type == "paragraph_open":
                text = self.alinea(toks[i + 1].content, line)
                i += 3
                if article is not None:
                    self.add_alinea(article, text, line)
                elif divisions:
                    divisions[-1].alineas.append(text)
                else:
                    self.problem(
                        line, "tekst staat buiten een artikel (begin met '## Artikel ...')"
                    )
            elif tok.type in ("ordered_list_open", "bullet_list_open"):
                if article is None:
                    self.problem(line, "opsomming staat buiten een artikel")
                    i = self.skip(toks, i)
                else:
                    kind: Kind = "lid" if tok.type == "ordered_list_open" else "onderdeel"
                    i = self.list(toks, i, article, kind, 1)
            else:
                self.problem(
                    line, f"tekst die niet als wetstekst te plaatsen is ({_block_name(tok)})"
                )
                i = self.skip(toks, i)
        return roots

    def division(self, content: str, line: int) -> Item | None:
        head = read_division(content)
        if head is None:
            self.problem(
                line,
                f"kop '{content}' is geen indelingskop "
                "(Boek, Titel, Hoofdstuk, Afdeling, Paragraaf)",
            )
            return None
        return Item(
            head.kind,
            head.number,
            line,
            marker=head.marker,
            title=head.title,
            rank=DIVISION_RANK[head.kind],
        )

    def alinea(self, content: str, line: int = 0, marked: bool = False) -> str:
        """The text of a paragraph; `marked` when its first line starts with an item's marker."""
        if self.suspects is not None and line:
            for at, message in numbered_lines(content, 1 if marked else 0):
                self.suspects.append(ParseError(self.path, line + at, message))
        return unescape_start(" ".join(content.split()))

    def add_alinea(self, item: Item, text: str, line: int) -> None:
        if not text:
            # A paragraph of only spaces Markdown does not see as spaces (U+3000): no alinea,
            # as the canonical text, which cannot write it, would not have one either.
            return
        # Text after a list is a slotzin, kept as its own child so the list order survives.
        if item.children:
            item.children.append(Item("slotzin", "", line, alineas=[text]))
        else:
            item.alineas.append(text)

    def skip(self, toks: Sequence[Block], i: int) -> int:
        depth = 0
        while i < len(toks):
            tok = toks[i]
            if tok.type.endswith("_open"):
                depth += 1
            elif tok.type.endswith("_close"):
                depth -= 1
            i += 1
            if depth <= 0:
                break
        return i

    def list(self, toks: Sequence[Block], i: int, parent: Item, kind: Kind, depth: int) -> int:
        open_tok = toks[i]
        if depth > MAX_DEPTH:
            self.problem(
                self.line(open_tok), f"opsomming te diep genest (meer dan {MAX_DEPTH} niveaus)"
            )
            return self.skip(toks, i)
        if kind == "lid" and parent.kind != "artikel":
            kind = "onderdeel"  # a numbered list inside a lid is a list of onderdelen "1."
        ordered = open_tok.type == "ordered_list_open"
        close = "ordered_list_close" if ordered else "bullet_list_close"
        if ordered and open_tok.markup == ")":
            self.problem(self.line(open_tok), "nummer met ')' gevonden; gebruik een punt ('1.')")
        i += 1
        while toks[i].type != close:
            item_tok = toks[i]
            line = self.line(item_tok)
            item = Item(kind, "", line)
            if ordered:
                item.number = item_tok.info
                item.marker = f"{item_tok.info}."
            i += 1
            first = True
            while toks[i].type != "list_item_close":
                tok = toks[i]
                if tok.type == "paragraph_open":
                    marked = first and not ordered
                    text = self.alinea(toks[i + 1].content, self.line(tok), marked)
                    if first and not ordered:
                        text = self.split_marker(item, text, self.line(tok))
                    first = False
                    self.add_alinea(item, text, self.line(tok))
                    i += 3
                elif tok.type in ("bullet_list_open", "ordered_list_open"):
                    if first and not ordered:
                        self.problem(
                            self.line(tok), "onderdeel zonder nummer (zoals 'a.' of '1°.')"
                        )
                    first = False
                    i = self.list(toks, i, item, "onderdeel", depth + 1)
                else:
                    self.problem(
                        self.line(tok),
                        f"tekst die niet als wetstekst te plaatsen is ({_block_name(tok)})",
                    )
                    i = self.skip(toks, i)
            if first and not ordered:
                self.problem(line, "leeg onderdeel: na '-' volgt geen tekst")
            parent.children.append(item)
            i += 1
        return i + 1

    def split_marker(self, item: Item, text: str, line: int) -> str:
        head, _, rest = text.partition(" ")
        head = head.replace("\\", "")
        if MARKER.match(head):
            item.marker = head
            item.number = marker_number(head)
            return unescape_start(rest)
        self.problem(line, f"onderdeel zonder nummer: '{text[:40]}' (begin met 'a.' of '1°.')")
        return text


def _block_name(tok: Block) -> str:
    names = {
        "code_block": "ingesprongen codeblok",
        "fence": "codeblok",
        "blockquote_open": "citaatblok",
        "hr": "horizontale lijn",
        "html_block": "HTML",
        "heading_open": "kop binnen een opsomming",
    }
    return names.get(tok.type, tok.type)


def finish(
    items: list[Item], parent_id: str, parent_label: str, shift: int = 0
) -> tuple[Node, ...]:
    """Turn items into nodes with ids and labels; `shift` is added to every line."""
    out: list[Node] = []
    seen: dict[str, int] = {}
    slot = 0
    for item in items:
        if item.kind == "slotzin":
            slot += 1
            seg = f"slot.{slot}"
            label = f"{parent_label}, slotzin"
        elif item.kind == "artikel":
            seg = id_segment("art", item.number)
            label = f"artikel {item.number}" if item.number else ENIG_ARTIKEL
        elif item.kind == "bijlage":
            seg = id_segment("bijlage", item.number)
            label = f"bijlage {item.number}" if item.number else "bijlage"
        elif item.kind == "lid":
            seg = id_segment("lid", item.number)
            label = f"{parent_label}, {lid_label(item.number)}"
        elif item.kind == "onderdeel":
            seg = id_segment("ond", item.number)
            label = f"{parent_label}, {onderdeel_label(item.number)}"
        else:
            seg = id_segment(item.kind, item.number)
            label = division_heading(item.kind, item.number)
        count = seen.get(seg, 0) + 1
        seen[seg] = count
        if count > 1:
            seg = f"{seg}~{count}"
        lines = shift + item.shift
        if item.node is not None:
            # An article parsed before, for a segment another text shares.
            node = item.node if lines == 0 else reline(item.node, lines)
            out.append(node if count == 1 else reid(node, seg))
            continue
        # Articles keep their id wherever their division moves.
        top = item.kind in ("artikel", "bijlage") or not parent_id
        node_id = seg if top else f"{parent_id}/{seg}"
        child_parent = node_id
        children = finish(item.children, child_parent, label, lines)
        out.append(
            make_node(
                item.kind,
                item.number,
                "\n".join(a for a in item.alineas if a),
                children,
                item.marker,
                item.title,
                node_id,
                label,
                item.line + lines,
            )
        )
    return tuple(out)


def reline(node: Node, delta: int) -> Node:
    """The same tree with every line `delta` further."""
    return make_node(
        node.kind,
        node.number,
        node.text,
        tuple(reline(child, delta) for child in node.children),
        node.marker,
        node.title,
        node.id,
        node.label,
        node.line + delta,
    )


def reid(node: Node, article: str) -> Node:
    """The same article tree under another article id (a repeated number: "art.5~2")."""
    old = node.id
    return _reid(node, old, article)


def _reid(node: Node, old: str, new: str) -> Node:
    node_id = new + node.id[len(old) :]
    return make_node(
        node.kind,
        node.number,
        node.text,
        tuple(_reid(child, old, new) for child in node.children),
        node.marker,
        node.title,
        node_id,
        node.label,
        node.line,
    )
