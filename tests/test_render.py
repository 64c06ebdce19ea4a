"""Rendering: canonical Markdown, plain text as published, and the JSON data of `show`."""

from __future__ import annotations

from pathlib import Path

from wetgeving.text.model import Node, Regeling
from wetgeving.text.parse import parse
from wetgeving.text.render import (
    article_markdown,
    escape_heading,
    escape_start,
    node_dict,
    render_markdown,
    render_text,
)

FIXTURES = Path(__file__).parent / "fixtures"


def test_fixture_drafts_are_in_canonical_form() -> None:
    """The fixture drafts are already canonical: rendering them gives the file back."""
    for name in ("geldend.md", "v1.md", "v2.md"):
        text = (FIXTURES / "drafts" / name).read_text(encoding="utf-8")
        assert render_markdown(parse(text, name)) == text, name


def test_plain_text_indents_onderdelen() -> None:
    """render_text prints leden as '1. ...' and onderdelen indented two spaces per level."""
    art = Node(
        "artikel",
        "9",
        "",
        (
            Node(
                "lid",
                "1",
                "Aanhef:",
                (
                    Node("onderdeel", "a", "een;", marker="a."),
                    Node(
                        "onderdeel",
                        "b",
                        "twee:",
                        (Node("onderdeel", "1°", "x.", marker="1°."),),
                        marker="b.",
                    ),
                ),
                marker="1.",
            ),
        ),
    )
    assert render_text([art]) == "Artikel 9\n1. Aanhef:\n  a. een;\n  b. twee:\n    1°. x.\n"
    assert article_markdown(art) == (
        "## Artikel 9\n\n1. Aanhef:\n   - a. een;\n   - b. twee:\n     - 1°. x.\n"
    )


def test_escapes() -> None:
    """Only starts that Markdown would read as syntax are escaped."""
    assert escape_start("- a") == "\\- a"
    assert escape_start("1. januari") == "1\\. januari"
    assert escape_start("[Vervallen per 01-02-2006]") == "[Vervallen per 01-02-2006]"
    assert escape_start("[a]: b") == "\\[a]: b"
    assert escape_start("gewoon - tekst") == "gewoon - tekst"
    assert escape_heading("Artikel 1 nummer #") == "Artikel 1 nummer \\#"
    assert escape_heading("Artikel 1 C#") == "Artikel 1 C#"


def test_unnumbered_division_heading() -> None:
    """A division without number renders as 'Titel. Slotbepaling' and parses back."""
    reg = Regeling(
        "x", "", (Node("titel", "", "", (Node("artikel", "91", "T."),), title="Slotbepaling"),)
    )
    text = render_markdown(reg)
    assert "\n# Titel. Slotbepaling\n" in text
    assert parse(text).children[0].title == "Slotbepaling"


def test_node_dict_has_the_documented_keys() -> None:
    """The JSON data of a node has exactly the keys docs/draft-format.md documents."""
    tree = parse((FIXTURES / "drafts" / "v1.md").read_text(encoding="utf-8"))
    data = node_dict(tree.find("art.273f/lid.1"))  # type: ignore[arg-type]
    assert set(data) == {
        "id",
        "kind",
        "number",
        "label",
        "marker",
        "title",
        "text",
        "line",
        "children",
    }
    assert data["label"] == "artikel 273f, eerste lid"
    assert data["line"] == 13


def test_plain_text_slotzin_stands_at_its_parents_indent() -> None:
    """A slotzin of a lid is printed flush with the lid, after the indented onderdelen."""
    tree = parse(
        "---\ntitel: x\n---\n\n## Artikel 1\n\n1. Hij die:\n   - a. een;\n   - b. twee,\n\n"
        "   wordt gestraft.\n"
    )
    assert render_text(tree.children) == (
        "Artikel 1\n1. Hij die:\n  a. een;\n  b. twee,\nwordt gestraft.\n"
    )
