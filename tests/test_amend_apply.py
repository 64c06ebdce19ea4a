"""`wetgeving apply`: published wijzigingsopdrachten applied to a version, every failure named."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_amend_support import case, draft, fixture_dossier, make_dossier, published
from typer.testing import CliRunner

from wetgeving.amend.apply import apply_bill
from wetgeving.amend.reader import read_instructions
from wetgeving.cli.app import app
from wetgeving.text.parse import parse

runner = CliRunner()


def _apply(instruction: str, before: str) -> tuple[object, list[str]]:
    reading = read_instructions(instruction, "opdrachten.txt")
    outcome = apply_bill(reading.bill, (published(before),), "voor")
    problems = [p.render("opdrachten.txt") for p in (*reading.problems, *outcome.problems)]
    return outcome.regelingen[0], problems


@pytest.mark.parametrize("case_id", ["T1", "T6", "T8"])
def test_real_instruction_gives_the_consolidated_text(case_id: str) -> None:
    """The official instruction applied to the before-text gives the after-text exactly."""
    real = case(case_id)
    result, problems = _apply(real["instruction"], real["before_text"])
    assert problems == []
    assert result == published(real["after_text"])


def test_excerpt_that_ends_mid_text_is_reported() -> None:
    """T2 is an excerpt (its new text breaks off): the missing article 5b is named."""
    real = case("T2")
    _, problems = _apply(real["instruction"], real["before_text"])
    assert problems == ["opdrachten.txt:3: onderdeel B: artikel 5b bestaat niet in versie voor"]
