"""`wetgeving amend` and `wetgeving apply`: the amending bill, written and applied."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from wetgeving.cli.app import app
from wetgeving.cli.common import dossier
from wetgeving.errors import AmendError, UsageError


class Format(StrEnum):
    """Output formats of `wetgeving amend`."""

    text = "text"
    markdown = "markdown"
    json = "json"
    docx = "docx"
    html = "html"


class Stijl(StrEnum):
    """Quoting style: current Ar 6.9 (2018) or the Ar 233 of before 2018."""

    s2018 = "2018"
    klassiek = "klassiek"


_SUFFIX = {".txt": "text", ".md": "markdown", ".json": "json", ".docx": "docx", ".html": "html"}


@app.command("amend")
def amend_command(
    old: Annotated[
        str, typer.Argument(metavar="OUD", help="Versie die wordt gewijzigd (of git-revisie).")
    ],
    new: Annotated[
        str, typer.Argument(metavar="NIEUW", help="Versie die het resultaat is, of 'werk'.")
    ],
    article: Annotated[
        list[str] | None,
        typer.Option(
            "--article",
            "--artikel",
            "-a",
            metavar="ARTIKEL",
            help="Alleen dit artikel; herhaalbaar.",
        ),
    ] = None,
    stijl: Annotated[
        Stijl,
        typer.Option(
            "--stijl",
            help="2018: «A» vervangen door «B» (Ar 6.9); klassiek: vervangen door: B (oud Ar 233).",
        ),
    ] = Stijl.s2018,
    fmt: Annotated[
        Format | None,
        typer.Option(
            "--format",
            "-f",
            help="text, markdown, json, docx of html (standaard: naar -o, anders text).",
        ),
    ] = None,
    out: Annotated[
        Path | None, typer.Option("-o", "--output", metavar="PAD", help="Schrijf naar dit bestand.")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overschrijf een bestaand bestand.")
    ] = False,
) -> None:
    """Stel de wijzigingsopdrachten op die versie OUD in versie NIEUW veranderen (Ar 6.x).

    ARTIKEL I met de naam van de regeling uit wetgeving.toml, onderdelen A, B, ... per artikel,
    de formules van de Aanwijzingen voor de regelgeving. De opdrachten worden altijd
    gecontroleerd: toegepast op OUD moeten ze precies NIEUW geven, anders faalt de opdracht en
    noemt ze de bepaling.
    """
    from wetgeving.amend.build import amend

    chosen = (
        fmt.value if fmt is not None else _SUFFIX.get(out.suffix.lower(), "") if out else "text"
    )
    if not chosen:
        assert out is not None
        raise UsageError(
            f"{out}: onbekende extensie '{out.suffix}'; kies .txt, .md, .json, .docx of .html, "
            "of geef --format"
        )
    if chosen == "docx" and out is None:
        raise UsageError("Word-uitvoer gaat naar een bestand: geef -o BESTAND.docx")
    current = dossier()
    amendment = amend(current, old, new, tuple(article or ()), stijl.value)
    data = _render(current, amendment, chosen)
    if out is None:
        sys.stdout.write(data.decode("utf-8"))
        sys.stdout.flush()
        return
    from wetgeving.documents import output

    target = output.check_target(out, current.root, force)
    output.write_atomic(target, data)
    typer.echo(f"geschreven: {out}", err=True)


def _render(current: object, amendment: object, fmt: str) -> bytes:
    if fmt == "json":
        from wetgeving.amend.output import render_json

        return render_json(amendment).encode("utf-8")  # type: ignore[arg-type]
    if fmt in ("html", "docx"):
        from wetgeving.documents.build import amending_bill

        return amending_bill(current, amendment, fmt)  # type: ignore[arg-type]
    from wetgeving.amend.render import render_markdown, render_text

    bill = amendment.bill  # type: ignore[attr-defined]
    return (render_markdown(bill) if fmt == "markdown" else render_text(bill)).encode("utf-8")


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
