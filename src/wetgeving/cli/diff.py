"""`wetgeving diff`: compare two versions per artikel, lid and onderdeel, word by word."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from wetgeving.cli.app import app
from wetgeving.cli.common import dossier


class Format(StrEnum):
    """Output formats of `wetgeving diff`."""

    text = "text"
    markdown = "markdown"
    html = "html"
    json = "json"
    docx = "docx"


def _colour() -> bool:
    """Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


@app.command("diff")
def diff(
    old: Annotated[
        str, typer.Argument(metavar="OUD", help="Oude versie: naam, git-revisie of 'werk'.")
    ],
    new: Annotated[
        str, typer.Argument(metavar="NIEUW", help="Nieuwe versie: naam, git-revisie of 'werk'.")
    ],
    article: Annotated[
        str | None,
        typer.Option(
            "--article",
            "--artikel",
            "-a",
            metavar="ARTIKEL",
            help="Alleen dit artikel, bijvoorbeeld 273f.",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        Format,
        typer.Option("--format", "-f", help="Uitvoer: text, markdown, html, json of docx."),
    ] = Format.text,
    out: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="Schrijf naar dit bestand (nodig bij docx).",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overschrijf een bestaand bestand.")
    ] = False,
    stat: Annotated[bool, typer.Option("--stat", help="Alleen tellingen per artikel.")] = False,
    exit_code: Annotated[
        bool,
        typer.Option("--exit-code", help="Afsluitcode 1 als er verschillen zijn (zoals git diff)."),
    ] = False,
) -> None:
    """Vergelijk twee versies per artikel, lid en onderdeel, woord voor woord.

    Vernummerde, ingevoegde, vervallen en verplaatste bepalingen worden als zodanig gemeld, met
    de oude en de nieuwe vindplaats. Interne verwijzingen die na een vernummering naar een ander
    lid wijzen, worden als waarschuwing gemeld. Afsluitcode 0, ook als er verschillen zijn;
    met --exit-code 1 als er verschillen zijn. Met --format docx -o renvooi.docx een Word-renvooi
    met bijgehouden wijzigingen (auteur en datum van de nieuwe versie).
    """
    if fmt is Format.docx:
        _word(old, new, article, out, force, exit_code)
        return
    from wetgeving.compare.revisions import compare_revisions

    current = dossier()
    target = None
    if out is not None:
        from wetgeving.documents.output import check_target

        target = check_target(out, current.root, force)  # refused before any work is done
    comparison = compare_revisions(current, old, new, article)
    if stat:
        from wetgeving.compare.formats import render_stat

        output = render_stat(comparison)
    elif fmt is Format.json:
        from wetgeving.compare.formats import render_json

        output = render_json(comparison)
    elif fmt is Format.markdown:
        from wetgeving.compare.formats import render_markdown

        output = render_markdown(comparison)
    elif fmt is Format.html:
        from wetgeving.compare.html import render_html

        output = render_html(comparison)
    else:
        from wetgeving.compare.formats import render_text

        output = render_text(comparison, colour=target is None and _colour())
    from wetgeving.cli.common import visible

    # Only the text forms reach a terminal; html/json/markdown escape or quote by themselves.
    if stat or fmt is Format.text:
        output = visible(output, keep_colour=True)
    if target is None:
        typer.echo(output, nl=False)
    else:
        from wetgeving.documents.output import write_atomic

        write_atomic(target, output.encode("utf-8"))
        typer.echo(f"geschreven: {out}", err=True)
    if exit_code and not comparison.empty:
        raise typer.Exit(1)


def _word(
    old: str,
    new: str,
    article: str | None,
    out: Path | None,
    force: bool,
    exit_code: bool,
) -> None:
    """The Word renvooi, written to -o (a Word file never goes to the terminal)."""
    from wetgeving.documents import build, output
    from wetgeving.errors import UsageError

    if out is None:
        raise UsageError("--format docx schrijft een Word-bestand: geef -o BESTAND.docx")
    if article is not None:
        raise UsageError("--article kan niet met --format docx: de Word-renvooi is het geheel")
    current = dossier()
    data, empty = build.renvooi_word(current, old, new)
    target = output.check_target(out, current.root, force)
    output.write_atomic(target, data)
    typer.echo(f"geschreven: {out}", err=True)
    if exit_code and not empty:
        raise typer.Exit(1)
