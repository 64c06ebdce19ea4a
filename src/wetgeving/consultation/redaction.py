"""Redaction: replace flagged personal data in a response's texts before publication."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from wetgeving.consultation import privacy, store

if TYPE_CHECKING:
    from wetgeving.dossier import Dossier


@dataclass(frozen=True)
class Redacted:
    """What `redact_response` changed.

    Attributes:
        response: Id of the response.
        found: The flags that were replaced, as (point number, kind, text).
        commit: The commit id, or None when there was nothing to redact.
    """

    response: str
    found: tuple[tuple[int, str, str], ...]
    commit: str | None


def redact_response(dossier: Dossier, response_id: str) -> Redacted:
    """Replace every flagged e-mail address, phone number, BSN or IBAN in the points; one commit.

    Raises:
        ConsultationError: unknown or invalid response id.
        GitError: when the commit fails (the file is then restored).
    """
    with store.write_lock(dossier):
        response = store.load(dossier, response_id)
        flags = privacy.response_flags(response)
        if not flags:
            return Redacted(response.id, (), None)
        points = tuple(replace(p, text=privacy.redact(p.text)) for p in response.points)
        found = tuple((n, f.label, f.text) for n, f in flags)
        message = f"Reactie {response.id}: persoonsgegevens weggelakt ({len(found)})"
        sha = store.save_locked(dossier, [replace(response, points=points)], message, new=False)
    return Redacted(response.id, found, sha)
