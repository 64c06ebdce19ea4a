"""parse(render_markdown(tree)) == tree: property tests on generated trees and on the whole Sr."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wetgeving.text import bwb
from wetgeving.text.bwbconvert import convert
from wetgeving.text.bwbxml import read_xml
from wetgeving.text.model import DIVISION_RANK, Node, Regeling
from wetgeving.text.parse import parse
from wetgeving.text.render import render_markdown

FIXTURES = Path(__file__).parent / "fixtures"

# Characters Markdown gives a meaning, at the start or inside an alinea, plus Dutch and other text.
_ALPHABET = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    + list(" .,;:()°º-–—+*#>`~_=<[]|!?&\\/'\"%$€§")
    + ["é", "ë", "ï", "ç", "ß", "ø", "ñ", "Ω", "中", "😀", "\u00a0", "\t", "1.", "1)", "1°."]
    + ["\u00ad", "\u202f", "“", "’", "«", "§", "a)", "(1)"]
)


def _clean(text: str) -> str:
    return " ".join(text.split())


alinea = (
    st.lists(_ALPHABET, min_size=1, max_size=30)
    .map(lambda parts: _clean("".join(parts)))
    .filter(bool)
)
text = st.lists(alinea, min_size=0, max_size=3).map("\n".join)
one_line = st.one_of(st.just(""), alinea)
markers = st.sampled_from(
    [
        "a.",
        "b.",
        "c.",
        "aa.",
        "1°.",
        "2°",
        "10°.",
        "1º.",
        "–",
        "-",
        "—",
        "i.",
        "iv.",
        "A.",
        "1e.",
        "3.",
        "4",
        "a)",
        "1)",
        "12)",
    ]
)
article_numbers = st.sampled_from(
    ["1", "2", "14a", "273f", "273fa", "38ij", "5:1", "90bis", "1.2", ""]  # "": enig artikel
)
division_numbers = st.sampled_from(["I", "II", "XVIII", "IIA", "Tweede", "Eerste", "1", "3.4", ""])
division_kinds = st.sampled_from(["boek", "titel", "hoofdstuk", "afdeling", "paragraaf"])


def _number(marker: str) -> str:
    return marker[:-1] if marker.endswith((".", ")")) and len(marker) > 1 else marker


@st.composite
def onderdelen(draw: st.DrawFn, depth: int) -> list[Node]:
    items: list[Node] = []
    for _ in range(draw(st.integers(1, 3))):
        marker = draw(markers)
        kids: tuple[Node, ...] = ()
        if depth < 3 and draw(st.booleans()):
            kids = tuple(draw(children(depth + 1, leden=False)))
        items.append(Node("onderdeel", _number(marker), draw(text), kids, marker=marker))
    return items


@st.composite
def children(draw: st.DrawFn, depth: int, leden: bool) -> list[Node]:
    out: list[Node] = []
    for _ in range(draw(st.integers(1, 2))):
        if leden:
            for _ in range(draw(st.integers(1, 3))):
                nr = str(draw(st.integers(1, 12)))
                kids: tuple[Node, ...] = ()
                if draw(st.booleans()):
                    kids = tuple(draw(children(depth + 1, leden=False)))
                out.append(Node("lid", nr, draw(text), kids, marker=f"{nr}."))
        else:
            out.extend(draw(onderdelen(depth)))
        for _ in range(draw(st.integers(0, 2))):
            out.append(Node("slotzin", "", draw(alinea)))
    return out


@st.composite
def articles(draw: st.DrawFn) -> Node:
    own = draw(text)
    kids: tuple[Node, ...] = ()
    if draw(st.booleans()) or not own:
        kids = tuple(draw(children(0, leden=draw(st.booleans()))))
    return Node("artikel", draw(article_numbers), own, kids, title=draw(one_line))


@st.composite
def divisions(draw: st.DrawFn, parent_rank: int) -> list[Node]:
    """Sibling divisions below a parent: ranks never increase, else a heading would nest."""
    kinds = [
        k for k in draw(st.lists(division_kinds, max_size=2)) if DIVISION_RANK[k] > parent_rank
    ]
    kinds.sort(key=lambda k: -DIVISION_RANK[k])
    out: list[Node] = []
    for kind in kinds:
        arts = tuple(draw(st.lists(articles(), max_size=2)))
        subs = tuple(draw(divisions(DIVISION_RANK[kind]))) if parent_rank < 2 else ()
        number = draw(division_numbers)
        own = draw(text)
        title = draw(one_line)
        # A paragraaf may be headed "§ 1" (its marker), as published.
        sign = "§" if kind == "paragraaf" and number and draw(st.booleans()) else ""
        node = Node(kind, number, own, arts + subs, marker=sign, title=title)  # type: ignore[arg-type]
        out.append(node)
    return out


@st.composite
def bijlagen(draw: st.DrawFn) -> list[Node]:
    """Bijlagen after the body: numbered or not, with a title or not, text and onderdelen."""
    out: list[Node] = []
    for _ in range(draw(st.integers(0, 2))):
        own = draw(text)
        kids: tuple[Node, ...] = ()
        if draw(st.booleans()) or not own:
            kids = tuple(draw(children(0, leden=False)))
        number = draw(st.sampled_from(["", "I", "2", "A"]))
        out.append(Node("bijlage", number, own, kids, title=draw(one_line)))
    return out


@st.composite
def regelingen(draw: st.DrawFn) -> Regeling:
    top = draw(st.lists(articles(), max_size=2)) + draw(divisions(0)) + draw(bijlagen())
    pairs = draw(
        st.lists(st.tuples(st.sampled_from(["status", "bron", "x"]), one_line), max_size=2)
    )
    meta = tuple(dict(pairs).items())
    regulation = draw(st.sampled_from(["", "BWBR0001854"]))
    return Regeling(draw(one_line), regulation, tuple(top), meta=meta)


def strip(node: Node) -> Node:
    """The node without the ids and labels that parse adds."""
    return replace(node, id="", label="", children=tuple(strip(c) for c in node.children))


def stripped(regeling: Regeling) -> Regeling:
    return replace(regeling, children=tuple(strip(c) for c in regeling.children))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(regelingen())
def test_generated_trees_survive_render_and_parse(tree: Regeling) -> None:
    """Any tree (leden, nested onderdelen, slotzinnen, titles, Markdown characters) round-trips."""
    markdown = render_markdown(tree)
    parsed = parse(markdown)
    assert stripped(parsed) == stripped(tree), markdown
    assert parse(render_markdown(parsed)) == parsed
    assert render_markdown(parsed) == markdown


@pytest.mark.parametrize("text", ["0.", "0\\.", "12\\\\) x", "1) x", "\\- x", "1°. x"])
def test_texts_that_look_escaped_round_trip(text: str) -> None:
    """A text that itself looks like an escape ("0\\.") reads back as written."""
    lid = Node("onderdeel", "a", text, marker="a.")
    tree = Regeling("T", "", (Node("artikel", "1", "", (lid,)),))
    assert stripped(parse(render_markdown(tree))) == stripped(tree)


@pytest.mark.parametrize("name", ["BWBR0001854-2009-07-01.xml", "BWBR0001854-2013-11-16.xml"])
def test_whole_wetboek_van_strafrecht_round_trips(name: str) -> None:
    """Both Sr versions import completely and parse(render(tree)) == tree for the whole code."""
    path = FIXTURES / "bwb" / name
    built = convert(read_xml(path), str(path)).regeling
    result = bwb.import_bwb(path)
    assert stripped(result.regeling) == stripped(built)
    assert parse(render_markdown(result.regeling)) == result.regeling
    assert render_markdown(result.regeling) == result.markdown


@pytest.mark.parametrize("name", sorted(p.name for p in (FIXTURES / "drafts").glob("*.md")))
def test_fixture_drafts_round_trip(name: str) -> None:
    """Every fixture draft parses, and its canonical form parses to the same tree."""
    tree = parse((FIXTURES / "drafts" / name).read_text(encoding="utf-8"), name)
    assert parse(render_markdown(tree), name) == tree
