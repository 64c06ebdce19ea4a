"""The onderdelen of ARTIKEL I of the amending bill as the consultation reads them: the letters
of `compare.bill` (A ... Z, AA, BB, ...; Ar 6.15) over the articles in the bill's order."""

from __future__ import annotations

from pathlib import Path

import pytest

from wetgeving.compare import compare_versions
from wetgeving.compare.bill import onderdeel_index, onderdeel_letter, onderdelen
from wetgeving.text.parse import parse

DRAFTS = Path(__file__).parent / "fixtures" / "drafts"


@pytest.mark.parametrize(
    ("index", "letter"),
    [(0, "A"), (1, "B"), (25, "Z"), (26, "AA"), (27, "BB"), (51, "ZZ"), (52, "AAA"), (78, "AAAA")],
)
def test_letters_read_back(index: int, letter: str) -> None:
    """Every letter of `onderdeel_letter` reads back to its place, in either case."""
    assert onderdeel_letter(index) == letter
    assert onderdeel_index(letter) == index
    assert onderdeel_index(letter.lower()) == index


@pytest.mark.parametrize("text", ["", "AB", "A1", "Ä", "-"])
def test_no_letter_is_no_onderdeel(text: str) -> None:
    """Mixed letters, digits or other characters are no onderdeel of the bill."""
    assert onderdeel_index(text) is None


class _Version:
    def __init__(self, name: str) -> None:
        self.name = name
        self.commit = None
        text = (DRAFTS / f"{name}.md").read_text(encoding="utf-8")
        self.regelingen = (parse(text, "drafts/273f.md"),)


def test_onderdelen_from_the_law_in_force_to_the_consulted_version() -> None:
    """From the law in force to v1, article 273f changes and 273fa is new: A and B."""
    comparison = compare_versions(_Version("geldend"), _Version("v1"))
    assert onderdelen(comparison) == {"A": "273f", "B": "273fa"}


@pytest.mark.parametrize(("old", "new"), [("geldend", "v1"), ("v1", "v2"), ("geldend", "v2")])
def test_the_amending_bill_letters_as_the_consultation_reads(old: str, new: str) -> None:
    """The bill `wetgeving amend` writes letters its onderdelen exactly as `onderdelen` does:
    one lettering, one article order."""
    from wetgeving.amend.build import make_bill

    before, after = _Version(old), _Version(new)
    comparison = compare_versions(before, after)
    bill = make_bill(comparison, before, after)
    (article,) = bill.articles
    written = {(p.letter or "A"): p.article for p in article.onderdelen}
    assert written == onderdelen(comparison)
