"""Hostile output paths: no command writes into .git/ or over the dossier's own files."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from test_documents_support import make_dossier
from wetgeving.cli.app import app
from wetgeving.dossier import Dossier

runner = CliRunner()
SR_2013 = Path(__file__).parent / "fixtures" / "bwb" / "BWBR0001854-2013-11-16.xml"


@pytest.fixture
def dossier(tmp_path: Path) -> Dossier:
    return make_dossier(tmp_path / "d", ("geldend", "v1"))


def run(d: Dossier, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--dossier", str(d.root), *args])
    return result.exit_code, result.stdout, result.stderr


def test_import_bwb_output_git_config_force_is_refused(dossier: Dossier) -> None:
    """`import bwb -o .git/config --force` leaves the repository's configuration alone."""
    config = dossier.root / ".git" / "config"
    before = config.read_bytes()
    code, out, err = run(
        dossier, "import", "bwb", str(SR_2013), "-a", "273f", "-o", str(config), "--force"
    )
    assert (code, out) == (2, "")
    assert err == f"fout: {config}: schrijven in .git/ is niet toegestaan; dat doet alleen git\n"
    assert config.read_bytes() == before


def test_import_bwb_output_wetgeving_toml_force_is_refused(dossier: Dossier) -> None:
    """`import bwb -o wetgeving.toml --force` keeps the dossier's configuration."""
    config = dossier.root / "wetgeving.toml"
    before = config.read_bytes()
    code, out, err = run(
        dossier, "import", "bwb", str(SR_2013), "-a", "273f", "-o", str(config), "--force"
    )
    assert (code, out) == (2, "")
    assert err == (
        f"fout: {config}: import schrijft alleen een .md-bestand onder drafts/ van het dossier\n"
    )
    assert config.read_bytes() == before


def test_import_bwb_output_through_a_link_into_git_is_refused(dossier: Dossier) -> None:
    """A draft that is a link to .git/config is not written through."""
    link = dossier.drafts / "x.md"
    try:
        link.symlink_to(dossier.root / ".git" / "config")
    except (OSError, NotImplementedError) as exc:
        pytest.skip(f"no symbolic links here: {exc}")
    before = (dossier.root / ".git" / "config").read_bytes()
    code, _, err = run(
        dossier, "import", "bwb", str(SR_2013), "-a", "273f", "-o", str(link), "--force"
    )
    assert code == 2
    assert err == f"fout: {link}: schrijven in .git/ is niet toegestaan; dat doet alleen git\n"
    assert (dossier.root / ".git" / "config").read_bytes() == before


def test_import_bwb_output_over_a_template_or_response_is_refused(dossier: Dossier) -> None:
    """Inside the dossier an imported draft goes under drafts/ only, never over a template or
    into consultation_responses/."""
    for target in (dossier.templates / "mvt.md.j2", dossier.responses / "R-1.md"):
        code, _, err = run(dossier, "import", "bwb", str(SR_2013), "-a", "273f", "-o", str(target))
        assert code == 2
        assert err == (
            f"fout: {target}: import schrijft alleen een .md-bestand onder drafts/"
            " van het dossier\n"
        )
        assert not target.exists()


def test_mvt_output_into_git_or_over_wetgeving_toml_is_refused(dossier: Dossier) -> None:
    """Documents are never written into .git/ or over wetgeving.toml, --force or not."""
    hook = dossier.root / ".git" / "hooks" / "post-commit"
    code, _, err = run(dossier, "mvt", "v1", "-o", str(hook), "--force")
    assert code == 9
    assert err.endswith(
        f"fout: {hook}: uitvoer in .git/ is niet toegestaan; kies een pad buiten .git/\n"
    )
    assert not hook.exists()
    config = dossier.root / "wetgeving.toml"
    before = config.read_bytes()
    code, _, err = run(dossier, "mvt", "v1", "-o", str(config), "--format", "markdown", "--force")
    assert code == 9
    assert err.endswith(
        f"\nfout: {config}: dit is de instelling van het dossier; kies een ander pad\n"
    )
    assert config.read_bytes() == before
