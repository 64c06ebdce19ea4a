"""The root `wetgeving` app: global options and the list of command groups."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wetgeving import __version__
from wetgeving.cli import dutch
from wetgeving.cli.common import WetgevingGroup, state

dutch.install()

app = typer.Typer(
    cls=WetgevingGroup,
    help=(
        "wetgeving: conceptversies van wetsteksten beheren, vergelijken per artikel, lid en "
        "onderdeel, consultatiereacties vastleggen en een memorie van toelichting opstellen."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"wetgeving {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    dossier: Annotated[
        Path | None,
        typer.Option(
            "--dossier",
            metavar="PAD",
            help="Map van het dossier (standaard: zoeken vanaf de huidige map omhoog).",
            file_okay=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Toon het versienummer en stop.", callback=_version, is_eager=True
        ),
    ] = False,
) -> None:
    """Gemeenschappelijke opties."""
    state.dossier = dossier


# Command groups register themselves on `app` when imported; each module imports only typer.
from wetgeving.cli import commands  # noqa: E402,F401
