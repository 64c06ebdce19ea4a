"""Dispositions: what was done with a point (the reactietabel), per point, response or campaign."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from wetgeving.consultation import store
from wetgeving.consultation.campaigns import find_campaigns
from wetgeving.consultation.model import (
    CAMPAIGN_RE,
    STATUSES,
    Disposition,
    Response,
    check_choice,
    check_version,
    clean_text,
)
from wetgeving.errors import ConsultationError

if TYPE_CHECKING:
    from wetgeving.dossier import Dossier

MAX_REASON = 5000


@dataclass(frozen=True)
class DisposeResult:
    """What `dispose` changed.

    Attributes:
        responses: Ids of the responses changed.
        points: Number of points given the disposition.
        commit: The commit id.
    """

    responses: tuple[str, ...]
    points: int
    commit: str


def make_disposition(status: str, reason: str, in_version: str = "") -> Disposition:
    """Validate and build a disposition.

    Raises:
        ConsultationError: unknown status, empty or overlong reason, invalid version name.
    """
    check_choice("status", status, STATUSES)
    text = " ".join(clean_text(reason).split())
    if not text:
        raise ConsultationError("geef met --reason aan waarom (de motivering is verplicht)")
    if len(text) > MAX_REASON:
        raise ConsultationError(f"de motivering is langer dan {MAX_REASON} tekens")
    return Disposition(status, text, check_version(in_version) if in_version else "")


def _apply(response: Response, disposition: Disposition, point: int | None) -> Response:
    if not response.points:
        raise ConsultationError(f"reactie {response.id} heeft geen punten")
    if point is not None and not 1 <= point <= len(response.points):
        raise ConsultationError(
            f"reactie {response.id} heeft geen punt {point} (punten 1 tot en met "
            f"{len(response.points)})"
        )
    points = tuple(
        replace(p, disposition=disposition) if point is None or n == point else p
        for n, p in enumerate(response.points, 1)
    )
    return replace(response, points=points)


def dispose(
    dossier: Dossier, response_id: str, disposition: Disposition, point: int | None = None
) -> DisposeResult:
    """Record a disposition on one point (or all points) of a response; one commit.

    Raises:
        ConsultationError: unknown response or point.
    """
    with store.write_lock(dossier):
        response = store.load(dossier, response_id)
        changed = _apply(response, disposition, point)
        what = f"punt {point}" if point is not None else "alle punten"
        message = f"Reactie {response.id}: {what} {disposition.status}"
        sha = store.save_locked(dossier, [changed], message, new=False)
    count = 1 if point is not None else len(response.points)
    return DisposeResult((response.id,), count, sha)


def dispose_campaign(dossier: Dossier, campaign_id: str, disposition: Disposition) -> DisposeResult:
    """Record a disposition on every point of every member of a campaign; one commit.

    Raises:
        ConsultationError: invalid or unknown campaign id.
    """
    if not CAMPAIGN_RE.fullmatch(campaign_id):
        raise ConsultationError(f"ongeldig campagne-id '{campaign_id}' (bijvoorbeeld C1a2b3c4d)")
    with store.write_lock(dossier):
        responses = store.load_all(dossier)
        campaigns = find_campaigns(responses, min_size=2)
        campaign = next((c for c in campaigns if c.id == campaign_id), None)
        if campaign is None:
            raise ConsultationError(
                f"onbekende campagne '{campaign_id}'; zie 'wetgeving responses campaigns'"
            )
        wanted = set(campaign.members)
        changed = [
            replace(_apply(r, disposition, None), campaign=campaign_id)
            for r in responses
            if r.id in wanted
        ]
        message = f"Campagne {campaign_id} ({len(changed)} reacties): {disposition.status}"
        sha = store.save_locked(dossier, changed, message, new=False)
    return DisposeResult(tuple(r.id for r in changed), sum(len(r.points) for r in changed), sha)
