"""`wetgeving setup`, `wetgeving sync` and the merge driver git calls: working in a team."""

from pathlib import Path
from typing import Annotated

import typer

from wetgeving.cli.app import app
from wetgeving.cli.common import dossier


@app.command("setup")
def setup() -> None:
    """Stel deze clone in voor teamwerk: git voegt drafts/*.md samen per artikel, lid en onderdeel.

    Zet het samenvoegprogramma in de git-configuratie van deze repository en, als die regel nog
    ontbreekt, in .gitattributes (vastgelegd in een commit). Nodig in elke nieuwe clone.
    """
    from wetgeving.mergedriver import setup as do_setup

    done = do_setup(dossier())
    typer.echo("samenvoegen per artikel ingesteld voor drafts/*.md")
    if done.commit is not None:
        typer.echo(f".gitattributes vastgelegd (commit {done.commit[:10]})")


@app.command("merge-driver", hidden=True)
def merge_driver(
    base: Annotated[Path, typer.Argument(metavar="BASIS")],
    ours: Annotated[Path, typer.Argument(metavar="HIER")],
    theirs: Annotated[Path, typer.Argument(metavar="DAAR")],
    size: Annotated[int, typer.Argument(metavar="MARKERLENGTE")] = 7,
    path: Annotated[str, typer.Argument(metavar="PAD")] = "",
) -> None:
    """Voor git: voeg een conceptbestand samen per artikel, lid en onderdeel (%O %A %B %L %P)."""
    from wetgeving.mergedriver import run_driver

    if not run_driver(base, ours, theirs, path):
        raise typer.Exit(1)
