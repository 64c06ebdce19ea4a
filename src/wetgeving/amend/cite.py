"""Citations in the language of wijzigingsopdrachten, written: "het zesde lid (nieuw),
onderdeel b", "artikel 273f, eerste lid, aanhef", "de Vierde Afdeling van Titel IIA van het
Eerste Boek", series "het vierde tot en met achtste lid", "de onderdelen c tot en met f",
"het tweede gedachtestreepje". Reading them is `citeread.py`.
"""

from __future__ import annotations

from wetgeving.amend.model import Ref, Seg
from wetgeving.amend.tree import next_number
from wetgeving.text.labels import is_ordinal_word, ordinal
from wetgeving.text.model import DIVISION_RANK

DIVISIONS = tuple(DIVISION_RANK)
CONTEXT = "-"  # the number of "het artikel": the article a group is about
_CARDINALS = [
    "nul",
    "een",
    "twee",
    "drie",
    "vier",
    "vijf",
    "zes",
    "zeven",
    "acht",
    "negen",
    "tien",
    "elf",
    "twaalf",
    "dertien",
    "veertien",
    "vijftien",
    "zestien",
    "zeventien",
    "achttien",
    "negentien",
    "twintig",
]
CARDINAL_VALUES = {word: n for n, word in enumerate(_CARDINALS)}


def cardinal(n: int) -> str:
    """ "een", "twee", ... "twintig"; digits above that."""
    return _CARDINALS[n] if 0 <= n < len(_CARDINALS) else str(n)


class CiteError(ValueError):
    """A citation that cannot be read; the message is Dutch."""


# --- writing -------------------------------------------------------------------------------------


def _division_name(seg: Seg, lead: bool) -> str:
    from wetgeving.text.labels import division_heading

    name = division_heading(seg.kind, seg.number)
    if is_ordinal_word(seg.number):
        article = "het" if seg.kind in ("boek", "hoofdstuk") else "de"
        return f"{article} {name}"
    return name


def _divisions(segs: list[Seg]) -> str:
    """ "de Vierde Afdeling van Titel IIA van het Eerste Boek" (inner first)."""
    return " van ".join(_division_name(s, i == 0) for i, s in enumerate(reversed(segs)))


def _seg_words(seg: Seg, lead: bool, parent: Seg | None) -> str:
    tail = " (nieuw)" if seg.nieuw else ""
    if seg.kind == "artikel" and not seg.number:
        return "het enig artikel" if lead else "enig artikel"
    if seg.kind == "artikel":
        return f"artikel {seg.number}{tail}"
    if seg.kind == "bijlage":
        return f"bijlage {seg.number}" if seg.number else "de bijlage"
    if seg.kind == "lid":
        words = f"{ordinal(int(seg.number))} lid" if seg.number.isdigit() else f"lid {seg.number}"
        return f"het {words}{tail}" if lead else f"{words}{tail}"
    if seg.kind == "onderdeel":
        noun = "subonderdeel" if parent is not None and parent.kind == "onderdeel" else "onderdeel"
        if not lead and noun == "subonderdeel":
            return f"onder {seg.number}{tail}"
        return f"{noun} {seg.number}{tail}"
    if seg.kind == "gedachtestreepje":
        words = f"{ordinal(int(seg.number))} gedachtestreepje{tail}"
        return f"het {words}" if lead else words
    if seg.kind == "aanhef":
        return "de aanhef" if lead else "aanhef"
    if seg.kind == "slotzin":
        return "de slotzin" if lead else "slotzin"
    if seg.kind == "zin":
        words = f"{ordinal(int(seg.number))} zin"
        return f"de {words}" if lead else words
    raise CiteError(f"onbekend deel van een verwijzing: {seg.kind}")


def words(ref: Ref, context: Ref = ()) -> str:
    """A provision cited from inside `context` ("het eerste lid, onderdeel 3°"), or in full.

    Returns "" for the context itself. A citation ending in the opschrift names the heading
    title of what precedes it: "het opschrift van artikel 1", "het opschrift" inside it.
    """
    if ref and ref[-1].kind == "opschrift":
        owner = words(ref[:-1], context) if ref[:-1] else ""
        return f"het opschrift van {owner}" if owner else "het opschrift"
    if context and ref[: len(context)] == context:
        rest = list(ref[len(context) :])
        parent: Seg | None = context[-1]
    else:
        rest = list(ref)
        parent = None
    divisions = [s for s in rest if s.kind in DIVISIONS]
    if divisions:
        return _divisions(divisions)
    parts = []
    for i, seg in enumerate(rest):
        parts.append(_seg_words(seg, i == 0, parent))
        parent = seg
    return ", ".join(parts)


def capital(text: str) -> str:
    """The sentence starts with a capital: "het eerste lid" -> "Het eerste lid"."""
    return text[:1].upper() + text[1:]


def comma(text: str) -> str:
    """A citation with parts takes a closing comma before the verb (Ar 3.29)."""
    return f"{text}," if ", " in text else text


def _series_words(numbers: list[str], shown: list[str]) -> str:
    if len(numbers) >= 3:
        run = [numbers[0]]
        for _ in numbers[1:]:
            nxt = next_number(run[-1])
            if nxt is None:
                break
            run.append(nxt)
        if run == numbers:
            return f"{shown[0]} tot en met {shown[-1]}"
    if len(shown) == 1:
        return shown[0]
    return f"{', '.join(shown[:-1])} en {shown[-1]}"


def series(kind: str, numbers: list[str], *, lead: bool, sub: bool = False) -> str:
    """Several siblings by number: "het vierde tot en met achtste lid", "de onderdelen c en d".

    With `lead` False the form that follows "tot" ("vijfde tot en met negende lid", "d en e").
    """
    if kind == "gedachtestreepje":
        text = _series_words(numbers, [ordinal(int(n)) for n in numbers]) + " gedachtestreepje"
        return f"het {text}" if lead else text
    if kind == "lid":
        if all(n.isdigit() for n in numbers):
            text = _series_words(numbers, [ordinal(int(n)) for n in numbers]) + " lid"
            return f"het {text}" if lead else text
        text = _series_words(numbers, numbers)
        noun = "lid" if len(numbers) == 1 else "leden"
        return f"{'het' if len(numbers) == 1 else 'de'} {noun} {text}" if lead else text
    if kind == "artikel":
        text = _series_words(numbers, numbers)
        if len(numbers) == 1:
            return f"artikel {text}"
        return f"de artikelen {text}" if lead else f"artikelen {text}"
    text = _series_words(numbers, numbers)
    if not lead:
        return text
    noun = "subonderde" if sub else "onderde"
    return f"{noun}el {text}" if len(numbers) == 1 else f"de {noun}len {text}"


def runs(pairs: tuple[tuple[str, str], ...]) -> list[tuple[tuple[str, str], ...]]:
    """Renumbering pairs split where the step changes or a number is skipped: each run is one
    "A tot B" of a renumbering clause."""
    out: list[list[tuple[str, str]]] = []
    for old, new in pairs:
        if out:
            last_old, last_new = out[-1][-1]
            if next_number(last_old) == old and next_number(last_new) == new:
                out[-1].append((old, new))
                continue
        out.append([(old, new)])
    return [tuple(run) for run in out]


def renumbering(
    kind: str, pairs: tuple[tuple[str, str], ...], sub: bool = False, nieuw: bool = False
) -> str:
    """ "onder vernummering van het zesde en zevende lid tot vijfde en zesde lid"; siblings
    renumbered by different steps in one clause: "onder vernummering van het vierde en vijfde
    lid tot vijfde en zesde lid en van het zesde tot en met achtste lid tot achtste tot en met
    tiende lid"."""
    olds = [a for a, _ in pairs]
    letters = kind == "onderdeel" and all(n.isalpha() for n in olds)
    verb = "verlettering" if letters else "vernummering"
    mark = " (nieuw)" if nieuw else ""
    parts = [
        f"{series(kind, [a for a, _ in run], lead=True, sub=sub)}{mark} "
        f"tot {series(kind, [b for _, b in run], lead=False, sub=sub)}"
        for run in runs(pairs)
    ]
    return f"onder {verb} van {' en van '.join(parts)}"
