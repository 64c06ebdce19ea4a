"""Commands `mvt`, `verslag` and `bundle` (with `bundle verify`): the lawyer's documents."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from wetgeving.cli.app import app
from wetgeving.cli.common import dossier
from wetgeving.errors import UsageError


class MvtFormat(StrEnum):
    markdown = "markdown"
    html = "html"
    docx = "docx"


class VerslagFormat(StrEnum):
    markdown = "markdown"
    html = "html"
    docx = "docx"


_OUT = typer.Option(
    "-o", "--output", metavar="PAD", help="Schrijf naar dit bestand (standaard: standaarduitvoer)."
)
_FORCE = typer.Option("--force", help="Overschrijf een bestaand uitvoerbestand.")


def _emit(
    data: bytes, out: Path | None, force: bool, warnings: tuple[str, ...], binary: bool
) -> None:
    from wetgeving.documents import output
    from wetgeving.errors import UsageError

    for warning in warnings:
        typer.echo(f"waarschuwing: {warning}", err=True)
    if out is None:
        if binary:
            raise UsageError("Word-uitvoer gaat naar een bestand: geef -o BESTAND.docx")
        sys.stdout.write(data.decode("utf-8"))
        sys.stdout.flush()
        return
    target = output.check_target(out, dossier().root, force)
    output.write_atomic(target, data)
    typer.echo(f"geschreven: {out}", err=True)


def _from_suffix(out: Path | None, known: tuple[str, ...]) -> str:
    suffix = out.suffix.lower().lstrip(".") if out is not None else ""
    suffix = "html" if suffix == "htm" else suffix
    if suffix in known:
        return suffix
    if suffix in ("", "md", "markdown", "txt"):
        return "markdown"
    # Markdown in a file named .pdf or .docx would open as a broken document.
    names = [f".{k}" for k in ("md", *known)]
    choices = f"{', '.join(names[:-1])} of {names[-1]}"
    raise UsageError(f"{out}: onbekende extensie '.{suffix}'; kies {choices}, of geef --format")


@app.command("mvt")
def mvt_command(
    version: Annotated[
        str, typer.Argument(metavar="VERSIE", help="Versie (v2), git-revisie of 'werk'.")
    ],
    against: Annotated[
        str,
        typer.Option(
            "--against", metavar="VERSIE", help="Vergelijk met deze versie (artikelsgewijs deel)."
        ),
    ] = "geldend",
    out: Annotated[Path | None, _OUT] = None,
    fmt: Annotated[
        MvtFormat | None,
        typer.Option(
            "--format", help="Uitvoervorm (standaard: naar de extensie van -o, anders markdown)."
        ),
    ] = None,
    force: Annotated[bool, _FORCE] = False,
) -> None:
    """Stel het skelet van de memorie van toelichting op, met de eigen tekst uit toelichting/."""
    from wetgeving.documents import build

    chosen = fmt or MvtFormat(_from_suffix(out, ("html", "docx")))
    result = build.mvt(dossier(), version, against, chosen.value)
    _emit(result.data, out, force, result.warnings, chosen is MvtFormat.docx)


@app.command("verslag")
def verslag_command(
    version: Annotated[
        str, typer.Argument(metavar="VERSIE", help="Versie waarover is geconsulteerd.")
    ],
    openbaar: Annotated[
        bool,
        typer.Option(
            "--openbaar",
            help=(
                "Voor publicatie: niet-openbare respondenten anoniem; weigert bij persoonsgegevens."
            ),
        ),
    ] = False,
    out: Annotated[Path | None, _OUT] = None,
    fmt: Annotated[
        VerslagFormat | None,
        typer.Option(
            "--format", help="Uitvoervorm (standaard: naar de extensie van -o, anders markdown)."
        ),
    ] = None,
    force: Annotated[bool, _FORCE] = False,
) -> None:
    """Stel het consultatieverslag op: reactietabel per artikel, algemene punten, campagnes."""
    from wetgeving.documents import build

    chosen = fmt or VerslagFormat(_from_suffix(out, ("html", "docx")))
    result = build.verslag(dossier(), version, openbaar, chosen.value)
    _emit(result.data, out, force, result.warnings, chosen is VerslagFormat.docx)


class _BundleGroup(TyperGroup):
    """`bundle VERSION ...` runs `bundle build VERSION ...`; `bundle verify PATH` verifies."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["build", *args]
        return super().parse_args(ctx, args)


bundle_app = typer.Typer(
    cls=_BundleGroup,
    help=(
        "Consultatiebundel: 'wetgeving bundle VERSIE -o PAD[.zip]' maakt hem, "
        "'wetgeving bundle verify PAD' controleert hem."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
app.add_typer(bundle_app, name="bundle")


def _progress(what: str, done: int, total: int) -> None:
    typer.echo(f"bundel: {done}/{total} {what}", err=True)


@bundle_app.command("build")
def bundle_build(
    version: Annotated[
        str, typer.Argument(metavar="VERSIE", help="Versie (v2), git-revisie of 'werk'.")
    ],
    out: Annotated[
        Path,
        typer.Option(
            "-o", "--output", metavar="PAD", help="Doelmap, of zipbestand als het op .zip eindigt."
        ),
    ],
    openbaar: Annotated[
        bool,
        typer.Option(
            "--openbaar/--intern",
            help="Openbaar (standaard): alleen openbare reacties; intern: alle reacties met namen.",
        ),
    ] = True,
    force: Annotated[bool, _FORCE] = False,
) -> None:
    """Maak de consultatiebundel van een versie (map of zip, met manifest.json)."""
    from wetgeving.documents import bundle

    current = dossier()
    bundle.check_target(out, current.root, force)
    progress: Any = _progress if sys.stderr.isatty() else None
    made = bundle.make(current, version, openbaar=openbaar, progress=progress)
    for warning in made.warnings:
        typer.echo(f"waarschuwing: {warning}", err=True)
    bundle.write(made, out, current.root, force)
    count = len(made.files) - 1
    typer.echo(
        f"bundel geschreven: {out} ({count} bestanden + manifest.json, versie {made.version})"
    )
    # Published beside the bundle, this hash lets `bundle verify --sha256` catch a manifest
    # altered together with the files it lists.
    sha = bundle.manifest_sha256(out)
    commit = bundle.record(current, made, sha)
    where = f" (vastgelegd in commit {commit[:10]})" if commit else ""
    typer.echo(f"SHA-256 van manifest.json: {sha}{where}", err=True)


@bundle_app.command("verify")
def bundle_verify(
    path: Annotated[Path, typer.Argument(metavar="PAD", help="Bundelmap of zipbestand.")],
    sha256: Annotated[
        str,
        typer.Option("--sha256", metavar="HASH", help="Gepubliceerde SHA-256 van manifest.json."),
    ] = "",
) -> None:
    """Controleer een bundel tegen manifest.json; noemt gewijzigde, ontbrekende, extra bestanden."""
    from wetgeving.documents import bundle

    result = bundle.verify(path, sha256)
    if result.ok:
        typer.echo(f"bundel klopt: {result.checked} bestanden, versie {result.version}")
        return
    for name in result.altered:
        typer.echo(f"gewijzigd: {name}")
    for name in result.missing:
        typer.echo(f"ontbreekt: {name}")
    for name in result.extra:
        typer.echo(f"extra: {name}")
    typer.echo(
        f"bundel klopt niet: {len(result.altered)} gewijzigd, {len(result.missing)} ontbreekt, "
        f"{len(result.extra)} extra",
        err=True,
    )
    raise typer.Exit(1)
