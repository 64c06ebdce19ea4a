"""`wetgeving check` on the whole Wetboek van Strafrecht reports only real problems.

The problems that remain on both official versions are kept, each with the reason it is a real
problem of the official text, in tests/fixtures/check/; check must report exactly those.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from wetgeving.text.bwb import import_bwb
from wetgeving.text.check import check_text

FIXTURES = Path(__file__).parent / "fixtures"


def _expected(name: str) -> list[tuple[str, str]]:
    """(problem, reason) pairs from a fixture: a "line: message" line, then "  why: ..."."""
    out: list[tuple[str, str]] = []
    for raw in (FIXTURES / "check" / name).read_text(encoding="utf-8").splitlines():
        if raw.startswith("#") or not raw.strip():
            continue
        if raw.startswith("  why: "):
            problem, _ = out[-1]
            out[-1] = (problem, raw.removeprefix("  why: "))
        else:
            out.append((raw, ""))
    return out


@pytest.mark.parametrize("version", ["BWBR0001854-2009-07-01", "BWBR0001854-2013-11-16"])
def test_check_reports_exactly_the_real_problems_of_the_official_sr(version: str) -> None:
    """Imported whole, each Sr version gives exactly the listed problems, each with a reason."""
    draft = import_bwb(FIXTURES / "bwb" / f"{version}.xml").markdown
    found = [f"{p.line}: {p.message}" for p in check_text(draft, "sr.md")]
    expected = _expected(f"{version}.txt")
    assert all(reason for _, reason in expected)
    assert found == [problem for problem, _ in expected]
