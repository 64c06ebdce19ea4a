"""`fmt` never changes the tree: parse(fmt(x)) is the tree of x with canonical characters, and
parse(render(parse(x))) == parse(x), for generated drafts with pasted characters in odd places
and for the articles of the corpus."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from test_parse_roundtrip import regelingen
from wetgeving.errors import ParseError
from wetgeving.text import bwb
from wetgeving.text.check import canonical
from wetgeving.text.model import Node, Regeling
from wetgeving.text.parse import parse
from wetgeving.text.pasted import canonical_regeling
from wetgeving.text.render import article_markdown, render_markdown

FIXTURES = Path(__file__).parent / "fixtures"
# What Word and other programs paste: spaces YAML or Markdown do not see as spaces, line breaks
# YAML sees where Markdown does not, soft hyphens, the ordinal indicator.
ODD = ["\u00a0", "\u202f", "\u2007", "\u0085", "\u2028", "\u2029", "\u00ad", "º", "\u3000"]


def _lineless(node: Node) -> Node:
    return replace(
        node, line=0, id="", label="", children=tuple(_lineless(c) for c in node.children)
    )


def tree(regeling: Regeling) -> Regeling:
    """The regeling without line numbers (fmt may move lines, never content) and without the
    ids and labels derived from numbers (canonical characters change "1º" into "1°")."""
    return replace(regeling, children=tuple(_lineless(c) for c in regeling.children))


def check_fmt(text: str) -> None:
    """The two properties for one draft text that parses."""
    try:
        parsed = parse(text, "x.md")
    except ParseError:
        assume(False)
        return
    assert tree(parse(render_markdown(parsed), "x.md")) == tree(parsed)
    formatted = canonical(text, "x.md")
    assert tree(parse(formatted, "x.md")) == tree(canonical_regeling(parsed)), formatted
    assert canonical(formatted, "x.md") == formatted


@st.composite
def pasted_drafts(draw: st.DrawFn) -> str:
    """A generated draft with odd characters put in: alone on a line (a slotzin or alinea of
    only a no-break space), inside lines and in the front matter."""
    lines = render_markdown(draw(regelingen())).split("\n")
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(1, len(lines)))
        indent = draw(st.sampled_from(["", "   ", "     "]))
        junk = "".join(draw(st.lists(st.sampled_from(ODD), min_size=1, max_size=3)))
        lines[at:at] = draw(st.sampled_from([[indent + junk], ["", indent + junk, ""]]))
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(lines) - 1))
        line = lines[at]
        pos = draw(st.integers(0, len(line)))
        lines[at] = line[:pos] + draw(st.sampled_from(ODD)) + line[pos:]
    return "\n".join(lines)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(pasted_drafts())
def test_fmt_never_changes_the_tree_of_generated_drafts(text: str) -> None:
    """Generated drafts with pasted characters anywhere: fmt keeps the tree."""
    check_fmt(text)


@pytest.mark.parametrize(
    "text",
    [
        # a slotzin holding only a no-break space
        "---\ntitel: Wet\n---\n\n## Artikel 1\n\n1. De lijst:\n   - a. een;\n   - b. twee,\n\n"
        "   \u00a0\n",
        "---\ntitel: Wet\n---\n\n## Artikel 1\n\nDe lijst:\n\n- a. een;\n- b. twee.\n\n\u00a0\n",
        # U+0085 (and the Unicode line and paragraph separators) in the front matter
        '---\ntitel: "Wet\\u0085x"\n---\n\n## Artikel 1\n\nTekst.\n',
        '---\ntitel: "Wet\\u2028x\\u2029y é"\nbron: "a\\Nb"\n---\n\n## Artikel 1\n\nTekst.\n',
    ],
)
def test_fmt_keeps_nbsp_slotzin_and_nel_in_front_matter(text: str) -> None:
    """The two cases found by hand: a no-break-space slotzin and U+0085 in front matter."""
    check_fmt(text)


_CORPUS = sorted((FIXTURES / "bwb").glob("*.xml"))


@pytest.fixture(scope="module")
def corpus_articles() -> list[str]:
    out: list[str] = []
    for path in _CORPUS:
        for node in bwb.import_bwb(path).regeling.articles():
            out.append(article_markdown(node))
    return out


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_fmt_never_changes_the_tree_of_corpus_articles(
    corpus_articles: list[str], data: st.DataObject
) -> None:
    """Articles of the Wetboek van Strafrecht, with pasted characters put in: fmt keeps the tree."""
    body = data.draw(st.sampled_from(corpus_articles))
    lines = body.split("\n")
    for _ in range(data.draw(st.integers(0, 3))):
        at = data.draw(st.integers(0, len(lines) - 1))
        pos = data.draw(st.integers(0, len(lines[at])))
        lines[at] = lines[at][:pos] + data.draw(st.sampled_from(ODD)) + lines[at][pos:]
    check_fmt("---\ntitel: Wetboek van Strafrecht\n---\n\n" + "\n".join(lines))
