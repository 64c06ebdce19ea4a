"""The amending bill in words: the sentences of the Ar for each instruction, as paragraphs.

`paragraphs(bill)` gives (kind, indentation, text) per paragraph; plain text, Markdown, HTML and
Word are made from it, so every format says the same. `reader.py` reads the plain text back
(`wetgeving amend` checks itself that way).
"""

from __future__ import annotations

from dataclasses import dataclass

from wetgeving.amend.cite import capital, cardinal, comma, renumbering, series, words
from wetgeving.amend.content import content_lines
from wetgeving.amend.model import Bill, EndChange, Instruction, Item, Ref, Seg, Stijl, WordEdit
from wetgeving.amend.single import article_word, is_single, of_regulation
from wetgeving.amend.textedit import sentences

_NOUNS = {
    "lid": ("lid", "leden"),
    "onderdeel": ("onderdeel", "onderdelen"),
    "artikel": ("artikel", "artikelen"),
    "afdeling": ("afdeling", "afdelingen"),
    "titel": ("titel", "titels"),
    "hoofdstuk": ("hoofdstuk", "hoofdstukken"),
    "paragraaf": ("paragraaf", "paragrafen"),
    "boek": ("boek", "boeken"),
    "bijlage": ("bijlage", "bijlagen"),
    "gedachtestreepje": ("gedachtestreepje", "gedachtestreepjes"),
    "zin": ("zin", "zinnen"),
}
_PUNCT_OLD = {".": "de punt", ";": "de puntkomma", ",": "de komma", ":": "de dubbele punt"}
_PUNCT_NEW = {".": "een punt", ";": "een puntkomma", ",": "een komma", ":": "een dubbele punt"}
_MARKERS = ("{n}.", "{a}.", "{n}°.")


@dataclass(frozen=True, slots=True)
class Para:
    """One paragraph of the bill.

    Attributes:
        kind: "artikel" (ARTIKEL I), "aanhef" (the regulation line), "onderdeel" (a letter),
            "opdracht" (an instruction), "tekst" (new text after "luidende:").
        indent: Indentation of new text (nesting of its onderdelen), in spaces.
        text: The paragraph.
        marker: The item marker ("1.", "a.") of an instruction paragraph, "" otherwise.
        depth: How deep the instruction it belongs to is numbered (1 for "1.", 2 for "a.").
    """

    kind: str
    indent: int
    text: str
    marker: str = ""
    depth: int = 0


def paragraphs(bill: Bill) -> list[Para]:
    """The bill, paragraph by paragraph; an ARTIKEL of one change in its single-change form."""
    out: list[Para] = []
    for article in bill.articles:
        out.append(Para("artikel", 0, f"ARTIKEL {article.number}"))
        name = article.regulation
        if is_single(article):  # no letter, the regulation named in the change (single.py)
            out.extend(
                item_paragraphs(article.onderdelen[0].item, (), 0, "", bill.stijl, _of(name))
            )
            continue
        out.append(Para("aanhef", 0, f"{article_word(name)} {name} wordt als volgt gewijzigd:"))
        for part in article.onderdelen:
            if part.letter:
                out.append(Para("onderdeel", 0, part.letter))
            out.extend(item_paragraphs(part.item, (), 0, "", bill.stijl))
    return out


def _of(regulation: str) -> str:
    return of_regulation(regulation) if regulation else ""


def item_paragraphs(
    item: Item, context: Ref, depth: int, marker: str, stijl: Stijl, of: str = ""
) -> list[Para]:
    """An instruction or a group, its first paragraph carrying `marker`; `of` names the
    regulation after the citation ("van het Wetboek van Strafrecht") in a single change."""
    if isinstance(item, Instruction):
        text, new = sentence(item, context, stijl, of)
        out = [Para("opdracht", 0, text, marker, depth)]
        out.extend(Para("tekst", indent, line, "", depth) for indent, line in new)
        return out
    head = capital(words(item.target, context)) if item.target != context else "Het artikel"
    verb = (
        f"wordt vernummerd tot artikel {item.renumber_to} en wordt als volgt gewijzigd:"
        if item.renumber_to
        else "wordt als volgt gewijzigd:"
    )
    out = [Para("opdracht", 0, f"{_at(head, of)} {verb}", marker, depth)]
    numbered = len(item.items) > 1
    for n, child in enumerate(item.items):
        sub = _marker(depth, n) if numbered else ""
        out.extend(item_paragraphs(child, item.target, depth + 1, sub, stijl))
    return out


def _marker(depth: int, n: int) -> str:
    style = _MARKERS[min(depth, len(_MARKERS) - 1)]
    return style.format(n=n + 1, a=chr(ord("a") + n % 26) * (n // 26 + 1))


def _quote(text: str) -> str:
    return f"«{text}»"


def _clause(edit: WordEdit, classic: bool, alone: bool = False) -> str:
    if edit.op == "vervangen":
        telkens = "telkens " if edit.telkens else ""
        if classic and edit.new and edit.new[-1] not in ".;:," and "«" not in edit.new:
            return f"wordt {_quote(edit.old)} {telkens}vervangen door: {edit.new}"
        return f"wordt {_quote(edit.old)} {telkens}vervangen door {_quote(edit.new)}"
    if edit.op == "vervallen":
        return f"vervalt {_quote(edit.old)}"
    if edit.op == "invoegen_na":
        return f"wordt na {_quote(edit.old)} ingevoegd {_quote(edit.new)}"
    if edit.op == "invoegen_voor":
        return f"wordt voor {_quote(edit.old)} ingevoegd {_quote(edit.new)}"
    # Words at the end of the text (Ar 6.11): "Aan het eerste lid wordt «...» toegevoegd", and
    # among other changes of the same text "wordt aan het slot «...» toegevoegd".
    return (
        f"wordt {_quote(edit.new)} toegevoegd"
        if alone
        else (f"wordt aan het slot {_quote(edit.new)} toegevoegd")
    )


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} en {parts[-1]}"


def _ends(ends: tuple[EndChange, ...], sub: bool) -> list[str]:
    out = []
    for end in ends:
        old = _PUNCT_OLD.get(end.old, _quote(end.old))
        new = _PUNCT_NEW.get(end.new, _quote(end.new))
        if end.kind == "gedachtestreepje":
            where = series("gedachtestreepje", [end.sibling], lead=True)
        else:
            where = f"{'subonderdeel' if sub else 'onderdeel'} {end.sibling}"
        where += " (nieuw)" if end.nieuw else ""
        out.append(f"onder vervanging van {old} aan het slot van {where} door {new}")
    return out


def _clauses(ins: Instruction, kind: str, sub: bool) -> list[str]:
    out: list[str] = []
    if ins.renumber:
        out.append(renumbering(kind, ins.renumber, sub, ins.renumber_nieuw))
    out.extend(_ends(ins.ends, sub))
    return out


def _count(kind: str, n: int) -> str:
    one, many = _NOUNS.get(kind, (kind, kind))
    return f"een {one}" if n == 1 else f"{cardinal(n)} {many}"


def _verb(n: int) -> str:
    return "wordt" if n == 1 else "worden"


def _places(ins: Instruction, context: Ref) -> str:
    """Neighbouring provisions changed alike: "het tweede en derde lid", "artikel 44a, tweede
    lid, onderdelen a tot en met c"."""
    refs = (ins.target, *ins.targets)
    kind = ins.target[-1].kind
    numbers = [r[-1].number for r in refs]
    parent = ins.target[:-1]
    if parent == context:
        return series(kind, numbers, lead=True, sub=_sub(ins.target))
    head = words(parent, context)
    if kind == "onderdeel":
        noun = "subonderdelen" if _sub(ins.target) else "onderdelen"
        return f"{head}, {noun} {series(kind, numbers, lead=False)}"
    return f"{head}, {series(kind, numbers, lead=False)}"


def _named(citation: str, of: str) -> str:
    """The citation with the regulation after it: "artikel 273f, eerste lid, van het ..."."""
    return f"{comma(citation)} {of}" if of else citation


def _at(citation: str, of: str) -> str:
    """The citation before the verb: its closing comma (Ar 3.29), or the regulation after it."""
    return _named(citation, of) if of else comma(citation)


def _sub(ref: Ref) -> bool:
    """Whether a list below `ref`'s parent is a list of subonderdelen."""
    return len(ref) >= 2 and ref[-2].kind == "onderdeel"


def sentence(
    ins: Instruction, context: Ref, stijl: Stijl, of: str = ""
) -> tuple[str, list[tuple[int, str]]]:
    """One instruction: its sentence, and the new text that follows it (indentation, line);
    `of` ("van het Wetboek van Strafrecht") follows the full citation of a single change."""
    here = words(ins.target, context)
    new = content_lines(ins.content) if ins.content else []
    if ins.formula == "woorden":
        classic = stijl == "klassiek" and len(ins.edits) == 1
        place = _places(ins, context) if ins.targets else (here or "de tekst")
        if len(ins.edits) == 1 and ins.edits[0].op == "toevoegen":
            return f"Aan {_at(place, of)} {_clause(ins.edits[0], classic, alone=True)}.", []
        clauses = _join([_clause(e, classic) for e in ins.edits])
        return f"In {_at(place, of)} {clauses}.", []
    if ins.formula == "vervallen":
        refs = (ins.target, *ins.targets)
        kind = ins.target[-1].kind
        extra = _clauses(ins, kind, _sub(ins.target))
        tail = f", {' en '.join(extra)}" if extra else ""
        if len(refs) == 1:
            return f"{capital(_at(here, of))} vervalt{tail}.", []
        parent = ins.target[:-1]
        many = series(kind, [r[-1].number for r in refs], lead=True, sub=_sub(ins.target))
        if parent and parent != context:
            return f"In {_at(words(parent, context), of)} vervallen {many}{tail}.", []
        return f"{capital(_named(many, of))} vervallen{tail}.", []
    if ins.formula == "komt_te_luiden":
        if ins.content:
            return f"{capital(_at(here, of))} komt te luiden:", new
        return f"{capital(_at(here, of))} komt te luiden:", [
            (0, line) for line in ins.text.split("\n")
        ]
    if ins.formula == "opschrift":
        title = capital(_named(words((*ins.target, Seg("opschrift")), context), of))
        return f"{title} komt te luiden:", [(0, ins.text)]
    if ins.formula == "vernummeren":
        if ins.text:
            return f"{capital(_named(here, of))} wordt vernummerd tot artikel {ins.text}.", []
        kind = "lid" if all(a.isdigit() for a, _ in ins.renumber) else "onderdeel"
        olds = [a for a, _ in ins.renumber]
        news = [b for _, b in ins.renumber]
        return (
            f"{capital(series(kind, olds, lead=True))} worden vernummerd tot "
            f"{series(kind, news, lead=False)}.",
            [],
        )
    if ins.formula == "aanduiding":
        mark = _quote(ins.text or "1.")
        if not ins.remove_mark:
            return f"Voor de tekst wordt de aanduiding {mark} geplaatst.", []
        kept = series("lid", [(ins.text or "1.").rstrip(".")], lead=True)
        if ins.targets:
            gone = series("lid", [r[-1].number for r in ins.targets], lead=True)
            if not context:  # standalone: "Artikel 9, tweede lid, alsmede ..."
                gone = f"{words(ins.target)}, {gone.removeprefix('het ')},"
                gone = f"{gone} {of}," if of else gone
            return (f"{capital(gone)} alsmede de aanduiding {mark} voor {kept} vervallen.", [])
        if ins.target != context:
            where = _named(words(ins.target, context), of)
            return f"In {where} vervalt de aanduiding {mark} voor {kept}.", []
        return f"De aanduiding {mark} voor {kept} vervalt.", []
    n = len(ins.content)
    what = _count(ins.kind, n)
    if ins.formula == "toevoegen" and ins.kind == "opschrift":
        # Ar 3.55: articles "kunnen van een opschrift worden voorzien".
        owner = capital(_named(here, of)) if here else "Het artikel"
        return f"{owner} wordt voorzien van een opschrift, luidende:", [(0, ins.text)]
    if ins.formula == "toevoegen":
        if ins.kind == "zin":
            n = len(sentences(ins.text))
            added = f"{_count('zin', n)} toegevoegd, luidende: {ins.text}"
            if not here:
                return f"Er {_verb(n)} {added}", []
            return f"Aan {_at(here, of)} {_verb(n)} {added}", []
        extra = _clauses(ins, ins.kind, len(ins.target) >= 1 and ins.target[-1].kind == "onderdeel")
        if not here:
            lead = f"{capital(' en '.join(extra))} {_verb(n)}" if extra else f"Er {_verb(n)}"
            return f"{lead} {what} toegevoegd, luidende:", new
        if extra:
            return (
                f"In {_at(here, of)} {_verb(n)}, {' en '.join(extra)}, {what} toegevoegd, "
                "luidende:",
                new,
            )
        return f"Aan {_at(here, of)} {_verb(n)} {what} toegevoegd, luidende:", new
    # invoegen
    if ins.kind == "zin":
        n = len(sentences(ins.text))
        added = f"{_count('zin', n)} ingevoegd, luidende: {ins.text}"
        if ins.target[:-1] != context:
            where = words(ins.target[:-1], context)
            return (
                f"In {_at(where, of)} {_verb(n)} {ins.position} {words(ins.target[-1:])} {added}",
                [],
            )
        anchor = words(ins.target, context)
        return f"{capital(ins.position)} {anchor} {_verb(n)} {added}", []
    anchor_context = (
        ins.target[:-1] if ins.target[-1].kind in ("lid", "onderdeel", "gedachtestreepje") else ()
    )
    extra = _clauses(ins, ins.kind, _sub(ins.target))
    position = "na" if ins.position == "na" else "voor"
    if anchor_context and anchor_context != context and anchor_context[: len(context)] == context:
        anchor = words(ins.target, anchor_context)
        where = words(anchor_context, context)
        middle = f", {' en '.join(extra)}," if extra else ""
        return (
            f"In {_at(where, of)} {_verb(n)}{middle} {position} {anchor} {what} ingevoegd, "
            "luidende:",
            new,
        )
    if extra:
        return (
            f"{capital(' en '.join(extra))} {_verb(n)} {position} {_named(here, of)} {what} "
            "ingevoegd, luidende:",
            new,
        )
    return f"{capital(position)} {_named(here, of)} {_verb(n)} {what} ingevoegd, luidende:", new


def render_text(bill: Bill) -> str:
    """The bill as plain text, paragraphs separated by a blank line (as published)."""
    lines: list[str] = []
    for para in paragraphs(bill):
        prefix = f"{para.marker} " if para.marker else ""
        lines.append(" " * para.indent + prefix + para.text)
    return "\n\n".join(lines) + "\n"


def render_markdown(bill: Bill) -> str:
    """The bill as Markdown: ARTIKEL and onderdeel letters as headings, the rest as text."""
    lines: list[str] = []
    for para in paragraphs(bill):
        if para.kind == "artikel":
            lines.append(f"## {para.text}")
        elif para.kind == "onderdeel":
            lines.append(f"### {para.text}")
        else:
            prefix = f"{para.marker} " if para.marker else ""
            text = prefix + para.text
            if para.kind == "tekst" and not para.indent and text[:1].isdigit() and ". " in text[:6]:
                # "4. Niet strafbaar ..." would start a Markdown list numbered from 4
                text = text.replace(". ", "\\. ", 1)
            lines.append(" " * para.indent + text)
    return "\n\n".join(lines) + "\n"


@dataclass(frozen=True, slots=True)
class Row:
    """One instruction with its place in the bill, for JSON and the MvT."""

    article: str  # ARTIKEL number (Roman)
    letter: str
    path: tuple[str, ...]  # item markers below the onderdeel ("4", "b")
    instruction: Instruction
    sentence: str
    new_text: tuple[str, ...]


def rows(bill: Bill) -> list[Row]:
    """Every instruction of the bill with its sentence as written in its group."""
    out: list[Row] = []

    def walk(
        item: Item, context: Ref, depth: int, path: tuple[str, ...], where: tuple[str, str], of: str
    ) -> None:
        if isinstance(item, Instruction):
            text, new = sentence(item, context, bill.stijl, of)
            out.append(Row(where[0], where[1], path, item, text, tuple(line for _, line in new)))
            return
        numbered = len(item.items) > 1
        for n, child in enumerate(item.items):
            marker = _marker(depth, n).rstrip(".") if numbered else ""
            walk(child, item.target, depth + 1, (*path, marker) if marker else path, where, "")

    for article in bill.articles:
        of = _of(article.regulation) if is_single(article) else ""
        for part in article.onderdelen:
            walk(part.item, (), 0, (), (article.number, part.letter), of)
    return out


def onderdeel_paragraphs(bill: Bill, letter: str, article_number: str = "I") -> list[Para]:
    """The paragraphs of one onderdeel (letter included), for the MvT; the single change of an
    ARTIKEL (letter "") as the bill writes it, naming the regulation."""
    for article in bill.articles:
        if article.number != article_number:
            continue
        of = _of(article.regulation) if is_single(article) else ""
        for part in article.onderdelen:
            if part.letter == letter:
                out = [Para("onderdeel", 0, part.letter)] if part.letter else []
                out.extend(item_paragraphs(part.item, (), 0, "", bill.stijl, of))
                return out
    return []
