"""Front matter: plain `key: value` lines are read without PyYAML, exactly as PyYAML reads them."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from wetgeving.errors import ParseError
from wetgeving.frontmatter import _plain_lines, load, split

_VALUE_CHARS = st.sampled_from(
    [
        *"abcXYZ019 .,;()/'\"-–:#&*!|>%@`[]{}?=~\\",
        *["é", "ë", "\u00a0", "\t", "中", ": ", " #", "ja", "null", "1.0", "2024-01-01"],
    ]
)
values = st.lists(_VALUE_CHARS, min_size=0, max_size=12).map("".join)
keys = st.sampled_from(["titel", "regeling", "status", "a-b", "x_1", "Titel", "1x", "-x", "a b"])
lines = st.tuples(keys, st.sampled_from([": ", ":", " : ", ":  "]), values).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.lists(lines, max_size=5))
def test_plain_lines_agree_with_pyyaml(raw_lines: list[str]) -> None:
    """Whatever the fast path accepts, PyYAML's BaseLoader reads to the same strings."""
    raw = "".join(line + "\n" for line in raw_lines)
    fast = _plain_lines(raw)
    if fast is None or not fast:
        return
    assert yaml.load(raw, Loader=yaml.BaseLoader) == fast


def test_draft_front_matter_takes_the_fast_path() -> None:
    """The front matter of a draft (titel, regeling, status with commas) needs no PyYAML."""
    raw = (
        "titel: Wetboek van Strafrecht\nregeling: BWBR0001854\n"
        "status: ILLUSTRATIEF CONCEPT (v2), als voorbeeld; niet wetsvoorstel 36 547\n"
    )
    assert _plain_lines(raw) == {
        "titel": "Wetboek van Strafrecht",
        "regeling": "BWBR0001854",
        "status": "ILLUSTRATIEF CONCEPT (v2), als voorbeeld; niet wetsvoorstel 36 547",
    }


@pytest.mark.parametrize(
    "raw",
    [
        'titel: "Met: dubbele punt"\n',
        "titel: a # opmerking\n",
        "titel:\n  - lijst\n",
        "titel: a\ntitel: b\n",
        "# opmerking\ntitel: a\n",
        "titel: [a, b]\n",
    ],
)
def test_anything_else_goes_to_pyyaml(raw: str) -> None:
    """Quotes, comments, lists, repeated keys: left to PyYAML, which reads them as before."""
    assert _plain_lines(raw) is None
    assert load(raw, "d.md") == yaml.load(raw, Loader=yaml.BaseLoader)


def test_bad_yaml_still_names_the_line() -> None:
    """Front matter that is not YAML gives the file and line, as before."""
    with pytest.raises(ParseError) as err:
        split("---\ntitel: a\nstatus: [open\n---\n\ntekst\n", "d.md")
    assert err.value.path == "d.md"
    assert err.value.line is not None and err.value.line >= 3
