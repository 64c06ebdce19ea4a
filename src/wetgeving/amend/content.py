"""New provisions as a bill prints them ("4. Niet strafbaar is ...", "6°. aan het misdrijf ..."):
read from paragraphs into nodes, and written from nodes into paragraphs.

The published text has no bullets and often no indentation, so nesting is read from the markers:
a lid is "4.", an onderdeel "a.", "1°.", "i." or "–"; a marker of another kind than the open
onderdelen opens a level below them, one of an open level's kind continues that level. Where the
text is indented (as `wetgeving amend` writes it), the indentation decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wetgeving.amend.model import BODIES
from wetgeving.text.headings import read_article, read_division
from wetgeving.text.model import DIVISION_RANK, Node, normalise
from wetgeving.text.render import render_text
from wetgeving.text.structure import MARKER, Item, finish

# A heading's title may hold punctuation ("Artikel 5 Begripsbepalingen; reikwijdte") but does
# not end in it as a sentence does ("Artikel 251 is van overeenkomstige toepassing.").
_ARTICLE = re.compile(r"^Artikel\s+(?P<nr>[0-9][^\s]*?)\.?(?:\s+(?P<title>.*[^.;:\s]))?$")
_DIVISION_WORD = re.compile(
    r"^(?:(?P<ord>[A-Za-zë]+)\s+)?(?P<label>BOEK|TITEL|TITELDEEL|HOOFDSTUK|AFDELING|PARAGRAAF)\b"
)
_OTHER_BODY = re.compile(
    r"^(?:Enig artikel\.?(?:$|\s+.*[^.;:\s]$)|Bijlage(?:\s+[^\s.]+)?(?:\.\s|\.?$))"
)
_LID = re.compile(r"^(?P<nr>\d{1,3}[a-z]{0,2})\.(?:\s+(?P<text>.*))?$")
_ONDERDEEL = re.compile(r"^(?P<marker>\S+)(?:\s+(?P<text>.*))?$")


@dataclass(frozen=True, slots=True)
class Para:
    """One paragraph of an instruction file: its text, indentation and line."""

    text: str
    indent: int
    line: int


class ContentError(ValueError):
    """New text that cannot be read as the provisions it should be; message in Dutch."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def _marker_class(marker: str) -> str:
    """What series an onderdeel marker belongs to: letters, degrees, digits, roman, dash."""
    plain = marker.rstrip(".")
    if plain in ("–", "—", "-"):
        return "dash"
    if plain[:1].isdigit():
        return "degree" if plain[-1] in "°º" else "digit"
    if plain.isupper():
        return "capital"
    if re.fullmatch(r"[ivxlc]+", plain) and plain not in ("c", "l"):
        return "roman"
    return "letter"


def _onderdeel_marker(text: str) -> tuple[str, str] | None:
    m = _ONDERDEEL.match(text)
    if not m or not MARKER.match(m.group("marker")):
        return None
    marker = m.group("marker")
    if (
        not marker.endswith(".")
        and marker not in ("–", "—", "-")
        and not marker.endswith(("°", "º"))
    ):
        return None  # "a" alone is a word, "a." is a marker; "1°" is one either way
    return marker, m.group("text") or ""


def _body_heading(text: str, line: int) -> Item | None:
    """ "Artikel 273fa", "Enig artikel", "Bijlage I. Model" as an item; a sentence that starts
    with "Artikel 251 is ..." is no heading."""
    m = _ARTICLE.match(text)
    if m:
        return Item("artikel", m.group("nr"), line, title=m.group("title") or "")
    if _OTHER_BODY.match(text):
        found = read_article(text)
        if found is not None:
            return Item(found.kind, found.number, line, title=found.title)
    return None


def division_heading(text: str) -> Item | None:
    """A division heading ("Vierde Afdeling. Oplegging ...", "TITEL XXXI. ...") as an item."""
    m = _DIVISION_WORD.match(text)
    if m:  # the Staatsblad prints division headings in capitals
        words = [w.capitalize() for w in (m.group("ord"), m.group("label")) if w]
        text = " ".join(words) + text[m.end() :]
    found = read_division(text)
    if found is None:
        return None
    return Item(
        found.kind,
        found.number,
        0,
        marker=found.marker,
        title=found.title,
        rank=DIVISION_RANK[found.kind],
    )


class _Reader:
    """Builds items from the paragraphs of new text."""

    def __init__(self, paras: list[Para]) -> None:
        self.paras = paras
        self.indented = any(p.indent for p in paras)
        self.top: list[Item] = []
        # Open provisions from the outside in, with the indentation of their first line.
        self.stack: list[tuple[Item, int]] = []

    def container(self) -> Item | None:
        return self.stack[-1][0] if self.stack else None

    def run(self, kind: str) -> list[Item]:
        for para in self.paras:
            self.para(para, kind)
        return self.top

    def attach(self, item: Item, parent: Item | None) -> None:
        if parent is None:
            self.top.append(item)
        else:
            parent.children.append(item)

    def para(self, para: Para, kind: str) -> None:
        text = para.text
        if kind in DIVISION_RANK or kind in BODIES:
            div = division_heading(text) if kind in DIVISION_RANK else None
            if div is not None and (not self.stack or self.stack[0][0].kind in DIVISION_RANK):
                self.open_division(div)
                return
            article = _body_heading(text, para.line)
            if article is not None:
                while self.stack and self.stack[-1][0].kind not in DIVISION_RANK:
                    self.stack.pop()
                self.attach(article, self.container())
                self.stack.append((article, para.indent))
                return
            if not self.stack:
                what = "een artikel (‘Artikel 273fa’)" if kind == "artikel" else "een indelingskop"
                raise ContentError(para.line, f"nieuwe tekst begint niet met {what}: '{text[:50]}'")
        if self.lid(para, kind):
            return
        found = _onderdeel_marker(text)
        if found is not None:
            self.onderdeel(para, found[0], found[1], kind)
            return
        self.plain(para, kind)

    def open_division(self, div: Item) -> None:
        while self.stack and (
            self.stack[-1][0].kind not in DIVISION_RANK or self.stack[-1][0].rank >= div.rank
        ):
            self.stack.pop()
        self.attach(div, self.container())
        self.stack.append((div, 0))

    def lid(self, para: Para, kind: str) -> bool:
        m = _LID.match(para.text)
        if not m or kind == "onderdeel":
            return False
        if kind != "lid" and not any(i.kind in BODIES for i, _ in self.stack):
            return False
        if any(i.kind == "bijlage" for i, _ in self.stack):
            return False  # a bijlage has no leden: "1." in it is an onderdeel, as in a draft
        open_lid = next(((i, ind) for i, ind in reversed(self.stack) if i.kind == "lid"), None)
        if open_lid is not None:
            deepest = self.stack[-1][0]
            if self.indented:
                if para.indent > open_lid[1]:
                    return False  # indented below the lid: a numbered onderdeel
            elif deepest is open_lid[0] and m.group("nr") == "1":
                return False  # "1." right under a lid starts a numbered list
            elif (
                deepest.kind == "onderdeel"
                and _marker_class(deepest.marker) == "digit"
                and not _follows(open_lid[0].number, m.group("nr"))
            ):
                return False  # the next item of a numbered list, not the next lid
        while self.stack and self.stack[-1][0].kind not in (*BODIES, *DIVISION_RANK):
            self.stack.pop()
        item = Item("lid", m.group("nr"), para.line, marker=f"{m.group('nr')}.")
        text = m.group("text") or ""
        if text:
            item.alineas.append(normalise(text))
        self.attach(item, self.container())
        self.stack.append((item, para.indent))
        return True

    def onderdeel(self, para: Para, marker: str, text: str, kind: str) -> None:
        cls = _marker_class(marker)
        number = marker[:-1] if marker.endswith(".") and len(marker) > 1 else marker
        item = Item("onderdeel", number, para.line, marker=marker)
        if text:
            item.alineas.append(normalise(text))
        if self.indented:
            while (
                self.stack
                and self.stack[-1][1] >= para.indent
                and (self.stack[-1][0].kind == "onderdeel")
            ):
                self.stack.pop()
        else:
            level = next(
                (
                    k
                    for k in range(len(self.stack) - 1, -1, -1)
                    if self.stack[k][0].kind == "onderdeel"
                    and _marker_class(self.stack[k][0].marker) == cls
                ),
                None,
            )
            if level is not None:
                del self.stack[level:]
        parent = self.container()
        if parent is not None and parent.kind in DIVISION_RANK:
            raise ContentError(para.line, f"onderdeel '{marker}' staat buiten een artikel")
        self.attach(item, parent)
        self.stack.append((item, para.indent))

    def plain(self, para: Para, kind: str) -> None:
        text = normalise(para.text)
        if not self.stack:
            noun = {"lid": "een lid (‘4. ...’)", "onderdeel": "een onderdeel (‘c. ...’)"}
            what = noun.get(kind, f"een {kind}")
            raise ContentError(para.line, f"nieuwe tekst is geen {what}: '{text[:50]}'")
        owner = self.stack[-1][0]
        if self.indented:
            for candidate, indent in reversed(self.stack):
                if indent == para.indent or candidate.kind in (*BODIES, *DIVISION_RANK):
                    owner = candidate
                    break
        if owner.children:
            owner.children.append(Item("slotzin", "", para.line, alineas=[text]))
        elif owner.kind == "onderdeel" and not self.indented and len(self.stack) > 1:
            # Without indentation text after the last onderdeel ends the list (Ar 3.59: an
            # onderdeel holds no further sentence): a slotzin of the provision holding it.
            holder = self.stack[-2][0]
            holder.children.append(Item("slotzin", "", para.line, alineas=[text]))
            self.stack.pop()
        else:
            owner.alineas.append(text)


def _follows(previous: str, number: str) -> bool:
    return previous.isdigit() and number == str(int(previous) + 1)


def read_content(paras: list[Para], kind: str) -> tuple[Node, ...]:
    """Read new provisions of a kind ("artikel", "lid", "onderdeel" or a division).

    Raises:
        ContentError: naming the line of a paragraph that does not fit.
    """
    if not paras:
        raise ContentError(0, "de nieuwe tekst ontbreekt")
    items = _Reader(paras).run(kind)
    for item in items:
        if item.kind != kind:
            raise ContentError(
                item.line, f"nieuwe tekst bevat een {item.kind} waar een {kind} hoort"
            )
    return finish(items, "", "")


def read_text(paras: list[Para]) -> str:
    """New text that is not a provision (an aanhef, a sentence): its alinea, one per line."""
    if not paras:
        raise ContentError(0, "de nieuwe tekst ontbreekt")
    return "\n".join(normalise(p.text) for p in paras)


def content_lines(nodes: tuple[Node, ...] | list[Node]) -> list[tuple[int, str]]:
    """New provisions as the bill prints them: (indentation, paragraph) per line."""
    out: list[tuple[int, str]] = []
    for line in render_text(list(nodes)).split("\n"):
        if line.strip():
            stripped = line.lstrip(" ")
            out.append((len(line) - len(stripped), stripped))
    return out
