"""The parts of a Word package (.docx), read safely: XML without DOCTYPE, size limits, styles.

Only the standard library: a part that declares a DOCTYPE or an entity is refused, so nothing is
ever expanded or fetched (XXE-safe), and a part larger than `PART_LIMIT` is not read.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass

from wetgeving.errors import ParseError
from wetgeving.text.wordnumbering import W, attr

PART_LIMIT = 64 * 1024 * 1024
_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_MAIN = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
TRUE = (None, "1", "true", "on")


@dataclass(frozen=True, slots=True)
class Style:
    """What the reader needs of a paragraph or character style (None: not set here)."""

    name: str
    based: str | None
    bold: bool | None
    num: tuple[str, int] | None
    indent: int | None
    outline: int | None


def local(tag: str) -> str:
    """An element's name without its namespace."""
    return tag.rsplit("}", 1)[-1]


def part_xml(archive: zipfile.ZipFile, name: str, shown: str) -> ET.Element | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > PART_LIMIT:
        raise ParseError(shown, None, f"onderdeel {name} is te groot om in te lezen")
    with archive.open(info) as stream:
        data = stream.read(PART_LIMIT + 1)
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise ParseError(shown, None, f"onderdeel {name} bevat een DOCTYPE; geweigerd (onveilig)")
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise ParseError(shown, None, f"onderdeel {name} is geen geldige XML ({exc})") from None


def targets(archive: zipfile.ZipFile, shown: str) -> tuple[str, dict[str, str]]:
    """The main document part and its related parts by relationship type (last word)."""
    main = "word/document.xml"
    rels = part_xml(archive, "_rels/.rels", shown)
    for rel in rels.iter(f"{_PKG}Relationship") if rels is not None else ():
        if rel.get("Type") == _MAIN:
            main = posixpath.normpath(rel.get("Target", main).lstrip("/"))
    folder = posixpath.dirname(main)
    related: dict[str, str] = {}
    part_rels = part_xml(archive, f"{folder}/_rels/{posixpath.basename(main)}.rels", shown)
    for rel in part_rels.iter(f"{_PKG}Relationship") if part_rels is not None else ():
        if rel.get("TargetMode") == "External":
            continue
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        target = rel.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else f"{folder}/{target}"
        related[kind] = posixpath.normpath(path)
    return main, related


def bold_of(rpr: ET.Element | None) -> bool | None:
    b = rpr.find(f"{W}b") if rpr is not None else None
    return None if b is None else attr(b) in TRUE


def read_styles(root: ET.Element | None) -> dict[str, Style]:
    styles: dict[str, Style] = {}
    for element in root.iter(f"{W}style") if root is not None else ():
        num_pr = element.find(f"{W}pPr/{W}numPr")
        num = None
        if num_pr is not None:
            num_id = attr(num_pr.find(f"{W}numId")) or ""
            num = (num_id, int(attr(num_pr.find(f"{W}ilvl")) or 0))
        ind = element.find(f"{W}pPr/{W}ind")
        left = attr(ind, "left") or attr(ind, "start")
        outline = attr(element.find(f"{W}pPr/{W}outlineLvl"))
        styles[attr(element, "styleId") or ""] = Style(
            name=(attr(element.find(f"{W}name")) or "").lower(),
            based=attr(element.find(f"{W}basedOn")),
            bold=bold_of(element.find(f"{W}rPr")),
            num=num,
            indent=int(left) if left and left.lstrip("-").isdigit() else None,
            outline=int(outline) if outline and outline.isdigit() else None,
        )
    return styles


def inherited(styles: dict[str, Style], style_id: str | None, field: str) -> object:
    seen = 0
    while style_id and style_id in styles and seen < 20:
        value = getattr(styles[style_id], field)
        if value is not None:
            return value
        style_id, seen = styles[style_id].based, seen + 1
    return None
