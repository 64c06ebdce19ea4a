"""Read wijzigingsopdrachten as published (plain text or Markdown, as copied from
officielebekendmakingen.nl) into a `Bill`, every problem named with its line.

Structure: an optional "ARTIKEL I" and "Het Wetboek van Strafrecht wordt als volgt gewijzigd:",
onderdelen "A", "B", ... (a letter alone on its line, or "A." before the sentence), numbered
items "1.", "a." under "... wordt als volgt gewijzigd:", and the new text after "luidende:" or
"komt te luiden:". New text ends where a paragraph starts that is the next item of an open
group and reads as a wijzigingsopdracht, a new onderdeel letter or a new ARTIKEL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from wetgeving.amend.cite import cardinal
from wetgeving.amend.clauses import FormulaError, mask
from wetgeving.amend.content import ContentError, Para, read_content, read_text
from wetgeving.amend.formulas import Parsed, parse_sentence
from wetgeving.amend.model import (
    BODIES,
    Bill,
    BillArticle,
    Group,
    Instruction,
    Item,
    Onderdeel,
    Problem,
    Reading,
    Ref,
    Seg,
)
from wetgeving.amend.single import clash
from wetgeving.amend.tree import next_number
from wetgeving.text.model import DIVISION_RANK, Node

_BILL_ARTICLE = re.compile(r"^(?:ARTIKEL|Artikel)\s+(?P<nr>[IVXLC]+)\.?$")
_LETTER = re.compile(
    r"^(?P<letter>(?P<first>[A-Z])(?P=first){0,9}[a-z]?)(?:\.\s+(?P<rest>.+)|\.?)$"
)
_ITEM = re.compile(r"^(?P<marker>\d{1,3}|[a-z]{1,2}|\d{1,3}°)\.(?:\s+(?P<rest>.*))?$")
_SENTENCE_START = re.compile(
    r"(?<=\.)\s+(?=(?:In|Het|De|Na|Voor|Aan|Onder|Er|Artikel|Toegevoegd|Voorts)\b)"
)
_MD_PREFIX = re.compile(r"^(?:#{1,6}\s+|>\s?|[-*+]\s+(?=\S))")
_EMPHASIS = re.compile(r"^(\*\*|__)(.+)\1$")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])")


def paragraphs(text: str) -> list[Para]:
    """Every non-empty line as a paragraph, Markdown decoration and escapes removed."""
    out: list[Para] = []
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        line = raw.replace("\t", "    ").replace("\u00a0", " ").rstrip()
        stripped = line.lstrip(" ")
        if not stripped:
            continue
        indent = len(line) - len(stripped)
        while True:
            changed = _MD_PREFIX.sub("", stripped, count=1)
            em = _EMPHASIS.match(changed)
            if em:
                changed = em.group(2)
            if changed == stripped:
                break
            stripped = changed.strip()
        stripped = _ESCAPE.sub(r"\1", stripped).strip()
        if stripped:
            out.append(Para(stripped, indent, number))
    return out


def _sentences(text: str) -> list[str]:
    """The sentences of an item; new text after a colon stays with the sentence that asks it.

    Quotations are taken out first: a quoted sentence does not end the instruction quoting it.
    """
    masked = mask(text)
    return [masked.restore(s) for s in _split(masked.text)]


def _split(text: str) -> list[str]:
    out: list[str] = []
    rest = text
    while rest:
        colon = re.search(r"(?:luidende|te luiden|ingevoegd|toegevoegd|gewijzigd):", rest)
        limit = colon.end() if colon else len(rest)
        m = _SENTENCE_START.search(rest, 0, limit)
        if m is None:
            out.append(rest.strip())
            break
        out.append(rest[: m.start()].strip())
        rest = rest[m.end() :]
    return [s for s in out if s]


def _bill_where(article: str, letter: str, path: list[str]) -> str:
    parts = []
    if article:
        parts.append(f"artikel {article}")
    if letter:
        parts.append(f"onderdeel {letter}")
    parts.extend(f"onder {p}" for p in path)
    return ", ".join(parts)


@dataclass
class _Level:
    """An open group and the marker its next item must carry."""

    target: Ref
    items: list[Item] = field(default_factory=list)
    last: str = ""
    line: int = 0
    renumber_to: str = ""
    marker: str = ""

    def expects(self, marker: str) -> bool:
        if not self.last:
            return marker in ("1", "a", "1°")
        return next_number(self.last) == marker


@dataclass
class _Pending:
    """An instruction waiting for the new text that follows it."""

    parsed: Parsed
    level: _Level
    line: int
    where: str
    paras: list[Para] = field(default_factory=list)


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []
        self.articles: list[BillArticle] = []
        self.article_nr = ""
        self.regulation = ""
        self.article_line = 0
        self.parts: list[Onderdeel] = []
        self.letter = ""
        self.letter_line = 0
        self.levels: list[_Level] = []
        self.pending: _Pending | None = None
        self.carry = ""

    # --- structure ------------------------------------------------------------------------------

    def close_part(self) -> None:
        self.flush()
        if not self.levels:
            return
        root = self.levels[0]
        while len(self.levels) > 1:
            self.close_level()
        items = root.items
        if items:
            item: Item = items[0] if len(items) == 1 else Group((), tuple(items), line=root.line)
            self.parts.append(Onderdeel(self.letter, item, self.letter_line))
        self.levels = []

    def close_level(self) -> None:
        level = self.levels.pop()
        where = _bill_where(self.article_nr, self.letter, self.path())
        group = Group(level.target, tuple(level.items), level.renumber_to, level.line, where)
        self.levels[-1].items.append(group)

    def close_article(self) -> None:
        self.close_part()
        if self.parts or self.article_nr or self.regulation:
            self.articles.append(
                BillArticle(self.article_nr, self.regulation, tuple(self.parts), self.article_line)
            )
        self.parts = []
        self.article_nr = ""
        self.regulation = ""

    def path(self) -> list[str]:
        return [level.marker for level in self.levels[1:] if level.marker]

    def context(self) -> Ref:
        for level in reversed(self.levels):
            if level.target:
                return level.target
        return ()

    # --- paragraphs -----------------------------------------------------------------------------

    def run(self, paras: list[Para]) -> Reading:
        for para in paras:
            try:
                self.para(para)
            except FormulaError as err:
                self.problem(para.line, str(err))
        self.close_article()
        bill = Bill(tuple(self.articles), source=self.source)
        return Reading(bill, tuple(self.problems))

    def problem(self, line: int, message: str) -> None:
        where = _bill_where(self.article_nr, self.letter, self.path())
        self.problems.append(Problem(line, where, message))

    def para(self, para: Para) -> None:
        text = para.text
        m = _BILL_ARTICLE.match(text)
        if m:
            self.close_article()
            self.article_nr = m.group("nr")
            self.article_line = para.line
            return
        if self.pending is not None and not self.ends_content(para):
            self.pending.paras.append(para)
            return
        self.flush()
        lm = _LETTER.match(text)
        if lm and (lm.group("rest") is None or self.reads(lm.group("rest"))):
            self.close_part()
            self.letter = lm.group("letter")
            self.letter_line = para.line
            self.levels = [_Level(self.context_root(), line=para.line)]
            if lm.group("rest"):
                self.item(lm.group("rest"), para.line)
            return
        if not self.levels:
            self.levels = [_Level(self.context_root(), line=para.line)]
        im = _ITEM.match(text)
        if im:
            marker = im.group("marker")
            for depth in range(len(self.levels) - 1, -1, -1):
                level = self.levels[depth]
                if level.expects(marker) and (depth > 0 or len(self.levels) == 1):
                    while len(self.levels) > depth + 1:
                        self.close_level()
                    level.last = marker
                    self.item(im.group("rest") or "", para.line, marker)
                    return
        marker, self.carry = self.carry, ""
        self.item(text, para.line, marker)

    def context_root(self) -> Ref:
        return ()

    def reads(self, text: str) -> bool:
        """Whether a paragraph reads as a wijzigingsopdracht (or opens a group)."""
        try:
            sentence = _sentences(text)[0] if _sentences(text) else text
            parse_sentence(sentence, self.context() or (Seg("artikel", "0"),))
        except FormulaError:
            return False
        return True

    def ends_content(self, para: Para) -> bool:
        text = para.text
        if _BILL_ARTICLE.match(text):
            return True
        lm = _LETTER.match(text)
        if lm and lm.group("rest") is None:
            return True
        if lm and lm.group("rest") is not None and self.reads(lm.group("rest")):
            return True
        im = _ITEM.match(text)
        if im and im.group("rest"):
            marker = im.group("marker")
            if any(level.expects(marker) for level in self.levels) and self.reads(im.group("rest")):
                return True
        if im and not im.group("rest"):
            return any(level.expects(im.group("marker")) for level in self.levels)
        return False

    def item(self, text: str, line: int, marker: str = "") -> None:
        level = self.levels[-1]
        if not text:
            # "1." alone on its line: the sentence follows on the next line.
            self.carry = marker
            return
        where = _bill_where(
            self.article_nr, self.letter, [*self.path(), marker] if marker else self.path()
        )
        for sentence in _sentences(text):
            try:
                parsed = parse_sentence(sentence, self.context())
            except FormulaError as err:
                self.problems.append(Problem(line, where, str(err)))
                continue
            if parsed.named:  # a single change: "In artikel 5 van de Opiumwet wordt ..."
                problem = clash(self.regulation, parsed.named, self.article_nr)
                if problem:
                    self.problems.append(Problem(line, where, problem))
                    continue
                self.regulation = parsed.named
            if parsed.regulation:
                if self.regulation and self.regulation != parsed.regulation:
                    self.close_article()
                self.regulation = parsed.regulation
                self.levels = []
                return
            if parsed.group:
                target = self.absolute(parsed.target, line)
                if target is None:
                    return
                new = _Level(target, line=line, renumber_to=parsed.renumber_to, marker=marker)
                self.levels.append(new)
                return
            if parsed.needs:
                self.pending = _Pending(parsed, level, line, where)
                if parsed.inline.strip():
                    self.pending.paras.append(Para(parsed.inline.strip(), 0, line))
                continue
            self.emit(parsed, level, line, where)
            for extra in parsed.also:
                self.emit(extra, level, line, where)

    def flush(self) -> None:
        pending = self.pending
        if pending is None:
            return
        self.pending = None
        parsed = pending.parsed
        try:
            if parsed.needs == "tekst":
                parsed.text = read_text(pending.paras)
            else:
                parsed.content = read_content(pending.paras, parsed.needs)
        except ContentError as err:
            self.problems.append(Problem(err.line or pending.line, pending.where, err.message))
            return
        content = parsed.content
        if parsed.count is not None and parsed.needs != "tekst" and len(content) != parsed.count:
            noun = _noun(parsed.needs, parsed.count)
            self.problems.append(
                Problem(
                    pending.line,
                    pending.where,
                    f"de opdracht kondigt {cardinal(parsed.count)} {noun} aan, de nieuwe tekst "
                    f"bevat er {cardinal(len(content))}",
                )
            )
            return
        self.emit(parsed, pending.level, pending.line, pending.where, content)

    def absolute(self, ref: Ref, line: int) -> Ref | None:
        if ref and ref[0].kind in (*BODIES, *DIVISION_RANK):
            return ref
        context = self.context()
        if not context:
            self.problem(line, "verwijzing zonder artikel: noem het artikel ('In artikel 5, ...')")
            return None
        return (*context, *ref)

    def emit(
        self,
        parsed: Parsed,
        level: _Level,
        line: int,
        where: str,
        content: tuple[Node, ...] = (),
    ) -> None:
        assert parsed.formula is not None
        target = self.absolute(parsed.target, line)
        if target is None:
            return
        targets = []
        for extra in parsed.targets:
            absolute = self.absolute(extra, line)
            if absolute is None:
                return
            targets.append(absolute)
        text = parsed.text or parsed.mark
        level.items.append(
            Instruction(
                formula=parsed.formula,
                target=target,
                targets=tuple(targets),
                edits=parsed.edits,
                content=content,
                text=text,
                renumber=parsed.renumber,
                ends=parsed.ends,
                position=parsed.position,
                kind=parsed.kind,
                remove_mark=parsed.remove_mark,
                line=line,
                where=where,
            )
        )


def _noun(kind: str, count: int) -> str:
    plural = {"lid": "leden", "onderdeel": "onderdelen", "artikel": "artikelen"}
    return kind if count == 1 else plural.get(kind, kind + "en")


def read_instructions(text: str, source: str = "<opdrachten>") -> Reading:
    """Read an instruction file; problems (formula not recognised, new text that does not fit)
    are collected with their line, never raised."""
    return _Reader(source).run(paragraphs(text))
