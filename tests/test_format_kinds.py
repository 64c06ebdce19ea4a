"""Draft-format additions for regulations other than a wet: 'Enig artikel', bijlagen, '§'
paragraphs, list markers 'a)' and '1)', and leden numbered '(1)'. Each reads as written and
is written back the same; none of them parsed before, so no recorded draft changes."""

from __future__ import annotations

import pytest

from wetgeving.errors import ParseError
from wetgeving.text.parse import parse, parse_lenient
from wetgeving.text.refs import parse_ref, resolve
from wetgeving.text.render import render_markdown, render_text

HEAD = "---\ntitel: Proef\n---\n\n"


def _nodes(text: str) -> list[tuple[str, str, str, str, str]]:
    return [(n.kind, n.id, n.label, n.number, n.marker) for n in parse(text, "p.md").walk()]


def test_enig_artikel_and_its_list_of_dashes() -> None:
    """'## Enig artikel' (Ar 3.54) is an article without a number; show and fmt keep it."""
    text = HEAD + "## Enig artikel\n\nDe volgende stukken:\n\n- – vonnissen;\n- – arresten.\n"
    assert _nodes(text) == [
        ("artikel", "art", "enig artikel", "", ""),
        ("onderdeel", "art/ond.–", "enig artikel, onder –", "–", "–"),
        ("onderdeel", "art/ond.–~2", "enig artikel, onder –", "–", "–"),
    ]
    tree = parse(text, "p.md")
    assert render_markdown(tree) == text
    assert render_text(tree.children).startswith("Enig artikel\nDe volgende stukken:\n– vonnissen;")
    assert resolve(parse_ref("enig artikel"), [tree]).id == "art"


def test_bijlagen_follow_the_body_outside_its_divisions() -> None:
    """'## Bijlage I. Titel' and '## Bijlage. Titel' are bijlagen at the top level, after the
    paragraaf they follow; their lists are onderdelen as published."""
    text = (
        HEAD + "# § 1. Algemeen\n\n## Artikel 1\n\nZie bijlage I.\n\n"
        "## Bijlage I. Lijst van diensten\n\nDe diensten zijn:\n\n- 1\\. Rijksmuseum;\n"
        "  - \\- Muiderslot\n- 2\\. Mauritshuis.\n\n## Bijlage. Model\n\nPlaats en datum:\n"
    )
    assert _nodes(text) == [
        ("paragraaf", "paragraaf.1", "Paragraaf 1", "1", "§"),
        ("artikel", "art.1", "artikel 1", "1", ""),
        ("bijlage", "bijlage.I", "bijlage I", "I", ""),
        ("onderdeel", "bijlage.I/ond.1", "bijlage I, onder 1", "1", "1."),
        ("onderdeel", "bijlage.I/ond.1/ond.-", "bijlage I, onder 1, onder -", "-", "-"),
        ("onderdeel", "bijlage.I/ond.2", "bijlage I, onder 2", "2", "2."),
        ("bijlage", "bijlage", "bijlage", "", ""),
    ]
    tree = parse(text, "p.md")
    assert render_markdown(tree) == text
    assert [n.kind for n in tree.children] == ["paragraaf", "bijlage", "bijlage"]


def test_list_markers_with_a_closing_bracket() -> None:
    """'a)' and '1)' are onderdelen numbered a and 1, their markers kept as published."""
    text = (
        HEAD + "## Artikel 3\n\nAanhef:\n\n- 1\\) een, met\n  - a) x en\n  - b) y;\n- 2\\) twee.\n"
    )
    assert _nodes(text) == [
        ("artikel", "art.3", "artikel 3", "3", ""),
        ("onderdeel", "art.3/ond.1", "artikel 3, onder 1", "1", "1)"),
        ("onderdeel", "art.3/ond.1/ond.a", "artikel 3, onder 1, onderdeel a", "a", "a)"),
        ("onderdeel", "art.3/ond.1/ond.b", "artikel 3, onder 1, onderdeel b", "b", "b)"),
        ("onderdeel", "art.3/ond.2", "artikel 3, onder 2", "2", "2)"),
    ]
    assert render_markdown(parse(text, "p.md")) == text


def test_leden_numbered_in_brackets() -> None:
    """Front matter 'lidnummering: (1)' marks every lid '(1)', '(2)' as the regulation is
    published; the lid is still the eerste lid."""
    text = "---\ntitel: Proef\nlidnummering: (1)\n---\n\n## Artikel 1\n\n1. Een.\n2. Twee.\n"
    tree = parse(text, "p.md")
    assert [(n.label, n.marker) for n in tree.walk()][1:] == [
        ("artikel 1, eerste lid", "(1)"),
        ("artikel 1, tweede lid", "(2)"),
    ]
    assert render_markdown(tree) == text
    assert render_text(tree.children) == "Artikel 1\n(1) Een.\n(2) Twee.\n"


def test_an_unknown_lid_style_is_an_error_on_its_line() -> None:
    """Only '1.' and '(1)' are lid styles."""
    with pytest.raises(ParseError) as err:
        parse("---\ntitel: Proef\nlidnummering: a)\n---\n\n## Artikel 1\n\nTekst.\n", "p.md")
    assert (
        err.value.message
        == "p.md:3: front matter 'lidnummering' moet '1.' of '(1)' zijn, niet 'a)'"
    )


@pytest.mark.parametrize(
    ("heading", "message"),
    [
        (
            "## Bijlage behorende bij de wet",
            "p.md:5: kop 'Bijlage behorende bij de wet' is geen artikelkop (verwacht "
            "'## Artikel 273f', '## Enig artikel' of '## Bijlage I')",
        ),
        (
            "## Enig",
            "p.md:5: kop 'Enig' is geen artikelkop (verwacht '## Artikel 273f', '## Enig "
            "artikel' of '## Bijlage I')",
        ),
    ],
)
def test_headings_that_name_nothing_are_errors(heading: str, message: str) -> None:
    """A bijlage title needs '. ' after 'Bijlage' (or its number)."""
    _, errors = parse_lenient(HEAD + heading + "\n\nTekst.\n", "p.md")
    assert [e.message for e in errors][:1] == [message]
