"""`wetgeving init`: create a new dossier (and a git repository when needed)."""

import os
import re
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from wetgeving.cli.app import app
from wetgeving.errors import DossierError, UsageError

_BWB = re.compile(r"BWBR\d{7}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
KEEP = ".gitkeep"


def _check_text(option: str, value: str) -> str:
    text = value.strip()
    if not text or _CONTROL.search(text):
        raise UsageError(f"{option} '{value}': geef één regel tekst zonder stuurtekens")
    return text


def _write_new(path: Path, text: str) -> None:
    """Write a file that must not exist yet, atomically."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".wetgeving-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.link(tmp, path)  # fails if the file appeared meanwhile: never overwrite
    finally:
        os.unlink(tmp)


def _copy_templates(dest: Path) -> list[Path]:
    try:
        from wetgeving.documents.templates import copy_defaults
    except ImportError:
        return []
    return list(copy_defaults(dest))


@app.command("init")
def init(
    path: Annotated[
        Path,
        typer.Argument(metavar="PAD", help="Map voor het nieuwe dossier (wordt zo nodig gemaakt)."),
    ],
    titel: Annotated[
        str,
        typer.Option(
            "--titel",
            metavar="TEKST",
            help="Titel van het wetsvoorstel (standaard: in te vullen).",
            show_default=False,
        ),
    ] = "Wetsvoorstel (titel nog in te vullen)",
    regeling: Annotated[
        str,
        typer.Option(
            "--regeling",
            metavar="NAAM",
            help="Naam van de regeling die wordt gewijzigd (standaard: Wetboek van Strafrecht).",
            show_default=False,
        ),
    ] = "Wetboek van Strafrecht",
    bwb: Annotated[
        str,
        typer.Option(
            "--bwb",
            metavar="BWBR...",
            help="BWB-id van die regeling (standaard: BWBR0001854).",
            show_default=False,
        ),
    ] = "BWBR0001854",
) -> None:
    """Maak een nieuw dossier in PAD: wetgeving.toml, drafts/, consultation_responses/, templates/.

    Staat PAD niet in een git-repository, dan wordt er een gemaakt en wordt het nieuwe dossier de
    eerste commit. Een bestaand dossier wordt nooit overschreven.
    """
    from wetgeving import dossier as dossier_mod
    from wetgeving import history

    title = _check_text("--titel", titel)
    regulation = _check_text("--regeling", regeling)
    if not _BWB.fullmatch(bwb):
        raise UsageError(f"--bwb '{bwb}': een BWB-id is BWBR gevolgd door 7 cijfers (BWBR0001854)")
    root = path.resolve()
    config = root / dossier_mod.CONFIG
    if root.exists() and not root.is_dir():
        raise UsageError(f"{path}: bestaat al en is geen map")
    if config.exists():
        raise DossierError(f"{config}: hier staat al een dossier; kies een andere map")
    # Ask git first: when git is missing nothing is written at all.
    in_repo = history.repository_root(root) is not None
    root.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for folder in (dossier_mod.DRAFTS, dossier_mod.RESPONSES, dossier_mod.TEMPLATES):
        (root / folder).mkdir(exist_ok=True)
    templates = _copy_templates(root / dossier_mod.TEMPLATES)
    for folder in (dossier_mod.DRAFTS, dossier_mod.RESPONSES, dossier_mod.TEMPLATES):
        target = root / folder
        if not any(target.iterdir()):
            # git does not keep empty folders; a clone must still have them.
            (target / KEEP).touch()
            written.append(target / KEEP)
    written.extend(templates)
    try:
        _write_new(config, dossier_mod.config_text(title, regulation, bwb))
    except FileExistsError:
        raise DossierError(f"{config}: hier staat al een dossier; kies een andere map") from None
    written.append(config)
    if in_repo:
        typer.echo(f"dossier gemaakt in {root}")
        return
    history.init_repository(root)
    new = dossier_mod.load(root)
    commit = history.commit_paths(new, written, "Nieuw dossier: " + title)
    typer.echo(f"dossier gemaakt in {root} (nieuwe git-repository, eerste commit {commit[:10]})")
