"""Provision references in responses: checked against the version consulted, then against the
law in force and the bill's own structure, and otherwise kept as written ("niet gekoppeld")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wetgeving.consultation.model import GENERAL, check_version
from wetgeving.errors import ConsultationError, ProvisionRefError, VersionError

if TYPE_CHECKING:
    from wetgeving.dossier import Dossier
    from wetgeving.text.model import Regeling

_GENERAL_WORDS = {"", "algemeen", "alg", "alg.", "-", "geen", "n.v.t.", "nvt", "algemene reactie"}
# "ARTIKEL I, onderdeel B", "Artikel I onderdeel BB, onder 2", "onderdeel C" (capitals only
# without ARTIKEL: "onderdeel c" alone is an onderdeel of a lid, not of the bill).
_BILL = re.compile(
    r"artikel\s+(?P<art>[IVXLC]+)\s*[,.]?\s*(?:onderdeel\s+)?(?P<ond>[A-Za-z]{1,4})(?=$|[\s,.;:])",
    re.I,
)
_BILL_BARE = re.compile(r"(?i:onderdeel)\s+(?P<ond>[A-Z]{1,4})(?=$|[\s,.;:])")
# "ARTIKEL I" alone: the one change of an ARTIKEL that makes one (no onderdeel letter, Ar 6.15).
_BILL_WHOLE = re.compile(r"artikel\s+(?P<art>[IVXLC]+)[.,;:]?", re.I)


def default_version(dossier: Dossier) -> str:
    """The version under consultation: `[consultatie] versie` in wetgeving.toml, else the newest.

    Raises:
        ConsultationError: when no version is recorded yet.
        DossierError: when wetgeving.toml names a version that does not exist.
    """
    from wetgeving import history
    from wetgeving.consultation import settings
    from wetgeving.errors import DossierError

    versions = [v.name for v in history.list_versions(dossier)]
    configured = settings.load(dossier).version
    if configured:
        if configured not in versions:
            known = ", ".join(versions) if versions else "geen"
            raise DossierError(
                f"{dossier.root / 'wetgeving.toml'}: consultatie.versie: versie '{configured}' "
                f"bestaat niet; bekende versies: {known}"
            )
        return configured
    if not versions:
        raise ConsultationError(
            "er is nog geen versie vastgelegd; leg eerst een versie vast of geef --version"
        )
    return versions[-1]


class Resolver:
    """Resolves provision references against one version, caching per distinct text."""

    def __init__(self, version: str, regelingen: tuple[Regeling, ...]) -> None:
        self.version = version
        self.regelingen = regelingen
        self._cache: dict[str, tuple[str, str] | ProvisionRefError] = {}

    # A Resolver is a version for `compare_versions` (name, commit, regelingen).
    @property
    def name(self) -> str:
        return self.version

    @property
    def commit(self) -> str | None:
        return None

    @classmethod
    def load(cls, dossier: Dossier, version: str) -> Resolver:
        """Load the text of `version` (a recorded version or revision).

        Raises:
            VersionError: unknown version.
        """
        from wetgeving.versiontext import load_version

        check_version(version)
        text = load_version(dossier, version)
        return cls(text.name, text.regelingen)

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


@dataclass(frozen=True, slots=True)
class Link:
    """Where a reference in a response points (the provision fields of a `Point`).

    Attributes:
        ref: Citation, "algemeen", or (not linked) the reference as written.
        node: Node id, "" for general and unlinked references.
        node_version: The version holding `node` when not the consulted one.
        written: The reference as written, when read as the bill's structure or not linked.
        linked: False when the reference resolved nowhere.
        note: Dutch notice for the lawyer when the reference was not simply found in the
            consulted version ("" otherwise).
    """

    ref: str
    node: str
    node_version: str = ""
    written: str = ""
    linked: bool = True
    note: str = ""


class Linker:
    """Links references: the consulted version, then the law in force, then ARTIKEL I of the
    bill (its onderdelen computed from the law in force to the consulted version), else kept as
    written. Each distinct reference is worked out once."""

    def __init__(self, dossier: Dossier, consulted: Resolver, in_force: str) -> None:
        self.dossier = dossier
        self.consulted = consulted
        self.in_force_name = in_force if in_force != consulted.version else ""
        self._in_force: Resolver | bool | None = False  # False: not loaded yet
        self._bill: dict[str, dict[str, str]] | None = None
        self._cache: dict[str, Link] = {}

    @property
    def version(self) -> str:
        """The consulted version."""
        return self.consulted.version

    def _law_in_force(self) -> Resolver | None:
        if self._in_force is False:
            self._in_force = None
            if self.in_force_name:
                try:
                    self._in_force = Resolver.load(self.dossier, self.in_force_name)
                except (VersionError, ConsultationError):
                    self._in_force = None  # no such version: nothing to resolve against
        return self._in_force if isinstance(self._in_force, Resolver) else None

    def _bill_parts(self) -> dict[str, dict[str, str]]:
        """ARTIKEL number -> onderdeel letter -> the article it changes ("" for a division); the
        letter is "" for the one change of an ARTIKEL that makes one.

        Read from the amending bill itself, as `wetgeving amend` writes it from the law in force
        to the consulted version, so a reaction on "onderdeel B" is tied to what the bill calls
        B; when the bill cannot be written, the letters of `compare.bill` over the changed
        articles (the same lettering, without divisions).
        """
        if self._bill is None:
            self._bill = {}
            base = self._law_in_force()
            if base is not None:
                from wetgeving.compare import compare_versions
                from wetgeving.compare.bill import onderdelen
                from wetgeving.errors import AmendError

                comparison = compare_versions(base, self.consulted)
                try:
                    from wetgeving.amend.build import make_bill

                    bill = make_bill(comparison, base, self.consulted)
                    self._bill = {
                        article.number: {p.letter: p.article for p in article.onderdelen}
                        for article in bill.articles
                    }
                except AmendError:
                    self._bill = {"I": onderdelen(comparison)}
        return self._bill

    def link(self, text: str, strict: bool = False) -> Link:
        """Link one reference.

        With `strict` (a person at the keyboard), a reference that links nowhere is refused
        with the nearest provisions of the consulted version instead of being kept as written.

        Raises:
            ProvisionRefError: only with `strict`.
        """
        key = " ".join(text.split())
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._work_out(key)
        if strict and not found.linked:
            self.consulted.point(key)  # raises the consulted version's own error
        return found

    def _work_out(self, key: str) -> Link:
        try:
            ref, node = self.consulted.point(key)
            return Link(ref, node)
        except ProvisionRefError as exc:
            first = exc.message
        base = self._law_in_force()
        if base is not None:
            try:
                ref, node = base.point(key)
                note = (
                    f"'{key}' bestaat niet in versie {self.version}; gekoppeld aan {ref} "
                    f"in versie {base.version} (het geldende recht)"
                )
                return Link(ref, node, node_version=base.version, note=note)
            except ProvisionRefError:
                pass
        bill = _BILL_WHOLE.fullmatch(key) or _BILL.match(key) or _BILL_BARE.match(key)
        if bill is not None:
            return self._bill_link(key, bill)
        note = f"{first.split('; bedoelt u')[0]}; opgeslagen zoals geschreven (niet gekoppeld)"
        return Link(key, "", written="", linked=False, note=note)

    def _bill_link(self, key: str, m: re.Match[str]) -> Link:
        from wetgeving.compare.bill import onderdeel_index

        roman = (m.groupdict().get("art") or "I").upper()
        letter = (m.groupdict().get("ond") or "").upper()
        parts = self._bill_parts()
        unlinked = "opgeslagen zoals geschreven (niet gekoppeld)"
        letters = parts.get(roman)
        if not letters:
            if not parts:
                base = self.in_force_name or "geldend"
                why = f"zonder versie '{base}' zijn de onderdelen van het wetsvoorstel onbekend"
            else:
                why = f"het wetsvoorstel heeft geen ARTIKEL {roman}"
            return Link(key, "", linked=False, note=f"'{key}': {why}; {unlinked}")
        single = list(letters) == [""]  # one change, no letter; "onderdeel A" of an older draft
        if single and letter in ("", "A"):
            letter = ""
        elif onderdeel_index(letter) is None or letter not in letters:
            if single:
                why = f"ARTIKEL {roman} bevat één wijziging, zonder onderdelen"
            else:
                why = f"ARTIKEL {roman} heeft de onderdelen A tot en met {list(letters)[-1]}"
                why += "; noem het onderdeel" if not letter else ""
            return Link(key, "", linked=False, note=f"'{key}': {why}; {unlinked}")
        article = letters[letter]
        place = f", onderdeel {letter}," if letter else ""
        where = f"ARTIKEL {roman}{place} van het wetsvoorstel"
        for resolver in (self.consulted, self._law_in_force()):
            if resolver is None or not article:
                continue
            try:
                ref, node = resolver.point(f"artikel {article}")
            except ProvisionRefError:
                continue
            in_version = "" if resolver is self.consulted else resolver.version
            note = f"'{key}' gekoppeld aan {ref} ({where})"
            return Link(ref, node, node_version=in_version, written=key, note=note)
        note = f"'{key}': {where} wijzigt geen artikel; {unlinked}"
        return Link(key, "", linked=False, note=note)


def linker(dossier: Dossier, version: str) -> Linker:
    """A Linker for `version`, with the law in force named in wetgeving.toml.

    Raises:
        VersionError: unknown version.
        DossierError: invalid `[consultatie]` settings.
    """
    from wetgeving.consultation import settings

    return Linker(dossier, Resolver.load(dossier, version), settings.load(dossier).in_force)
