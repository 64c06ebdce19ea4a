"""`wetgeving respond -i`: ask for every field of a response at the keyboard (only typer here).

Each answer is checked at once and asked again when wrong, so nothing typed is lost; texts may
span lines (end with an empty line) or be written in `$EDITOR`; before anything is stored the
whole response is shown and must be confirmed.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import typer

from wetgeving.consultation import choices
from wetgeving.errors import UsageError, WetgevingError

KINDS = choices.listed(choices.KINDS)
CHANNELS = choices.listed(choices.CHANNELS)
_EDITOR_HELP = (
    "# Schrijf hieronder de tekst van het punt. Regels die met # beginnen worden weggelaten.\n"
    "# Sla op en sluit de editor om verder te gaan; een lege tekst vraagt opnieuw.\n"
)


def ask(question: str, check: Callable[[str], Any], default: str | None = None) -> Any:
    """Ask until the answer passes `check`: a wrong answer does not lose what came before."""
    while True:
        try:
            return check(typer.prompt(question, default=default))
        except WetgevingError as err:
            typer.echo(f"fout: {err.message}", err=True)


def editor() -> str:
    """The editor the person set (`$VISUAL`, else `$EDITOR`), "" when none."""
    return os.environ.get("VISUAL", "").strip() or os.environ.get("EDITOR", "").strip()


def editor_argv(command: str, path: str, windows: bool = os.name == "nt") -> list[str]:
    """The program and arguments of `$EDITOR`, then the file to edit.

    On Windows the command is split the Windows way (backslashes in a path kept), and a program
    path with spaces written in double quotes, as Windows writes it ("C:\\Program Files\\...
    \\notepad++.exe" -multiInst), loses its quotes: subprocess quotes it again itself.
    """
    if not windows:
        return [*shlex.split(command), path]
    tokens = shlex.split(command, posix=False)
    return [t[1:-1] if len(t) > 1 and t[0] == t[-1] == '"' else t for t in tokens] + [path]


def _in_editor(command: str) -> str:
    fd, name = tempfile.mkstemp(prefix="wetgeving-punt-", suffix=".txt")
    path = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(_EDITOR_HELP)
        argv = editor_argv(command, str(path))
        try:
            done = subprocess.run(argv, check=False)
        except OSError as exc:
            raise UsageError(f"editor '{command}' start niet ({exc.strerror or exc})") from None
        if done.returncode != 0:
            raise UsageError(f"editor '{command}' stopte met code {done.returncode}")
        text = path.read_text(encoding="utf-8", errors="replace")
    finally:
        path.unlink(missing_ok=True)
    return "\n".join(line for line in text.splitlines() if not line.startswith("#")).strip()


def text(label: str, check: Callable[[str], str]) -> str:
    """Ask for a text of one or more lines: in `$EDITOR` when set, else line by line until an
    empty line."""
    command = editor()
    while True:
        if command:
            typer.echo(f"{label}: de tekst wordt geopend in {command}", err=True)
            value = _in_editor(command)
        else:
            lines = [typer.prompt(f"{label} (meerdere regels; sluit af met een lege regel)")]
            while True:
                line = typer.prompt("", default="", show_default=False, prompt_suffix="")
                if not line.strip():
                    break
                lines.append(line)
            value = "\n".join(lines)
        try:
            return check(value)
        except WetgevingError as err:
            typer.echo(f"fout: {err.message}", err=True)


def respond(
    d: Any,
    respondent: str | None,
    organisation: str,
    place: str,
    kind: str | None,
    channel: str,
    openbaar: bool | None,
    version: str | None,
    date: str | None,
) -> tuple[Any, tuple[str, ...]] | None:
    """Ask for a whole response, show it and ask to confirm; None when the person declines."""
    import datetime as dt

    from wetgeving.consultation import listing, model, privacy, provisions, record, tabular

    name = respondent or ask(
        "Naam van de indiener", lambda v: privacy.check_field("respondent", v, required=True)
    )
    org = organisation or ask(
        "Organisatie (leeg voor een burger)", lambda v: privacy.check_field("organisatie", v), ""
    )
    where = place or ask("Plaats", lambda v: privacy.check_field("plaats", v), "")
    soort = kind or ask(
        f"Soort ({KINDS})",
        lambda v: model.check_choice("soort", v, model.KINDS),
        "organisatie" if org else "burger",
    )
    kanaal = ask(
        f"Kanaal ({CHANNELS})", lambda v: model.check_choice("kanaal", v, model.CHANNELS), channel
    )
    public = openbaar if openbaar is not None else ask(
        "Openbaar met naam (ja/nee)", model.check_openbaar, "nee"
    )  # fmt: skip
    if version:
        linker = provisions.linker(d, version)
    else:
        linker = ask(
            "Geconsulteerde versie",
            lambda v: provisions.linker(d, v),
            provisions.default_version(d),
        )
    when = date or ask(
        "Datum van ontvangst (22-11-2026 of 2026-11-22)",
        tabular.parse_date,
        dt.date.today().isoformat(),
    )
    pairs: list[tuple[str, str]] = []
    while True:
        ref = typer.prompt(
            f"Punt {len(pairs) + 1}: bepaling (of 'algemeen'; leeg om te stoppen)",
            default="",
            show_default=False,
        )
        if not ref.strip():
            if pairs:
                break
            typer.echo("fout: geef minstens één punt", err=True)
            continue
        try:
            linker.link(ref, strict=True)
        except WetgevingError as err:
            typer.echo(f"fout: {err.message}", err=True)
            continue
        what = f"punt {len(pairs) + 1}"

        def check(value: str, what: str = what) -> str:
            return model.check_text(value, what)

        pairs.append((ref, text("Tekst", check)))
    response, notices = record.build(linker, name, org, where, soort, kanaal, public, when, pairs)
    typer.echo("\nDeze reactie wordt vastgelegd:")
    for line in listing.show_lines(response)[1:]:
        typer.echo(f"  {line}" if line else "")
    if not ask("Vastleggen? (ja/nee)", model.check_openbaar, "ja"):
        return None
    return response, notices
