"""A concept text typed in Word, read into the text model and so into the draft format.

Lawyers type "Artikel 273f" in bold or a heading style, number leden and onderdelen by hand
("1.", "a.", "1°.") or let Word number them; `text.wordread` gives every paragraph as Word shows
it. Here the paragraphs become the tree: division headings, articles, leden, onderdelen (nested
by the kind of their marker, as a lawyer reads them), alinea and slotzinnen (by indent). The draft
is rendered and read back, and refused when it would not read back as the Word text, naming the
Word paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from wetgeving.errors import ParseError
from wetgeving.text.headings import read_article, read_division
from wetgeving.text.labels import marker_number
from wetgeving.text.model import DIVISION_RANK, Kind, Node, Regeling, normalise
from wetgeving.text.parse import parse_lenient
from wetgeving.text.pasted import SPACES, canonical_chars
from wetgeving.text.render import render_markdown
from wetgeving.text.wordread import WordParagraph, read_paragraphs

# A marker typed or shown in front of a lid or onderdeel, and the text after it. A number or
# letter needs its closing "." or ")" (or "°") unless a tab follows, so "1 januari" stays text.
_MARKED = re.compile(
    rf"^[ {SPACES}]*(?P<m>(?:\d{{1,3}}[a-z]?[°º]|\d{{1,3}}e|\d{{1,3}}[a-z]{{0,2}}|[a-z]{{1,2}}"
    rf"|[ivxlc]{{1,6}}|[A-Z])[.)]|\(\d{{1,3}}[a-z]?\)|\d{{1,3}}[a-z]?[°º]|[–—•-])"
    rf"(?:\t|[ {SPACES}]+)(?P<rest>.*)$",
    re.DOTALL,
)
_TABBED = re.compile(r"^\s*(?P<m>\d{1,3}[a-z]?|[a-z]{1,2})\t(?P<rest>.*)$", re.DOTALL)
_LID = re.compile(r"^(?:\d{1,3}\.|\(\d{1,3}\))$")
_META = re.compile(r"^(?P<key>[a-z][a-z0-9_-]{0,30}):\s+(?P<value>\S.*)$")
_DIVISION_WORD = re.compile(
    r"^(BOEK|TITEL|TITELDEEL|HOOFDSTUK|AFDELING|PARAGRAAF)\b", re.IGNORECASE
)
_SEPARATOR = re.compile(r"^(?P<head>\S+\s+\S+?)\s*(?:[-–—:]|\.)\s+(?P<title>\S.*)$")
_TOLERANCE = 60  # twips: indents typed by hand are not exact


@dataclass(frozen=True, slots=True)
class ConceptImport:
    """A concept read from Word.

    Attributes:
        regeling: The draft's tree, with ids and labels.
        markdown: The draft text.
        articles: How many articles it holds.
        notes: What was left out (text before the first heading), one Dutch line each.
    """

    regeling: Regeling
    markdown: str
    articles: int
    notes: tuple[str, ...] = ()


@dataclass(slots=True)
class _Item:
    kind: Kind
    number: str = ""
    marker: str = ""
    title: str = ""
    alineas: list[str] = field(default_factory=list)
    children: list[_Item] = field(default_factory=list)
    indent: int = 0
    kind_of_marker: str = ""
    index: int = 0

    def node(self) -> Node:
        text = normalise("\n".join(canonical_chars(a) for a in self.alineas))
        return Node(
            kind=self.kind,
            number=self.number,
            text=text,
            children=tuple(c.node() for c in self.children),
            marker=self.marker,
            title=canonical_chars(self.title),
            line=self.index,
        )


def _marker_kind(marker: str, open_kinds: list[str]) -> str:
    """The kind of list a marker belongs to: letters, degrees, digits, Roman numerals, dashes."""
    core = marker.rstrip(".)").lstrip("(")
    close = marker[-1] if marker[-1] in ".)" else ""
    if core in ("–", "—", "-", "•"):
        return "dash"
    if core.endswith(("°", "º")):
        return "degree"
    if core.endswith("e") and core[:-1].isdigit():
        return "ordinal"
    if core[:1].isdigit():
        return "digit" + close
    if core.isupper():
        return "upper" + close
    roman = all(c in "ivxlc" for c in core)
    if (
        roman
        and ("letter" + close) not in open_kinds
        and (core == "i" or ("roman" + close) in open_kinds)
    ):
        return "roman" + close
    return "letter" + close


def _split_marker(para: WordParagraph) -> tuple[str, str] | None:
    """The marker and text of a numbered paragraph (Word's own label first)."""
    if para.label:
        rest = para.text[len(para.text) - len(para.text.lstrip()) :]
        rest = rest.lstrip()[len(para.label) :].lstrip(f" \t{SPACES}")
        label = "–" if para.label in ("•", "-", "·", "o", "▪") else para.label
        return label, rest
    m = _MARKED.match(para.text)
    tabbed = None if m else _TABBED.match(para.text)
    if tabbed is not None:
        # "1<tab>Tekst": the number typed without its period, which the draft writes.
        return tabbed.group("m") + ".", tabbed.group("rest")
    if m is None:
        return None
    marker = m.group("m")
    if marker == "•":
        marker = "–"
    return marker, m.group("rest")


class _Builder:
    def __init__(self, shown: str) -> None:
        self.shown = shown
        self.top: list[_Item] = []
        self.divisions: list[_Item] = []
        self.body: _Item | None = None  # the open article or bijlage
        self.chain: list[_Item] = []  # the open lid and onderdelen in it
        self.title = ""
        self.meta: list[tuple[str, str]] = []
        self.notes: list[str] = []
        self.lidnummering = ""

    def error(self, para: WordParagraph, message: str) -> ParseError:
        return ParseError(self.shown, None, f"alinea {para.index}: {message}")

    # --- headings ---------------------------------------------------------------------------

    def heading(self, para: WordParagraph) -> bool:
        text = " ".join(canonical_chars(para.text).split())
        styled = para.bold or (para.heading is not None and para.heading > 0)
        if _DIVISION_WORD.match(text):
            word = text.split()[0]
            text = word.capitalize() + text[len(word) :]
        m = _SEPARATOR.match(text)
        candidates = [text]
        if m and not text.startswith(("Artikel", "Enig", "Bijlage")):
            candidates.insert(0, f"{m.group('head')}. {m.group('title')}")
        for candidate in candidates:
            division = read_division(candidate)
            if division is not None and (styled or not division.title or ". " in candidate):
                self.division(para, division.kind, division.number, division.title, division.marker)
                return True
            found = read_article(candidate)
            if found is not None and (styled or not found.title):
                self.open_body(para, found.kind, found.number, found.title)
                return True
        return False

    def division(
        self, para: WordParagraph, kind: Kind, number: str, title: str, marker: str
    ) -> None:
        rank = DIVISION_RANK[kind]
        while self.divisions and DIVISION_RANK[self.divisions[-1].kind] >= rank:
            self.divisions.pop()
        item = _Item(kind, number, marker=marker, title=title, index=para.index)
        (self.divisions[-1].children if self.divisions else self.top).append(item)
        self.divisions.append(item)
        self.body, self.chain = None, []

    def open_body(self, para: WordParagraph, kind: Kind, number: str, title: str) -> None:
        item = _Item(kind, number, title=title, index=para.index)
        if kind == "bijlage":
            self.divisions = []
        (self.divisions[-1].children if self.divisions else self.top).append(item)
        self.body, self.chain = item, []

    def title_line(self, para: WordParagraph) -> bool:
        """A bold line right under a heading without title is its title ("Hoofdstuk 1" /
        "Algemene bepalingen" on two lines)."""
        last = self.body or (self.divisions[-1] if self.divisions else None)
        if last is None or last.title or last.alineas or last.children:
            return False
        if not (para.bold or (para.heading is not None and para.heading > 0)):
            return False
        if _split_marker(para) is not None:
            return False
        last.title = " ".join(para.text.split())
        return True

    # --- provisions ------------------------------------------------------------------------

    def provision(self, para: WordParagraph) -> None:
        if self.body is None:
            if self.divisions and not self.divisions[-1].children:
                self.divisions[-1].alineas.append(para.text)
                return
            self.preamble(para)
            return
        split = _split_marker(para)
        if split is None:
            self.alinea(para)
            return
        marker, rest = canonical_chars(split[0]), split[1]
        if _LID.match(marker) and self.is_lid(para):
            self.lid(para, marker, rest)
            return
        self.onderdeel(para, marker, rest)

    def is_lid(self, para: WordParagraph) -> bool:
        """A "1." is a lid, unless it stands deeper than the open lid (a numbered list in it)."""
        assert self.body is not None
        if self.body.kind == "bijlage":
            return False
        lid = self.chain[0] if self.chain and self.chain[0].kind == "lid" else None
        if lid is None:
            return not any(c.kind == "onderdeel" for c in self.body.children)
        auto = lid.kind_of_marker.startswith("auto")
        if para.level is not None and auto and para.level > int(lid.kind_of_marker[4:]):
            return False
        return para.indent <= lid.indent + _TOLERANCE

    def lid(self, para: WordParagraph, marker: str, rest: str) -> None:
        assert self.body is not None
        if marker.startswith("("):
            self.lidnummering = "(1)"
        number = marker.strip("().")
        shown = f"({number})" if marker.startswith("(") else f"{number}."
        item = _Item("lid", number, marker=shown, index=para.index, indent=para.indent)
        item.kind_of_marker = f"auto{para.level}" if para.level is not None else "hand"
        item.alineas.append(rest)
        self.body.children.append(item)
        self.chain = [item]

    def onderdeel(self, para: WordParagraph, marker: str, rest: str) -> None:
        assert self.body is not None
        kinds = [c.kind_of_marker for c in self.chain if c.kind == "onderdeel"]
        kind = _marker_kind(marker, kinds)
        lid_open = [c for c in self.chain if c.kind == "lid"]
        chain = [c for c in self.chain if c.kind == "onderdeel"]
        if kind in kinds:
            at = max(i for i, k in enumerate(kinds) if k == kind)
            chain = chain[:at]
        parent = chain[-1] if chain else (lid_open[0] if lid_open else self.body)
        if parent.children and parent.children[-1].kind == "slotzin":
            raise self.error(para, f"onderdeel '{marker}' na de slotzin van een opsomming")
        item = _Item("onderdeel", marker_number(marker), marker=marker, index=para.index)
        item.indent, item.kind_of_marker = para.indent, kind
        item.alineas.append(rest)
        parent.children.append(item)
        self.chain = [*lid_open, *chain, item]

    def alinea(self, para: WordParagraph) -> None:
        """An unnumbered paragraph: a further alinea of what was numbered last, or a slotzin.

        A further alinea stands at the text of its lid or onderdeel; text after a list that
        stands further left is the slotzin of the provision whose text it lines up with.
        """
        assert self.body is not None
        text = para.text.strip()
        if not self.chain:
            if self.body.children:
                self.body.children.append(_Item("slotzin", alineas=[text], index=para.index))
            else:
                self.body.alineas.append(text)
            return
        deepest = self.chain[-1]
        if not deepest.children and (
            deepest.kind == "lid" or para.indent >= deepest.indent - _TOLERANCE > 0
        ):
            deepest.alineas.append(text)
            return
        holders = [c for c in (self.body, *self.chain) if c.children]
        holder = holders[-1]
        for item in reversed(holders):
            indent = 0 if item is self.body else item.indent
            if indent <= para.indent + _TOLERANCE:
                holder = item
                break
        holder.children.append(_Item("slotzin", alineas=[text], index=para.index))
        self.chain = [] if holder is self.body else self.chain[: self.chain.index(holder) + 1]

    def preamble(self, para: WordParagraph) -> None:
        text = " ".join(para.text.split())
        m = _META.match(text)
        if not self.title and (para.heading == 0 or para.bold or para.heading):
            self.title = text
        elif m and m.group("key") not in ("titel",):
            self.meta.append((m.group("key"), m.group("value")))
        else:
            short = text if len(text) <= 50 else text[:49] + "…"
            self.notes.append(
                f"alinea {para.index} staat vóór het eerste artikel en is weggelaten: '{short}'"
            )


def build(
    paragraphs: list[WordParagraph], shown: str, fallback_title: str
) -> tuple[Regeling, tuple[str, ...]]:
    """The tree of a concept's paragraphs (ids and labels are given by reading the draft back)."""
    builder = _Builder(shown)
    for para in paragraphs:
        if builder.heading(para):
            continue
        if builder.title_line(para):
            continue
        builder.provision(para)
    meta = builder.meta
    regulation = next((v for k, v in meta if k == "regeling"), "")
    meta = [(k, v) for k, v in meta if k not in ("regeling", "lidnummering")]
    if builder.lidnummering:
        meta.append(("lidnummering", builder.lidnummering))
    regeling = Regeling(
        title=builder.title or fallback_title,
        regulation=regulation,
        children=tuple(i.node() for i in builder.top),
        meta=tuple(meta),
        path=shown,
    )
    return regeling, tuple(builder.notes)


def _bare(node: Node) -> Node:
    return replace(node, id="", label="", children=tuple(_bare(c) for c in node.children))


def _first_difference(built: tuple[Node, ...], parsed: tuple[Node, ...]) -> Node | None:
    for before, after in zip(built, parsed, strict=False):
        if _bare(before) != _bare(after):
            if before.kind in DIVISION_RANK and before.children and after.children:
                inner = _first_difference(before.children, after.children)
                if inner is not None:
                    return inner
            return before
    if len(built) != len(parsed):
        return built[min(len(built), len(parsed)) - 1] if built else None
    return None


def read_concept(path: Path, accept: bool = False, fallback_title: str = "") -> ConceptImport:
    """Read a Word concept and return the draft (tree with ids and its canonical Markdown).

    Args:
        path: The .docx file.
        accept: Read tracked changes as accepted.
        fallback_title: The title when the document has no title paragraph.

    Raises:
        ParseError: naming the file (and the Word paragraph) when it cannot be read as a draft.
    """
    shown = str(path)
    paragraphs = read_paragraphs(path, accept, shown)
    built, notes = build(paragraphs, shown, fallback_title or path.stem)
    if not any(True for _ in built.articles()) and not any(
        n.kind == "bijlage" for n in built.children
    ):
        raise ParseError(
            shown, None, "geen artikel gevonden; begin elk artikel met een alinea 'Artikel 1'"
        )
    markdown = render_markdown(built)
    parsed, errors = parse_lenient(markdown, shown)
    bad = _first_difference(built.children, parsed.children)
    if errors or bad is not None or _bare_all(built) != _bare_all(parsed):
        where = f"alinea {bad.line}" if bad is not None and bad.line else "het document"
        detail = (
            errors[0].detail
            if errors
            else "nummering of opbouw die een concepttekst niet kan weergeven"
        )
        raise ParseError(
            shown, None, f"{where} kan niet als concepttekst worden gelezen ({detail})"
        )
    count = sum(1 for _ in parsed.articles())
    return ConceptImport(parsed, markdown, count, notes)


def _bare_all(regeling: Regeling) -> tuple[Node, ...]:
    return tuple(_bare(c) for c in regeling.children)
