"""Hardening: control characters in a draft never reach the terminal as such."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from wetgeving.cli.app import app
from wetgeving.cli.common import visible

runner = CliRunner()
TITLE_ATTACK = "\x1b]0;gehackt\x07"
DRAFT = "---\ntitel: T\n---\n\n## Artikel 1\n\nDe tekst{extra} geldt.\n"


def _run(dossier: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--dossier", str(dossier), *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def dossier(tmp_path: Path) -> Path:
    """A dossier with v1 recorded and a working draft holding a terminal escape sequence."""
    root = tmp_path / "dossier"
    assert runner.invoke(app, ["init", str(root)]).exit_code == 0
    draft = root / "drafts" / "a.md"
    draft.write_text(DRAFT.format(extra=""), encoding="utf-8")
    code, _, err = _run(root, "version", "create", "v1", "-m", "Eerste")
    assert code == 0, err
    draft.write_text(DRAFT.format(extra=" " + TITLE_ATTACK), encoding="utf-8")
    return root


def test_escape_sequence_in_draft_is_shown_visibly_by_show(dossier: Path) -> None:
    """`show` prints ESC]0;...BEL from a draft as \\x1b and \\x07, never the raw characters."""
    code, out, err = _run(dossier, "show", "werk")
    assert code == 0, err
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b]0;gehackt\\x07" in out


def test_escape_sequence_in_draft_is_shown_visibly_by_diff(dossier: Path) -> None:
    """`diff` prints the control characters of a changed text visibly."""
    code, out, err = _run(dossier, "diff", "v1", "werk")
    assert code == 0, err
    assert "\x07" not in out and "\x1b]" not in out
    assert "\\x1b]0;gehackt\\x07" in out


def test_visible_keeps_colour_codes_only_when_asked() -> None:
    """The diff's own SGR colour codes stay; every other control character is escaped."""
    assert visible("\x1b[31mrood\x1b[0m\x9b2J", keep_colour=True) == "\x1b[31mrood\x1b[0m\\x9b2J"
    assert visible("\x1b[31mrood") == "\\x1b[31mrood"
    assert visible("tab\tregel\nnormaal") == "tab\tregel\nnormaal"
