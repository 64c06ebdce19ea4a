"""`wetgeving show VERSIE --format docx`: a version (or chosen articles) as a Word concept."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from wetgeving.errors import UsageError

if TYPE_CHECKING:
    from wetgeving.text.model import Node, Regeling
    from wetgeving.versiontext import VersionText


def concept_version(
    version: VersionText, chosen: list[tuple[Regeling, tuple[Node, ...] | None]]
) -> bytes:
    """The .docx concept of the chosen regelingen (`None`: whole) or articles of a version.

    Raises:
        UsageError: when a chosen provision is a lid or onderdeel (a concept holds articles).
    """
    from wetgeving.documents import docx

    regelingen = []
    for regeling, nodes in chosen:
        if nodes is None:
            regelingen.append(regeling)
            continue
        if any(node.kind not in ("artikel", "bijlage") for node in nodes):
            raise UsageError("--format docx toont alleen hele artikelen; laat lid en onderdeel weg")
        regelingen.append(replace(regeling, children=tuple(nodes)))
    return docx.concept(replace(version, regelingen=tuple(regelingen)))
