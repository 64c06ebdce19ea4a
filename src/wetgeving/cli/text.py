"""`wetgeving check`, `fmt`, `show` and `import bwb`: the draft texts themselves."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated, Any

import typer

from wetgeving import confine
from wetgeving.cli.app import app
from wetgeving.cli.common import dossier, new_app

import_app = new_app("Bestaande wetgeving inlezen als concepttekst.")
app.add_typer(import_app, name="import")

_FILES = typer.Argument(
    metavar="[BESTAND...]",
    help="Conceptbestanden (standaard: alle drafts/**/*.md van het dossier).",
    show_default=False,
)


def _shown(path: Path) -> str:
    """A path as the lawyer will recognise it: relative to the current folder when below it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else rel


def _files(given: list[Path] | None) -> list[tuple[Path, str]]:
    if given:
        return [(p, str(p)) for p in given]
    d = dossier()
    return [(p, _shown(p)) for p in confine.files(d.root, d.drafts, ".md")]


@app.command("check")
def check(files: Annotated[list[Path] | None, _FILES] = None) -> None:
    """Controleer concepten en meld elk probleem als 'bestand:regel: melding'.

    Gecontroleerd worden: de opbouw (koppen, leden, onderdelen), dubbele of verkeerd geordende
    nummers, gaten in de nummering van leden, de leestekens van opsommingen (Ar 3.59), lege
    bepalingen en interne verwijzingen die nergens naar wijzen. Afsluitcode 1 bij problemen.
    """
    from wetgeving.text.check import check_files

    report = check_files(_files(files))
    for problem in report.problems:
        typer.echo(str(problem))
    for warning in _version_problems():
        typer.echo(f"waarschuwing: {warning}", err=True)
    typer.echo(report.summary)
    if report.problems:
        raise typer.Exit(1)


def _version_problems() -> list[str]:
    """What does not add up in the versions of the dossier, when there is one in git."""
    from wetgeving import history
    from wetgeving.errors import WetgevingError

    try:
        return history.version_problems(dossier())
    except WetgevingError:
        return []  # `check` of loose files outside a dossier or outside git


@app.command("fmt")
def fmt(
    files: Annotated[list[Path] | None, _FILES] = None,
    check_only: Annotated[
        bool,
        typer.Option("--check", help="Niets herschrijven; afsluitcode 1 als iets zou veranderen."),
    ] = False,
) -> None:
    """Herschrijf concepten in de standaardvorm (nogmaals draaien verandert niets).

    Een bestand dat niet te lezen is, wordt met bestand en regel gemeld; dan wordt niets
    geschreven.
    """
    from wetgeving.text.check import format_files

    result = format_files(_files(files), check_only)
    for name in result.changed:
        typer.echo(f"{name}: {'niet in standaardvorm' if check_only else 'herschreven'}")
    if check_only and result.changed:
        raise typer.Exit(1)
    if not result.changed:
        typer.echo("alle bestanden staan al in de standaardvorm")


@app.command("show")
def show(
    rev: Annotated[
        str,
        typer.Argument(metavar="VERSIE", help="Versienaam, git-revisie of 'werk' (de werkmap)."),
    ],
    article: Annotated[
        list[str] | None,
        typer.Option(
            "--article",
            "-a",
            metavar="BEPALING",
            help="Alleen deze bepaling ('273f', 'artikel 273f, derde lid'); herhaalbaar.",
        ),
    ] = None,
    format_: Annotated[
        str,
        typer.Option(
            "--format",
            metavar="text|markdown|json|docx",
            help="Uitvoervorm (standaard text); docx: een Word-concept, naar -o.",
        ),
    ] = "text",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="PAD.docx", help="Word-concept naar dit bestand."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Een bestaand uitvoerbestand overschrijven.")
    ] = False,
) -> None:
    """Toon de tekst van een versie (of van de werkmap) als tekst, Markdown, JSON of Word."""
    from wetgeving.errors import UsageError
    from wetgeving.text.refs import select
    from wetgeving.text.render import article_markdown, regeling_dict, render_markdown, render_text
    from wetgeving.versiontext import load_version

    if format_ not in ("text", "markdown", "json", "docx"):
        raise UsageError(f"onbekend formaat '{format_}'; kies text, markdown, json of docx")
    if format_ == "docx" and output is None:
        raise UsageError("Word-uitvoer gaat naar een bestand: geef -o BESTAND.docx")
    if output is not None and format_ != "docx":
        raise UsageError("-o schrijft een Word-concept; geef ook --format docx")
    current = dossier()
    version = load_version(current, rev)
    chosen: list[tuple[Any, Any]]
    if article:
        chosen = list(select(version.regelingen, article, version.name))
    else:
        chosen = [(r, None) for r in version.regelingen]
    if format_ == "docx":
        from wetgeving.documents.output import check_target, write_atomic
        from wetgeving.documents.wordconcept import concept_version

        assert output is not None
        target = check_target(output, current.root, force)
        write_atomic(target, concept_version(version, chosen))
        typer.echo(f"geschreven: {output}", err=True)
        return
    if format_ == "json":
        data = {
            "version": version.name,
            "commit": version.commit,
            "regelingen": [regeling_dict(r, nodes) for r, nodes in chosen],
        }
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    parts: list[str] = []
    for regeling, nodes in chosen:
        if nodes is None:
            if format_ == "markdown":
                parts.append(render_markdown(regeling))
            else:
                parts.append(f"{regeling.title}\n\n" + render_text(regeling.children))
            continue
        for node in nodes:
            if format_ == "text":
                parts.append(render_text([node]))
            elif node.kind == "artikel":
                parts.append(article_markdown(node))
            else:
                raise UsageError(
                    "--format markdown toont alleen hele artikelen; laat lid en onderdeel weg"
                )
    from wetgeving.cli.common import visible

    typer.echo(visible("\n".join(parts)), nl=False)


@import_app.command("bwb")
def import_bwb(
    source: Annotated[
        Path, typer.Argument(metavar="BESTAND.xml", help="BWB-XML van wetten.overheid.nl.")
    ],
    article: Annotated[
        list[str] | None,
        typer.Option("--article", "-a", metavar="NR", help="Alleen dit artikel; herhaalbaar."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="BESTAND.md",
            help="Doelbestand (standaard drafts/<BWB-id>.md).",
        ),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option("--titel", metavar="TITEL", help="Titel in de front matter."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Een bestaand doelbestand overschrijven.")
    ] = False,
) -> None:
    """Zet BWB-XML (wetten.overheid.nl) om in een conceptbestand.

    Een wet, AMvB, ministeriële regeling, beleidsregel of verordening, met haar bijlagen; of met
    --article alleen die artikelen (met hun Boek en Titel). Wat een concepttekst niet kan bevatten
    (een tabel) wordt met naam en regel gemeld; een bijlage met een afbeelding wordt weggelaten.
    """
    from wetgeving.errors import DossierError
    from wetgeving.text import bwb
    from wetgeving.text.check import write_atomic

    try:
        current = dossier()
    except DossierError:
        if output is None:
            raise
        current = None
    known = {current.bwb_id: current.regulation} if current and current.regulation else {}
    result = bwb.import_bwb(source, article or (), title=title, known_titles=known)
    target = output if output is not None else current.drafts / f"{result.bwb_id or source.stem}.md"
    confine.draft_target(current.root if current else None, target, _shown(target))
    write_atomic(target, result.markdown, force, _shown(target))
    what = "1 artikel" if result.articles == 1 else f"{result.articles} artikelen"
    if result.bijlagen:
        what += " en 1 bijlage" if result.bijlagen == 1 else f" en {result.bijlagen} bijlagen"
    typer.echo(f"{what} geïmporteerd naar {_shown(target)}")
    for note in result.notes:
        typer.echo(f"let op: {note}")


@import_app.command("docx")
def import_docx(
    source: Annotated[
        Path, typer.Argument(metavar="CONCEPT.docx", help="Concepttekst in Word (.docx).")
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="drafts/BESTAND.md",
            help="Doelbestand in drafts/ (standaard drafts/<naam van het Word-bestand>.md).",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Een bestaand doelbestand overschrijven.")
    ] = False,
    accept: Annotated[
        bool,
        typer.Option("--accept", help="Bijgehouden wijzigingen lezen alsof ze zijn geaccepteerd."),
    ] = False,
) -> None:
    """Lees een concepttekst uit Word in als conceptbestand in drafts/.

    Artikelkoppen ('Artikel 273f', vet of als kop), indelingskoppen (Titel, Afdeling,
    Hoofdstuk), leden en onderdelen met de hand genummerd of met de automatische nummering van
    Word. Een document met bijgehouden wijzigingen wordt geweigerd (of met --accept gelezen
    alsof ze zijn geaccepteerd); een tabel, afbeelding of voetnoot wordt met de alinea gemeld.
    """
    from wetgeving.text.conceptimport import import_docx as run_import

    current = dossier()
    result = run_import(current, source, output, force, accept)
    n = result.concept.articles
    what = "1 artikel" if n == 1 else f"{n} artikelen"
    typer.echo(f"{what} ingelezen naar {_shown(result.target)}")
    for note in result.concept.notes:
        typer.echo(f"let op: {note}")
    for problem in result.problems:
        typer.echo(f"let op: {problem}")
