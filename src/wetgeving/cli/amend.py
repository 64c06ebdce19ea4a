"""`wetgeving amend` and `wetgeving apply`: the amending bill, written and applied."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from wetgeving.cli.app import app
from wetgeving.cli.common import dossier
from wetgeving.errors import AmendError


def _problems(err: AmendError) -> None:
    for line in err.problems:
        typer.echo(line, err=True)


@app.command("apply")
def apply_command(
    version: Annotated[
        str,
        typer.Argument(metavar="VERSIE", help="Versie, git-revisie of 'werk' om op toe te passen."),
    ],
    instructions: Annotated[
        Path,
        typer.Argument(
            metavar="OPDRACHTEN",
            help="Tekst- of Markdownbestand met de wijzigingsopdrachten, zoals gepubliceerd.",
        ),
    ],
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="Niets schrijven; toon de nieuwe tekst."),
    ] = False,
    force: Annotated[
        bool,
        typer.Option("--force", help="Schrijf ook als drafts/ niet-vastgelegde wijzigingen bevat."),
    ] = False,
) -> None:
    """Pas gepubliceerde wijzigingsopdrachten toe op een versie en schrijf het resultaat in drafts/.

    Leest de opdrachten zoals ze op officielebekendmakingen.nl staan (met of zonder 'ARTIKEL I'
    en onderdeelletters, «», "" of “” als aanhalingstekens, beide stijlen van 'vervangen
    door'). Elke opdracht die niet uit te voeren is, wordt met haar regel gemeld; dan wordt
    niets geschreven.
    """
    from wetgeving.amend.drafts import apply_file

    try:
        result = apply_file(dossier(), version, instructions, dry_run=dry_run, force=force)
    except AmendError as err:
        _problems(err)
        raise
    count = result.instructions
    noun = "wijzigingsopdracht" if count == 1 else "wijzigingsopdrachten"
    if dry_run:
        many = len(result.files) > 1
        for path, data in result.files.items():
            if many:
                sys.stdout.write(f"==> {path} <==\n")
            sys.stdout.write(data.decode("utf-8"))
        sys.stdout.flush()
        typer.echo(
            f"{count} {noun} toegepast op versie {result.version}; niets geschreven (--dry-run)",
            err=True,
        )
        return
    written = ", ".join(sorted(result.files)) or "niets gewijzigd"
    typer.echo(f"{count} {noun} toegepast op versie {result.version}; geschreven: {written}")
    for path in result.removed:
        typer.echo(f"verwijderd: {path} (hoort niet bij versie {result.version})")
