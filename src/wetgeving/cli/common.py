"""What every command shares: the error mapping, the dossier option, output helpers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
import typer
from typer.core import TyperGroup

from wetgeving.errors import WetgevingError


class _State:
    dossier: Path | None = None


state = _State()


class WetgevingGroup(TyperGroup):
    """Root group: the one place that turns a WetgevingError into stderr and an exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except WetgevingError as err:
            typer.echo(f"fout: {err.message}", err=True)
            raise typer.Exit(err.exit_code) from None
        except KeyboardInterrupt:
            typer.echo("afgebroken", err=True)
            raise typer.Exit(130) from None

    def list_commands(self, ctx: click.Context) -> list[str]:
        # Keep commands in the order they were registered, which follows the lawyer's workflow.
        return list(self.commands)


def dossier() -> Any:
    """Return the current dossier (from --dossier or by walking up from the current folder)."""
    from wetgeving import dossier as dossier_mod

    return dossier_mod.find(explicit=state.dossier)


def new_app(help_text: str) -> typer.Typer:
    """Return a sub-app with the house settings."""
    return typer.Typer(
        help=help_text,
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )
