"""Provision references typed by users, and selecting provisions for `show`."""

from __future__ import annotations

from pathlib import Path

import pytest

from wetgeving.errors import ProvisionRefError
from wetgeving.text.parse import parse
from wetgeving.text.refs import ProvisionRef, parse_ref, resolve, select

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        ("artikel 273f, derde lid, onder 2°", ProvisionRef("273f", "3", ("2°",))),
        ("273f, derde lid", ProvisionRef("273f", "3")),
        ("273f lid 3 onder 2°", ProvisionRef("273f", "3", ("2°",))),
        ("art. 273f", ProvisionRef("273f")),
        ("artikel 5, tweede lid, onderdeel b", ProvisionRef("5", "2", ("b",))),
        ("273f, eerste lid, aanhef en onder 4º", ProvisionRef("273f", "1", ("4°",))),
    ],
)
def test_citation_and_short_forms(text: str, ref: ProvisionRef) -> None:
    """Citation form and short form give the same reference."""
    assert parse_ref(text) == ref


def test_label_and_id() -> None:
    """A reference knows its Ar 3.29 label and node id."""
    ref = parse_ref("273f lid 1 onder 4°")
    assert ref.label == "artikel 273f, eerste lid, onder 4°"
    assert ref.node_id == "art.273f/lid.1/ond.4°"


def test_not_a_reference() -> None:
    """Text that is no reference gives a Dutch error."""
    with pytest.raises(ProvisionRefError, match="is geen verwijzing naar een bepaling"):
        parse_ref("mensenhandel")


def test_resolve_accepts_missing_degree_sign() -> None:
    """'onder 4' finds onderdeel 4° of the text."""
    tree = parse((FIXTURES / "drafts" / "geldend.md").read_text(encoding="utf-8"))
    assert resolve(parse_ref("273f lid 1 onder 4"), [tree]).id == "art.273f/lid.1/ond.4°"


def test_select_orders_by_file_and_names_nearest() -> None:
    """select returns the chosen nodes per regeling; an unknown one lists the nearest."""
    tree = parse((FIXTURES / "drafts" / "v1.md").read_text(encoding="utf-8"), "v1.md")
    [(regeling, nodes)] = select([tree], ["273fa", "273f, tweede lid"], "werk")
    assert regeling is tree
    assert [n.id for n in nodes] == ["art.273fa", "art.273f/lid.2"]
    with pytest.raises(ProvisionRefError) as err:
        select([tree], ["273f, tiende lid"], "v1")
    assert err.value.message.startswith(
        "artikel 273f, tiende lid bestaat niet in versie v1; bedoelt u:"
    )
