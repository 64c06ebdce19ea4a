"""`wetgeving import docx`: a Word concept written into the dossier's drafts/ folder."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from wetgeving.errors import UsageError
from wetgeving.text.check import check_text, write_atomic
from wetgeving.text.concept import ConceptImport, read_concept

if TYPE_CHECKING:
    from wetgeving.dossier import Dossier

_UNSAFE = re.compile(r"[^\w.-]+")


@dataclass(frozen=True, slots=True)
class ImportedConcept:
    """A concept written into drafts/.

    Attributes:
        concept: What was read.
        target: The draft file written.
        problems: What `wetgeving check` says of the new draft ("regel 12: ..."), one line each.
    """

    concept: ConceptImport
    target: Path
    problems: tuple[str, ...]


def default_target(dossier: Dossier, source: Path) -> Path:
    """drafts/<name of the Word file>.md, its name reduced to letters, digits, '-', '_', '.'."""
    stem = _UNSAFE.sub("-", source.stem).strip("-.") or "concept"
    return dossier.drafts / f"{stem}.md"


def checked_target(dossier: Dossier, output: Path | None, source: Path) -> Path:
    """The draft file to write: inside drafts/, a .md file.

    Raises:
        UsageError: when the path lies outside drafts/ or is not a .md file.
    """
    target = default_target(dossier, source) if output is None else output
    drafts = dossier.drafts.resolve()
    resolved = target.resolve()
    if drafts not in resolved.parents:
        raise UsageError(
            f"{output}: een concepttekst hoort in {dossier.drafts.name}/; kies daar een pad"
        )
    if resolved.suffix != ".md":
        raise UsageError(f"{output}: een concepttekst is een .md-bestand")
    return resolved


def import_docx(
    dossier: Dossier, source: Path, output: Path | None, force: bool, accept: bool
) -> ImportedConcept:
    """Read a Word concept and write it as a draft (atomically; an existing file needs `force`).

    Raises:
        ParseError: when the document cannot be read as a concept (naming the Word paragraph).
        UsageError: for a target outside drafts/, or one that exists without `force`.
    """
    target = checked_target(dossier, output, source)
    concept = read_concept(source, accept, fallback_title=dossier.regulation or "")
    shown = str(target.relative_to(dossier.root.resolve()))
    write_atomic(target, concept.markdown, force, shown)
    problems = tuple(str(p) for p in check_text(concept.markdown, shown))
    return ImportedConcept(concept, target, problems)
