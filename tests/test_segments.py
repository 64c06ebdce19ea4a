"""Reading a draft per segment, each distinct article once, gives exactly the whole-body parse.

The reference is the lenient parse, which reads the whole body in one markdown-it call and keeps
going after a problem: where it finds none, the strict (segmented) parse must give the same tree
with the same lines; where it finds some, the strict parse must stop at the first, same line and
message. Texts are read again with articles known from earlier texts at other lines.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wetgeving.errors import ParseError
from wetgeving.text import segments
from wetgeving.text.bwb import import_bwb
from wetgeving.text.model import Regeling
from wetgeving.text.parse import parse, parse_lenient

FIXTURES = Path(__file__).parent / "fixtures"
HEAD = "---\ntitel: Proef\n---\n\n"

Signature = list[tuple[str, str, str, str, str, str, str, int]]


def signature(regeling: Regeling) -> Signature:
    """Every field of every node, the line included (which node equality leaves out)."""
    nodes = regeling.walk()
    return [(n.kind, n.number, n.text, n.marker, n.title, n.id, n.label, n.line) for n in nodes]


def outcome(text: str) -> tuple[str, object]:
    """The strict parse: its tree, or the line and message of its error."""
    try:
        return "tree", signature(parse(text, "d.md"))
    except ParseError as err:
        return "error", (err.line, err.detail)


def reference(text: str) -> tuple[str, object]:
    """The whole-body parse: its tree, or the line and message of its first problem."""
    tree, problems = parse_lenient(text, "d.md")
    if problems:
        return "error", (problems[0].line, problems[0].detail)
    return "tree", signature(tree)


LINES = [
    "# Titel I. Algemeen",
    "# Boek 2",
    "# Paragraaf",
    "## Artikel 5",
    "## Artikel 5a Titel",
    "## Artikel 6",
    "## Geen artikel",
    "## Enig artikel",
    "## Bijlage I. Lijst",
    "## Bijlage. Model",
    "# § 2. Algemeen",
    "- a) een onderdeel;",
    "- 1\\) een onderdeel;",
    "### Kop van niveau drie",
    "#",
    "#geen kop",
    "1. Een lid.",
    "2. Een tweede lid:",
    "1) haakje",
    "- a. een onderdeel;",
    "- 1°. een onderdeel;",
    "   - 2°. genest;",
    "  1. ingesprongen",
    "- ",
    "-",
    "Tekst.",
    "Slotzin.",
    "\\# geen kop",
    "",
    "",
    "> citaat",
    "```",
    "~~~",
    "---",
    "***",
    "===",
    "    code",
    "<div>html</div>",
    "1. ---",
    "- > citaat in onderdeel",
]

bodies = st.lists(st.sampled_from(LINES), min_size=0, max_size=40).map(
    lambda lines: "\n".join(lines) + "\n"
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bodies, bodies, st.integers(0, 5))
def test_segmented_parse_equals_whole_parse(first: str, second: str, blank: int) -> None:
    """Any body, read fresh, then with its articles known, then shifted by lines, reads alike."""
    segments.forget()
    for text in (HEAD + first, HEAD + second, HEAD + first, HEAD + "\n" * blank + first + second):
        assert outcome(text) == reference(text)


@pytest.mark.parametrize(("order", "window"), [((0, 1), None), ((1, 0), None), ((0, 1), 3000)])
def test_both_versions_of_the_whole_code(
    order: tuple[int, int], window: int | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The 2009 and 2013 Sr read in either order (sharing most articles) equal the whole parse.

    Also with small windows, so that many markdown-it calls each tokenize a few segments.
    """
    if window is not None:
        monkeypatch.setattr(segments, "_WINDOW", window)
    texts = [
        import_bwb(FIXTURES / "bwb" / name).markdown
        for name in ("BWBR0001854-2009-07-01.xml", "BWBR0001854-2013-11-16.xml")
    ]
    segments.forget()
    for index in order:
        assert outcome(texts[index]) == reference(texts[index])


def test_repeated_article_keeps_its_own_id() -> None:
    """An article number used twice gets 'art.5~2' also when its segment was read before."""
    segments.forget()
    text = HEAD + "## Artikel 5\n\nTekst.\n\n## Artikel 5\n\nTekst.\n"
    tree = parse(text)
    assert [(n.id, n.line) for n in tree.walk()] == [("art.5", 5), ("art.5~2", 9)]


def test_body_with_a_fence_is_read_whole() -> None:
    """A fenced block can hold a line starting with '#': such a body is not split."""
    body = "## Artikel 1\n\nTekst.\n\n```\n# Titel I\n```\n"
    assert segments.split(body) is None
    with pytest.raises(ParseError) as err:
        parse(HEAD + body, "d.md")
    assert (err.value.line, err.value.detail) == (
        9,
        "tekst die niet als wetstekst te plaatsen is (codeblok)",
    )
