"""`wetgeving amend` on the whole Wetboek van Strafrecht, 1 July 2009 -> 16 November 2013 (both
BWB versions imported with the project's own import): the bill verifies, renumbers every lid
once, and writes the formulas a lawyer would for the cases this pair holds."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from test_amend_property import _renumbered_at_most_once
from wetgeving.amend.build import make_bill, verify
from wetgeving.amend.model import Bill
from wetgeving.amend.render import render_text
from wetgeving.compare.engine import compare_versions
from wetgeving.text.bwb import import_bwb
from wetgeving.versiontext import VersionText

BWB = Path(__file__).parent / "fixtures" / "bwb"
REGULATION = "Wetboek van Strafrecht"


@pytest.fixture(scope="module")
def bill() -> Bill:
    old, new = (
        replace(import_bwb(BWB / name).regeling, path="drafts/sr.md")
        for name in ("BWBR0001854-2009-07-01.xml", "BWBR0001854-2013-11-16.xml")
    )
    a, b = VersionText("sr2009", None, (old,)), VersionText("sr2013", None, (new,))
    made = make_bill(compare_versions(a, b), a, b, regulation=REGULATION)
    verify(made, a, b, regulation=REGULATION)
    return made


def test_the_bill_verifies_and_renumbers_each_lid_once(bill: Bill) -> None:
    """Read back from its own text and applied to 2009 the bill gives 2013 exactly (the fixture
    raises otherwise); no renumbering gives a lid a second number or cites "(nieuw)"."""
    _renumbered_at_most_once(bill)
    assert len(bill.articles[0].onderdelen) > 140
    assert " (nieuw) tot " not in render_text(bill)


@pytest.mark.parametrize(
    "expected",
    [
        # 36e: two leden inserted, one clause for both renumberings.
        "3. Onder vernummering van het vierde en vijfde lid tot vijfde en zesde lid en van het "
        "zesde tot en met achtste lid tot achtste tot en met tiende lid wordt na het derde lid "
        "een lid ingevoegd, luidende:",
        "4. Na het zesde lid (nieuw) wordt een lid ingevoegd, luidende:",
        # 77w: a lid lapses and another comes in the place of a later one.
        "2. Het vierde lid vervalt, onder vernummering van het vijfde tot en met achtste lid tot "
        "vierde tot en met zevende lid.\n\n3. Het zesde lid (nieuw) komt te luiden:",
        # 15g: the second lid becomes the text of the article (Ar 6.18, fourth lid).
        "2. Het eerste lid alsmede de aanduiding «2.» voor het tweede lid vervallen.",
        # 235: the text becomes the second lid and a first lid comes before it.
        "1. Voor de tekst wordt de aanduiding «2.» geplaatst.\n\n2. Voor het tweede lid wordt een "
        "lid ingevoegd, luidende:",
        # 44a: one change in three onderdelen.
        "In artikel 44a, tweede lid, onderdelen a tot en met c, vervalt «, bestaande uit een "
        "werkstraf,».",
        # 14h and 15h: sentences inserted after the first, and added at the end.
        "1. In het eerste lid wordt na de eerste zin een zin ingevoegd, luidende: In het geval",
        "1. Aan het eerste lid worden twee zinnen toegevoegd, luidende: Indien het bevel",
        # 77s: a word changed and a sentence inserted after the one it is in.
        "1. Het zesde lid wordt als volgt gewijzigd:\n\na. In de eerste zin wordt «twee» "
        "vervangen door «drie».\n\nb. Na de eerste zin wordt een zin ingevoegd, luidende: Na twee "
        "jaar eindigt de maatregel voorwaardelijk",
        # 15i: words at the end.
        "3. Aan het zesde lid wordt «aan de veroordeelde» toegevoegd.",
        # 138a: its number goes to the new article, so it is renumbered first.
        "Artikel 138a wordt vernummerd tot artikel 138ab.\n\nVVVV\n\nNa artikel 138 wordt een "
        "artikel ingevoegd, luidende:\n\nArtikel 138a",
        # 15, third lid: a list appears, the lid is rewritten.
        "1. Het derde lid komt te luiden:\n\n3. Het eerste en het tweede lid zijn niet van "
        "toepassing indien:",
    ],
)
def test_formulas_a_lawyer_writes(bill: Bill, expected: str) -> None:
    """The instructions for the cases this pair holds, word for word."""
    assert expected in render_text(bill)
