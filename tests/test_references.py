"""Tests for internal references inside statute text (wetgeving.text.references)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wetgeving.text.model import Node, Regeling
from wetgeving.text.parse import parse
from wetgeving.text.references import InternalRef, find_references, label_for_id

DRAFTS = Path(__file__).parent / "fixtures" / "drafts"


def _draft(name: str) -> Regeling:
    return parse((DRAFTS / f"{name}.md").read_text(encoding="utf-8"), f"drafts/{name}.md")


def _toy(text: str) -> list[InternalRef]:
    """Refs found in `text`, the own text of art. 9 in a small regeling with leden and lists."""
    lid1 = Node(
        "lid",
        "1",
        "x",
        id="art.9/lid.1",
        children=(
            Node("onderdeel", "1°", "y", id="art.9/lid.1/ond.1°"),
            Node("onderdeel", "2°", "y", id="art.9/lid.1/ond.2°"),
        ),
    )
    lid3 = Node(
        "lid",
        "3",
        "x",
        id="art.9/lid.3",
        children=(
            Node("onderdeel", "a", "y", id="art.9/lid.3/ond.a"),
            Node("onderdeel", "2°", "y", id="art.9/lid.3/ond.2°"),
        ),
    )
    art = Node(
        "artikel",
        "9",
        text,
        id="art.9",
        children=(lid1, Node("lid", "2", "x", id="art.9/lid.2"), lid3),
    )
    reg = Regeling("Wetboek van Strafrecht", "", (art, Node("artikel", "10", "z", id="art.10")))
    return [r for r in find_references([reg]) if r.source == "art.9"]


def _pairs(refs: list[InternalRef]) -> list[tuple[str, str, str | None]]:
    return [(r.phrase, r.wanted, r.target) for r in refs]


def test_v1_references_with_spans() -> None:
    """Every reference in v1 is found with its exact span in the own text of its source."""
    reg = _draft("v1")
    refs = find_references([reg])
    nodes = {n.id: n for n in reg.walk()}
    for ref in refs:
        assert nodes[ref.source].text[ref.start : ref.end] == ref.phrase
    got = [(r.source, r.phrase, r.target) for r in refs]
    assert ("art.273f/lid.1", "het tweede lid", "art.273f/lid.2") in got
    assert ("art.273f/lid.9", "Artikel 251", None) in got
    assert ("art.273fa/lid.2", "Artikel 273f, achtste lid", "art.273f/lid.8") in got
    assert len([r for r in refs if r.phrase == "het eerste lid"]) == 7


def test_onder_within_same_list() -> None:
    """ "onder 1°" inside onderdeel 4° points at onderdeel 1° of the same lid."""
    refs = find_references([_draft("geldend")])
    onder = [r for r in refs if r.source == "art.273f/lid.1/ond.4°"]
    assert [(r.phrase, r.target) for r in onder] == [
        ("onder 1°", "art.273f/lid.1/ond.1°"),
        ("onder 1°", "art.273f/lid.1/ond.1°"),
    ]
    assert all(r.relative for r in onder)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Artikel 251 is van toepassing.", [("Artikel 251", "art.251", None)]),
        ("de artikelen 9 en 10 zijn", [("10", "art.10", "art.10")]),
        ("artikel 9, tweede lid, is", [("artikel 9, tweede lid", "art.9/lid.2", "art.9/lid.2")]),
        (
            "het derde lid, aanhef en onder 2°, is",
            [("het derde lid, aanhef en onder 2°", "art.9/lid.3/ond.2°", "art.9/lid.3/ond.2°")],
        ),
        (
            "het eerste tot en met derde lid",
            [
                ("het eerste tot en met derde lid", "art.9/lid.1", "art.9/lid.1"),
                ("het eerste tot en met derde lid", "art.9/lid.2", "art.9/lid.2"),
                ("het eerste tot en met derde lid", "art.9/lid.3", "art.9/lid.3"),
            ],
        ),
        (
            "het eerste lid, onder 1°",
            [("het eerste lid, onder 1°", "art.9/lid.1/ond.1°", "art.9/lid.1/ond.1°")],
        ),
        (
            "de in het achtste lid omschreven feiten",
            [("het achtste lid", "art.9/lid.8", None)],
        ),
        (
            "het derde lid, onderdeel a",
            [("het derde lid, onderdeel a", "art.9/lid.3/ond.a", "art.9/lid.3/ond.a")],
        ),
        ("artikel 67, eerste lid, van het Wetboek van Strafvordering", []),
        ("artikel 10 van het Wetboek van Strafrecht", [("artikel 10", "art.10", "art.10")]),
        ("geldboete van de vijfde categorie onder de omstandigheden", []),
    ],
)
def test_phrases(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    """Each reference form resolves to the node it names, or to None when that does not exist."""
    assert _pairs(_toy(text)) == expected


def test_label_for_id() -> None:
    """A node id converts to its Ar 3.29 citation."""
    assert label_for_id("art.273f/lid.1/ond.4°") == "artikel 273f, eerste lid, onder 4°"
    assert label_for_id("art.5/lid.2/ond.b") == "artikel 5, tweede lid, onderdeel b"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "de artikelen 9, tweede lid, en 10",
            [
                ("artikelen 9, tweede lid", "art.9/lid.2", "art.9/lid.2"),
                ("10", "art.10", "art.10"),
            ],
        ),
        (
            "het tweede lid van artikel 10",
            [("het tweede lid van artikel 10", "art.10/lid.2", None)],
        ),
        ("artikel 10 van die wet", []),
        ("artikel 10 van Boek 8 van het Burgerlijk Wetboek", []),
        ("artikel 10 van dit wetboek", [("artikel 10", "art.10", "art.10")]),
    ],
)
def test_lists_and_external_acts(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    """Article lists carry a tail per article; references to other acts are left out."""
    assert _pairs(_toy(text)) == expected


_CODE = """---
titel: {title}
---

## Artikel 10

1. Aanhef:
   - 1°. a;
   - 2°. b;
   - 3°. c;
   - 4°. d;
   - 5°. e;
   - 6°. f.
2. Tweede.
3. Derde.

## Artikel 11

1. Eerste.
2. Tweede.

## Artikel 12

Aanhef:

- 1º. a;
- 2º. b;
- 3º. c.

## Artikel 12a

Aanhef:

- a) x;
- b) y:
  - 1\\) z.

## Artikel 20

{text}
"""


def _code(text: str, title: str = "Wetboek van Strafrecht") -> list[tuple[str, str, str | None]]:
    """(phrase, wanted, target) of the refs in `text`, the own text of art. 20 of a small code.

    Art. 10 has three leden, its first with onderdelen 1° to 6°; art. 11 has two leden; art. 12
    has no leden and onderdelen 1° to 3° typed with the ordinal indicator ("1º"); art. 12a has a
    list a) and b) with b) holding a sub-list; art. 20 holds the text.
    """
    reg = parse(_CODE.format(title=title, text=text), "code.md")
    return [(r.phrase, r.wanted, r.target) for r in find_references([reg]) if r.source == "art.20"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "de artikelen 10, derde lid, 11, eerste lid, en 12",
            [
                ("artikelen 10, derde lid", "art.10/lid.3", "art.10/lid.3"),
                ("11, eerste lid", "art.11/lid.1", "art.11/lid.1"),
                ("12", "art.12", "art.12"),
            ],
        ),
        (
            "de artikelen 10, eerste lid, onder 6°, 11, tweede lid, alsmede 11, eerste lid, jo. "
            "10, eerste lid, onder 5°;",
            [
                (
                    "artikelen 10, eerste lid, onder 6°",
                    "art.10/lid.1/ond.6°",
                    "art.10/lid.1/ond.6°",
                ),
                ("11, tweede lid", "art.11/lid.2", "art.11/lid.2"),
                ("11, eerste lid", "art.11/lid.1", "art.11/lid.1"),
                ("10, eerste lid, onder 5°", "art.10/lid.1/ond.5°", "art.10/lid.1/ond.5°"),
            ],
        ),
        (
            "de artikelen 10 tot en met 12 en 13",
            [
                ("artikelen 10", "art.10", "art.10"),
                ("12", "art.12", "art.12"),
                ("13", "art.13", None),
            ],
        ),
        (
            "artikel 10, eerste of derde lid",
            [
                ("artikel 10, eerste of derde lid", "art.10/lid.1", "art.10/lid.1"),
                ("artikel 10, eerste of derde lid", "art.10/lid.3", "art.10/lid.3"),
            ],
        ),
        ("artikel 178, derde lid, van Boek 8 van het Burgerlijk Wetboek", []),
        (
            "artikel 10, tweede lid, of artikel 11, eerste lid, van het Wetboek van Strafvordering",
            [],
        ),
        ("artikel 11 van die wet", []),
        ("artikel 10 van de Wegenverkeerswet 1994", []),
        ("artikel 10, tweede lid, Kernenergiewet", []),
        ("de artikelen 7.20 en 7a.5 van de Wet op het hoger onderwijs", []),
        ("artikel 4:78, eerste lid, bedoelde opdracht", []),
        (
            "de artikelen 10, 11, eerste lid, en 12 van het Wetboek van Strafrecht, 175, tweede "
            "lid, onderdeel b, of derde lid in verbinding met het eerste lid, onderdeel b, van de "
            "Wegenverkeerswet 1994, en 11, tweede lid, van de Opiumwet",
            [
                ("artikelen 10", "art.10", "art.10"),
                ("11, eerste lid", "art.11/lid.1", "art.11/lid.1"),
                ("12", "art.12", "art.12"),
            ],
        ),
        (
            "de artikelen 11, met uitzondering van de eerste volzin van het eerste lid, 12 van "
            "dit wetboek en artikel 449, derde lid, van het Wetboek van Strafvordering",
            [
                (
                    "artikelen 11, met uitzondering van de eerste volzin van het eerste lid",
                    "art.11",
                    "art.11",
                ),
                (
                    "artikelen 11, met uitzondering van de eerste volzin van het eerste lid",
                    "art.11/lid.1",
                    "art.11/lid.1",
                ),
                ("12", "art.12", "art.12"),
            ],
        ),
        (
            "het vierde lid van artikel 194, van het vijfde lid van artikel 784, van het eerste "
            "lid onder a ten derde van artikel 786 of van het vierde lid van artikel 1303 van "
            "Boek 8 van het Burgerlijk Wetboek",
            [],
        ),
        ("het eerste lid van artikel 11 of van artikel 785 van het Wetboek van Koophandel", []),
        (
            "het tweede lid van artikel 11",
            [("het tweede lid van artikel 11", "art.11/lid.2", "art.11/lid.2")],
        ),
        ("in het eerste en derde lid van dat artikel", []),
        (
            "de artikelen 12, laatste lid, en 11, laatste lid",
            [
                ("artikelen 12, laatste lid", "art.12/lid.laatste", None),
                ("11, laatste lid", "art.11/lid.2", "art.11/lid.2"),
            ],
        ),
        ("artikel 99, laatste lid", [("artikel 99, laatste lid", "art.99", None)]),
        (
            "als bedoeld in het vorige artikel, onder b",
            [
                ("het vorige artikel, onder b", "art.12a/ond.b", "art.12a/ond.b"),
            ],
        ),
        (
            "de artikelen 12, onderdelen 2° en 3°",
            [
                ("artikelen 12, onderdelen 2° en 3°", "art.12/ond.2°", "art.12/ond.2º"),
                ("artikelen 12, onderdelen 2° en 3°", "art.12/ond.3°", "art.12/ond.3º"),
            ],
        ),
    ],
)
def test_a_reference_belongs_to_the_article_it_names(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    """Each article of a list keeps its own leden and onderdelen; a run closed by another act
    ("van Boek 8 ...", "van die wet", "Kernenergiewet") is left out, "van dit wetboek" and the
    own title keep it; jo., tot en met, en, of, 'het vorige artikel' and 'laatste lid' resolve."""
    assert _code(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "zie arti\u00adkel 11, eer\u00adste lid",
            [
                ("arti\u00adkel 11, eer\u00adste lid", "art.11/lid.1", "art.11/lid.1"),
            ],
        ),
        (
            "zie artikel\u00a011,\u202ftweede lid",
            [
                ("artikel 11, tweede lid", "art.11/lid.2", "art.11/lid.2"),
            ],
        ),
        (
            "zie ‘artikel 11, tweede lid’",
            [("artikel 11, tweede lid", "art.11/lid.2", "art.11/lid.2")],
        ),
        (
            "artikel 10, eerste lid, onder 2º",
            [
                ("artikel 10, eerste lid, onder 2º", "art.10/lid.1/ond.2°", "art.10/lid.1/ond.2°"),
            ],
        ),
    ],
)
def test_references_typed_in_word_read_as_typed(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    """Soft hyphens, no-break spaces, curly quotes and 'º' do not hide a reference; the phrase
    keeps the characters as written."""
    assert _code(text) == expected


def test_onder_finds_the_item_in_another_list_of_the_article() -> None:
    """'het onder b) genoemde' in onderdeel 2) names the b) of the list inside onderdeel 1)."""
    text = (
        "---\ntitel: Proef\n---\n\n## Artikel 3\n\nAanhef:\n\n- 1\\) een:\n  - a) x;\n"
        "  - b) y;\n- 2\\) het onder b) genoemde contract.\n"
    )
    refs = find_references([parse(text, "p.md")])
    assert _pairs(refs) == [("onder b", "art.3/ond.1/ond.b", "art.3/ond.1/ond.b")]
