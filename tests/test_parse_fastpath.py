"""The fast block scanner and front matter reader of text/parse.py agree with markdown-it/PyYAML."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from wetgeving import frontmatter
from wetgeving.markdown import Block, blocks
from wetgeving.text.parse import FastBlock, _simple_front, decode, fast_blocks

FIXTURES = Path(__file__).parent / "fixtures" / "drafts"


def _as_blocks(toks: list[FastBlock] | None) -> list[Block] | None:
    return None if toks is None else [Block(*t) for t in toks]


_SHAPES = [
    "",
    "# Titel I",
    "## Artikel 1",
    "### x",
    "Tekst hier",
    "tekst  ",
    "- a. tekst",
    "- 7°.",
    "- - x",
    "-x",
    "-",
    "1. een",
    "2. twee",
    "10. tien",
    "01. x",
    "1) x",
    "1.",
    "* ster",
    "+ plus",
    "---",
    "===",
    "> q",
    "# kop #",
    "- # kop",
    "\\- esc",
    "  ",
]


def test_drafts_take_the_fast_path_with_the_same_tokens() -> None:
    """Every draft fixture is scanned by the fast path and gives markdown-it's tokens exactly."""
    for path in sorted(FIXTURES.glob("*.md")):
        text = decode(path.read_bytes(), path.name)
        simple = _simple_front(text)
        assert simple == frontmatter.split(text, path.name)
        _, body, _ = frontmatter.split(text, path.name)
        assert _as_blocks(fast_blocks(body)) == blocks(body), path.name


def test_fast_path_declines_what_it_does_not_know() -> None:
    """Multi-line paragraphs, code blocks, tabs and odd indentation go to markdown-it."""
    for body in ["a\nb\n", "    code\n", "- a\n\tb\n", "a\n  - b\n", "a\n2. b\n", "```\nx\n```\n"]:
        assert fast_blocks(body) is None, body


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_SHAPES), st.sampled_from([0, 0, 0, 1, 2, 3, 4, 5, 6])),
        min_size=1,
        max_size=8,
    ),
    st.booleans(),
)
def test_fast_path_matches_markdown_it(lines: list[tuple[str, int]], newline: bool) -> None:
    """On any text it accepts, the fast path gives the same block tokens as markdown-it."""
    body = "\n".join(" " * indent + shape for shape, indent in lines) + ("\n" if newline else "")
    fast = _as_blocks(fast_blocks(body))
    if fast is not None:
        assert fast == blocks(body)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["titel", "regeling", "a", "b_c"]),
            st.text(alphabet="aZ09 .,;()/°-:#'\"~", min_size=0, max_size=12),
        ),
        max_size=4,
    )
)
def test_simple_front_matter_matches_yaml(pairs: list[tuple[str, str]]) -> None:
    """The fast front matter reader returns PyYAML's result or declines."""
    text = "---\n" + "".join(f"{k}: {v}\n" for k, v in pairs) + "---\n\n# x\n"
    simple = _simple_front(text)
    if simple is not None:
        assert simple == frontmatter.split(text, "x.md")
