"""Dutch for the parts of the help and error output that typer's bundled click writes itself.

typer ships its own copy of click whose usage line, section headings and usage errors are fixed
English strings; lawyers get the whole CLI in Dutch, so those few strings are translated here.
"""

from __future__ import annotations

import re
import sys
from typing import IO, Any

import typer.core as typer_core
from typer._click import core as click_core
from typer._click import exceptions, formatting

_HEADINGS = {
    "Options": "Opties",
    "Commands": "Opdrachten",
    "Arguments": "Argumenten",
}
_WORDS = {"required": "verplicht", "default: {default}": "standaard: {default}"}
# Patterns as text: compiled (and cached by `re`) only when a message needs translating.
_MESSAGES: list[tuple[str, str]] = [
    # The second group is click's suggestion ("Did you mean", or "(Possible options: ...)").
    (
        r"^No such option: (.*?)(?: Did you mean (.*)\?| \(Possible options: (.*)\))?$",
        "onbekende optie {0}",
    ),
    (r"^No such command '(.*)'\.$", "onbekende opdracht '{0}'"),
    (r"^Missing argument '(.*)'\.$", "argument {0} ontbreekt"),
    (r"^Missing option '(.*)'\.$", "optie {0} ontbreekt"),
    (r"^Missing parameter: (.*)$", "waarde voor {0} ontbreekt"),
    (r"^Option '(.*)' requires an argument\.$", "optie {0} vereist een waarde"),
    (r"^Option '(.*)' does not take a value\.$", "optie {0} neemt geen waarde"),
    (
        r"^Got unexpected extra argument(?:s|\(s\))? \((.*)\)$",
        "onverwacht extra argument: {0}",
    ),
    (r"^Invalid value for (.*?): (.*)$", "ongeldige waarde voor {0}: {1}"),
]
_DETAILS: list[tuple[str, str]] = [
    (r"'(.*)' is not one of (.*)\.$", "'{0}' is niet een van {1}"),
    (r"'(.*)' is not a valid integer\.$", "'{0}' is geen geheel getal"),
    (r"(?:File|Directory|Path) '(.*)' does not exist\.$", "'{0}' bestaat niet"),
    (r"(?:Directory|Path) '(.*)' is a file\.$", "'{0}' is een bestand, geen map"),
    (r"(?:File|Path) '(.*)' is a directory\.$", "'{0}' is een map, geen bestand"),
]


def translate(message: str) -> str:
    """Return the Dutch form of one of click's usage-error messages (or the message itself)."""
    for pattern, dutch in _MESSAGES:
        m = re.match(pattern, message)
        if m:
            parts = [translate_detail(p) if p else "" for p in m.groups()]
            text = dutch.format(*parts)
            if pattern.startswith("^No such option") and (m.group(2) or m.group(3)):
                text += f" (bedoelt u {m.group(2) or m.group(3)}?)"
            return text
    return message


def translate_detail(detail: str) -> str:
    """Return the Dutch form of the detail after "Invalid value for ...:"."""
    for pattern, dutch in _DETAILS:
        m = re.match(pattern, detail)
        if m:
            return dutch.format(*m.groups())
    return detail


# The placeholder click derives from an option's type when the option names none itself.
_TYPE_WORDS = {
    "<str>": "TEKST",
    "<text>": "TEKST",
    "<path>": "PAD",
    "<file>": "BESTAND",
    "<directory>": "MAP",
    "<integer>": "GETAL",
    "<int range>": "GETAL",
    "<float>": "GETAL",
}


def _dutch_metavar(text: str) -> str:
    """A Dutch placeholder for click's English one: `<str>` -> TEKST, `<a|b>` -> a|b."""
    dots = "..." if text.endswith("...") else ""
    core = text.removesuffix("...")
    if core in _TYPE_WORDS:
        return _TYPE_WORDS[core] + dots
    if core.startswith("<") and core.endswith(">") and "|" in core:
        return core[1:-1] + dots  # a choice: the values themselves are the placeholder
    return text


class _DutchFormatter(formatting.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        args = args.replace("[OPTIONS]", "[OPTIES]").replace(
            "COMMAND [ARGS]...", "OPDRACHT [ARGUMENTEN]..."
        )
        # typer writes a required argument as {NAAM}; a lawyer reads plain NAAM (optional ones
        # keep their [NAAM]).
        args = re.sub(r"\{([^{}]*)\}", r"\1", args)
        super().write_usage(prog, args, "Gebruik: " if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(_HEADINGS.get(heading, heading))


def _show_usage_error(self: Any, file: IO[Any] | None = None) -> None:
    out = file if file is not None else sys.stderr
    if self.ctx is not None:
        hint = ""
        if self.ctx.command.get_help_option(self.ctx) is not None:
            hint = f"Zie '{self.ctx.command_path} {self.ctx.help_option_names[0]}' voor hulp.\n"
        out.write(f"{self.ctx.get_usage()}\n{hint}\n")
    out.write(f"fout: {translate(self.format_message())}\n")


def install() -> None:
    """Switch the bundled click's usage line, headings, placeholders and usage errors to Dutch."""
    english = typer_core.TyperOption.make_metavar
    if getattr(english, "dutch", False):
        return

    def make_metavar(self: Any, ctx: Any) -> str:
        return _dutch_metavar(english(self, ctx))

    make_metavar.dutch = True  # type: ignore[attr-defined]
    typer_core.TyperOption.make_metavar = make_metavar  # type: ignore[method-assign]
    click_core.Context.formatter_class = _DutchFormatter
    exceptions.UsageError.show = _show_usage_error  # type: ignore[method-assign]
    typer_core._ = lambda message: _WORDS.get(message, message)  # type: ignore[attr-defined]
