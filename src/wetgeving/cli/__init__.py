"""Command-line interface. Only typer is imported here; libraries load inside commands."""

from __future__ import annotations


def main() -> None:
    """Entry point of the `wetgeving` command."""
    from wetgeving.cli.app import app
    from wetgeving.cli.common import run

    try:
        run(app)
    finally:
        # The process ends here. Moving every object out of the collector's reach spares the
        # full collection at interpreter exit, which for the parsed trees of a whole code costs
        # as much as comparing them. Not done by tests, which run commands in one process.
        import gc

        gc.freeze()
