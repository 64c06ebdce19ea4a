"""Adapter for markdown-it-py: the only module that imports it (lazily)."""

from __future__ import annotations

import re
from collections.abc import Sequence
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


# Rules that read a line's first characters after indentation and list markers: a fence, a quote,
# a thematic break or a setext underline. A text in which no line can start one of them gets the
# same tokens from a parser without those rules (and html_block never matches: raw HTML is off).
_RARE_RULES = ["fence", "blockquote", "hr", "lheading", "html_block"]
_RARE_START = (
    r"^(?:[ \t]*(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$))*[ \t]*"
    r"(?:```|~~~|>|[-*_][ \t]*[-*_][ \t]*[-*_]|=|-+[ \t]*$)"
)
# Something every such line holds: one of these characters, or dashes as below (a pattern that
# starts with "-", which the regex engine finds fast).
_RARE_CHARS = "`~>=*_"
_RARE_DASHES = r"-[ \t]*(?:-[ \t]*-|$)"


@lru_cache(maxsize=2)
def _block_parser(plain: bool = False) -> MarkdownIt:
    from markdown_it import MarkdownIt

    # Raw HTML off: draft text and responses are data. Inline parsing is skipped because the
    # text model keeps the raw source text of every paragraph.
    md = MarkdownIt("commonmark", {"html": False, "maxNesting": 40})
    md.disable(["inline", "text_join"], ignoreInvalid=True)
    # "[x]: y" is statute text, not a link reference definition to be swallowed.
    md.block.ruler.disable(["reference", *(_RARE_RULES if plain else [])])
    return md


@lru_cache(maxsize=1)
def _rare_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    return re.compile(_RARE_DASHES, re.MULTILINE), re.compile(_RARE_START, re.MULTILINE)


def has_rare_start(text: str) -> bool:
    """Whether a line of `text` may start a fence, quote, thematic break or setext underline."""
    dashes, start = _rare_patterns()
    if any(char in text for char in _RARE_CHARS):
        return start.search(text) is not None
    for m in dashes.finditer(text):
        begin = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.start())
        if start.match(text, begin, len(text) if end < 0 else end):
            return True
    return False


@lru_cache(maxsize=1)
def _html_renderer() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False})


def _parser_for(text: str) -> MarkdownIt:
    """The block parser, without the rules that cannot match any line of `text` (a third faster)."""
    return _block_parser(plain=not has_rare_start(text))


def blocks(text: str) -> Sequence[Block]:
    """Return the block tokens of a Markdown text (map: 0-based first and end line)."""
    tokens: list[Any] = _parser_for(text).parse(text)
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
    for tok in _parser_for(whole).parse(whole):
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
