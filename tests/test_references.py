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
