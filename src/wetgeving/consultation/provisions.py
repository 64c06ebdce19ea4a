"""Provision references in responses, checked against the version consulted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wetgeving.consultation.model import GENERAL, check_version
from wetgeving.errors import ConsultationError, ProvisionRefError

if TYPE_CHECKING:
    from wetgeving.dossier import Dossier
    from wetgeving.text.model import Regeling

_GENERAL_WORDS = {"", "algemeen", "alg", "alg.", "-", "geen", "n.v.t.", "nvt", "algemene reactie"}


def default_version(dossier: Dossier) -> str:
    """Return the newest recorded version (the one normally out for consultation).

    Raises:
        ConsultationError: when no version is recorded yet.
    """
    from wetgeving import history

    versions = history.list_versions(dossier)
    if not versions:
        raise ConsultationError(
            "er is nog geen versie vastgelegd; leg eerst een versie vast of geef --version"
        )
    return versions[-1].name


class Resolver:
    """Resolves provision references against one version, caching per distinct text."""

    def __init__(self, version: str, regelingen: tuple[Regeling, ...]) -> None:
        self.version = version
        self.regelingen = regelingen
        self._cache: dict[str, tuple[str, str] | ProvisionRefError] = {}

    @classmethod
    def load(cls, dossier: Dossier, version: str) -> Resolver:
        """Load the text of `version` (a recorded version or revision).

        Raises:
            VersionError: unknown version.
        """
        from wetgeving.text.load import load_version

        check_version(version)
        text = load_version(dossier, version)
        return cls(version, text.regelingen)

    def point(self, text: str) -> tuple[str, str]:
        """Return (citation label, node id) for a reference, ("algemeen", "") for general.

        Raises:
            ProvisionRefError: when it does not parse or does not exist in the version,
                naming the nearest valid provisions.
        """
        key = " ".join(text.split())
        if key.casefold() in _GENERAL_WORDS:
            return GENERAL, ""
        hit = self._cache.get(key)
        if hit is None:
            from wetgeving.text.refs import parse_ref, resolve

            try:
                node = resolve(parse_ref(key), self.regelingen, self.version)
                hit = (node.label, node.id)
            except ProvisionRefError as exc:
                hit = exc
            self._cache[key] = hit
        if isinstance(hit, ProvisionRefError):
            raise ProvisionRefError(hit.message)
        return hit
