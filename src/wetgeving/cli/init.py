"""`wetgeving init`: create a new dossier (and a git repository when needed)."""

from pathlib import Path
from typing import Annotated

import typer

from wetgeving.cli.app import app


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
    from wetgeving.newdossier import create

    made = create(path, titel, regeling, bwb)
    if made.commit is None:
        typer.echo(f"dossier gemaakt in {made.root}")
    else:
        typer.echo(
            f"dossier gemaakt in {made.root} (nieuwe git-repository, "
            f"eerste commit {made.commit[:10]})"
        )
