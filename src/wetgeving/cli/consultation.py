"""`wetgeving respond` and `wetgeving responses`: consultation responses (only typer imported)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from wetgeving.cli.app import app
from wetgeving.cli.common import dossier

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

KINDS = "burger, bedrijf, organisatie, adviesorgaan, overheid"
CHANNELS = "internetconsultatie, adviesaanvraag, e-mail, anders"
STATUSES = "overgenomen, deels, niet-overgenomen, kennisgenomen"


def _fail(message: str) -> None:
    from wetgeving.errors import UsageError

    raise UsageError(message)


# --- respond --------------------------------------------------------------------------------------


@respond_app.callback(invoke_without_command=True)
def respond(
    ctx: typer.Context,
    respondent: Annotated[str | None, typer.Option(help="Naam van de indiener.")] = None,
    organisation: Annotated[str, typer.Option(help="Organisatie (leeg voor een burger).")] = "",
    place: Annotated[str, typer.Option(help="Woon- of vestigingsplaats.")] = "",
    kind: Annotated[str | None, typer.Option(help=f"Soort indiener: {KINDS}.")] = None,
    channel: Annotated[str, typer.Option(help=f"Kanaal: {CHANNELS}.")] = "internetconsultatie",
    openbaar: Annotated[
        bool | None,
        typer.Option(
            "--openbaar/--niet-openbaar",
            help="Mag de reactie met naam worden gepubliceerd? (standaard: niet-openbaar)",
        ),
    ] = None,
    version: Annotated[
        str | None,
        typer.Option("--version", help="Geconsulteerde versie (standaard: de nieuwste)."),
    ] = None,
    date: Annotated[
        str | None, typer.Option(help="Datum van ontvangst, JJJJ-MM-DD (standaard: vandaag).")
    ] = None,
    point: Annotated[
        list[str] | None,
        typer.Option(
            help='Punt: "artikel 273f, derde lid=tekst" of "algemeen=tekst" (herhaalbaar).'
        ),
    ] = None,
    file: Annotated[
        Path | None,
        typer.Option("--file", help="Reactie uit een Markdown-bestand (zie docs).", dir_okay=False),
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
    if file is not None:
        if respondent is not None or point:
            _fail("--file gaat niet samen met --respondent of --point")
        response, notices = record.from_file(file, lambda v: provisions.Resolver.load(d, v))
    else:
        prompting = interactive or (respondent is None and not point and sys.stdin.isatty())
        if prompting:
            response, notices = _prompt(d, respondent, organisation, place, kind, channel,
                                        openbaar, version, date)  # fmt: skip
        else:
            if respondent is None:
                _fail(
                    "geef --respondent en minstens één --point, of --file; "
                    "zonder terminal kan wetgeving niets vragen"
                )
            resolver = provisions.Resolver.load(d, version or provisions.default_version(d))
            pairs = [record.split_point(p) for p in point or []]
            response, notices = record.build(
                resolver, respondent or "", organisation, place,
                kind or ("organisatie" if organisation.strip() else "burger"),
                channel, bool(openbaar), date or "", pairs,
            )  # fmt: skip
    stored = record.record(d, response, notices)
    for notice in stored.notices:
        typer.echo(f"let op: {notice}", err=True)
    n = len(stored.response.points)
    typer.echo(
        f"reactie {stored.response.id} vastgelegd ({n} {'punt' if n == 1 else 'punten'}, "
        f"versie {stored.response.version}, commit {stored.commit[:10]})"
    )


def _prompt(
    d: Any,
    respondent: str | None,
    organisation: str,
    place: str,
    kind: str | None,
    channel: str,
    openbaar: bool | None,
    version: str | None,
    date: str | None,
) -> tuple[Any, tuple[str, ...]]:
    import datetime as dt

    from wetgeving.consultation import model, provisions, record
    from wetgeving.errors import WetgevingError

    def ask(question: str, check: Callable[[str], Any], default: str | None = None) -> Any:
        """Ask until the answer passes `check`: a wrong answer does not lose what came before."""
        while True:
            try:
                return check(typer.prompt(question, default=default))
            except WetgevingError as err:
                typer.echo(f"fout: {err.message}", err=True)

    name = respondent or ask(
        "Naam van de indiener", lambda v: model.check_field("respondent", v, required=True)
    )
    org = organisation or ask(
        "Organisatie (leeg voor een burger)", lambda v: model.check_field("organisatie", v), ""
    )
    where = place or ask("Plaats", lambda v: model.check_field("plaats", v), "")
    soort = kind or ask(
        f"Soort ({KINDS})",
        lambda v: model.check_choice("soort", v, model.KINDS),
        "organisatie" if org else "burger",
    )
    kanaal = ask(
        f"Kanaal ({CHANNELS})", lambda v: model.check_choice("kanaal", v, model.CHANNELS), channel
    )
    if openbaar is None:
        openbaar = ask("Openbaar met naam (ja/nee)", model.check_openbaar, "nee")
    public = openbaar
    while True:
        ver = version or typer.prompt(
            "Geconsulteerde versie", default=provisions.default_version(d)
        )
        try:
            resolver = provisions.Resolver.load(d, ver)
            break
        except WetgevingError as err:
            if version:
                raise
            typer.echo(f"fout: {err.message}", err=True)
    when = date or ask("Datum van ontvangst", model.check_date, dt.date.today().isoformat())
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
            resolver.point(ref)
        except WetgevingError as err:
            typer.echo(f"fout: {err.message}", err=True)
            continue
        pairs.append((ref, ask("Tekst", lambda v: model.check_text(v, f"punt {len(pairs) + 1}"))))
    return record.build(resolver, name, org, where, soort, kanaal, public, when, pairs)


@respond_app.command("dispose")
def dispose_cmd(
    response_id: Annotated[
        str | None, typer.Argument(metavar="ID", help="Id van de reactie.")
    ] = None,
    status: Annotated[str, typer.Option(help=f"Afdoening: {STATUSES}.")] = "",
    reason: Annotated[str, typer.Option(help="Motivering (verplicht).")] = "",
    point: Annotated[
        int | None, typer.Option(help="Nummer van het punt (standaard: alle punten).", min=1)
    ] = None,
    in_version: Annotated[
        str, typer.Option("--in", help="Versie waarin het punt is verwerkt.")
    ] = "",
    campaign: Annotated[
        str | None, typer.Option(help="Afdoening voor alle reacties van een campagne.")
    ] = None,
) -> None:
    """Leg vast wat met een punt (of een hele reactie of campagne) is gedaan."""
    from wetgeving.consultation import dispose

    if not status:
        _fail(f"geef --status ({STATUSES})")
    if (response_id is None) == (campaign is None):
        _fail("geef een reactie-id of --campaign CID (één van beide)")
    if campaign is not None and point is not None:
        _fail("--point gaat niet samen met --campaign")
    disposition = dispose.make_disposition(status, reason, in_version)
    d = dossier()
    if campaign is not None:
        result = dispose.dispose_campaign(d, campaign, disposition)
        typer.echo(
            f"campagne {campaign}: {len(result.responses)} reacties, "
            f"{result.points} {'punt' if result.points == 1 else 'punten'} "
            f"{status} (commit {result.commit[:10]})"
        )
        return
    result = dispose.dispose(d, response_id or "", disposition, point)
    what = (
        f"punt {point}"
        if point is not None
        else f"{result.points} {'punt' if result.points == 1 else 'punten'}"
    )
    typer.echo(f"reactie {result.responses[0]}: {what} {status} (commit {result.commit[:10]})")


# --- responses ------------------------------------------------------------------------------------


@responses_app.command("list")
def list_cmd(
    provision: Annotated[
        str | None, typer.Option(help='Alleen punten over deze bepaling ("273f, derde lid").')
    ] = None,
    version: Annotated[
        str | None, typer.Option("--version", help="Alleen reacties op deze versie.")
    ] = None,
    status: Annotated[str | None, typer.Option(help="open of afgehandeld.")] = None,
    against: Annotated[
        str | None,
        typer.Option(help="Toon per punt wat er van de bepaling is geworden in deze versie."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="text of json.")] = "text",
    refresh: Annotated[
        bool,
        typer.Option(help="Controleer elk bestand opnieuw (na bewerken buiten wetgeving om)."),
    ] = False,
) -> None:
    """Toon de reacties en hun punten, met filters."""
    from wetgeving.consultation import listing

    if fmt not in ("text", "json"):
        _fail(f"ongeldig formaat '{fmt}'; kies text of json")
    if status not in (None, "open", "afgehandeld"):
        _fail(f"ongeldige status '{status}'; kies open of afgehandeld")
    rows = listing.select(dossier(), provision, version, status, against, refresh)
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

    response = store.load(dossier(), response_id)
    typer.echo("\n".join(listing.show_lines(response)))


@responses_app.command("redact")
def redact_cmd(
    response_id: Annotated[str, typer.Argument(metavar="ID", help="Id van de reactie.")],
) -> None:
    """Lak gemarkeerde persoonsgegevens (e-mail, telefoon, BSN, IBAN) in de punten weg."""
    from wetgeving.consultation import redaction

    result = redaction.redact_response(dossier(), response_id)
    if result.commit is None:
        typer.echo(f"reactie {result.response}: geen persoonsgegevens gevonden")
        return
    for point, kind, text in result.found:
        typer.echo(f"punt {point}: {kind} '{text}' weggelakt")
    typer.echo(
        f"reactie {result.response}: {len(result.found)} weggelakt (commit {result.commit[:10]})"
    )


@responses_app.command("import")
def import_cmd(
    file: Annotated[Path, typer.Argument(help="Een .csv- of .xlsx-bestand.", dir_okay=False)],
    version: Annotated[
        str | None,
        typer.Option("--version", help="Geconsulteerde versie (standaard: de nieuwste)."),
    ] = None,
    mapping: Annotated[
        list[str] | None,
        typer.Option("--map", help="Andere kolomnaam: KOLOM=veld (herhaalbaar)."),
    ] = None,
    strict: Annotated[
        bool, typer.Option(help="Weiger de hele import als één rij ongeldig is.")
    ] = False,
    channel: Annotated[
        str, typer.Option(help=f"Kanaal van de reacties: {CHANNELS}.")
    ] = "internetconsultatie",
) -> None:
    """Importeer reacties uit een spreadsheet (één rij is één reactie, één commit)."""
    from wetgeving.consultation import importer, model, provisions

    model.check_choice("kanaal", channel, model.CHANNELS)
    columns = importer.parse_map(mapping or [])
    d = dossier()
    resolver = provisions.Resolver.load(d, version or provisions.default_version(d))
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
            d, file, resolver.version, columns, strict, channel, resolver, progress
        )
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    for notice in result.notices:
        typer.echo(f"let op: {notice}", err=True)
    for number, message in result.failures:
        typer.echo(f"rij {number}: {message} (overgeslagen)", err=True)
    parts = [f"{result.imported} {'reactie' if result.imported == 1 else 'reacties'} geïmporteerd"]
    if result.duplicates:
        parts.append(f"{result.duplicates} al aanwezig")
    if result.failures:
        parts.append(f"{len(result.failures)} rijen overgeslagen")
    tail = f" (commit {result.commit[:10]})" if result.commit else ""
    typer.echo(", ".join(parts) + tail)


@responses_app.command("campaigns")
def campaigns_cmd(
    min_size: Annotated[int, typer.Option("--min", help="Minimaal aantal reacties.", min=2)] = 3,
    members: Annotated[
        bool, typer.Option("--members", help="Toon alle leden (standaard de eerste tien).")
    ] = False,
    fmt: Annotated[str, typer.Option("--format", help="text of json.")] = "text",
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
