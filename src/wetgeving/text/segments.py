"""Read a draft body per segment, and each distinct article segment only once per process.

A segment runs from a heading at the start of a line up to the next such heading. No Markdown
block can continue across such a heading: it ends any paragraph, list, quote or indented code
(CommonMark 4.2, 5.1, 5.2), and raw HTML is off. The one exception is a fenced code block, which
can hold a line starting with '#': a body with a fence is therefore read whole.

An article segment is one article, and reads the same wherever it stands: its heading opens the
article and everything up to the next heading belongs to it. Two versions of a code share most of
their articles byte for byte, so the article parsed for the first is reused for the second (at
its own lines), and comparing two versions reads each distinct article once.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from wetgeving.errors import ParseError
from wetgeving.markdown import Block, Marker, blocks, blocks_per_text
from wetgeving.text.model import Node
from wetgeving.text.structure import Item, Parser, finish

# A heading after a newline; the newline first, so the regex engine can skip to each "\n#".
_HEADING = re.compile(r"\n#{1,6}(?=[ \t\n]|\Z)")
_FENCE = re.compile(r"^ {0,3}(?:```|~~~)", re.MULTILINE)
_LIMIT = 200_000  # articles kept; beyond this the memo starts again
_WINDOW = 128 * 1024  # characters of source tokenized in one markdown-it call

# Article segments by source text: the tree, parsed for a text in which the segment began after
# `shift` lines; None when the segment is not one article that parses on its own.
_ARTICLES: dict[str, tuple[Node, int] | None] = {}


def forget() -> None:
    """Forget every article read before (for benchmarks that time a first reading)."""
    _ARTICLES.clear()


@dataclass(frozen=True, slots=True)
class Segment:
    """One segment of a body.

    Attributes:
        text: Its source, ending with a newline unless it ends the body.
        start: Number of body lines before it.
        tokens: Its block tokens (None for an article read before).
        first: The line its tokens count as its first.
    """

    text: str
    start: int
    tokens: Sequence[Block] | None
    first: int


def split(body: str, skip: frozenset[str] = frozenset()) -> Iterator[Segment] | None:
    """Split a body into segments and tokenize those not read before; None if it has a fence.

    The segments in `skip` are left out (their lines still count).
    """
    if not splittable(body):
        return None
    _bound()
    return _windows(pieces(body), skip)


def splittable(body: str) -> bool:
    """Whether a body can be read per segment: it holds no fenced code block."""
    return not (("```" in body or "~~~" in body) and _FENCE.search(body))


def pieces(body: str) -> list[str]:
    """The body cut before every heading that starts a line (the first piece may be no heading)."""
    bounds = [0, *(m.start() + 1 for m in _HEADING.finditer(body)), len(body)]
    return [body[a:b] for a, b in itertools.pairwise(bounds) if a < b]


def _windows(texts: list[str], skip: frozenset[str]) -> Iterator[Segment]:
    # Tokenized a window at a time, so the tokens of a whole code are never all alive at once.
    line = 0
    begin = 0
    while begin < len(texts):
        end = begin
        size = 0
        while end < len(texts) and size < _WINDOW:
            size += len(texts[end])
            end += 1
        window = texts[begin:end]
        missing = [t for t in dict.fromkeys(window) if _ARTICLES.get(t) is None and t not in skip]
        tokens: dict[str, tuple[Sequence[Block], int]] = {}
        if missing:
            # Only the last text of a body can lack its closing newline; added so that it cannot
            # run on into the next text of this batch (it adds no token).
            batch = [t if t.endswith("\n") else t + "\n" for t in missing]
            tokens = dict(zip(missing, blocks_per_text(batch), strict=True))
        for text in window:
            if text not in skip:
                toks, first = tokens.get(text, (None, 0))
                yield Segment(text, line, toks, first)
            line += text.count("\n")
        begin = end


def stream(parser: Parser, body: str, skip: frozenset[str] = frozenset()) -> Sequence[Block]:
    """The body's tokens for `parser`, with every article read before replaced by its tree.

    A "segment" marker sets the line offset for the tokens after it; one with `info` stands for
    the ready article `parser.prebuilt[int(info)]`. The segments in `skip` are left out.
    """
    parts = split(body, skip)
    if parts is None:
        return blocks(body)
    out: list[Block] = []
    for part in parts:
        shift = parser.base + part.start
        known = _article(parser.path, part, shift)
        if known is None:
            assert part.tokens is not None
            out.append(Marker("segment", str(part.start - part.first)))
            out.extend(part.tokens)
            continue
        node, at = known
        parser.prebuilt.append(
            Item("artikel", node.number, node.line, title=node.title, node=node, shift=shift - at)
        )
        out.append(Marker("segment", str(part.start), str(len(parser.prebuilt) - 1)))
    return out


def _article(path: str, part: Segment, shift: int) -> tuple[Node, int] | None:
    """The tree of an article segment (parsed now if new) and the shift it was parsed at."""
    if part.text in _ARTICLES:
        return _ARTICLES[part.text]
    known: tuple[Node, int] | None = None
    toks = part.tokens
    if toks and toks[0].type == "heading_open" and toks[0].markup == "##":
        try:
            roots = Parser(path, shift - part.first, lenient=False).run(toks)
        except ParseError:
            roots = []  # read again in place, where the error is raised in document order
        if len(roots) == 1 and roots[0].kind == "artikel":
            known = (finish(roots, "", "")[0], shift)
    _ARTICLES[part.text] = known
    return known


def _bound() -> None:
    # Only between two parses: within one, a segment found known must stay known.
    if len(_ARTICLES) >= _LIMIT:
        _ARTICLES.clear()
