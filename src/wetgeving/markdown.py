"""Adapter for markdown-it-py: the only module that imports it (lazily)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


@dataclass(frozen=True, slots=True)
class Block:
    """One block token: type, nesting, raw content, list info and 0-based start line."""

    type: str
    content: str
    info: str
    markup: str
    line: int


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

    return MarkdownIt("commonmark", {"html": False})


def blocks(text: str) -> list[Block]:
    """Return the block tokens of a Markdown text."""
    out: list[Block] = []
    for tok in _block_parser().parse(text):
        line = tok.map[0] if tok.map else -1
        out.append(Block(tok.type, tok.content, tok.info, tok.markup, line))
    return out


def raw_tokens(text: str) -> list[Any]:
    """Return markdown-it's own block tokens (for benchmarks comparing against a bare parse)."""
    return _block_parser().parse(text)


def to_html(text: str) -> str:
    """Render a lawyer's Markdown (toelichting, response text) to HTML, raw HTML escaped."""
    html: str = _html_renderer().render(text)
    return html
