"""Adapter for markdown-it-py: the only module that imports it (lazily)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


class Block(Protocol):
    """A block token as the text model reads it: markdown-it's own tokens, or a `Marker`."""

    @property
    def type(self) -> str: ...

    @property
    def content(self) -> str: ...

    @property
    def info(self) -> str: ...

    @property
    def markup(self) -> str: ...

    @property
    def map(self) -> list[int] | None: ...


class Marker(NamedTuple):
    """A token the text model puts among markdown-it's (see `text.segments`)."""

    type: str
    content: str = ""
    info: str = ""
    markup: str = ""
    map: list[int] | None = None


@lru_cache(maxsize=1)
def _block_parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # Raw HTML off: draft text and responses are data. Inline parsing is skipped because the
    # text model keeps the raw source text of every paragraph.
    md = MarkdownIt("commonmark", {"html": False, "maxNesting": 40})
    md.disable(["inline", "text_join"], ignoreInvalid=True)
    # "[x]: y" is statute text, not a link reference definition to be swallowed.
    md.block.ruler.disable(["reference"])
    return md


@lru_cache(maxsize=1)
def _html_renderer() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # Tables as GitHub writes them: the MvT and verslag Markdown have them.
    return MarkdownIt("commonmark", {"html": False}).enable("table")


def blocks(text: str) -> Sequence[Block]:
    """Return the block tokens of a Markdown text (map: 0-based first and end line)."""
    tokens: list[Any] = _block_parser().parse(text)
    return tokens


def blocks_per_text(texts: list[str]) -> list[tuple[Sequence[Block], int]]:
    """Return the block tokens of each text, with the line on which that text begins.

    The texts are parsed as one document, in one call: each must end with a newline and begin
    where no block of the text before it can continue (see `text.segments`). Token lines count
    from the start of that document.
    """
    starts: list[int] = []
    line = 0
    for text in texts:
        starts.append(line)
        line += text.count("\n")
    out: list[list[Any]] = [[] for _ in texts]
    whole = "".join(texts)
    index = 0
    current = out[0] if out else []
    following = starts[1] if len(starts) > 1 else None
    for tok in _block_parser().parse(whole):
        # Tokens come in document order: one that starts at or after the next text's first line
        # opens that text (texts without tokens are passed over).
        while following is not None and tok.map and tok.map[0] >= following:
            index += 1
            current = out[index]
            following = starts[index + 1] if index + 1 < len(starts) else None
        current.append(tok)
    return list(zip(out, starts, strict=True))


def to_html(text: str) -> str:
    """Render a lawyer's Markdown (toelichting, response text) to HTML, raw HTML escaped."""
    html: str = _html_renderer().render(text)
    return html


@dataclass(frozen=True)
class Run:
    """A stretch of inline text with one formatting; `link` is the target of a link."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    link: str = ""


@dataclass(frozen=True)
class Paragraph:
    """A block of a lawyer's Markdown, as a word processor lays it out.

    Attributes:
        kind: "heading", "paragraph", "bullet", "number", "quote", "code" or "table".
        runs: The inline text.
        level: The heading level, or the depth of a list item (1 for the outer list).
        marker: The number of an item of a numbered list ("3.").
        rows: A table's cells per row, the header row first.
    """

    kind: str
    runs: tuple[Run, ...]
    level: int = 0
    marker: str = ""
    rows: tuple[tuple[tuple[Run, ...], ...], ...] = ()


def paragraphs(text: str) -> list[Paragraph]:
    """Read a lawyer's Markdown (toelichting) into formatted paragraphs; raw HTML stays text."""
    out: list[Paragraph] = []
    lists: list[str] = []  # "bullet" or "number" per open list
    quote = 0
    marker = ""
    kind, level = "paragraph", 0
    table: list[list[tuple[Run, ...]]] | None = None
    for tok in _html_renderer().parse(text):
        if tok.type == "table_open":
            table = []
        elif tok.type == "table_close" and table is not None:
            out.append(Paragraph("table", (), rows=tuple(tuple(row) for row in table)))
            table = None
        elif tok.type == "tr_open" and table is not None:
            table.append([])
        elif tok.type == "inline" and table is not None:
            table[-1].append(_runs(tok.children or []))
        elif tok.type in ("bullet_list_open", "ordered_list_open"):
            lists.append("bullet" if tok.type == "bullet_list_open" else "number")
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif tok.type == "list_item_open":
            marker = f"{tok.info}." if tok.info else ""
        elif tok.type == "blockquote_open":
            quote += 1
        elif tok.type == "blockquote_close":
            quote -= 1
        elif tok.type == "heading_open":
            kind, level = "heading", int(tok.tag[1:])
        elif tok.type == "paragraph_open":
            if lists:
                kind, level = lists[-1], len(lists)
            else:
                kind, level = ("quote" if quote else "paragraph"), 0
        elif tok.type == "inline":
            out.append(Paragraph(kind, _runs(tok.children or []), level, marker))
            marker = ""
        elif tok.type in ("fence", "code_block"):
            out.append(Paragraph("code", (Run(tok.content.rstrip("\n"), code=True),)))
    return out


def _runs(children: Sequence[Any]) -> tuple[Run, ...]:
    runs: list[Run] = []
    bold = italic = 0
    link = ""
    for child in children:
        if child.type == "strong_open":
            bold += 1
        elif child.type == "strong_close":
            bold -= 1
        elif child.type == "em_open":
            italic += 1
        elif child.type == "em_close":
            italic -= 1
        elif child.type == "link_open":
            link = str(child.attrs.get("href", ""))
        elif child.type == "link_close":
            link = ""
        elif child.type in ("softbreak", "hardbreak"):
            runs.append(Run(" " if child.type == "softbreak" else "\n"))
        elif child.type in ("text", "code_inline", "html_inline", "image"):
            code = child.type == "code_inline"
            runs.append(Run(child.content, bool(bold), bool(italic), code, link))
    return tuple(runs)


# A link whose target is a script or inline data URL (the HTML pages never make it a link).
_UNSAFE_LINK = re.compile(r"\]\((?=\s*<?\s*(?:javascript|vbscript|data):)", re.IGNORECASE)


def safe_source(text: str) -> str:
    """Markdown as generated documents publish it: no raw HTML, no script links.

    Another renderer may allow raw HTML (markdown-it here does not), so every "<" becomes
    "&lt;" (shown as "<" by every renderer), and a link to a javascript:, vbscript: or data: URL
    loses its "(" so it stays text, as the HTML pages show it.
    """
    return _UNSAFE_LINK.sub(r"]\\(", text.replace("<", "&lt;"))
