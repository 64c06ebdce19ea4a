"""What Word displays for its automatic numbering (numbering.xml), as a lawyer sees it.

A numbered paragraph names a numbering instance (`w:num`, by `w:numId`) and a level (`w:ilvl`).
The instance points to an abstract definition (`w:abstractNum`) whose levels hold the start
value, the number format (decimal, lowerLetter, lowerRoman, ...) and the text around the number
(`w:lvlText`, "%1." or "%2°."). Word counts per abstract definition, so instances of the same
definition continue one list, unless an instance overrides the start of a level
(`w:lvlOverride/w:startOverride`, what "Opnieuw nummeren" writes): then the level starts again at
the first paragraph of that instance. A level restarts after a paragraph of a higher level
(`w:lvlRestart` says after which level, 0 never).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PLACEHOLDER = re.compile(r"%([1-9])")
_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)
# Bullets Word users pick; a draft knows only the dash as an unnumbered list mark.
BULLET = "–"


def attr(element: ET.Element | None, name: str = "val") -> str | None:
    """A `w:` attribute of an element (None when the element or attribute is missing)."""
    return None if element is None else element.get(W + name)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def roman(n: int) -> str:
    """Lower-case Roman numeral (1 -> 'i')."""
    out = []
    for value, digits in _ROMAN:
        while n >= value:
            out.append(digits)
            n -= value
    return "".join(out)


def formatted(value: int, fmt: str) -> str:
    """A counter value in a Word number format."""
    if fmt in ("lowerLetter", "upperLetter"):
        # Word repeats the letter after z: aa, bb, ... (as the Aanwijzingen do).
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1) if value > 0 else ""
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        text = roman(value)
        return text.upper() if fmt == "upperRoman" else text
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "ordinal":
        return f"{value}e"  # Dutch Word shows "1e"
    if fmt == "none":
        return ""
    return str(value)


@dataclass(frozen=True, slots=True)
class Level:
    """One level of an abstract numbering definition."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # w:lvlRestart (1-based level after which it restarts)
    legal: bool = False  # w:isLgl: every number shown decimal
    suffix: str = "tab"  # w:suff: tab, space or nothing
    indent: int = 0  # w:pPr/w:ind w:left, in twips


def _level(element: ET.Element) -> Level:
    ind = element.find(f"{W}pPr/{W}ind")
    indent = _int(attr(ind, "left") or attr(ind, "start"), 0)
    restart = element.find(f"{W}lvlRestart")
    return Level(
        start=_int(attr(element.find(f"{W}start")), 1),
        fmt=attr(element.find(f"{W}numFmt")) or "decimal",
        text=attr(element.find(f"{W}lvlText")) or "",
        restart=None if restart is None else _int(attr(restart), 0),
        legal=element.find(f"{W}isLgl") is not None,
        suffix=attr(element.find(f"{W}suff")) or "tab",
        indent=indent,
    )


@dataclass
class Numbering:
    """The numbering definitions of a document and the counters while it is read in order."""

    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    instances: dict[str, str] = field(default_factory=dict)  # numId -> abstractNumId
    overrides: dict[tuple[str, int], tuple[int | None, Level | None]] = field(default_factory=dict)
    style_links: dict[str, str] = field(default_factory=dict)  # abstract -> style name
    style_nums: dict[str, str] = field(default_factory=dict)  # style id -> numId
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    applied: set[tuple[str, int]] = field(default_factory=set)

    @classmethod
    def read(cls, root: ET.Element | None, style_nums: dict[str, str]) -> Numbering:
        """The definitions of numbering.xml (None when the document has none)."""
        numbering = cls(style_nums=style_nums)
        if root is None:
            return numbering
        for element in root.iter(f"{W}abstractNum"):
            key = attr(element, "abstractNumId") or ""
            numbering.abstract[key] = {
                _int(attr(lvl, "ilvl"), 0): _level(lvl) for lvl in element.iter(f"{W}lvl")
            }
            link = attr(element.find(f"{W}numStyleLink"))
            if link:
                numbering.style_links[key] = link
        for element in root.iter(f"{W}num"):
            num_id = attr(element, "numId") or ""
            numbering.instances[num_id] = attr(element.find(f"{W}abstractNumId")) or ""
            for over in element.iter(f"{W}lvlOverride"):
                ilvl = _int(attr(over, "ilvl"), 0)
                start = over.find(f"{W}startOverride")
                lvl = over.find(f"{W}lvl")
                numbering.overrides[(num_id, ilvl)] = (
                    None if start is None else _int(attr(start), 1),
                    None if lvl is None else _level(lvl),
                )
        return numbering

    def _abstract_of(self, num_id: str) -> str:
        key = self.instances.get(num_id, "")
        # A definition that only links to a numbering style takes that style's list.
        for _ in range(3):
            link = self.style_links.get(key)
            if link is None or link not in self.style_nums:
                break
            key = self.instances.get(self.style_nums[link], key)
        return key

    def level(self, num_id: str, ilvl: int) -> Level | None:
        """The level a paragraph of this instance and level shows (None: not numbered)."""
        key = self._abstract_of(num_id)
        if key not in self.abstract:
            return None
        override = self.overrides.get((num_id, ilvl))
        if override is not None and override[1] is not None:
            return override[1]
        return self.abstract[key].get(ilvl)

    def label(self, num_id: str, ilvl: int) -> tuple[str, Level] | None:
        """Count one paragraph of (numId, ilvl) and return the label Word shows for it."""
        if num_id in ("", "0") or num_id not in self.instances:
            return None
        key = self._abstract_of(num_id)
        lvl = self.level(num_id, ilvl)
        if lvl is None:
            return None
        counts = self.counters.setdefault(key, {})
        override = self.overrides.get((num_id, ilvl))
        if override is not None and override[0] is not None and (num_id, ilvl) not in self.applied:
            self.applied.add((num_id, ilvl))
            counts[ilvl] = override[0]
        elif ilvl in counts:
            counts[ilvl] += 1
        else:
            counts[ilvl] = lvl.start
        for deeper in [d for d in counts if d > ilvl]:
            restart = (self.level(num_id, deeper) or Level()).restart
            if restart is None or (restart != 0 and ilvl < restart):
                del counts[deeper]
        if lvl.fmt == "bullet":
            return BULLET, lvl

        def shown(match: re.Match[str]) -> str:
            n = int(match.group(1)) - 1
            other = self.level(num_id, n) or Level()
            value = counts.get(n, other.start)
            return formatted(value, "decimal" if lvl.legal and n != ilvl else other.fmt)

        return _PLACEHOLDER.sub(shown, lvl.text), lvl
