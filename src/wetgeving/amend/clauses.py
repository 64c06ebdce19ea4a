"""Quotations and the clauses of wijzigingsopdrachten: masking «…», word edits ("wordt «A»
vervangen door «B»"), renumbering and end punctuation ("onder vervanging van de punt aan het
slot van onderdeel 5° door een puntkomma")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from wetgeving.amend.cite import CiteError
from wetgeving.amend.citeread import parse_ref, parse_series
from wetgeving.amend.model import EndChange, Ref, WordEdit

_S = r"\s+"
_VERB = r"(?:wordt|worden)"
_GONE = r"(?:vervalt|vervallen)"
Q = "\ue000"
QEND = "\ue001"
_QUOTES = re.compile(
    r"«(?P<a>[^«»]*)»|“(?P<b>[^“”]*)”|”(?P<c>[^”“]*)”|„(?P<d>[^“”\"]*)[”“\"]|\"(?P<e>[^\"]*)\""
    r"|‘(?P<f>[^‘’]*)’|’(?P<g>[^’‘]*)’"
)
_QTOKEN = re.compile(f"{Q}(\\d+){QEND}")
_QONLY = re.compile(f"^{Q}(\\d+){QEND}$")


class FormulaError(ValueError):
    """A sentence that is no recognised formula; the message says what is wrong, in Dutch."""


@dataclass
class Masked:
    """A sentence with its quotations taken out: «x» becomes a token, kept in `quotes`."""

    text: str
    quotes: list[str]
    raw: list[str]

    def quote(self, token: str) -> str:
        m = _QONLY.match(token.strip())
        if not m:
            raise FormulaError(f"'{self.restore(token)}' staat niet tussen aanhalingstekens")
        return self.quotes[int(m.group(1))]

    def restore(self, text: str) -> str:
        """The text with its quotations put back as written."""
        return _QTOKEN.sub(lambda m: self.raw[int(m.group(1))], text)


def mask(text: str) -> Masked:
    """Take the quotations out of a sentence."""
    quotes: list[str] = []
    raw: list[str] = []

    def sub(m: re.Match[str]) -> str:
        inner = next(g for g in m.groups() if g is not None)
        quotes.append(" ".join(inner.split()))
        raw.append(m.group(0))
        return f"{Q}{len(quotes) - 1}{QEND}"

    return Masked(_QUOTES.sub(sub, text), quotes, raw)


_CLAUSE_SPLIT = re.compile(rf"(?:,|{_S}en){_S}(?=(?:wordt|worden|vervalt|vervallen)\b)")
_REPLACE = re.compile(
    rf"^{_VERB}{_S}(?P<old>{Q}\d+{QEND}){_S}(?P<telkens>telkens{_S})?vervangen{_S}door"
    rf"(?P<colon>:)?{_S}(?P<new>.+)$"
)
_DROP = re.compile(
    rf"^{_GONE}{_S}(?:de{_S}(?:zinsnede|woorden|tekst|aanduiding)\s*:?\s*)?"
    rf"(?P<qs>{Q}\d+{QEND}(?:(?:,{_S}|{_S}en{_S}){Q}\d+{QEND})*)$"
)
_INSERT = re.compile(
    rf"^wordt{_S}(?P<pos>na|voor){_S}(?P<old>{Q}\d+{QEND}){_S}(?:ingevoegd|toegevoegd):?{_S}(?P<new>.+)$"
)
_INSERT2 = re.compile(
    rf"^wordt{_S}(?P<new>{Q}\d+{QEND}){_S}ingevoegd{_S}(?P<pos>na|voor){_S}(?P<old>{Q}\d+{QEND})$"
)
_APPEND = re.compile(rf"^wordt{_S}(?:aan{_S}het{_S}slot{_S})?(?P<new>{Q}\d+{QEND}){_S}toegevoegd$")
_PRE_SPLIT = re.compile(rf"{_S}en{_S}(?=onder{_S})", re.I)
_RENUMBER_CLAUSE = re.compile(
    rf"^onder{_S}(?:vernummering|verlettering){_S}van{_S}(?P<x>.+)$", re.I
)
_TOT = re.compile(rf"{_S}tot{_S}(?!en{_S}met\b)")
_AND_FROM = re.compile(rf"{_S}en{_S}van{_S}")
_END_CLAUSE = re.compile(
    rf"^onder{_S}vervanging{_S}van{_S}(?P<old>.+?){_S}aan{_S}het{_S}(?:slot|einde){_S}van"
    rf"{_S}(?P<p>.+?){_S}door{_S}(?P<new>.+)$",
    re.I,
)
_PUNCT = {
    "de punt": ".",
    "een punt": ".",
    "de puntkomma": ";",
    "een puntkomma": ";",
    "de komma": ",",
    "een komma": ",",
    "de dubbele punt": ":",
    "een dubbele punt": ":",
}


def cite_ref(m: Masked, text: str) -> Ref:
    try:
        return parse_ref(m.restore(text))
    except CiteError as err:
        raise FormulaError(str(err)) from None


def clauses(m: Masked, text: str) -> tuple[tuple[tuple[str, str], ...], tuple[EndChange, ...]]:
    """ "onder vernummering van A tot B en onder vervanging van ... door ..." -> parts."""
    renumber: list[tuple[str, str]] = []
    ends: list[EndChange] = []
    for part in _PRE_SPLIT.split(text.strip().rstrip(",")):
        part = part.strip()
        rm = _RENUMBER_CLAUSE.match(part)
        if rm:
            # "van het vierde en vijfde lid tot vijfde en zesde lid en van het zesde ... tot ..."
            for run in _AND_FROM.split(rm.group("x")):
                renumber.extend(_renumber_run(m, part, run))
            continue
        em = _END_CLAUSE.match(part)
        if em:
            sibling = cite_ref(m, em.group("p"))
            if not sibling:
                raise FormulaError(f"'{m.restore(part)}' noemt geen onderdeel")
            kind = "gedachtestreepje" if sibling[-1].kind == "gedachtestreepje" else "onderdeel"
            ends.append(
                EndChange(
                    sibling[-1].number,
                    _punct(m, em.group("old")),
                    _punct(m, em.group("new")),
                    kind,
                )
            )
            continue
        raise FormulaError(f"bijzin '{m.restore(part)}' niet herkend")
    return tuple(renumber), tuple(ends)


def _renumber_run(m: Masked, part: str, run: str) -> list[tuple[str, str]]:
    """One "A tot B" of a renumbering clause as (old, new) pairs."""
    pieces = _TOT.split(run)
    if len(pieces) != 2:
        raise FormulaError(f"vernummering '{m.restore(part)}' is niet te lezen")
    try:
        kind, olds = parse_series(pieces[0])
        _, news = parse_series(pieces[1], kind)
    except CiteError as err:
        raise FormulaError(str(err)) from None
    if len(olds) != len(news):
        raise FormulaError(
            f"vernummering van {len(olds)} tot {len(news)} bepalingen: '{m.restore(part)}'"
        )
    return list(zip(olds, news, strict=True))


def _punct(m: Masked, text: str) -> str:
    text = " ".join(text.split())
    if text.lower() in _PUNCT:
        return _PUNCT[text.lower()]
    return m.quote(text)


def _new_text(m: Masked, text: str, colon: bool) -> tuple[str, bool]:
    """The new text of a replacement: quoted (2018 style) or after a colon (pre-2018)."""
    text = text.strip()
    qm = _QONLY.match(text)
    if qm:
        return m.quotes[int(qm.group(1))], True
    if colon or not _QTOKEN.search(text):
        # Pre-2018 style: the new text runs to the end of the sentence, its period excluded.
        return " ".join(m.restore(text).split()), False
    raise FormulaError(f"nieuwe tekst '{m.restore(text)}' staat niet tussen aanhalingstekens")


def word_clauses(m: Masked, rest: str) -> tuple[WordEdit, ...]:
    """ "wordt «A» vervangen door «B» en vervalt «C»" -> the edits, in order."""
    edits: list[WordEdit] = []
    for clause in _CLAUSE_SPLIT.split(rest.strip()):
        clause = clause.strip()
        if cm := _REPLACE.match(clause):
            new, quoted = _new_text(m, cm.group("new"), bool(cm.group("colon")))
            edits.append(
                WordEdit(
                    "vervangen", m.quote(cm.group("old")), new, bool(cm.group("telkens")), quoted
                )
            )
        elif cm := _DROP.match(clause):
            for token in re.findall(f"{Q}\\d+{QEND}", cm.group("qs")):
                edits.append(WordEdit("vervallen", m.quote(token)))
        elif cm := _INSERT.match(clause):
            new, quoted = _new_text(m, cm.group("new"), True)
            op = "invoegen_na" if cm.group("pos") == "na" else "invoegen_voor"
            edits.append(WordEdit(op, m.quote(cm.group("old")), new, quoted_new=quoted))  # type: ignore[arg-type]
        elif cm := _INSERT2.match(clause):
            op = "invoegen_na" if cm.group("pos") == "na" else "invoegen_voor"
            edits.append(WordEdit(op, m.quote(cm.group("old")), m.quote(cm.group("new"))))  # type: ignore[arg-type]
        elif cm := _APPEND.match(clause):
            edits.append(WordEdit("toevoegen", "", m.quote(cm.group("new"))))
        else:
            raise FormulaError(f"formule niet herkend: '{m.restore(clause)}'")
    return tuple(edits)
