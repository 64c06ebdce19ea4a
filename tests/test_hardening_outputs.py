"""Hostile output paths: no command writes into .git/ or over the dossier's own files."""

from __future__ import annotations

import json
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


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_bundle_force_over_a_source_tree_with_a_manifest_json_is_refused(
    dossier: Dossier, tmp_path: Path
) -> None:
    """`bundle -o MAP --force` on a source tree holding a manifest.json deletes nothing."""
    tree = tmp_path / "broncode"
    (tree / "src").mkdir(parents=True)
    (tree / "manifest.json").write_text('{"name": "app", "version": "1.0"}\n', encoding="utf-8")
    (tree / "src" / "main.py").write_text("print('hallo')\n", encoding="utf-8")
    before = _tree(tree)
    code, _, err = run(dossier, "bundle", "v1", "-o", str(tree), "--force")
    assert code == 9
    assert err == (
        f"fout: {tree}: bestaat al en is geen bundelmap (manifest.json is onleesbaar);"
        " kies een ander pad\n"
    )
    assert _tree(tree) == before


def test_bundle_force_over_a_manifest_of_another_format_is_refused(
    dossier: Dossier, tmp_path: Path
) -> None:
    """A manifest.json that lists files but lacks the bundle's format tag is no bundle."""
    tree = tmp_path / "b"
    tree.mkdir()
    manifest = {"formaat": "iets-anders/1", "bestanden": [{"pad": "a.txt"}]}
    (tree / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    (tree / "a.txt").write_text("bewaren\n", encoding="utf-8")
    before = _tree(tree)
    code, _, err = run(dossier, "bundle", "v1", "-o", str(tree), "--force")
    assert code == 9
    assert err == (
        f"fout: {tree}: bestaat al en is geen bundelmap (manifest.json is niet van een bundel"
        " (wetgeving-bundel/1)); kies een ander pad\n"
    )
    assert _tree(tree) == before


def test_bundle_force_over_a_bundle_holding_an_unlisted_file_is_refused(
    dossier: Dossier, tmp_path: Path
) -> None:
    """An earlier bundle into which someone saved their own file is not replaced: that file is
    not the tool's to delete."""
    folder = tmp_path / "b"
    assert run(dossier, "bundle", "v1", "-o", str(folder))[0] == 0
    (folder / "notities.txt").write_text("eigen werk\n", encoding="utf-8")
    before = _tree(folder)
    code, _, err = run(dossier, "bundle", "geldend", "-o", str(folder), "--force")
    assert code == 9
    assert err == (
        f"fout: {folder}: bestaat al en is geen bundelmap (notities.txt staat niet in"
        " manifest.json); kies een ander pad\n"
    )
    assert _tree(folder) == before


def test_bundle_force_replaces_an_earlier_bundle(dossier: Dossier, tmp_path: Path) -> None:
    """A folder that is verifiably an earlier bundle is replaced; nothing else is left over."""
    folder = tmp_path / "b"
    assert run(dossier, "bundle", "v1", "-o", str(folder))[0] == 0
    assert run(dossier, "bundle", "geldend", "-o", str(folder), "--force")[0] == 0
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["versie"] == "geldend"
    listed = {e["pad"] for e in manifest["bestanden"]} | {"manifest.json"}
    assert set(_tree(folder)) == listed
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b", "d"]
