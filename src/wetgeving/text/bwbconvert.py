"""BWB XML elements -> the text model, for every kind of regulation (see docs/import.md).

A wet or AMvB holds its text in `wet-besluit/wettekst`, a ministeriële regeling, beleidsregel or
verordening in `regeling/regeling-tekst`; both may have `bijlage`s after the body. Everything a
draft can hold is kept verbatim (markers as published: "a.", "1°.", "a)", "1)", "–"); an element
it cannot hold stops the import with one line naming it, except in a bijlage, which is then left
out with a note. A circulaire has no articles and is refused.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from wetgeving.errors import ParseError
from wetgeving.text.bwbxml import line
from wetgeving.text.headings import PARAGRAPH_SIGN
from wetgeving.text.labels import marker_number
from wetgeving.text.model import Kind, Node, Regeling
from wetgeving.text.parse import LID_STYLE
from wetgeving.text.pasted import canonical_chars

_DIVISIONS: dict[str, Kind] = {
    "boek": "boek",
    "titeldeel": "titel",
    "titel": "titel",
    "hoofdstuk": "hoofdstuk",
    "afdeling": "afdeling",
    "paragraaf": "paragraaf",
}
_BODIES = ("wet-besluit/wettekst", "regeling/regeling-tekst")
# Elements that carry no provision text of their own (numbers are read where they belong).
_SKIP = frozenset({"kop", "meta-data", "nr", "label", "lidnr", "li.nr", "jcis", "brondata"})
# Block elements whose text is an alinea.
_TEXT = frozenset({"al", "redactie", "tussenkop"})
# Elements a draft cannot hold, in the words a lawyer uses.
_NAMES = {
    "table": "een tabel",
    "plaatje": "een afbeelding",
    "illustratie": "een afbeelding",
    "formule": "een formule",
    "definitielijst": "een definitielijst",
}
_NOT_TEXT = frozenset(_NAMES)
# List items without their own number: the mark the published list shows.
_LIST_MARKS = {"ndash": "–", "mdash": "—", "streep": "–"}
_CITED_AS = re.compile(r"aangehaald als:?\s+['‘\"“]?(?P<title>.+?)['’\"”]?(?:\.(?=\s|$)|$)")
_SHORT_TITLE = re.compile(r"\((?P<title>[^()]+)\)$")
_BRACKETED = re.compile(r"^\((\d+[a-z]?)\)$")


@dataclass(frozen=True, slots=True)
class Converted:
    """A converted BWB document: its id, the tree (without ids) and notes on what was left out."""

    bwb_id: str
    regeling: Regeling
    notes: tuple[str, ...]


class Unsupported(Exception):
    """An element a draft cannot hold; `where` is filled in by the caller that knows it."""

    def __init__(self, elem: ET.Element) -> None:
        super().__init__(elem.tag)
        self.elem = elem

    def reason(self, where: str) -> str:
        tag = self.elem.tag
        what = _NAMES.get(tag, "het element")
        return f"{what} (<{tag}>) in {where} kan niet in een concepttekst worden overgenomen"


def text_of(elem: ET.Element) -> str:
    """Text of an `al`: references and emphasis as plain text, editorial notes in brackets."""
    parts: list[str] = []

    def walk(e: ET.Element) -> None:
        if e.tag in _NOT_TEXT:
            raise Unsupported(e)
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
    return canonical_chars(joined)


def flat(elem: ET.Element | None) -> str:
    """The whole text of an element, whitespace collapsed, in canonical characters."""
    if elem is None:
        return ""
    return canonical_chars(" ".join("".join(elem.itertext()).split()))


def _where(kind: str, number: str) -> str:
    if kind == "artikel":
        return f"artikel {number}" if number else "het enig artikel"
    if kind == "bijlage":
        return f"bijlage {number}" if number else "de bijlage"
    return f"{kind} {number}".strip()


class _Importer:
    def __init__(self, name: str) -> None:
        self.name = name

    def refuse(self, exc: Unsupported, where: str) -> ParseError:
        return ParseError(self.name, line(exc.elem) or None, exc.reason(where))

    def top(self, elem: ET.Element) -> Node | None:
        """A division or article directly in the body or a division; None for a heading."""
        if elem.tag in _DIVISIONS:
            return self.division(elem, _DIVISIONS[elem.tag])
        if elem.tag in ("artikel", "enig-artikel"):
            return self.article(elem)
        if elem.tag in _SKIP:
            return None
        raise self.refuse(Unsupported(elem), "de tekst van de regeling")

    def division(self, elem: ET.Element, kind: Kind) -> Node:
        kop = elem.find("kop")
        number = flat(kop.find("nr") if kop is not None else None).replace(" ", "")
        title = flat(kop.find("titel") if kop is not None else None)
        label = flat(kop.find("label") if kop is not None else None)
        marker = PARAGRAPH_SIGN if label == PARAGRAPH_SIGN and kind == "paragraaf" else ""
        alineas = self.kop_notes(kop)
        children: list[Node] = []
        for child in elem:
            if child.tag in _TEXT:
                text = self.text(child, _where(kind, number))
                if text:
                    alineas.append(text)
            elif (node := self.top(child)) is not None:
                children.append(node)
        return Node(
            kind,
            number,
            "\n".join(alineas),
            tuple(children),
            marker=marker,
            title=title,
            line=line(elem),
        )

    def text(self, elem: ET.Element, where: str) -> str:
        try:
            return text_of(elem)
        except Unsupported as exc:
            raise self.refuse(exc, where) from None

    def kop_notes(self, kop: ET.Element | None) -> list[str]:
        if kop is None:
            return []
        return [t for t in (self.text(al, "een kop") for al in kop.findall("al")) if t]

    def article(self, elem: ET.Element) -> Node:
        kop = elem.find("kop")
        number = flat(kop.find("nr") if kop is not None else None).replace(" ", "")
        if not number and elem.tag != "enig-artikel":
            raise ParseError(self.name, line(elem), "artikel zonder nummer (<kop><nr> ontbreekt)")
        title = flat(kop.find("titel") if kop is not None else None)
        where = _where("artikel", number)
        try:
            text, children = self.body(elem, where, self.kop_notes(kop))
        except Unsupported as exc:
            raise self.refuse(exc, where) from None
        return Node("artikel", number, text, children, title=title, line=line(elem))

    def bijlage(self, elem: ET.Element) -> Node:
        """A bijlage as published.

        Raises:
            Unsupported: for an element a draft cannot hold (the caller leaves it out).
        """
        kop = elem.find("kop")
        number = flat(kop.find("nr") if kop is not None else None).replace(" ", "")
        title = flat(kop.find("titel") if kop is not None else None)
        text, children = self.body(elem, _where("bijlage", number), self.kop_notes(kop))
        return Node("bijlage", number, text, children, title=title, line=line(elem))

    def body(
        self, elem: ET.Element, where: str, alineas: list[str] | None = None
    ) -> tuple[str, tuple[Node, ...]]:
        """Own text and children of an artikel, lid, li or bijlage, in document order."""
        own = list(alineas or [])
        children: list[Node] = []

        def alinea(text: str, at: int) -> None:
            if not text:
                return
            if children:
                children.append(Node("slotzin", "", text, line=at))
            else:
                own.append(text)

        for child in elem:
            tag = child.tag
            if tag in _SKIP:
                continue
            if tag == "lid":
                children.append(self.lid(child, where))
            elif tag == "lijst":
                children.extend(self.items(child, where))
            elif tag in _TEXT:
                alinea(text_of(child), line(child))
            elif tag == "divisie" and elem.tag == "bijlage":
                # A part of a bijlage: its heading and text as alineas, in order.
                kop = child.find("kop")
                alinea(flat(kop.find("titel") if kop is not None else None), line(child))
                text, parts = self.body(child, where)
                for piece in text.split("\n"):
                    alinea(piece, line(child))
                children.extend(parts)
            else:
                raise Unsupported(child)
        return "\n".join(own), tuple(children)

    def lid(self, elem: ET.Element, where: str) -> Node:
        number = flat(elem.find("lidnr")).rstrip(".").replace(" ", "")
        text, children = self.body(elem, where)
        marker = f"{number}." if number else ""
        if m := _BRACKETED.match(number):
            number, marker = m.group(1), number  # "(1)", as older regulations number leden
        return Node("lid", number, text, children, marker=marker, line=line(elem))

    def items(self, lijst: ET.Element, where: str) -> list[Node]:
        out: list[Node] = []
        for li in lijst:
            if li.tag != "li":
                if li.tag in _SKIP:
                    continue
                raise Unsupported(li)
            marker = flat(li.find("li.nr")).replace(" ", "")
            if not marker:
                marker = _LIST_MARKS.get(lijst.get("type", ""), "")
            if not marker:
                raise ParseError(
                    self.name,
                    line(li) or None,
                    f"een opsommingsonderdeel zonder nummer of teken (<li> zonder <li.nr>) in "
                    f"{where} kan niet in een concepttekst worden overgenomen",
                )
            text, children = self.body(li, where)
            number = marker_number(marker)
            out.append(Node("onderdeel", number, text, children, marker=marker, line=line(li)))
        return out


def _document(root: ET.Element, name: str) -> ET.Element:
    doc = root
    if root.tag == "toestand":
        found = root.find("wetgeving")
        if found is None:
            raise ParseError(name, line(root), "geen BWB-XML: <toestand> zonder <wetgeving>")
        doc = found
    if doc.tag != "wetgeving":
        raise ParseError(
            name, line(doc), f"geen BWB-XML: hoofdelement is <{doc.tag}>, verwacht <wetgeving>"
        )
    return doc


def bwb_id(root: ET.Element) -> str:
    """The BWB id of a document ("BWBR0001854"), or "" when it has none."""
    doc = root.find("wetgeving") if root.tag == "toestand" else root
    return (doc.get("bwb-id") if doc is not None else None) or root.get("bwb-id") or ""


def convert(root: ET.Element, name: str, title: str | None = None) -> Converted:
    """Convert a parsed BWB document into its tree (without ids) and notes.

    Raises:
        ParseError: when the document is not BWB XML, holds no articles, or holds an element
            outside a bijlage that a draft cannot hold (named in the message).
    """
    doc = _document(root, name)
    body = next((b for p in _BODIES if (b := doc.find(p)) is not None), None)
    if body is None:
        body = next(
            (b for t in _BODIES if (b := doc.find(".//" + t.split("/")[1])) is not None), None
        )
    if body is None:
        circulaire = doc.find(".//circulaire-tekst")
        if circulaire is not None:
            raise ParseError(
                name,
                line(circulaire) or None,
                "een circulaire (<circulaire-tekst>) heeft geen artikelen en kan niet als "
                "concepttekst worden ingelezen",
            )
        raise ParseError(name, line(doc), "geen BWB-XML: <wettekst> of <regeling-tekst> ontbreekt")
    importer = _Importer(name)
    children = [node for child in body if (node := importer.top(child)) is not None]
    if not any(True for _ in Regeling("", "", tuple(children)).articles()):
        raise ParseError(name, line(body), f"geen BWB-XML: <{body.tag}> bevat geen artikelen")
    chosen = title or _title(doc, children)
    notes: list[str] = []
    for elem in doc.iter("bijlage"):
        try:
            children.append(importer.bijlage(elem))
        except Unsupported as exc:
            number = flat(elem.find("kop/nr"))
            where = _where("bijlage", number)
            notes.append(f"{where} is weggelaten: {exc.reason(where)} (regel {line(exc.elem)})")
    found = bwb_id(root)
    chosen = chosen or found or Path(name).stem
    meta: tuple[tuple[str, str], ...] = (("bron", f"BWB-XML {Path(name).name}"),)
    lids = [n for top in children for n in top.walk() if n.kind == "lid"]
    if lids and lids[0].marker.startswith("("):
        # The front matter says "(1)": only then can every lid read back with its marker.
        odd = next((n for n in lids if n.marker != f"({n.number})"), None)
        if odd is not None:
            raise ParseError(
                name,
                odd.line or None,
                f"lid '{odd.marker}' is anders genummerd dan de andere leden ('(1)'); een "
                "concepttekst kan maar één nummering van leden hebben",
            )
        meta = (*meta, (LID_STYLE, "(1)"))
    regeling = Regeling(chosen, found, tuple(children), meta=meta, path=name)
    return Converted(found, regeling, tuple(notes))


def _title(doc: ET.Element, children: list[Node]) -> str:
    """The regulation's name: its citeertitel (element or "... wordt aangehaald als: X"),
    else the short title the intitule ends with in brackets, else the intitule."""
    citeer = flat(doc.find(".//citeertitel"))
    if citeer:
        return citeer
    for node in Regeling("", "", tuple(children)).walk():
        if m := _CITED_AS.search(node.text):
            return m.group("title").strip()
    intitule = flat(doc.find("intitule"))
    m = _SHORT_TITLE.search(intitule)
    return m.group("title").strip() if m else intitule
