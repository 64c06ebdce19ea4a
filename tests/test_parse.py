"""The draft parser: tree, ids, labels, divisions, and precise errors with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from wetgeving.errors import ParseError
from wetgeving.text.parse import decode, parse, parse_bytes, parse_lenient

FIXTURES = Path(__file__).parent / "fixtures"
HEAD = "---\ntitel: Proef\n---\n\n"


def test_geldend_273f_tree_ids_and_labels() -> None:
    """The current art. 273f parses to leden and 1°-onderdelen with Ar 3.29 labels."""
    tree = parse((FIXTURES / "drafts" / "geldend.md").read_text(encoding="utf-8"), "geldend.md")
    node = tree.find("art.273f/lid.1/ond.4°")
    assert node is not None
    assert (node.kind, node.number, node.marker, node.label) == (
        "onderdeel",
        "4°",
        "4°.",
        "artikel 273f, eerste lid, onder 4°",
    )
    assert [n.id for n in tree.children] == ["boek.Tweede"]
    assert tree.children[0].children[0].id == "boek.Tweede/titel.XVIII"
    assert len([n for n in tree.walk() if n.kind == "lid"]) == 7


def test_division_headings_of_every_kind() -> None:
    """Ordinal-first, numbered and unnumbered division headings nest by rank."""
    text = HEAD + (
        "# Eerste Boek. Algemeen\n\n# Titel IIA. Maatregelen\n\n# Tweede Afdeling. Plaatsing\n\n"
        "# Paragraaf 3.1\n\n## Artikel 1\n\nTekst.\n\n# Titel. Slotbepaling\n\n## Artikel 2\n\nT.\n"
    )
    tree = parse(text)
    ids = [n.id for n in tree.walk()]
    assert ids == [
        "boek.Eerste",
        "boek.Eerste/titel.IIA",
        "boek.Eerste/titel.IIA/afdeling.Tweede",
        "boek.Eerste/titel.IIA/afdeling.Tweede/paragraaf.3.1",
        "art.1",
        "boek.Eerste/titel",
        "art.2",
    ]
    labels = [n.label for n in tree.walk() if n.kind != "artikel"]
    assert labels == ["Eerste Boek", "Titel IIA", "Tweede Afdeling", "Paragraaf 3.1", "Titel"]
    assert tree.find("boek.Eerste/titel") is not None
    assert tree.find("boek.Eerste/titel").title == "Slotbepaling"  # type: ignore[union-attr]


def test_duplicate_numbers_get_suffixes() -> None:
    """Two leden numbered 3 get ids lid.3 and lid.3~2."""
    tree = parse(HEAD + "## Artikel 5\n\n1. a\n3. b\n3. c\n")
    assert [n.id for n in tree.walk()] == ["art.5", "art.5/lid.1", "art.5/lid.3", "art.5/lid.3~2"]


def test_escaped_starts_are_text() -> None:
    """'\\-', '1\\.' and '\\#' at the start of an alinea are plain text after parsing."""
    tree = parse(HEAD + "## Artikel 1\n\n\\- streep\n\n1\\. januari\n\n\\# hekje\n")
    assert tree.children[0].text == "- streep\n1. januari\n# hekje"


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("Tekst voor een artikel.\n", 5, "tekst staat buiten een artikel"),
        (
            "## Artikel 1\n\n```\ncode\n```\n",
            7,
            "tekst die niet als wetstekst te plaatsen is (codeblok)",
        ),
        (
            "## Artikel 1\n\n> citaat\n",
            7,
            "tekst die niet als wetstekst te plaatsen is (citaatblok)",
        ),
        ("## Artikel 1\n\n### Kop\n", 7, "kop 'Kop' van niveau 3 niet toegestaan"),
        ("## Paragraaf 1\n", 5, "kop 'Paragraaf 1' is geen artikelkop"),
        ("# Artikel 1\n", 5, "kop 'Artikel 1' is geen indelingskop"),
        ("## Artikel 1\n\n- zonder nummer\n", 7, "onderdeel zonder nummer: 'zonder nummer'"),
        ("## Artikel 1\n\n1) lid\n", 7, "nummer met ')' gevonden"),
        ("## Artikel 1\n\n- \n", 7, "leeg onderdeel"),
    ],
)
def test_structure_errors_name_the_line(body: str, line: int, message: str) -> None:
    """Each structural problem raises ParseError with file and exact line."""
    with pytest.raises(ParseError) as err:
        parse(HEAD + body, "drafts/x.md")
    assert err.value.message.startswith(f"drafts/x.md:{line}: {message}")


def test_deeply_nested_list_is_an_error_not_a_crash() -> None:
    """A list nested 300 levels deep gives one error with its line."""
    deep = "".join("  " * i + "- a. x\n" for i in range(300))
    _, problems = parse_lenient(HEAD + "## Artikel 1\n\n" + deep, "d.md")
    assert [p.message for p in problems] == [
        "d.md:13: opsomming te diep genest (meer dan 6 niveaus)"
    ]


def test_missing_titel_is_reported() -> None:
    """Front matter without titel is an error on line 1."""
    with pytest.raises(ParseError, match=r"^x\.md:1: front matter met 'titel:' ontbreekt"):
        parse("## Artikel 1\n\nTekst.\n", "x.md")


def test_decode_names_the_line_of_a_bad_byte() -> None:
    """Non-UTF-8 bytes: the error names the line of the first bad byte."""
    data = (HEAD + "## Artikel 1\n\nCafé\n").encode("latin-1")
    with pytest.raises(ParseError) as err:
        parse_bytes(data, "l.md")
    assert err.value.message == "l.md:7: bestand is geen UTF-8-tekst"


def test_decode_refuses_huge_input() -> None:
    """More than 16 MB of draft text is refused with its size."""
    with pytest.raises(ParseError) as err:
        decode(b"x" * (50 * 1024 * 1024), "groot.md")
    assert err.value.message == "groot.md: bestand is te groot (50 MB; maximaal 16 MB)"


def test_bom_and_crlf_are_accepted() -> None:
    """A BOM and Windows line ends parse like plain UTF-8 with \\n."""
    data = ("\ufeff" + HEAD + "## Artikel 1\n\nTekst.\n").replace("\n", "\r\n").encode("utf-8")
    assert parse_bytes(data, "w.md").children[0].text == "Tekst."


def test_normalise_fast_path_equals_the_general_rule() -> None:
    """One alinea with nothing to collapse is only stripped; anything else goes the long way."""
    import re

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from wetgeving.text.model import normalise

    space = re.compile(r"[ \t\r\f\v\u00a0]+")

    def general(text: str) -> str:
        lines = (space.sub(" ", line).strip() for line in text.split("\n"))
        return "\n".join(line for line in lines if line)

    alphabet = st.sampled_from(list("ab .\t\n\r\f\v\u00a0\u2009\u3000"))

    @settings(max_examples=500, deadline=None)
    @given(st.text(alphabet=alphabet, max_size=20))
    def check(text: str) -> None:
        assert normalise(text) == general(text)

    check()
