"""The heading lines of the draft format, both ways (see docs/draft-format.md).

`#` headings are divisions ("Tweede Boek. Misdrijven", "Titel XVIII. ...", "§ 1. Algemeen"),
`##` headings are articles ("Artikel 273f", "Enig artikel") and bijlagen ("Bijlage I. Titel",
"Bijlage. Titel"). `read_division` / `read_article` parse the text of a heading; `heading` writes
it back, so that every heading reads back as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wetgeving.text.labels import division_heading, is_ordinal_word
from wetgeving.text.model import DIVISION_RANK, Kind, Node

# A paragraaf may be headed "§ 1" as in the published text (Ar 97: "het §-teken"); the node keeps
# "§" as its marker so the heading is written back so.
PARAGRAPH_SIGN = "§"

_DIVISION = re.compile(
    r"^(?P<label>Boek|Titel|Titeldeel|Hoofdstuk|Afdeling|Paragraaf|§)\s+"
    r"(?P<nr>[^\s.]+(?:\.[^\s.]+)*)\.?(?:\s+(?P<title>.+))?$"
)
_DIVISION_ORDINAL_FIRST = re.compile(
    r"^(?P<nr>[A-Z][a-zë]+)\s+(?P<label>Boek|Titel|Hoofdstuk|Afdeling|Paragraaf)\.?(?:\s+(?P<title>.+))?$"
)
# A division without a number ("Titel. Slotbepaling"), as BWB has for some titles.
_DIVISION_UNNUMBERED = re.compile(
    r"^(?P<label>Boek|Titel|Titeldeel|Hoofdstuk|Afdeling|Paragraaf)\.(?:\s+(?P<title>.+))?$"
)
_ARTICLE = re.compile(r"^Artikel\s+(?P<nr>[^\s]+?)\.?(?:\s+(?P<title>.+))?$")
# Ar 95 (3.54): a regulation of one article has "Enig artikel" above it, without a number.
_ENIG = re.compile(r"^Enig artikel\.?(?:\s+(?P<title>.+))?$")
# A bijlage with or without a number; the title follows after ". " ("Bijlage. Model ...").
_BIJLAGE = re.compile(r"^Bijlage(?:\s+(?P<nr>[^\s.]+))?(?:\.(?:\s+(?P<title>.+))?)?$")


@dataclass(frozen=True, slots=True)
class Heading:
    """What a heading line says: the kind of node, its number, title and (for "§") marker."""

    kind: Kind
    number: str
    title: str
    marker: str = ""


def read_division(content: str) -> Heading | None:
    """The division a `#` heading names, or None when it names none."""
    m = _DIVISION_UNNUMBERED.match(content)
    if m:
        return Heading(_division_kind(m.group("label")), "", m.group("title") or "")
    m = _DIVISION_ORDINAL_FIRST.match(content)
    # "Tweede Afdeling" needs a real ordinal; "<Word> Boek" was always accepted (contract).
    if m and m.group("label") != "Boek" and not is_ordinal_word(m.group("nr")):
        m = None
    m = m or _DIVISION.match(content)
    if not m:
        return None
    label = m.group("label")
    marker = PARAGRAPH_SIGN if label == PARAGRAPH_SIGN else ""
    return Heading(_division_kind(label), m.group("nr"), m.group("title") or "", marker)


def _division_kind(label: str) -> Kind:
    if label == PARAGRAPH_SIGN:
        return "paragraaf"
    low = label.lower()
    kind: Kind = "titel" if low == "titeldeel" else low  # type: ignore[assignment]
    return kind


def read_article(content: str) -> Heading | None:
    """The article or bijlage a `##` heading names, or None when it names neither."""
    m = _ARTICLE.match(content)
    if m:
        return Heading("artikel", m.group("nr"), m.group("title") or "")
    m = _ENIG.match(content)
    if m:
        return Heading("artikel", "", m.group("title") or "")
    m = _BIJLAGE.match(content)
    if m:
        return Heading("bijlage", m.group("nr") or "", m.group("title") or "")
    return None


def heading(node: Node) -> str:
    """The heading line of a division, article or bijlage, without the '#' marks."""
    if node.kind == "artikel":
        head = f"Artikel {node.number}" if node.number else "Enig artikel"
        return f"{head} {node.title}" if node.title else head
    if node.kind == "bijlage":
        head = f"Bijlage {node.number}" if node.number else "Bijlage"
        return f"{head}. {node.title}" if node.title else head
    if node.marker == PARAGRAPH_SIGN and node.number:
        head = f"{PARAGRAPH_SIGN} {node.number}"
    else:
        head = division_heading(node.kind, node.number)
    if node.kind in DIVISION_RANK and not node.number:
        return f"{head}. {node.title}" if node.title else f"{head}."
    return f"{head}. {node.title}" if node.title else head
