"""Helpers for the consultation tests: a real dossier in git with concept versions v1 and v2."""

from __future__ import annotations

import shutil
from pathlib import Path

from wetgeving import dossier as dossier_mod
from wetgeving import gitrepo, history

FIXTURES = Path(__file__).parent / "fixtures"


def make_dossier(root: Path, versions: tuple[str, ...] = ("v1", "v2")) -> dossier_mod.Dossier:
    """Create a dossier in git with the fixture drafts recorded as the given versions."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "wetgeving.toml").write_text(
        dossier_mod.config_text("Mensenhandel (test)", "Wetboek van Strafrecht", "BWBR0001854"),
        encoding="utf-8",
    )
    for folder in ("drafts", "consultation_responses"):
        (root / folder).mkdir(exist_ok=True)
    gitrepo.init_repository(root)
    d = dossier_mod.load(root)
    for name in versions:
        shutil.copyfile(FIXTURES / "drafts" / f"{name}.md", root / "drafts" / "273f.md")
        history.create_version(d, name, f"Versie {name}")
    return d


def response_files(d: dossier_mod.Dossier) -> list[Path]:
    """The response files in the dossier, sorted."""
    return sorted((Path(d.root) / "consultation_responses").glob("*.md"))


def commits(d: dossier_mod.Dossier) -> list[str]:
    """Commit subjects, newest first."""
    import subprocess

    out = subprocess.run(
        ["git", "log", "--format=%s"], cwd=d.root, capture_output=True, text=True, check=True
    )
    return out.stdout.splitlines()


def committed_files(d: dossier_mod.Dossier, rev: str = "HEAD") -> list[str]:
    """Paths changed by one commit."""
    import subprocess

    out = subprocess.run(
        ["git", "show", "--name-only", "--format=", rev],
        cwd=d.root, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return [line for line in out.stdout.splitlines() if line]


def status(d: dossier_mod.Dossier) -> str:
    """`git status --porcelain` of the dossier."""
    import subprocess

    return subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=d.root, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
