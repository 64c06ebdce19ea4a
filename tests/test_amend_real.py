"""The real published cases (tests/fixtures/amend, copied from the domain folder): what `amend`
writes from their before- and after-texts, against what the legislator wrote."""

from __future__ import annotations

import pytest

from test_amend_support import as_onderdeel, case, published
from wetgeving.amend.build import make_bill, verify
from wetgeving.amend.reader import read_instructions
from wetgeving.amend.render import render_text
from wetgeving.compare.engine import compare_versions
from wetgeving.versiontext import VersionText

REGULATION = "Wetboek van Strafrecht"


def _generated(case_id: str, stijl: str = "klassiek") -> tuple[str, list[str]]:
    real = case(case_id)
    old = VersionText("voor", None, (published(real["before_text"]),))
    new = VersionText("na", None, (published(real["after_text"]),))
    bill = make_bill(compare_versions(old, new), old, new, regulation=REGULATION, stijl=stijl)  # type: ignore[arg-type]
    verify(bill, old, new, regulation=REGULATION)
    # Each case is one onderdeel of a published bill: compared as an onderdeel, lettered.
    return render_text(as_onderdeel(bill)), [i.formula for i in bill.instructions()]


def _body(text: str) -> str:
    """The instructions without ARTIKEL I, the regulation line and the onderdeel letters."""
    lines = [line for line in text.split("\n") if line.strip()]
    return "\n".join(
        line
        for line in lines
        if (line not in ("ARTIKEL I", "A", "B") and "als volgt gewijzigd:" not in line)
        or line.startswith("Artikel ")
    )


@pytest.mark.parametrize("case_id", ["T1", "T6", "T8"])
def test_generated_instruction_is_the_official_one(case_id: str) -> None:
    """From the before- and after-text `amend` writes the published instruction word for word
    (T1 in the pre-2018 style it was published in); applying it gives the after-text."""
    text, _ = _generated(case_id)
    assert _body(text) == _body(case(case_id)["instruction"])


def test_whole_article_rewrite_as_published() -> None:
    """T2: the article changes from leden to leden with onderdelen; the official bill rewrites
    it ("De artikelen 5a en 5b komen te luiden:", the case holds only 5a), and so does amend."""
    text, formulas = _generated("T2")
    official = read_instructions(case("T2")["instruction"]).bill.instructions()
    assert formulas == ["komt_te_luiden"] == [i.formula for i in official]
    assert "Artikel 5a komt te luiden:\n\nArtikel 5a\n\n1. De Nederlandse strafwet" in text


@pytest.mark.parametrize("case_id", ["T1", "T2", "T6", "T8"])
def test_same_formulas_as_the_official_instruction(case_id: str) -> None:
    """The formulas of the generated bill are those of the published one, in the same order."""
    _, formulas = _generated(case_id, "2018")
    official = [
        i.formula for i in read_instructions(case(case_id)["instruction"]).bill.instructions()
    ]
    assert formulas == official


def _words(text: str) -> str:
    return " ".join(text.split())


def test_whole_article_rewrite_gives_the_published_new_text() -> None:
    """T2: as far as the published excerpt goes, the new text of article 5a that `amend` writes
    is the legislator's word for word (the excerpt breaks off inside onderdeel 1°)."""
    text, _ = _generated("T2", "2018")
    official = case("T2")["instruction"].split("komen te luiden:", 1)[1]
    official = official.split("[... excerpt ends here ...]", 1)[0]
    ours = text.split("Artikel 5a komt te luiden:", 1)[1]
    assert _words(ours).startswith(_words(official))
    assert len(_words(official)) > 400


def test_current_style_differs_only_in_quoting_the_new_text() -> None:
    """T1 was published in the pre-2018 style ("vervangen door: B"); in the current style (Ar
    6.9, second lid) the only difference is that the new text is quoted too."""
    text, _ = _generated("T1", "2018")
    official = case("T1")["instruction"].replace(
        "vervangen door: onderdelen 2°, 3°, 5° en 6°.",
        "vervangen door «onderdelen 2°, 3°, 5° en 6°».",
    )
    assert _body(text) == _body(official)
