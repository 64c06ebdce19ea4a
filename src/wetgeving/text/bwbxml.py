"""Reading BWB XML safely: no entities, no DTD, no network, a depth limit, lines on elements.

The stdlib expat parser is used with every entity declaration refused and no external entity
handler, so a hostile file cannot expand entities, read local files or reach the network (XXE).
The DOCTYPE of real BWB files names a DTD on the web; expat never loads it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
import xml.parsers.expat as pyexpat
from pathlib import Path

from wetgeving import files
from wetgeving.errors import ParseError

MAX_XML_DEPTH = 200
MAX_XML_BYTES = 32 * 1024 * 1024
_LINE = "{urn:wetgeving}line"


def line(elem: ET.Element) -> int:
    """The line on which an element starts in its file (0 when unknown)."""
    return int(elem.get(_LINE, "0"))


class _Refused(Exception):
    """Raised inside expat callbacks for constructs we never accept."""


class _TooDeep(Exception):
    """Raised inside expat callbacks for elements nested deeper than MAX_XML_DEPTH."""


def _refuse_entity(*_args: object) -> None:
    raise _Refused("entiteitsdeclaraties zijn niet toegestaan")


def _refuse_external(*_args: object) -> int:
    raise _Refused("externe entiteiten worden niet geladen")


def read_xml(path: Path, shown: str | None = None) -> ET.Element:
    """Read and parse an XML file safely, with line numbers on the elements (see `line`).

    Raises:
        ParseError: when the file is missing, too big, not UTF-8, not well-formed or uses entities.
    """
    name = shown or str(path)
    return parse_xml(files.read_bytes(path, name, limit=MAX_XML_BYTES, what="XML-bestand"), name)


def parse_xml(data: bytes, name: str) -> ET.Element:
    """Parse XML bytes (see `read_xml`)."""
    text = files.decode_utf8(data, name, MAX_XML_BYTES)
    if text.startswith("<?xml"):
        # The text is already decoded; drop any encoding pseudo-attribute so expat reads it as is.
        end = text.find("?>")
        if end != -1:
            text = "\n" * text[:end].count("\n") + text[end + 2 :]
    builder = ET.TreeBuilder()
    expat = pyexpat.ParserCreate()

    depth = 0

    def opened(tag: str, attrs: dict[str, str]) -> None:
        nonlocal depth
        depth += 1
        if depth > MAX_XML_DEPTH:
            # The conversion walks the tree recursively; real BWB files nest about 15 deep.
            raise _TooDeep
        elem = builder.start(tag, attrs)
        elem.set(_LINE, str(expat.CurrentLineNumber))

    def closed(tag: str) -> None:
        nonlocal depth
        depth -= 1
        builder.end(tag)

    expat.StartElementHandler = opened
    expat.EndElementHandler = closed
    expat.CharacterDataHandler = builder.data
    expat.EntityDeclHandler = _refuse_entity
    expat.UnparsedEntityDeclHandler = _refuse_entity
    expat.ExternalEntityRefHandler = _refuse_external
    expat.SetParamEntityParsing(pyexpat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        expat.Parse(text, True)
        root: ET.Element = builder.close()
    except _Refused as exc:
        raise ParseError(name, expat.CurrentLineNumber, f"onveilige XML: {exc}") from None
    except _TooDeep:
        message = f"XML te diep genest (meer dan {MAX_XML_DEPTH} niveaus)"
        raise ParseError(name, expat.CurrentLineNumber, message) from None
    except pyexpat.ExpatError as exc:
        raise ParseError(name, exc.lineno, f"geen geldige XML ({_reason(exc)})") from None
    except AssertionError:
        raise ParseError(
            name, expat.CurrentLineNumber, "geen geldige XML (leeg document)"
        ) from None
    return root


# expat's reasons, in Dutch for the lawyer; any other keeps expat's own words.
_REASONS = {
    "mismatched tag": "sluittag hoort niet bij de open tag",
    "not well-formed (invalid token)": "ongeldig teken",
    "no element found": "geen element gevonden; het bestand is leeg of afgebroken",
    "unclosed token": "niet afgesloten tag of teken",
    "junk after document element": "tekst na het einde van het document",
    "undefined entity": "onbekende entiteit",
    "duplicate attribute": "attribuut komt dubbel voor",
    "unclosed CDATA section": "niet afgesloten CDATA-blok",
    "syntax error": "syntaxfout",
    "XML declaration not well-formed": "XML-declaratie ongeldig",
    "unknown encoding": "onbekende tekenset",
    "encoding specified in XML declaration is incorrect": "tekenset in XML-declaratie klopt niet",
    "reference to invalid character number": "verwijzing naar een ongeldig tekennummer",
    "partial character": "onvolledig teken",
    "unbound prefix": "onbekend namespace-voorvoegsel",
    "XML or text declaration not at start of entity": "XML-declaratie staat niet aan het begin",
    "recursive entity reference": "entiteit verwijst naar zichzelf",
    "limit on input amplification factor (from DTD and entities) breached": (
        "entiteiten vergroten de tekst te veel"
    ),
}


def _reason(exc: pyexpat.ExpatError) -> str:
    reason = pyexpat.ErrorString(exc.code) if exc.code else str(exc)
    return _REASONS.get(reason, reason)
