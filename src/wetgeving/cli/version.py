"""`wetgeving version`: record, list and show concept versions."""

from typing import Annotated

import typer

from wetgeving.cli.app import app
from wetgeving.cli.common import dossier, new_app

version_app = new_app(
    "Conceptversies: de tekst in drafts/ vastleggen als onveranderlijke versie (v1, v2, ...), "
    "de versies opsommen en tonen."
)
app.add_typer(version_app, name="version")


def _short(commit: str) -> str:
    return commit[:10]


@version_app.command("create")
def create(
    name: Annotated[
        str,
        typer.Argument(
            metavar="NAAM",
            help="Naam van de nieuwe versie: letters, cijfers, '-', '_' en '.', "
            "beginnend met een letter of cijfer (bijvoorbeeld v1).",
        ),
    ],
    message: Annotated[
        str | None,
        typer.Option("-m", "--message", metavar="TEKST", help="Omschrijving van de versie."),
    ] = None,
) -> None:
    """Leg de huidige tekst in drafts/ vast als onveranderlijke conceptversie NAAM.

    Eén commit van precies drafts/, met wie, wanneer en de omschrijving. Een bestaande naam wordt
    geweigerd; als de tekst gelijk is aan de laatste versie wordt niets vastgelegd. Een concept dat
    niet te lezen is (zie 'wetgeving check') wordt niet vastgelegd.
    """
    from wetgeving.errors import UsageError
    from wetgeving.versiontext import record_version

    if message is None:
        raise UsageError('geef een omschrijving met -m, bijvoorbeeld -m "Consultatieversie"')
    info = record_version(dossier(), name, message)
    typer.echo(f"versie {info.name} vastgelegd (commit {_short(info.commit)})")


@version_app.command("list")
def list_(
    format_: Annotated[
        str,
        typer.Option(
            "--format",
            metavar="text|json",
            help="Uitvoer als tekst (standaard) of als JSON.",
            show_default=False,
        ),
    ] = "text",
) -> None:
    """Som de vastgelegde versies op, oudste eerst."""
    from wetgeving import history
    from wetgeving.errors import UsageError

    if format_ not in ("text", "json"):
        raise UsageError(f"onbekend formaat '{format_}'; kies 'text' of 'json'")
    current = dossier()
    versions = history.list_versions(current)
    for problem in history.version_problems(current):
        typer.echo(f"waarschuwing: {problem}", err=True)
    if format_ == "json":
        import json

        rows = [
            {
                "name": v.name,
                "commit": v.commit,
                "date": v.date,
                "author": v.author,
                "message": v.message,
            }
            for v in versions
        ]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not versions:
        typer.echo("nog geen versies vastgelegd (zie 'wetgeving version create')")
        return
    width = max(len(v.name) for v in versions)
    for v in versions:
        first = v.message.splitlines()[0] if v.message else ""
        typer.echo(f"{v.name:<{width}}  {_short(v.commit)}  {v.date[:10]}  {v.author}  {first}")


@version_app.command("show")
def show(
    name: Annotated[str, typer.Argument(metavar="NAAM", help="Naam van de versie.")],
) -> None:
    """Toon een versie: commit, datum, auteur, omschrijving en de bestanden die zij bevat."""
    from wetgeving import history

    detail = history.show_version(dossier(), name)
    info = detail.info
    typer.echo(f"versie:       {info.name}")
    typer.echo(f"commit:       {info.commit}")
    typer.echo(f"datum:        {info.date}")
    typer.echo(f"auteur:       {info.author}")
    lines = info.message.splitlines() or [""]
    typer.echo(f"omschrijving: {lines[0]}")
    for line in lines[1:]:
        typer.echo(f"              {line}".rstrip())
    typer.echo("bestanden:")
    for path in detail.files:
        typer.echo(f"  {path}")
    if not detail.files:
        typer.echo("  (geen)")


@version_app.command("rename")
def rename(
    old: Annotated[str, typer.Argument(metavar="NAAM", help="De huidige naam van de versie.")],
    new: Annotated[str, typer.Argument(metavar="NIEUWE-NAAM", help="De nieuwe naam.")],
) -> None:
    """Geef een versie die nog niet gedeeld is (niet verstuurd met sync) een andere naam.

    De uitweg als 'wetgeving sync' meldt dat dezelfde versienaam in twee clones is vastgelegd.
    Tekst, auteur en datum blijven gelijk; alleen de naam verandert.
    """
    from wetgeving.rename import rename_version

    info = rename_version(dossier(), old, new)
    typer.echo(f"versie {old} heet nu {info.name} (commit {_short(info.commit)})")
