"""`wetgeving setup`, `wetgeving sync` and the merge driver git calls: working in a team."""

from pathlib import Path
from typing import Annotated

import typer

from wetgeving.cli.app import app
from wetgeving.cli.common import dossier


@app.command("setup")
def setup(
    prive: Annotated[
        str | None,
        typer.Option(
            "--prive",
            metavar="PAD",
            help="Bewaar niet-openbare reacties in deze aparte git-repository naast het dossier "
            "(gemaakt als ze ontbreekt; vastgelegd als [team] prive in wetgeving.toml).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Stel deze clone in voor teamwerk: git voegt drafts/*.md samen per artikel, lid en onderdeel.

    Zet het samenvoegprogramma in de git-configuratie van deze repository en, als die regel nog
    ontbreekt, in .gitattributes (vastgelegd in een commit). Nodig in elke nieuwe clone.
    """
    from wetgeving.mergedriver import setup as do_setup

    current = dossier()
    done = do_setup(current)
    typer.echo("samenvoegen per artikel ingesteld voor drafts/*.md")
    if done.commit is not None:
        typer.echo(f".gitattributes vastgelegd (commit {done.commit[:10]})")
    if prive is not None:
        from wetgeving.consultation.private import setup as private_setup

        made = private_setup(current, prive)
        what = "gemaakt" if made.created else "gevonden"
        typer.echo(f"privé-repository voor niet-openbare reacties {what}: {made.root}")
        if made.first_commit is not None:
            written = " en ".join(f"{made.root.name}/{name}" for name in made.written)
            typer.echo(f"{written} vastgelegd (commit {made.first_commit[:10]})")
        if made.config_commit is not None:
            sha = made.config_commit[:10]
            typer.echo(f"[team] prive in wetgeving.toml vastgelegd (commit {sha})")


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


@app.command("sync")
def sync(
    remote: Annotated[
        str | None,
        typer.Argument(
            metavar="REMOTE",
            help="De git-remote (standaard: die van de branch, anders origin).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Deel het werk met het team: haal op, voeg samen, verstuur de branch en de versies.

    Lokale commits die nog niet verstuurd zijn worden op het werk van de anderen gezet (rebase);
    zit er een vastgelegde versie bij, dan wordt samengevoegd (merge), zodat die versie precies de
    vastgelegde tekst houdt. Een versienaam die in twee clones is vastgelegd wordt geweigerd
    voordat er iets verstuurd is. Noemt het dossier een privé-repository ([team] prive), dan
    wordt die daarna net zo gesynchroniseerd, met haar eigen remote.
    """
    from wetgeving.sync import sync_all

    for prive, done in sync_all(dossier(), remote):
        where = f"privé-repository {prive}: " if prive else ""
        typer.echo(
            f"{where}gesynchroniseerd met {done.remote}/{done.branch}: {done.received} commit(s) "
            f"ontvangen, {done.sent} verstuurd ({done.how})"
        )
