"""Command-line interface. Only typer is imported here; libraries load inside commands."""

from __future__ import annotations


def main() -> None:
    """Entry point of the `wetgeving` command."""
    from wetgeving.cli.app import app
    from wetgeving.cli.common import run

    run(app)
