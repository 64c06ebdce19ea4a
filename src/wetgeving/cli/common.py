"""What every command shares: the error mapping, the dossier option, output helpers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from wetgeving.errors import WetgevingError


def _in_workflow(names: Any) -> list[str]:
    """Command names in the lawyer's workflow order; any other name after them."""
    return sorted(names, key=lambda n: WORKFLOW.index(n) if n in WORKFLOW else len(WORKFLOW))


class _State:
    dossier: Path | None = None


state = _State()

HELP_TEXT = "Toon deze hulp en stop."
# The order of `wetgeving --help`: the lawyer's workflow, commands and groups mixed.
WORKFLOW = (
    "init",
    "setup",
    "sync",
    "version",
    "check",
    "fmt",
    "show",
    "import",
    "diff",
    "amend",
    "apply",
    "respond",
    "responses",
    "mvt",
    "verslag",
    "bundle",
)


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


def utf8_output() -> None:
    """Write UTF-8 to stdout and stderr when they go to a file or a pipe, not to a console.

    On Windows Python encodes a redirected stream in the ANSI code page (cp1252): the HTML
    renvooi of `diff --format html > renvooi.html` declares UTF-8 but would not be, and a
    respondent named "Łukasz" would stop `responses list > lijst.txt` with a traceback. A console
    already gets Unicode from Python. An encoding the user set in PYTHONIOENCODING is kept (an
    error handler alone, ":replace", is kept with UTF-8).
    """
    import os
    import sys

    chosen = "" if sys.flags.ignore_environment else os.environ.get("PYTHONIOENCODING", "")
    if chosen.partition(":")[0].strip():
        return
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)  # None under pythonw; or not a file
        try:
            if reconfigure is None or stream.isatty():
                continue
            reconfigure(encoding="utf-8", errors=stream.errors)
        except (OSError, ValueError):  # a closed stream: nothing will be written to it
            continue


class WetgevingGroup(TyperGroup):
    """Root group: the one place that sets the output encoding (`utf8_output`) and turns a
    WetgevingError into stderr and an exit code."""

    # Contexts and commands are typed Any: typer may vendor its own click, whose classes differ
    # from those of an installed click.

    def main(self, *args: Any, **kwargs: Any) -> Any:
        utf8_output()  # before anything is written: help, usage errors and commands alike
        return super().main(*args, **kwargs)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except WetgevingError as err:
            typer.echo(f"fout: {err.message}", err=True)
            raise typer.Exit(err.exit_code) from None
        except (KeyboardInterrupt, typer.Abort):
            # click turns Ctrl-C and Ctrl-D at a prompt into Abort ("Aborted!" in English).
            typer.echo("afgebroken", err=True)
            raise typer.Exit(130) from None

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = HELP_TEXT
        return option

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        # Filled by `run()`: commands built only when used, so `wetgeving --help` stays fast.
        self.lazy: dict[str, tuple[str, bool, Callable[[], Any]]] = {}
        self.order: list[str] = []

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is None and cmd_name in self.lazy:
            command = self.lazy.pop(cmd_name)[2]()
            self.commands[cmd_name] = command
        if command is not None:
            _dutch_help(command, ctx)
        return command

    def list_commands(self, ctx: Any) -> list[str]:
        return _in_workflow(self.order or self.commands)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        # Unbuilt commands are listed through stand-ins that carry only their help text.
        stand_ins = {
            name: TyperCommand(name=name, help=help_text, hidden=hidden)
            for name, (help_text, hidden, _) in self.lazy.items()
        }
        self.commands.update(stand_ins)
        try:
            super().format_commands(ctx, formatter)
        finally:
            for name in stand_ins:
                del self.commands[name]


def _plain(value: Any) -> Any:
    return getattr(value, "value", value)  # typer wraps defaults in DefaultPlaceholder


def run(app: typer.Typer) -> Any:
    """Run the root app, building a command group only when it is used.

    typer builds every command (inspecting every signature) before parsing anything; for
    `wetgeving --help` that costs more than all the rest. Tests use the ordinary eager build.
    """
    import inspect

    import typer.main as typer_main

    commands, groups = app.registered_commands, app.registered_groups
    lazy: dict[str, tuple[str, bool, Callable[[], Any]]] = {}
    try:
        for info in commands:
            name = info.name or typer_main.get_command_name(info.callback.__name__)  # type: ignore[union-attr]

            def build_command(info: Any = info) -> Any:
                return typer_main.get_command_from_info(
                    info,
                    pretty_exceptions_short=app.pretty_exceptions_short,
                    rich_markup_mode=app.rich_markup_mode,
                )

            text = info.short_help or info.help or inspect.getdoc(info.callback) or ""
            lazy[name] = (text, bool(info.hidden), build_command)
        for group in groups:
            sub = group.typer_instance
            assert sub is not None
            name = _plain(group.name) or _plain(sub.info.name)
            callback = sub.registered_callback.callback if sub.registered_callback else None
            text = (
                _plain(group.help)
                or _plain(sub.info.help)
                or (inspect.getdoc(callback) if callback else None)
                or ""
            )

            def build_group(group: Any = group) -> Any:
                return typer_main.get_group_from_info(
                    group,
                    pretty_exceptions_short=app.pretty_exceptions_short,
                    rich_markup_mode=app.rich_markup_mode,
                    suggest_commands=app.suggest_commands,
                )

            lazy[name] = (text, bool(_plain(group.hidden) or _plain(sub.info.hidden)), build_group)
        app.registered_commands, app.registered_groups = [], []
        root = typer_main.get_command(app)
    except (AttributeError, TypeError, AssertionError):  # another typer: build it all, as usual
        root = None
    finally:
        app.registered_commands, app.registered_groups = commands, groups
    if not isinstance(root, WetgevingGroup):
        return app()
    root.lazy = lazy
    root.order = list(lazy)
    return root()


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


# Control characters a terminal acts on (C0 except tab and newline, DEL, C1, line separators).
_CONTROL = "".join(chr(c) for c in [*range(0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)])
_CONTROL += "\u2028\u2029"


def visible(text: str, keep_colour: bool = False) -> str:
    """Show control characters from a draft as `\\x1b`-style escapes before they reach a terminal.

    A draft may hold escape sequences (`ESC]0;...BEL` sets the window title, others rewrite the
    screen). With `keep_colour` the SGR colour codes the diff writes itself (`ESC[...m`) stay.
    """
    import re

    if all(c not in _CONTROL for c in text):  # fast path: plain text
        return text
    pattern = r"\x1b\[[0-9;]*m|([" + re.escape(_CONTROL) + "])"

    def escape(m: re.Match[str]) -> str:
        if m.group(1) is None:
            return m.group() if keep_colour else m.group().encode("unicode_escape").decode()
        char = m.group(1)
        return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"

    return re.sub(pattern, escape, text)
