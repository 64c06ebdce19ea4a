"""Front matter: read by PyYAML's BaseLoader, every value a string, errors with their line."""

from __future__ import annotations

import pytest

from wetgeving.errors import ParseError
from wetgeving.frontmatter import load, split


def test_draft_front_matter_reads_as_strings() -> None:
    """The front matter of a draft (titel, regeling, status with commas) reads as plain text."""
    raw = (
        "titel: Wetboek van Strafrecht\nregeling: BWBR0001854\n"
        "status: ILLUSTRATIEF CONCEPT (v2), als voorbeeld; niet wetsvoorstel 36 547\n"
        "openbaar: ja\nversie: 1.0\ndatum: 2024-01-01\n"
    )
    assert load(raw, "d.md") == {
        "titel": "Wetboek van Strafrecht",
        "regeling": "BWBR0001854",
        "status": "ILLUSTRATIEF CONCEPT (v2), als voorbeeld; niet wetsvoorstel 36 547",
        "openbaar": "ja",
        "versie": "1.0",
        "datum": "2024-01-01",
    }


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('titel: "Met: dubbele punt"\n', {"titel": "Met: dubbele punt"}),
        ("titel: a # opmerking\n", {"titel": "a"}),
        ("titel:\n  - lijst\n", {"titel": ["lijst"]}),
        ("# opmerking\ntitel: a\n", {"titel": "a"}),
        ("titel: [a, b]\n", {"titel": ["a", "b"]}),
    ],
)
def test_yaml_forms_read_as_yaml(raw: str, expected: dict[str, object]) -> None:
    """Quotes, comments and lists are read as YAML has them."""
    assert load(raw, "d.md") == expected


def test_bad_yaml_still_names_the_line() -> None:
    """Front matter that is not YAML gives the file and line, as before."""
    with pytest.raises(ParseError) as err:
        split("---\ntitel: a\nstatus: [open\n---\n\ntekst\n", "d.md")
    assert err.value.path == "d.md"
    assert err.value.line is not None and err.value.line >= 3
