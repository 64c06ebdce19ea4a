"""Hardening: numbers of 4,300+ digits in references never raise ValueError (int() limit)."""
# ruff: noqa: E501 (expected Dutch messages are kept on one line to compare them exactly)

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from wetgeving.cli.app import app

runner = CliRunner()
HUGE = "9" * 5000
REFUSED = f"'{'9' * 20}…' (5000 cijfers) in '{{start}}…' is geen nummer van een bepaling (ten hoogste 9 cijfers)"


def _run(dossier: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--dossier", str(dossier), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def dossier(tmp_path: Path) -> Path:
    """A dossier with v1 recorded: one article whose text cites a 5000-digit lid and an article so numbered."""
    root = tmp_path / "dossier"
    assert runner.invoke(app, ["init", str(root)]).exit_code == 0
    (root / "drafts" / "a.md").write_text(
        f"---\ntitel: T\n---\n\n## Artikel 1\n\n1. Zie het {HUGE}e lid.\n2. Tekst.\n\n## Artikel {HUGE}\n\nTekst.\n",
        encoding="utf-8",
    )
    code, _, err = _run(root, "version", "create", "v1", "-m", "Eerste")
    assert code == 0, err
    return root


def test_huge_lid_number_in_show_article_is_refused(dossier: Path) -> None:
    """`show -a 'artikel 1, lid <5000 cijfers>'` gives one Dutch line naming the number."""
    start = "artikel 1, lid " + "9" * 25
    assert _run(dossier, "show", "werk", "-a", f"artikel 1, lid {HUGE}") == (
        7, "", "fout: " + REFUSED.format(start=start) + "\n"
    )  # fmt: skip


def test_huge_lid_number_in_respond_point_is_refused(dossier: Path) -> None:
    """`respond --point 'artikel 1 lid <5000 cijfers>=...'` is refused in Dutch; nothing is stored."""
    start = "artikel 1 lid " + "9" * 26
    code, _, err = _run(
        dossier, "respond", "--respondent", "A", "--point", f"artikel 1 lid {HUGE}=x"
    )
    assert (code, err) == (7, "fout: " + REFUSED.format(start=start) + "\n")


def test_huge_numbers_in_draft_are_checked_without_traceback(dossier: Path) -> None:
    """`check` of a draft citing a 5000-digit lid and numbering an article so reports, never raises."""
    code, out, err = _run(dossier, "check")
    assert (code, err) == (0, "")
    assert out == "geen problemen gevonden\n"


def test_huge_lid_number_in_responses_import_is_kept_unlinked(
    dossier: Path, tmp_path: Path
) -> None:
    """`responses import` with a 5000-digit lid stores the point as written, unlinked, with the reason."""
    csv = tmp_path / "r.csv"
    csv.write_text(
        f"Naam,Datum,Bepaling,Reactie\nA,2026-01-02,artikel 1 lid {HUGE},x\n", encoding="utf-8"
    )
    code, out, err = _run(dossier, "responses", "import", str(csv))
    assert code == 0, err
    # The cell is longer than a stored reference may be: shortened first (kept whole in the
    # notes), then refused as a number and kept as written.
    assert "rij 2: bepaling ingekort tot 300 tekens (volledig in de notities)\n" in out + err
    assert (
        "is geen nummer van een bepaling (ten hoogste 9 cijfers); "
        "opgeslagen zoals geschreven (niet gekoppeld)\n" in out + err
    )
