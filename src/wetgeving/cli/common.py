"""What every command shares: the error mapping, the dossier option, output helpers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from typer.core import TyperGroup

from wetgeving.errors import WetgevingError


class _State:
    dossier: Path | None = None


state = _State()

HELP_TEXT = "Toon deze hulp en stop."


def _dutch_help(command: Any, ctx: Any) -> None:
    """Give click's built-in --help option a Dutch text, on this command and all below it."""
    option = command.get_help_option(ctx)
    if option is not None:
        option.help = HELP_TEXT
    # typer may ship its own copy of click: test for sub-commands rather than click.Group.
    subcommands = getattr(command, "commands", None)
    if isinstance(subcommands, dict):
        for sub in subcommands.values():
            _dutch_help(sub, ctx)


class WetgevingGroup(TyperGroup):
    """Root group: the one place that turns a WetgevingError into stderr and an exit code."""

    # Contexts and commands are typed Any: typer may vendor its own click, whose classes differ
    # from those of an installed click.

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except WetgevingError as err:
            typer.echo(f"fout: {err.message}", err=True)
            raise typer.Exit(err.exit_code) from None
        except KeyboardInterrupt:
            typer.echo("afgebroken", err=True)
            raise typer.Exit(130) from None

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = HELP_TEXT
        return option

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            _dutch_help(command, ctx)
        return command

    def list_commands(self, ctx: Any) -> list[str]:
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
