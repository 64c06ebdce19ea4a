"""Dispositions: what was done with a point (the reactietabel), per point, response or campaign;
and linking a point kept as written to a provision later."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from wetgeving.consultation import store
from wetgeving.consultation.campaigns import find_campaigns
from wetgeving.consultation.model import (
    CAMPAIGN_RE,
    Disposition,
    Point,
    Response,
    check_recorded,
    clean_text,
    parse_status,
)
from wetgeving.errors import ConsultationError, VersionError

if TYPE_CHECKING:
    from wetgeving.dossier import Dossier

MAX_REASON = 5000
SHOWN_REASON = 80  # of an earlier reason, in the one-line refusal


@dataclass(frozen=True)
class DisposeResult:
    """What `dispose` changed.

    Attributes:
        responses: Ids of the responses changed.
        points: Number of points that got the disposition (new or replaced).
        replaced: Of those, how many replaced an earlier, different disposition (`--force`).
        unchanged: Points that already had exactly this disposition.
        commit: The commit id ("" when nothing changed).
    """

    responses: tuple[str, ...]
    points: int
    commit: str
    replaced: int = 0
    unchanged: int = 0


def make_disposition(status: str, reason: str, in_version: str = "") -> Disposition:
    """Validate and build a disposition; the status may be written as listings show it.

    Raises:
        ConsultationError: unknown status, empty or overlong reason, invalid version name.
    """
    stored = parse_status(status)
    text = " ".join(clean_text(reason).split())
    if not text:
        raise ConsultationError("geef met --reason aan waarom (de motivering is verplicht)")
    if len(text) > MAX_REASON:
        raise ConsultationError(f"de motivering is langer dan {MAX_REASON} tekens")
    from wetgeving.consultation.privacy import refuse_personal_data

    refuse_personal_data("de motivering", text)  # a reason reaches the public verslag
    return Disposition(stored, text, check_recorded(in_version) if in_version else "")


def check_versions_exist(dossier: Dossier, names: set[str], what: str = "--in") -> None:
    """Refuse a version the dispositions name that was never recorded.

    Raises:
        VersionError: naming the version and the known ones.
    """
    names = {n for n in names if n}
    if not names:
        return
    from wetgeving import history

    known = [v.name for v in history.list_versions(dossier)]
    for name in sorted(names):
        if name not in known:
            listed = ", ".join(known) if known else "geen"
            raise VersionError(f"onbekende versie '{name}' ({what}); bekende versies: {listed}")


def with_disposition(point: Point, disposition: Disposition, force: bool) -> Point | None:
    """The point with the new disposition; None when it already has exactly that one.

    Raises:
        ConsultationError: when it has another disposition and `force` is not given.
    """
    old = point.disposition
    if old is None:
        return replace(point, disposition=disposition)
    if old.same_as(disposition):
        return None
    if not force:
        raise _already(old)
    earlier = Disposition(old.status, old.reason, old.version)
    return replace(point, disposition=replace(disposition, previous=earlier))


def _already(old: Disposition) -> ConsultationError:
    where = f" in {old.version}" if old.version else ""
    reason = old.reason
    if len(reason) > SHOWN_REASON:
        reason = reason[:SHOWN_REASON].rsplit(" ", 1)[0] + " …"
    return ConsultationError(
        f"is al afgedaan ({old.label}{where}: {reason}); geef --force om de afdoening te wijzigen"
    )


def _check_point(response: Response, point: int) -> None:
    """Refuse a point number the response does not have.

    Raises:
        ConsultationError: naming the numbers it does have.
    """
    if not 1 <= point <= len(response.points):
        raise ConsultationError(
            f"reactie {response.id} heeft geen punt {point} (punten 1 tot en met "
            f"{len(response.points)})"
        )


def _apply(
    response: Response, disposition: Disposition, point: int | None, force: bool
) -> tuple[Response, int, int, int]:
    """(changed response, points given the disposition, of which replaced, unchanged)."""
    if not response.points:
        raise ConsultationError(f"reactie {response.id} heeft geen punten")
    if point is not None:
        _check_point(response, point)
    points = list(response.points)
    done = replaced = unchanged = 0
    for n, p in enumerate(response.points, 1):
        if point is not None and n != point:
            continue
        try:
            new = with_disposition(p, disposition, force)
        except ConsultationError as exc:
            raise ConsultationError(f"reactie {response.id}, punt {n} {exc.message}") from None
        if new is None:
            unchanged += 1
            continue
        done += 1
        replaced += p.disposition is not None
        points[n - 1] = new
    return replace(response, points=tuple(points)), done, replaced, unchanged


def dispose(
    dossier: Dossier,
    response_id: str,
    disposition: Disposition,
    point: int | None = None,
    force: bool = False,
) -> DisposeResult:
    """Record a disposition on one point (or all points) of a response; one commit.

    Raises:
        ConsultationError: unknown response or point, or a point already disposed otherwise
            (without `force`).
        VersionError: the version of the disposition was never recorded.
    """
    check_versions_exist(dossier, {disposition.version})
    with store.write_lock(dossier):
        response = store.load(dossier, response_id)
        changed, done, replaced, unchanged = _apply(response, disposition, point, force)
        sha = ""
        if done:
            what = f"punt {point}" if point is not None else "alle punten"
            message = f"Reactie {response.id}: {what} {disposition.status}"
            sha = store.save_locked(dossier, [changed], message, new=False)
    return DisposeResult((response.id,), done, sha, replaced, unchanged)


def dispose_campaign(
    dossier: Dossier, campaign_id: str, disposition: Disposition, force: bool = False
) -> DisposeResult:
    """Record a disposition on every point of every member of a campaign; one commit.

    Raises:
        ConsultationError: invalid or unknown campaign id, or (without `force`) a point that
            already has another disposition.
        VersionError: the version of the disposition was never recorded.
    """
    if not CAMPAIGN_RE.fullmatch(campaign_id):
        raise ConsultationError(f"ongeldig campagne-id '{campaign_id}' (bijvoorbeeld C1a2b3c4d)")
    check_versions_exist(dossier, {disposition.version})
    with store.write_lock(dossier):
        responses = store.load_all(dossier)
        members = campaign_members(responses, campaign_id)
        changed: list[Response] = []
        done = replaced = unchanged = 0
        for r in responses:
            if r.id not in members:
                continue
            new, d, rep, same = _apply(r, disposition, None, force)
            done, replaced, unchanged = done + d, replaced + rep, unchanged + same
            if d or r.campaign != campaign_id:
                changed.append(replace(new, campaign=campaign_id))
        sha = ""
        if changed:
            message = f"Campagne {campaign_id} ({len(members)} reacties): {disposition.status}"
            sha = store.save_locked(dossier, changed, message, new=False)
    ids = tuple(r.id for r in responses if r.id in members)
    return DisposeResult(ids, done, sha, replaced, unchanged)


def campaign_members(responses: list[Response], campaign_id: str) -> set[str]:
    """The ids of a campaign: recorded on the responses, else found by detection.

    Raises:
        ConsultationError: when no campaign has this id.
    """
    recorded = {r.id for r in responses if r.campaign == campaign_id}
    if recorded:
        return recorded
    found = next((c for c in find_campaigns(responses, min_size=2) if c.id == campaign_id), None)
    if found is None:
        raise ConsultationError(
            f"onbekende campagne '{campaign_id}'; zie 'wetgeving responses campaigns'"
        )
    return set(found.members)


@dataclass(frozen=True)
class LinkResult:
    """What `respond link` changed: the point, what it was and what it became."""

    response: str
    point: int
    before: str
    after: str
    commit: str


def link(
    dossier: Dossier,
    response_id: str,
    provision: str,
    point: int | None = None,
    force: bool = False,
) -> LinkResult:
    """Link a point to a provision (a reference kept as written, or with `force` any point);
    the reference as written is kept in `written`. One commit.

    Raises:
        ConsultationError: unknown response or point, no point to link, or (without `force`)
            a point that is already linked.
        ProvisionRefError: the provision links nowhere (naming the nearest ones).
    """
    from wetgeving.consultation.provisions import linker

    with store.write_lock(dossier):
        response = store.load(dossier, response_id)
        open_ones = [n for n, p in enumerate(response.points, 1) if not p.linked]
        if point is None:
            if len(open_ones) != 1:
                which = ", ".join(map(str, open_ones))
                raise ConsultationError(
                    f"reactie {response.id} heeft geen niet-gekoppeld punt; geef --point N"
                    if not open_ones
                    else f"reactie {response.id} heeft {len(open_ones)} niet-gekoppelde "
                    f"punten ({which}); geef --point N"
                )
            point = open_ones[0]
        _check_point(response, point)
        old = response.points[point - 1]
        if old.linked and not force:
            raise ConsultationError(
                f"reactie {response.id}, punt {point} is al gekoppeld aan {old.ref}; "
                "geef --force om het anders te koppelen"
            )
        found = linker(dossier, response.version).link(provision, strict=True)
        written = old.written or (old.ref if not old.linked else "")
        new = replace(
            old, ref=found.ref, node=found.node, node_version=found.node_version,
            written=written if written != found.ref else "", linked=True,
        )  # fmt: skip
        points = tuple(new if n == point else p for n, p in enumerate(response.points, 1))
        message = f"Reactie {response.id}: punt {point} gekoppeld aan {found.ref}"
        sha = store.save_locked(dossier, [replace(response, points=points)], message, new=False)
    before = f"niet gekoppeld: '{old.ref}'" if not old.linked else old.ref
    return LinkResult(response.id, point, before, found.ref, sha)
