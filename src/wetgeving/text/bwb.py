"""Import wetten.overheid.nl BWB XML into the text model (and so into the draft format).

The stdlib expat parser is used with every entity declaration refused and no external entity
handler, so a hostile file cannot expand entities, read local files or reach the network (XXE).
The DOCTYPE of real BWB files names a DTD on the web; expat never loads it.
"""

from __future__ import annotations

import difflib
import xml.etree.ElementTree as ET
import xml.parsers.expat as pyexpat
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from wetgeving import files
from wetgeving.errors import ParseError, ProvisionRefError
from wetgeving.text.model import Kind, Node, Regeling
from wetgeving.text.parse import parse
from wetgeving.text.render import render_markdown

MAX_XML_DEPTH = 200
MAX_XML_BYTES = 32 * 1024 * 1024
_LINE = "{urn:wetgeving}line"
_DIVISIONS: dict[str, Kind] = {
    "boek": "boek",
    "titeldeel": "titel",
    "titel": "titel",
    "hoofdstuk": "hoofdstuk",
    "afdeling": "afdeling",
    "paragraaf": "paragraaf",
}
# Elements around the statute text that are not provisions (preamble, signatures).
_SKIP = {"kop", "meta-data", "nr", "label", "lidnr", "li.nr"}


@dataclass(frozen=True, slots=True)
class BwbImport:
    """The result of an import: the regulation and how many articles it holds."""

    regeling: Regeling
    bwb_id: str
    markdown: str
    articles: int


class _Refused(Exception):
    """Raised inside expat callbacks for constructs we never accept."""


class _TooDeep(Exception):
    """Raised inside expat callbacks for elements nested deeper than MAX_XML_DEPTH."""


def _refuse_entity(*_args: object) -> None:
    raise _Refused("entiteitsdeclaraties zijn niet toegestaan")


def _refuse_external(*_args: object) -> int:
    raise _Refused("externe entiteiten worden niet geladen")


def read_xml(path: Path) -> ET.Element:
    """Read and parse an XML file safely, with line numbers on the elements.

    Raises:
        ParseError: when the file is missing, too big, not UTF-8, not well-formed or uses entities.
    """
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_XML_BYTES:
            raise ParseError(
                name, None, f"bestand is te groot ({files.megabytes(size)} MB; maximaal 32 MB)"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise ParseError(name, None, "bestand bestaat niet") from None
    except IsADirectoryError:
        raise ParseError(name, None, "is een map, geen XML-bestand") from None
    except OSError as exc:
        raise ParseError(name, None, f"kan niet worden gelezen ({files.reason(exc)})") from None
    return parse_xml(data, name)


def parse_xml(data: bytes, name: str) -> ET.Element:
    """Parse XML bytes (see `read_xml`)."""
    if len(data) > MAX_XML_BYTES:
        raise ParseError(name, None, "bestand is te groot (maximaal 32 MB)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ParseError(name, line, "bestand is geen UTF-8-tekst") from None
    if text.startswith("\ufeff"):
        text = text[1:]
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


def _line(elem: ET.Element) -> int:
    return int(elem.get(_LINE, "0"))


def _text(elem: ET.Element) -> str:
    """Text of an `al`: references and emphasis as plain text, editorial notes in brackets."""
    parts: list[str] = []

    def walk(e: ET.Element) -> None:
        if e.tag == "redactie" and e.get("type") == "extra":
            inner = " ".join("".join(e.itertext()).split())
            parts.append(f" [{inner}] " if inner else "")
        else:
            if e.text:
                parts.append(e.text)
            for child in e:
                walk(child)
                if child.tail:
                    parts.append(child.tail)

    walk(elem)
    joined = " ".join("".join(parts).split())
    # An editorial note before punctuation must not leave a space before it.
    for mark in (";", ".", ",", ":"):
        joined = joined.replace(f"] {mark}", f"]{mark}")
    return joined


def _flat(elem: ET.Element | None) -> str:
    if elem is None:
        return ""
    return " ".join("".join(elem.itertext()).split())


class _Importer:
    def __init__(self, name: str) -> None:
        self.name = name

    def division(self, elem: ET.Element, kind: Kind) -> Node:
        kop = elem.find("kop")
        number = _flat(kop.find("nr") if kop is not None else None).replace(" ", "")
        title = _flat(kop.find("titel") if kop is not None else None)
        alineas = self.kop_notes(kop)
        children: list[Node] = []
        for child in elem:
            if child.tag in _DIVISIONS:
                children.append(self.division(child, _DIVISIONS[child.tag]))
            elif child.tag == "artikel":
                children.append(self.article(child))
            elif child.tag == "al":
                text = _text(child)
                if text:
                    alineas.append(text)
        return Node(
            kind, number, "\n".join(alineas), tuple(children), title=title, line=_line(elem)
        )

    def kop_notes(self, kop: ET.Element | None) -> list[str]:
        if kop is None:
            return []
        return [t for t in (_text(al) for al in kop.findall("al")) if t]

    def article(self, elem: ET.Element) -> Node:
        kop = elem.find("kop")
        number = _flat(kop.find("nr") if kop is not None else None).replace(" ", "")
        if not number:
            raise ParseError(self.name, _line(elem), "artikel zonder nummer (<kop><nr> ontbreekt)")
        title = _flat(kop.find("titel") if kop is not None else None)
        alineas = self.kop_notes(kop)
        text, children = self.body(elem, "onderdeel", alineas)
        return Node("artikel", number, text, children, title=title, line=_line(elem))

    def body(
        self, elem: ET.Element, list_kind: Kind, alineas: list[str] | None = None
    ) -> tuple[str, tuple[Node, ...]]:
        """Own text and children of an artikel, lid or li, with `al` and `lijst` in any order."""
        own = list(alineas or [])
        children: list[Node] = []
        for child in elem:
            if child.tag in _SKIP:
                continue
            if child.tag == "lid":
                children.append(self.lid(child))
            elif child.tag == "lijst":
                children.extend(self.items(child, list_kind))
            else:
                text = _text(child)
                if not text:
                    continue
                if children:
                    children.append(Node("slotzin", "", text, line=_line(child)))
                else:
                    own.append(text)
        return "\n".join(own), tuple(children)

    def lid(self, elem: ET.Element) -> Node:
        number = _flat(elem.find("lidnr")).rstrip(".").replace(" ", "")
        text, children = self.body(elem, "onderdeel")
        marker = f"{number}." if number else ""
        return Node("lid", number, text, children, marker=marker, line=_line(elem))

    def items(self, lijst: ET.Element, kind: Kind) -> list[Node]:
        out: list[Node] = []
        for li in lijst.findall("li"):
            marker = _flat(li.find("li.nr")).replace(" ", "")
            number = marker[:-1] if marker.endswith(".") and len(marker) > 1 else marker
            text, children = self.body(li, "onderdeel")
            out.append(Node(kind, number, text, children, marker=marker, line=_line(li)))
        return out


def _bwb_id(root: ET.Element) -> str:
    doc = root.find("wetgeving") if root.tag == "toestand" else root
    return (doc.get("bwb-id") if doc is not None else None) or root.get("bwb-id") or ""


def convert(root: ET.Element, name: str, title: str | None = None) -> tuple[str, Regeling]:
    """Convert a parsed BWB document into (bwb id, tree without ids).

    Raises:
        ParseError: when the document is not BWB XML.
    """
    doc = root
    if root.tag == "toestand":
        found = root.find("wetgeving")
        if found is None:
            raise ParseError(name, _line(root), "geen BWB-XML: <toestand> zonder <wetgeving>")
        doc = found
    if doc.tag != "wetgeving":
        raise ParseError(
            name, _line(doc), f"geen BWB-XML: hoofdelement is <{doc.tag}>, verwacht <wetgeving>"
        )
    wettekst = doc.find("wet-besluit/wettekst")
    if wettekst is None:
        wettekst = doc.find(".//wettekst")
    if wettekst is None:
        raise ParseError(name, _line(doc), "geen BWB-XML: <wettekst> ontbreekt")
    bwb_id = doc.get("bwb-id") or root.get("bwb-id") or ""
    importer = _Importer(name)
    children: list[Node] = []
    for child in wettekst:
        if child.tag in _DIVISIONS:
            children.append(importer.division(child, _DIVISIONS[child.tag]))
        elif child.tag == "artikel":
            children.append(importer.article(child))
    if not children:
        raise ParseError(name, _line(wettekst), "geen BWB-XML: <wettekst> bevat geen artikelen")
    citeer = _flat(doc.find(".//citeertitel"))
    intitule = _flat(doc.find("intitule"))
    chosen = title or citeer or intitule or bwb_id or Path(name).stem
    meta = (("bron", f"BWB-XML {Path(name).name}"),)
    return bwb_id, Regeling(chosen, bwb_id, tuple(children), meta=meta, path=name)


def _select(nodes: tuple[Node, ...], wanted: set[str]) -> tuple[Node, ...]:
    out: list[Node] = []
    for node in nodes:
        if node.kind == "artikel":
            if node.number in wanted:
                out.append(node)
        elif node.children:
            kept = _select(node.children, wanted)
            if kept:
                out.append(
                    Node(node.kind, node.number, node.text, kept, title=node.title, line=node.line)
                )
    return tuple(out)


def select_articles(regeling: Regeling, numbers: Sequence[str]) -> Regeling:
    """Keep only the named articles (and the divisions around them).

    Raises:
        ProvisionRefError: naming the nearest article numbers when one does not exist.
    """
    present = [a.number for a in regeling.articles()]
    wanted: set[str] = set()
    for raw in numbers:
        number = raw.strip()
        low = number.lower()
        for prefix in ("artikel ", "art. ", "art "):
            if low.startswith(prefix):
                number = number[len(prefix) :].strip()
        if number not in present:
            near = difflib.get_close_matches(number, present, n=3, cutoff=0.6)
            hint = f"; bedoelt u: {', '.join('artikel ' + n for n in near)}?" if near else ""
            raise ProvisionRefError(f"artikel {number} komt niet voor in {regeling.path}{hint}")
        wanted.add(number)
    return Regeling(
        regeling.title,
        regeling.regulation,
        _select(regeling.children, wanted),
        meta=regeling.meta,
        path=regeling.path,
    )


def _bare(node: Node) -> Node:
    return replace(node, id="", label="", children=tuple(_bare(c) for c in node.children))


def _verify(built: Regeling, parsed: Regeling, name: str) -> None:
    """Refuse to write a draft that would not read back as the imported text."""
    for before, after in zip(built.walk(), parsed.walk(), strict=False):
        if before.kind == "artikel" and _bare(before) != _bare(after):
            raise ParseError(
                name,
                before.line or None,
                f"artikel {before.number} kan niet zonder verlies als concepttekst worden "
                "geschreven (nummering die Markdown niet kan weergeven)",
            )
    if sum(1 for _ in built.walk()) != sum(1 for _ in parsed.walk()):
        raise ParseError(name, None, "de regeling kan niet zonder verlies worden omgezet")


def import_bwb(
    path: Path,
    articles: Sequence[str] = (),
    title: str | None = None,
    known_titles: Mapping[str, str] | None = None,
) -> BwbImport:
    """Read a BWB XML file and return the draft (tree with ids and its canonical Markdown).

    Raises:
        ParseError: when the file cannot be read or is not BWB XML.
        ProvisionRefError: when a selected article does not exist.
    """
    root = read_xml(path)
    bwb_id, regeling = convert(root, str(path), title or (known_titles or {}).get(_bwb_id(root)))
    if articles:
        regeling = select_articles(regeling, articles)
    markdown = render_markdown(regeling)
    parsed = parse(markdown, str(path))
    _verify(regeling, parsed, str(path))
    count = sum(1 for _ in parsed.articles())
    return BwbImport(parsed, bwb_id, markdown, count)
