"""A version is recorded once: a later commit claiming its name does not replace it."""

from __future__ import annotations

import subprocess
from pathlib import Path

from typer.testing import CliRunner

from test_consultation_support import make_dossier
from wetgeving import history
from wetgeving.cli.app import app
from wetgeving.dossier import Dossier

runner = CliRunner()


def _git(d: Dossier, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=d.root, capture_output=True, text=True, check=True
    ).stdout.strip()


def _cli(d: Dossier, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--dossier", str(d.root), *args])
    return result.exit_code, result.stdout, result.stderr


def test_plain_git_commit_with_a_version_trailer_does_not_replace_the_version(
    tmp_path: Path,
) -> None:
    """`git commit -m "...\\n\\nWetgeving-Versie: v1"` after v1 was recorded: v1 stays the first
    recording; `version list` and `check` report the later claim."""
    d = make_dossier(tmp_path / "d")
    v1 = next(v for v in history.list_versions(d) if v.name == "v1")
    text_v1 = history.snapshot(d, "v1").files
    draft = d.drafts / "273f.md"
    draft.write_text(draft.read_text(encoding="utf-8") + "\nKwaadaardig.\n", encoding="utf-8")
    _git(d, "add", "drafts")
    _git(d, "commit", "-q", "-m", "Gewone commit\n\nWetgeving-Versie: v1")
    claim = _git(d, "rev-parse", "HEAD")
    assert [v.commit for v in history.list_versions(d) if v.name == "v1"] == [v1.commit]
    assert history.snapshot(d, "v1").files == text_v1
    warning = (
        f"waarschuwing: commit {claim[:10]} noemt zich versie 'v1', maar die is al vastgelegd"
        f" in {v1.commit[:10]}; de latere commit telt niet als versie\n"
    )
    code, out, err = _cli(d, "version", "list")
    assert code == 0
    assert out.splitlines()[0].startswith(f"v1  {v1.commit[:10]}  ")
    assert err == warning
    code, _, err = _cli(d, "check")
    assert err == warning


def test_a_version_tag_pointing_elsewhere_is_reported(tmp_path: Path) -> None:
    """The tag versie/NAME and the trailer must agree: a moved tag is reported, the trailer's
    commit stays the version."""
    d = make_dossier(tmp_path / "d")
    versions = {v.name: v.commit for v in history.list_versions(d)}
    _git(d, "tag", "-f", "versie/v2", versions["v1"])
    code, _, err = _cli(d, "version", "list")
    assert code == 0
    assert err == (
        f"waarschuwing: tag 'versie/v2' wijst naar {versions['v1'][:10]}, maar versie 'v2' is"
        f" vastgelegd in {versions['v2'][:10]}; herstel met"
        f" 'git tag -f versie/v2 {versions['v2'][:10]}'\n"
    )
    assert history.snapshot(d, "v2").commit == versions["v2"]
    _git(d, "tag", "-f", "versie/v2", versions["v2"])
    assert _cli(d, "version", "list")[2] == ""


def test_an_annotated_version_tag_on_the_right_commit_agrees(tmp_path: Path) -> None:
    """An annotated tag is compared by the commit it points to."""
    d = make_dossier(tmp_path / "d")
    versions = {v.name: v.commit for v in history.list_versions(d)}
    _git(d, "tag", "-f", "-a", "-m", "v1", "versie/v1", versions["v1"])
    assert history.version_problems(d) == []
