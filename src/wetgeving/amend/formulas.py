"""The sentences of wijzigingsopdrachten, read: one sentence -> what it orders (`Parsed`).

Quoted text is taken out first («…», “…”, "…", ‘…’ all count), so the patterns below see only
the formula and the citations. Citations are relative to the group the sentence stands in
("het eerste lid" inside "Artikel 5 wordt als volgt gewijzigd:"); `reader.py` makes them absolute.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from wetgeving.amend.cite import CARDINAL_VALUES, CiteError
from wetgeving.amend.citeread import parse_ref, parse_targets
from wetgeving.amend.clauses import (
    QEND,
    FormulaError,
    Masked,
    Q,
    cite_ref,
    clauses,
    mask,
    word_clauses,
)
from wetgeving.amend.model import BODIES, EndChange, Formula, Ref, Seg, WordEdit
from wetgeving.amend.single import split_regulation
from wetgeving.text.model import Node

_ASKS_TEXT = re.compile(r"(?:luidende|te luiden|ingevoegd|toegevoegd|gewijzigd):")


@dataclass
class Parsed:
    """What one sentence orders, with citations relative to its group."""

    formula: Formula | None
    target: Ref = ()
    targets: tuple[Ref, ...] = ()
    edits: tuple[WordEdit, ...] = ()
    text: str = ""
    renumber: tuple[tuple[str, str], ...] = ()
    ends: tuple[EndChange, ...] = ()
    position: str = ""
    kind: str = ""
    count: int | None = None
    needs: str = ""  # what content must follow: a provision kind or "tekst"; "" for none
    inline: str = ""
    remove_mark: bool = False
    group: bool = False
    renumber_to: str = ""
    regulation: str = ""  # the opening "Het Wetboek van Strafrecht wordt als volgt gewijzigd:"
    named: str = ""  # the regulation a single change names after its citation (single.py)
    mark: str = ""
    content: tuple[Node, ...] = ()
    also: list[Parsed] = field(default_factory=list)


_S = r"\s+"
_COUNT = r"(?P<what>een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|de\s+volgende|\d+)"
_NOUN = (
    r"(?P<noun>leden|lid|subonderdelen|subonderdeel|onderdelen|onderdeel|artikelen|artikel"
    r"|gedachtestreepjes|gedachtestreepje"
    r"|zinnen|zin|afdelingen|afdeling|titels|titel|hoofdstukken|hoofdstuk|paragrafen|paragraaf"
    r"|boeken|boek|bijlagen|bijlage)"
)
_NOUNS = {
    "lid": "lid",
    "leden": "lid",
    "onderdeel": "onderdeel",
    "onderdelen": "onderdeel",
    "subonderdeel": "onderdeel",
    "subonderdelen": "onderdeel",
    "artikel": "artikel",
    "artikelen": "artikel",
    "zin": "zin",
    "zinnen": "zin",
    "bijlage": "bijlage",
    "bijlagen": "bijlage",
    "gedachtestreepje": "onderdeel",
    "gedachtestreepjes": "onderdeel",
}
_LUIDENDE = r"(?:,?\s+luidende)?:\s*(?P<inline>.*)"
_VERB = r"(?:wordt|worden)"
_GONE = r"(?:vervalt|vervallen)"

_GROUP = re.compile(
    rf"^(?P<p>.+?){_S}wordt{_S}(?:vernummerd{_S}tot{_S}(?P<to>.+?){_S}en{_S}(?:wordt{_S})?)?"
    rf"als{_S}volgt{_S}gewijzigd:$"
)
_REGULATION = re.compile(
    rf"^(?:(?:Het|De){_S}(?P<a>.+?){_S}wordt{_S}als{_S}volgt{_S}gewijzigd"
    rf"|In{_S}(?:het|de){_S}(?P<b>.+?){_S}worden{_S}de{_S}volgende{_S}wijzigingen{_S}aangebracht):$"
)
_LUIDEN = re.compile(
    rf"^(?P<p>.+?){_S}(?:komt|komen){_S}(?:als{_S}volgt{_S})?te{_S}luiden:\s*(?P<inline>.*)$"
)
_MARK_ON = re.compile(
    rf"^Voor{_S}de{_S}tekst{_S}wordt{_S}de{_S}aanduiding{_S}(?P<q>{Q}\d+{QEND}){_S}geplaatst"
    rf"(?:{_S}en{_S}(?P<rest>(?:wordt|vervalt|vervallen)\b.+))?$"
)
_MARK_OFF = re.compile(
    rf"^(?:(?P<p>.+?){_S}alsmede{_S})?de{_S}aanduiding{_S}(?P<q>{Q}\d+{QEND}){_S}voor{_S}het"
    rf"{_S}[a-zë]+{_S}lid{_S}{_GONE}$",
    re.I,
)
_MARK_OFF_IN = re.compile(
    rf"^vervalt{_S}de{_S}aanduiding{_S}(?P<q>{Q}\d+{QEND}){_S}voor{_S}het{_S}[a-zë]+{_S}lid$",
    re.I,
)
_RENUMBER = re.compile(
    rf"^(?P<p>.+?){_S}{_VERB}{_S}(?:vernummerd|verletterd|geletterd)(?:{_S}tot)?{_S}(?P<q>.+)$"
)
_IN = re.compile(rf"^In{_S}(?P<p>.+?),?{_S}(?P<rest>(?:wordt|worden|vervalt|vervallen)\b.*)$")
_AAN = re.compile(rf"^Aan{_S}(?P<p>.+?){_S}{_VERB}{_S}(?P<rest>.+)$")
_ADD = re.compile(
    rf"^(?:(?P<pre>[Oo]nder{_S}.+?){_S})?(?:(?P<pos>[Nn]a|[Vv]oor){_S}(?P<p>.+?){_S})?"
    rf"(?:[Ee]r{_S})?{_VERB},?{_S}(?:(?P<mid>onder{_S}.+?),{_S})?"
    rf"(?:(?P<pos2>na|voor){_S}(?P<p2>.+?){_S})?{_COUNT}{_S}{_NOUN}{_S}"
    rf"(?P<verb>ingevoegd|toegevoegd){_LUIDENDE}$"
)
_ADD_OLD = re.compile(rf"^Toegevoegd{_S}{_VERB}{_S}{_COUNT}{_S}{_NOUN}{_LUIDENDE}$")
_GONE_FRONT = re.compile(
    rf"^(?:(?P<pre>[Oo]nder{_S}.+?){_S})?{_GONE}{_S}(?P<p>.+?)(?:,{_S}(?P<post>onder{_S}.+))?$"
)
_GONE_BACK = re.compile(rf"^(?P<p>.+?),?{_S}{_GONE}(?:,{_S}(?P<post>onder{_S}.+))?$")


_TITLE_NEW = re.compile(
    rf"^(?:(?P<p>.+?),?{_S}wordt{_S}voorzien{_S}van{_S}een{_S}opschrift"
    rf"|(?:Aan|Boven){_S}(?P<p2>.+?){_S}wordt{_S}een{_S}opschrift{_S}(?:toegevoegd|geplaatst))"
    rf"{_LUIDENDE}$"
)


def _title_inline(m: Masked, inline: str) -> str:
    """A new opschrift on the line of its formula: the sentence's closing period is no part of
    it, nor are quotation marks around it ("komt te luiden: «Definities».")."""
    text = inline.strip()
    text = text[:-1].rstrip() if text.endswith(".") else text
    if re.fullmatch(f"{Q}\\d+{QEND}", text):
        return m.quote(text)
    return m.restore(text)


def _count(word: str) -> int | None:
    word = " ".join(word.split()).lower().replace("één", "een")
    if word.isdigit():
        return int(word)
    if word == "de volgende":
        return None
    return CARDINAL_VALUES.get(word)


def _kind(noun: str) -> str:
    noun = noun.lower()
    if noun in _NOUNS:
        return _NOUNS[noun]
    for kind in ("afdeling", "titel", "hoofdstuk", "paragraaf", "boek"):
        if noun.startswith(kind[:5]):
            return kind
    raise FormulaError(f"onbekend soort bepaling '{noun}'")


def _structural(m: Masked, s: str, context: Ref) -> Parsed | None:
    """Insertions, additions and deletions of provisions."""
    am = _ADD.match(s) or _ADD_OLD.match(s)
    if am:
        groups = am.groupdict()
        kind = _kind(am.group("noun"))
        renumber: tuple[tuple[str, str], ...] = ()
        ends: tuple[EndChange, ...] = ()
        for clause in (groups.get("pre"), groups.get("mid")):
            if clause:
                r, e = clauses(m, clause)
                renumber += r
                ends += e
        pos = (groups.get("pos") or groups.get("pos2") or "").lower()
        where = groups.get("p") or groups.get("p2")
        verb = groups.get("verb") or "toegevoegd"
        if kind == "zin":
            if where and verb == "ingevoegd":
                # "Na de eerste zin wordt een zin ingevoegd, luidende: ..."
                anchor = cite_ref(m, where)
                if not anchor or anchor[-1].kind != "zin":
                    raise FormulaError(f"'{m.restore(where)}' is geen zin")
                return Parsed(
                    "invoegen",
                    anchor,
                    position=pos,
                    kind="zin",
                    needs="tekst",
                    inline=m.restore(am.group("inline")),
                )
            return Parsed(
                "toevoegen",
                context,
                kind="zin",
                needs="tekst",
                inline=m.restore(am.group("inline")),
            )
        if where:
            anchor = cite_ref(m, where)
            formula: Formula = "invoegen"
            target = anchor
        else:
            formula = "toevoegen" if verb == "toegevoegd" else "invoegen"
            pos = "" if verb == "toegevoegd" else "nummer"
            target = context
        dash = am.group("noun").lower().startswith("gedachtestreep")
        return Parsed(
            formula,
            target,
            renumber=renumber,
            ends=ends,
            position=pos,
            kind="gedachtestreepje" if dash else kind,
            count=_count(am.group("what")),
            needs=kind,
            inline=m.restore(am.group("inline")),
        )
    for pattern in (_GONE_FRONT, _GONE_BACK):
        gm = pattern.match(s)
        if not gm or gm.group("p").startswith("In "):
            continue
        try:
            targets = parse_targets(m.restore(gm.group("p")))
        except CiteError:
            continue
        renumber = ()
        ends = ()
        for clause in (gm.groupdict().get("pre"), gm.group("post")):
            if clause:
                r, e = clauses(m, clause)
                renumber += r
                ends += e
        return Parsed("vervallen", targets[0], tuple(targets[1:]), renumber=renumber, ends=ends)
    return None


def parse_sentence(text: str, context: Ref) -> Parsed:
    """What one sentence orders (citations relative to `context`).

    Raises:
        FormulaError: when it is no formula of the Ar (the message says which part).
    """
    m = mask(" ".join(text.split()))
    s = m.text.strip()
    if not _ASKS_TEXT.search(s):
        s = s.rstrip(".").rstrip()
    without, named = split_regulation(s)
    if named:
        try:
            parsed = _parse(m, without, context)
        except FormulaError:
            parsed = None
        if parsed is not None and not parsed.regulation:
            parsed.named = named
            return parsed
    return _parse(m, s, context)


def _parse(m: Masked, s: str, context: Ref) -> Parsed:
    if gm := _GROUP.match(s):
        try:
            ref = parse_ref(m.restore(gm.group("p")))
        except CiteError:
            ref = None
        if ref is not None:
            to = ""
            if gm.group("to"):
                to_ref = cite_ref(m, gm.group("to"))
                if not to_ref or to_ref[-1].kind != "artikel":
                    raise FormulaError(f"'{m.restore(gm.group('to'))}' is geen artikel")
                to = to_ref[-1].number
            return Parsed(None, ref, group=True, renumber_to=to)
    if rm := _REGULATION.match(s):
        return Parsed(None, regulation=m.restore(rm.group("a") or rm.group("b")))
    if tm := _TITLE_NEW.match(s):
        # "Artikel 1 wordt voorzien van een opschrift, luidende: ..." (Ar 3.55: articles "kunnen
        # van een opschrift worden voorzien"); "Aan artikel 1 wordt een opschrift toegevoegd".
        ref = cite_ref(m, tm.group("p") or tm.group("p2"))
        if ref and ref[-1].kind not in BODIES:
            owner = m.restore(tm.group("p") or tm.group("p2"))
            raise FormulaError(f"'{owner}' is geen artikel of bijlage")
        inline = _title_inline(m, tm.group("inline"))
        return Parsed("toevoegen", ref, kind="opschrift", needs="tekst", inline=inline)
    if lm := _LUIDEN.match(s):
        subject = lm.group("p")
        try:
            refs = parse_targets(m.restore(subject))
        except CiteError as err:
            raise FormulaError(str(err)) from None
        if refs[0] and refs[0][-1].kind == "opschrift":
            inline = _title_inline(m, lm.group("inline"))
            return Parsed("opschrift", refs[0][:-1], needs="tekst", inline=inline)
        last = refs[0][-1] if refs[0] else None
        if last is None:
            raise FormulaError("'komt te luiden' zonder bepaling")
        needs = "tekst" if last.kind in ("aanhef", "zin", "slotzin") else last.kind
        needs = "onderdeel" if needs == "gedachtestreepje" else needs
        return Parsed(
            "komt_te_luiden",
            refs[0],
            tuple(refs[1:]),
            needs=needs,
            inline=m.restore(lm.group("inline")),
        )
    if mm := _MARK_ON.match(s):
        parsed = Parsed("aanduiding", context, mark=m.quote(mm.group("q")))
        if mm.group("rest"):
            lid = (*context, Seg("lid", "1"))
            parsed.also.append(Parsed("woorden", lid, edits=word_clauses(m, mm.group("rest"))))
        return parsed
    if mm := _MARK_OFF.match(s):
        targets: list[Ref] = []
        if mm.group("p"):
            try:
                targets = parse_targets(m.restore(mm.group("p")))
            except CiteError as err:
                raise FormulaError(str(err)) from None
        article = context or (targets[0][:1] if targets and targets[0][0].kind == "artikel" else ())
        return Parsed(
            "aanduiding", article, tuple(targets), mark=m.quote(mm.group("q")), remove_mark=True
        )
    if rm := _RENUMBER.match(s):
        try:
            ref = parse_ref(m.restore(rm.group("p")))
            if ref and ref[-1].kind == "artikel":
                into = parse_ref(m.restore(rm.group("q")))
                if not into or into[-1].kind != "artikel":
                    raise CiteError(f"'{m.restore(rm.group('q'))}' is geen artikel")
                return Parsed("vernummeren", ref, text=into[-1].number)
        except CiteError:
            pass
        renumber, _ = clauses(m, f"onder vernummering van {rm.group('p')} tot {rm.group('q')}")
        return Parsed("vernummeren", context, renumber=renumber)
    if im := _IN.match(s):
        try:
            inner = cite_ref(m, im.group("p"))
            more: list[Ref] = []
        except FormulaError:
            # "In het tweede en derde lid wordt ...": the same change in each.
            try:
                inner, *more = parse_targets(m.restore(im.group("p")))
            except CiteError:
                raise FormulaError(f"'{m.restore(im.group('p'))}' is geen verwijzing") from None
            if Q not in im.group("rest"):
                raise FormulaError(f"formule niet herkend: '{m.restore(s)}'") from None
            return Parsed("woorden", inner, tuple(more), edits=word_clauses(m, im.group("rest")))
        rest = im.group("rest")
        if mo := _MARK_OFF_IN.match(rest):
            # "In artikel 10 vervalt de aanduiding «1.» voor het eerste lid."
            return Parsed("aanduiding", inner, mark=m.quote(mo.group("q")), remove_mark=True)
        if Q in rest:
            try:
                return Parsed("woorden", inner, edits=word_clauses(m, rest))
            except FormulaError:
                if _structural(m, rest, inner) is None:
                    raise
        inside = _structural(m, rest, inner)
        if inside is not None:
            parsed = inside
            if parsed.formula in ("vervallen", "invoegen") and parsed.position in (
                "na",
                "voor",
                "",
            ):
                parsed.target = _within(inner, parsed.target)
                parsed.targets = tuple(_within(inner, t) for t in parsed.targets)
            return parsed
        raise FormulaError(f"formule niet herkend: '{m.restore(rest)}'")
    if am := _AAN.match(s):
        parent = cite_ref(m, am.group("p"))
        rest = am.group("rest")
        if em := re.match(rf"^(?P<new>{Q}\d+{QEND}){_S}toegevoegd$", rest):
            return Parsed(
                "woorden", parent, edits=(WordEdit("toevoegen", "", m.quote(em.group("new"))),)
            )
        added = _structural(m, f"wordt {rest}", parent)
        if added is not None and added.formula == "toevoegen":
            return added
        raise FormulaError(f"formule niet herkend: '{m.restore(s)}'")
    other = _structural(m, s, context)
    if other is not None:
        return other
    raise FormulaError(f"formule niet herkend: '{m.restore(s)}'")


def _within(context: Ref, ref: Ref) -> Ref:
    """A citation inside an "In ..." clause: relative to that clause's provision."""
    if ref and ref[0].kind in (*BODIES, "boek", "titel", "hoofdstuk", "afdeling", "paragraaf"):
        return ref
    return (*context, *ref)
