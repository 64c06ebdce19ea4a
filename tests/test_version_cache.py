"""`wetgeving version create` caches the parsed text, so a later diff does not parse it."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from test_consultation_support import make_dossier
from wetgeving import history
from wetgeving.cli.app import app

FIXTURES = Path(__file__).parent / "fixtures"


def test_version_create_fills_the_parse_cache(tmp_path: Path) -> None:
    """The recorded blob's parse tree is cached under .git/wetgeving-cache after create."""
    d = make_dossier(tmp_path / "d", versions=("v1",))
    cache = d.root / ".git" / "wetgeving-cache"
    shutil.rmtree(cache, ignore_errors=True)
    shutil.copyfile(FIXTURES / "drafts" / "v2.md", d.root / "drafts" / "273f.md")
    result = CliRunner().invoke(
        app, ["--dossier", str(d.root), "version", "create", "v2", "-m", "Tweede concept"]
    )
    assert result.exit_code == 0, result.output
    blob = history.snapshot(d, "v2").blobs["drafts/273f.md"]
    assert [p.name.split("-")[0] for p in cache.glob("*.pickle")] == [blob]
