"""`respond dispose`, `respond link` and `responses export`: what was done with each point, by
command or in a worksheet (only typer imported)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from wetgeving.cli.common import dossier
from wetgeving.cli.consultation import respond_app, responses_app
from wetgeving.consultation import choices
from wetgeving.errors import UsageError

STATUSES = choices.statuses_listed()


class SheetFormat(StrEnum):
    xlsx = "xlsx"
    csv = "csv"


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _tail(result: Any) -> str:
    parts = []
    if result.replaced:
        parts.append(f"waarvan {result.replaced} gewijzigd")
    if result.unchanged:
        parts.append(f"{result.unchanged} al zo afgedaan")
    extra = f" ({'; '.join(parts)})" if parts else ""
    return f"{extra} (commit {result.commit[:10]})"


def _nothing(result: Any) -> str:
    n = result.unchanged
    return f"niets gewijzigd: {_plural(n, 'punt heeft', 'punten hebben')} deze afdoening al"


@respond_app.command("dispose")
def dispose_cmd(
    response_id: Annotated[
        str | None, typer.Argument(metavar="ID", help="Id of referentie van de reactie.")
    ] = None,
    status: Annotated[str, typer.Option(metavar="STATUS", help=f"Afdoening: {STATUSES}.")] = "",
    reason: Annotated[str, typer.Option(help="Motivering (verplicht).")] = "",
    point: Annotated[
        int | None,
        typer.Option(metavar="NUMMER", help="Nummer van het punt (standaard: alle punten).", min=1),
    ] = None,
    in_version: Annotated[
        str,
        typer.Option(
            "--in", metavar="VERSIE", help="Versie waarin het punt is verwerkt (moet bestaan)."
        ),
    ] = "",
    campaign: Annotated[
        str | None,
        typer.Option(metavar="CAMPAGNE", help="Afdoening voor alle reacties van een campagne."),
    ] = None,
    source: Annotated[
        Path | None,
        typer.Option(
            "--from",
            metavar="PAD",
            help="Pas een ingevuld blad van 'responses export' toe (.xlsx of .csv).",
            dir_okay=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Wijzig een punt dat al een andere afdoening heeft.")
    ] = False,
) -> None:
    """Leg vast wat met een punt (of een hele reactie, campagne of een ingevuld blad) is gedaan."""
    from wetgeving.consultation import dispose, model

    if source is not None:
        if response_id is not None or campaign is not None or status or reason or in_version:
            raise UsageError("--from gaat niet samen met een reactie-id, --campaign of --status")
        _apply_sheet(source, force)
        return
    if not status:
        raise UsageError(f"geef --status ({STATUSES})")
    if (response_id is None) == (campaign is None):
        raise UsageError("geef een reactie-id of --campaign CID (één van beide)")
    if campaign is not None and point is not None:
        raise UsageError("--point gaat niet samen met --campaign")
    disposition = dispose.make_disposition(status, reason, in_version)
    label = model.STATUS_LABELS[disposition.status]
    d = dossier()
    if campaign is not None:
        result = dispose.dispose_campaign(d, campaign, disposition, force)
        size = _plural(len(result.responses), "reactie", "reacties")
        if not result.points:
            typer.echo(f"campagne {campaign}: {size}; {_nothing(result)}")
            return
        typer.echo(
            f"campagne {campaign}: {size}, "
            f"{_plural(result.points, 'punt', 'punten')} {label}{_tail(result)}"
        )
        return
    result = dispose.dispose(d, response_id or "", disposition, point, force)
    from wetgeving.consultation import store

    ref = store.short_ref(d, result.responses[0])
    if not result.points:
        typer.echo(f"reactie {ref}: {_nothing(result)}")
        return
    what = f"punt {point}" if point is not None else _plural(result.points, "punt", "punten")
    typer.echo(f"reactie {ref}: {what} {label}{_tail(result)}")


def _apply_sheet(source: Path, force: bool) -> None:
    from wetgeving.consultation import model, worksheet

    result = worksheet.apply(dossier(), source, force)
    counts = ", ".join(
        f"{result.by_status[s]} {model.STATUS_LABELS[s]}"
        for s in model.STATUSES
        if result.by_status[s]
    )
    line = f"{source.name}: {_plural(result.points, 'punt', 'punten')} afgedaan"
    if result.points:
        line += f" in {_plural(result.responses, 'reactie', 'reacties')} ({counts})"
    if result.replaced:
        line += f", waarvan {result.replaced} gewijzigd"
    if result.unchanged:
        line += f"; {result.unchanged} al zo afgedaan"
    if result.empty:
        line += f"; {_plural(result.empty, 'rij', 'rijen')} zonder status"
    typer.echo(line + (f" (commit {result.commit[:10]})" if result.commit else ""))


@respond_app.command("link")
def link_cmd(
    response_id: Annotated[
        str, typer.Argument(metavar="ID", help="Id of referentie van de reactie.")
    ],
    provision: Annotated[
        str,
        typer.Option(
            metavar="BEPALING", help='De bepaling ("artikel 273f, derde lid") of "algemeen".'
        ),
    ],
    point: Annotated[
        int | None,
        typer.Option(
            metavar="NUMMER",
            help="Nummer van het punt (standaard: het enige niet-gekoppelde).",
            min=1,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Koppel ook een punt dat al gekoppeld is opnieuw.")
    ] = False,
) -> None:
    """Koppel een punt dat zoals geschreven is bewaard (niet gekoppeld) aan een bepaling."""
    from wetgeving.consultation import dispose, store

    d = dossier()
    result = dispose.link(d, response_id, provision, point, force)
    ref = store.short_ref(d, result.response)
    typer.echo(
        f"reactie {ref}: punt {result.point} gekoppeld aan {result.after} "
        f"(was: {result.before}) (commit {result.commit[:10]})"
    )


@responses_app.command("export")
def export_cmd(
    fmt: Annotated[
        SheetFormat, typer.Option("--format", help="xlsx (standaard) of csv.")
    ] = SheetFormat.xlsx,
    out: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", metavar="PAD", help="Bestand (standaard: reactietabel.xlsx of .csv)."
        ),
    ] = None,
    intern: Annotated[
        bool,
        typer.Option(
            "--intern",
            help="Met de namen van niet-openbare indieners en zonder weglakken (niet versturen).",
        ),
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Overschrijf een bestaand bestand.")
    ] = False,
) -> None:
    """Schrijf de reactietabel als werkblad: één rij per punt, vul status en motivering in."""
    from wetgeving.consultation import worksheet
    from wetgeving.documents import output

    d = dossier()
    target_path = out or Path(f"reactietabel.{fmt.value}")
    target = output.check_target(target_path, d.root, force)
    data, rows = worksheet.export(d, fmt.value, openbaar=not intern)
    output.write_atomic(target, data)
    edition = "intern: niet versturen" if intern else "privacy bewaakt"
    typer.echo(f"geschreven: {target_path} ({_plural(rows, 'rij', 'rijen')}, {edition})")
