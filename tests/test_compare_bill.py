"""The onderdelen of ARTIKEL I of the amending bill: lettered A, B, ... Z, AA, BB, ... (Ar 6.15),
one per changed article in article order."""

from __future__ import annotations

from pathlib import Path

import pytest

from wetgeving.compare import compare_versions
from wetgeving.compare.bill import bill_articles, onderdeel_letter, onderdeel_number, onderdelen
from wetgeving.text.parse import parse

DRAFTS = Path(__file__).parent / "fixtures" / "drafts"


@pytest.mark.parametrize(
    ("number", "letter"),
    [(1, "A"), (2, "B"), (26, "Z"), (27, "AA"), (28, "BB"), (52, "ZZ"), (53, "AAA"), (79, "AAAA")],
)
def test_letters_after_z_double_as_the_ar_says(number: int, letter: str) -> None:
    """A..Z, then AA, BB, CC ... ZZ, then AAA, BBB ...; and back again."""
    assert onderdeel_letter(number) == letter
    assert onderdeel_number(letter) == number
    assert onderdeel_number(letter.lower()) == number


@pytest.mark.parametrize("text", ["", "AB", "A1", "Ä", "-"])
def test_no_letter_is_no_onderdeel(text: str) -> None:
    """Mixed letters, digits or other characters are no onderdeel of the bill."""
    assert onderdeel_number(text) is None


def test_onderdeel_zero_does_not_exist() -> None:
    """Onderdelen are counted from 1."""
    with pytest.raises(ValueError):
        onderdeel_letter(0)


class _Version:
    def __init__(self, name: str) -> None:
        self.name = name
        self.commit = None
        text = (DRAFTS / f"{name}.md").read_text(encoding="utf-8")
        self.regelingen = (parse(text, f"{name}.md"),)


def test_changed_articles_in_article_order() -> None:
    """From the law in force to v1, article 273f changes and 273fa is new: A and B."""
    comparison = compare_versions(_Version("geldend"), _Version("v1"))
    assert bill_articles(comparison) == ("273f", "273fa")
    assert onderdelen(comparison) == (("A", "273f"), ("B", "273fa"))


def test_an_article_losing_a_provision_by_a_move_has_its_onderdeel() -> None:
    """v1 to v2 moves a lid from 273f to 273fa: both articles are changed, in article order."""
    comparison = compare_versions(_Version("v1"), _Version("v2"))
    assert bill_articles(comparison) == ("273f", "273fa")
