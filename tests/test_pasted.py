"""Text typed or pasted from Word: how `º`, Unicode spaces, soft hyphens and curly quotes read."""

from __future__ import annotations

from pathlib import Path

import pytest

from wetgeving.text.check import canonical, check_text
from wetgeving.text.parse import parse
from wetgeving.text.pasted import canonical_chars, reading_form, structural_spaces
from wetgeving.text.refs import parse_ref

HEAD = "---\ntitel: Proef\n---\n\n"
NBSP, NARROW, SOFT = "\u00a0", "\u202f", "\u00ad"


def _shape(text: str) -> list[tuple[str, str, str]]:
    return [(n.id, n.marker, n.text) for n in parse(HEAD + text, "p.md").walk()]


def test_no_break_spaces_after_a_number_or_dash_make_a_lid_and_an_onderdeel() -> None:
    """'1.<nbsp>Tekst' is a lid and '<nbsp><nbsp><nbsp>-<nbsp>a. x' an onderdeel under it, as
    they look; narrow no-break spaces too."""
    text = (
        f"##{NBSP}Artikel 5\n\n1.{NBSP}Het eerste lid:\n{NBSP * 3}-{NARROW}a. een;\n"
        f"   - b.{NBSP}twee.\n2.{NARROW}Het tweede lid.\n"
    )
    assert _shape(text) == [
        ("art.5", "", ""),
        ("art.5/lid.1", "1.", "Het eerste lid:"),
        ("art.5/lid.1/ond.a", "a.", "een;"),
        ("art.5/lid.1/ond.b", "b.", "twee."),
        ("art.5/lid.2", "2.", "Het tweede lid."),
    ]


def test_reading_keeps_the_tree_of_a_draft_as_written() -> None:
    """'º' and soft hyphens stay in the tree exactly as written (recorded versions parse as
    before); only the characters at the start of a line that Markdown needs are read as spaces."""
    text = f"## Artikel 5\n\n- 1º. verwij{SOFT}zing naar onder 2º;\n- 2º. twee.\n"
    assert _shape(text) == [
        ("art.5", "", ""),
        ("art.5/ond.1º", "1º.", f"verwij{SOFT}zing naar onder 2º;"),
        ("art.5/ond.2º", "2º.", "twee."),
    ]
    assert structural_spaces("ab\ncd\n") == "ab\ncd\n"
    assert structural_spaces(f"1.{NBSP}x{NBSP}y\n") == f"1. x{NBSP}y\n"


def test_references_read_the_ordinal_indicator_as_a_degree_sign() -> None:
    """'onder 2º' finds onderdeel 2°, and 'onder 2°' finds an onderdeel typed '2º': check reports
    nothing."""
    text = "## Artikel 5\n\n1. Aanhef:\n   - 1°. zie onder 2º;\n   - 2º. zie onder 1°.\n"
    assert check_text(HEAD + text, "p.md") == []


def test_fmt_writes_the_canonical_characters() -> None:
    """fmt writes '°' for 'º' after a number, plain spaces, no soft hyphens; curly quotes stay."""
    text = (
        f"## Artikel 5\n\n1.{NBSP}De bepaling “onder 1º”:\n   - 1º. ver{SOFT}wijzing{NARROW}hier;\n"
        "   - 2º. nº 5.\n"
    )
    assert canonical(HEAD + text, "p.md") == (
        HEAD + "## Artikel 5\n\n1. De bepaling “onder 1°”:\n   - 1°. verwijzing hier;\n"
        "   - 2°. nº 5.\n"
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1º en 2º", "1° en 2°"),
        ("nº 5", "nº 5"),
        (f"a{NBSP}{NBSP}b", "a b"),
        (f"ver{SOFT}val", "verval"),
        ("“aanhef”", "“aanhef”"),
        ("gewoon", "gewoon"),
    ],
)
def test_canonical_characters(raw: str, expected: str) -> None:
    """The canonical form of each pasted character."""
    assert canonical_chars(raw) == expected


def test_reading_form_maps_back_to_the_text_as_written() -> None:
    """Soft hyphens are dropped for reading; every read character knows where it was."""
    plain, where = reading_form(f"‘ar{SOFT}tikel 5º’")
    assert plain == "'artikel 5°'"
    assert where is not None and [where[i] for i in (0, 3, 9)] == [0, 4, 10]


def test_provisions_typed_with_curly_quotes_and_ordinal_indicators() -> None:
    """A provision pasted into the command line with quotes, 'º' or no-break spaces reads."""
    ref = parse_ref(f"“artikel 273f,{NBSP}derde lid, onder 2º”")
    assert (ref.label, ref.node_id) == (
        "artikel 273f, derde lid, onder 2°",
        "art.273f/lid.3/ond.2°",
    )


@pytest.mark.parametrize("name", ["BWBR0001854-2009-07-01.xml", "BWBR0001854-2013-11-16.xml"])
def test_corpus_drafts_written_with_the_ordinal_indicator_parse_as_before(name: str) -> None:
    """A draft of the Sr imported before fmt wrote '°' has 'º' in arts. 83 and 161: it parses
    to that tree, and fmt changes those characters only."""
    from wetgeving.text.bwb import import_bwb

    fixtures = Path(__file__).parent / "fixtures" / "bwb"
    current = import_bwb(fixtures / name).markdown
    old = current.replace("- 1°. elk van", "- 1º. elk van").replace(
        "- 3°. met gevangenisstraf van ten hoogste vijften",
        "- 3º. met gevangenisstraf van ten hoogste vijften",
    )
    assert old != current
    tree = parse(old, "sr.md")
    markers = {n.id: n.marker for n in tree.walk() if n.marker.endswith("º.")}
    assert markers == {"art.83/ond.1º": "1º.", "art.161/ond.3º": "3º."}
    assert canonical(old, "sr.md") == current
