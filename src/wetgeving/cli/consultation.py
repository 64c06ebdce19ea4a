"""`wetgeving respond` and `wetgeving responses`: consultation responses (only typer imported)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from wetgeving.cli.app import app
from wetgeving.cli.common import dossier
from wetgeving.consultation import choices

_SETTINGS: dict[str, Any] = {
    "add_completion": False,
    "pretty_exceptions_enable": False,
    "rich_markup_mode": None,
}
respond_app = typer.Typer(
    help="Een consultatiereactie vastleggen (vragen in de terminal, of met opties of --file).",
    no_args_is_help=False,
    invoke_without_command=True,
    **_SETTINGS,
)
responses_app = typer.Typer(
    help="Consultatiereacties tonen, importeren en campagnes vinden.",
    no_args_is_help=True,
    **_SETTINGS,
)
app.add_typer(respond_app, name="respond")
app.add_typer(responses_app, name="responses")

KINDS = choices.listed(choices.KINDS)
CHANNELS = choices.listed(choices.CHANNELS)


def _fail(message: str) -> None:
    from wetgeving.errors import UsageError

    raise UsageError(message)


# --- respond --------------------------------------------------------------------------------------


@respond_app.callback(invoke_without_command=True)
def respond(
    ctx: typer.Context,
    respondent: Annotated[
        str | None, typer.Option(metavar="NAAM", help="Naam van de indiener.")
    ] = None,
    organisation: Annotated[
        str, typer.Option(metavar="NAAM", help="Organisatie (leeg voor een burger).")
    ] = "",
    place: Annotated[str, typer.Option(metavar="PLAATS", help="Woon- of vestigingsplaats.")] = "",
    kind: Annotated[
        str | None, typer.Option(metavar="SOORT", help=f"Soort indiener: {KINDS}.")
    ] = None,
    channel: Annotated[
        str, typer.Option(metavar="KANAAL", help=f"Kanaal: {CHANNELS}.")
    ] = "internetconsultatie",
    openbaar: Annotated[
        bool | None,
        typer.Option(
            "--openbaar/--niet-openbaar",
            help="Mag de reactie met naam worden gepubliceerd? (standaard: niet-openbaar)",
        ),
    ] = None,
    version: Annotated[
        str | None,
        typer.Option(
            "--version",
            metavar="VERSIE",
            help="Geconsulteerde versie (standaard: [consultatie] versie in wetgeving.toml, "
            "anders de nieuwste).",
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            metavar="DATUM",
            help="Datum van ontvangst, 22-11-2026 of 2026-11-22 (standaard: vandaag).",
        ),
    ] = None,
    point: Annotated[
        list[str] | None,
        typer.Option(
            metavar="BEPALING=TEKST",
            help='Punt: "artikel 273f, derde lid=tekst" of "algemeen=tekst" (herhaalbaar).',
        ),
    ] = None,
    file: Annotated[
        Path | None,
        typer.Option(
            "--file",
            metavar="BESTAND",
            help="Reactie uit een Markdown- of Word-bestand; een .docx-brief met --respondent.",
            dir_okay=False,
        ),
    ] = None,
    interactive: Annotated[
        bool, typer.Option("--interactive", "-i", help="Vraag alle gegevens in de terminal.")
    ] = False,
) -> None:
    """Leg een consultatiereactie vast; elke reactie krijgt een eigen bestand en commit."""
    if ctx.invoked_subcommand is not None:
        return
    from wetgeving.consultation import provisions, record

    d = dossier()
    if file is not None and respondent is not None and record.is_word(file) and not point:
        # A reaction letter in Word: the data from the options, its text one general point.
        linker = provisions.linker(d, version or provisions.default_version(d))
        response, notices = record.from_letter(
            file, linker, respondent, organisation, place,
            kind or ("organisatie" if organisation.strip() else "burger"),
            channel, bool(openbaar), date or "",
        )  # fmt: skip
    elif file is not None:
        if respondent is not None or point:
            _fail("--file gaat niet samen met --respondent of --point (een .docx-brief wel)")
        response, notices = record.from_file(file, lambda v: provisions.linker(d, v))
    else:
        prompting = interactive or (respondent is None and not point and sys.stdin.isatty())
        if prompting:
            from wetgeving.cli import asking

            asked = asking.respond(
                d, respondent, organisation, place, kind, channel, openbaar, version, date
            )
            if asked is None:
                typer.echo("niets vastgelegd")
                return
            response, notices = asked
        else:
            if respondent is None:
                _fail(
                    "geef --respondent en minstens één --point, of --file; "
                    "zonder terminal kan wetgeving niets vragen"
                )
            linker = provisions.linker(d, version or provisions.default_version(d))
            pairs = [record.split_point(p) for p in point or []]
            response, notices = record.build(
                linker, respondent or "", organisation, place,
                kind or ("organisatie" if organisation.strip() else "burger"),
                channel, bool(openbaar), date or "", pairs,
            )  # fmt: skip
    stored = record.record(d, response, notices)
    for notice in stored.notices:
        typer.echo(f"let op: {notice}", err=True)
    n = len(stored.response.points)
    where = "" if Path(d.root) in stored.path.parents else " in de privé-repository"
    typer.echo(
        f"reactie {stored.ref} vastgelegd{where} ({n} {'punt' if n == 1 else 'punten'}, "
        f"versie {stored.response.version}, commit {stored.commit[:10]}; id {stored.response.id})"
    )


# --- responses ------------------------------------------------------------------------------------


def _readable(current: Any) -> Any:
    """The dossier for a command that only shows responses: a private repository this computer
    does not hold is left out, with a warning (see `private.absent`)."""
    from wetgeving.consultation import private

    warning = private.absent(current)
    if warning:
        typer.echo(warning, err=True)
    return private.readable(current)


def _warn_uncommitted(current: Any) -> None:
    from wetgeving.consultation import store

    pending = store.uncommitted(current)
    if pending:
        shown = ", ".join(pending[:3]) + (f" en nog {len(pending) - 3}" if len(pending) > 3 else "")
        typer.echo(
            f"waarschuwing: {len(pending)} reactiebestand(en) geschreven maar niet vastgelegd in"
            f" git ({shown}); de volgende opdracht die reacties schrijft legt ze vast",
            err=True,
        )


@responses_app.command("list")
def list_cmd(
    provision: Annotated[
        str | None,
        typer.Option(
            metavar="BEPALING", help='Alleen punten over deze bepaling ("273f, derde lid").'
        ),
    ] = None,
    version: Annotated[
        str | None,
        typer.Option("--version", metavar="VERSIE", help="Alleen reacties op deze versie."),
    ] = None,
    status: Annotated[
        str | None, typer.Option(metavar="STATUS", help="open of afgehandeld.")
    ] = None,
    against: Annotated[
        str | None,
        typer.Option(
            metavar="VERSIE",
            help="Toon per punt wat er van de bepaling is geworden in deze versie.",
        ),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", metavar="text|json", help="text of json.")
    ] = "text",
    refresh: Annotated[
        bool,
        typer.Option(help="Lees elk bestand opnieuw, niet alleen de gewijzigde."),
    ] = False,
    unlinked: Annotated[
        bool,
        typer.Option(
            "--unlinked", help="Alleen punten die zoals geschreven zijn bewaard (niet gekoppeld)."
        ),
    ] = False,
) -> None:
    """Toon de reacties en hun punten, met filters."""
    from wetgeving.consultation import listing

    if fmt not in ("text", "json"):
        _fail(f"ongeldig formaat '{fmt}'; kies text of json")
    if status not in (None, "open", "afgehandeld"):
        _fail(f"ongeldige status '{status}'; kies open of afgehandeld")
    current = _readable(dossier())
    rows = listing.select(current, provision, version, status, against, refresh, unlinked)
    _warn_uncommitted(current)
    if fmt == "json":
        typer.echo(json.dumps([row.as_json() for row in rows], ensure_ascii=False, indent=2))
        return
    if not rows:
        typer.echo("geen reacties gevonden")
        return
    typer.echo("\n".join(line for row in rows for line in row.text_lines(against)))


@responses_app.command("show")
def show_cmd(
    response_id: Annotated[str, typer.Argument(metavar="ID", help="Id van de reactie.")],
) -> None:
    """Toon één reactie volledig, met afdoening en mogelijke persoonsgegevens."""
    from wetgeving.consultation import listing, store

    response = store.load(_readable(dossier()), response_id)
    typer.echo("\n".join(listing.show_lines(response)))


@responses_app.command("redact")
def redact_cmd(
    response_id: Annotated[str, typer.Argument(metavar="ID", help="Id van de reactie.")],
) -> None:
    """Lak gemarkeerde persoonsgegevens (e-mail, telefoon, BSN, IBAN) in de punten weg."""
    from wetgeving.consultation import redaction, store

    d = dossier()
    result = redaction.redact_response(d, response_id)
    ref = store.short_ref(d, result.response)
    if result.commit is None:
        typer.echo(f"reactie {ref}: geen persoonsgegevens gevonden")
        return
    for point, kind, text in result.found:
        typer.echo(f"punt {point}: {kind} '{text}' weggelakt")
    typer.echo(f"reactie {ref}: {len(result.found)} weggelakt (commit {result.commit[:10]})")


@responses_app.command("import")
def import_cmd(
    file: Annotated[
        Path, typer.Argument(metavar="BESTAND", help="Een .csv- of .xlsx-bestand.", dir_okay=False)
    ],
    version: Annotated[
        str | None,
        typer.Option(
            "--version",
            metavar="VERSIE",
            help="Geconsulteerde versie (standaard: [consultatie] versie in wetgeving.toml, "
            "anders de nieuwste).",
        ),
    ] = None,
    mapping: Annotated[
        list[str] | None,
        typer.Option(
            "--map", metavar="KOLOM=VELD", help="Andere kolomnaam: KOLOM=veld (herhaalbaar)."
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option(help="Weiger de hele import als één rij ongeldig is.")
    ] = False,
    channel: Annotated[
        str, typer.Option(metavar="KANAAL", help=f"Kanaal van de reacties: {CHANNELS}.")
    ] = "internetconsultatie",
) -> None:
    """Importeer reacties uit een spreadsheet (één rij is één reactie, één commit)."""
    from wetgeving.consultation import importer, model, provisions, settings

    model.check_choice("kanaal", channel, model.CHANNELS)
    columns = importer.parse_map(mapping or [])
    d = dossier()
    config = settings.load(d)
    linker = provisions.linker(d, version or provisions.default_version(d))
    bar: Any = None
    progress = None
    if sys.stderr.isatty():

        def progress(done: int, total: int) -> None:
            nonlocal bar
            if bar is None:
                bar = typer.progressbar(length=total, label="reacties schrijven", file=sys.stderr)
                bar.__enter__()
            bar.update(done - bar.pos)

    try:
        result = importer.import_file(
            d, file, linker, columns, strict, channel, progress, settings=config
        )
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    for notice in result.notices:
        typer.echo(f"let op: {notice}", err=True)
    for number, message in result.row_notices[: importer.SHOWN_NOTICES]:
        typer.echo(f"rij {number}: {message}", err=True)
    rest = len(result.row_notices) - importer.SHOWN_NOTICES
    if rest > 0:
        typer.echo(f"en nog {rest} {'melding' if rest == 1 else 'meldingen'} over rijen", err=True)
    typer.echo(_import_summary(result))


def _import_summary(result: Any) -> str:
    rows = f"{result.rows} {'rij' if result.rows == 1 else 'rijen'} gelezen"
    parts = [f"{result.imported} {'reactie' if result.imported == 1 else 'reacties'} geïmporteerd"]
    if result.duplicates:
        parts.append(f"{result.duplicates} al aanwezig")
    line = f"{rows}: {', '.join(parts)}"
    if result.answers:
        n = result.answers
        line += f"; {n} {'antwoord' if n == 1 else 'antwoorden'} op gesloten vragen geteld"
    if result.unlinked:
        n = result.unlinked
        line += (
            f"; {n} {'punt' if n == 1 else 'punten'} niet gekoppeld, "
            "zie wetgeving responses list --unlinked"
        )
    return line + (f" (commit {result.commit[:10]})" if result.commit else "")


@responses_app.command("campaigns")
def campaigns_cmd(
    min_size: Annotated[
        int, typer.Option("--min", metavar="AANTAL", help="Minimaal aantal reacties.", min=2)
    ] = 3,
    members: Annotated[
        bool, typer.Option("--members", help="Toon alle leden (standaard de eerste tien).")
    ] = False,
    fmt: Annotated[
        str, typer.Option("--format", metavar="text|json", help="text of json.")
    ] = "text",
) -> None:
    """Groepeer (bijna) gelijke reacties tot campagnes, met de gedeelde tekst."""
    from wetgeving.consultation import listing

    if fmt not in ("text", "json"):
        _fail(f"ongeldig formaat '{fmt}'; kies text of json")
    found = listing.campaigns(dossier(), min_size)
    if fmt == "json":
        typer.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    if not found:
        typer.echo("geen campagnes gevonden")
        return
    typer.echo("\n".join(listing.campaign_lines(found, members)))
