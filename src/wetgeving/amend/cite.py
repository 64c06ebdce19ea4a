"""Citations in the language of wijzigingsopdrachten, both ways.

Written: "het zesde lid (nieuw), onderdeel b", "artikel 273f, eerste lid, aanhef", "de Vierde
Afdeling van Titel IIA van het Eerste Boek", series "het vierde tot en met achtste lid",
"de onderdelen c tot en met f". Read: the same, plus the variants published bills use ("onder
c", "lid 2", "subonderdeel 2°", "de tweede volzin").
"""

from __future__ import annotations

import re

from wetgeving.amend.model import Ref, Seg
from wetgeving.amend.tree import next_number
from wetgeving.text.labels import ORDINAL_VALUES, is_ordinal_word, ordinal
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

    Returns "" for the context itself.
    """
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


# --- reading -------------------------------------------------------------------------------------

_ORD = "|".join(sorted(ORDINAL_VALUES, key=len, reverse=True))
_NIEUW = r"(?:\s*\(nieuw\))?"
_NUMBER = r"\d+[a-z]{0,3}[°º]?|[a-z]{1,3}|[ivxlc]+|[A-Z]"
_PIECES: list[tuple[str, re.Pattern[str]]] = [
    (
        "artikel",
        re.compile(rf"^(?:het\s+)?artikel\s+(?P<nr>[0-9][0-9a-z:.]*[0-9a-z]|[0-9]){_NIEUW}$", re.I),
    ),
    ("lid", re.compile(rf"^(?:het\s+)?(?P<ord>{_ORD})\s+lid{_NIEUW}$", re.I)),
    ("lid", re.compile(rf"^(?:het\s+)?lid\s+(?P<nr>\d+[a-z]{{0,2}}){_NIEUW}$", re.I)),
    (
        "onderdeel",
        re.compile(
            rf"^(?:het\s+|de\s+)?(?:sub)?(?:onderdeel|onder|sub)\s+(?P<nr>{_NUMBER})\.?{_NIEUW}$",
            re.I,
        ),
    ),
    (
        "gedachtestreepje",
        re.compile(rf"^(?:het\s+)?(?P<ord>{_ORD})\s+gedachtestreepje{_NIEUW}$", re.I),
    ),
    ("aanhef", re.compile(r"^(?:de\s+)?aanhef$", re.I)),
    ("slotzin", re.compile(r"^(?:de\s+)?(?:slotzin|zinsnede na de opsomming)$", re.I)),
    ("zin", re.compile(rf"^(?:de\s+)?(?P<ord>{_ORD})\s+(?:vol)?zin$", re.I)),
    ("artikel", re.compile(r"^(?:het\s+)?artikel$", re.I)),
    ("enig", re.compile(r"^(?:het\s+)?enig\s+artikel$", re.I)),
    ("bijlage", re.compile(r"^(?:de\s+)?bijlage(?:\s+(?P<nr>[^\s,]+))?$", re.I)),
]
_DIVISION_PIECE = re.compile(
    r"^(?:(?:het|de)\s+)?(?:(?P<ord>[A-Z][a-zë]+)\s+(?P<k1>Boek|Titel|Afdeling|Hoofdstuk|Paragraaf)"
    r"|(?P<k2>boek|titel|titeldeel|afdeling|hoofdstuk|paragraaf)\s+(?P<nr>[^\s,]+))$",
    re.I,
)


def _piece(text: str) -> Seg | None:
    for kind, pattern in _PIECES:
        m = pattern.match(text)
        if not m:
            continue
        nieuw = "(nieuw)" in text
        if kind == "artikel" and "nr" not in m.groupdict():
            return Seg("artikel", CONTEXT)  # "het artikel": the article of the context
        if kind == "enig":
            return Seg("artikel", "")
        groups = m.groupdict()
        if groups.get("ord"):
            number = str(ORDINAL_VALUES[groups["ord"].lower()])
        else:
            number = groups.get("nr") or ""
        number = number.replace("º", "°")
        return Seg(kind, number, nieuw)  # type: ignore[arg-type]
    return None


def _division(text: str) -> Seg | None:
    m = _DIVISION_PIECE.match(text)
    if not m:
        return None
    if m.group("k1"):
        kind, number = m.group("k1").lower(), m.group("ord")
        if not is_ordinal_word(number):
            return None
    else:
        kind, number = m.group("k2").lower(), m.group("nr")
    kind = "titel" if kind == "titeldeel" else kind
    return Seg(kind, number)  # type: ignore[arg-type]


def parse_ref(text: str) -> Ref:
    """Read one citation ("het eerste lid, onderdeel 3°", "artikel 5a", "Titel XXXI van het
    Tweede Boek"); relative to the context it stands in unless it names an article or division.

    Raises:
        CiteError: when it is not a citation.
    """
    clean = " ".join(text.replace("\u00a0", " ").split()).strip(" ,")
    if not clean:
        raise CiteError("verwijzing ontbreekt")
    parts = [p.strip() for p in re.split(r",\s*|\s+van\s+(?=(?:het|de)\s+|[A-Z]|artikel\b)", clean)]
    segs: list[Seg] = []
    divisions: list[Seg] = []
    for part in parts:
        if not part:
            continue
        seg = _piece(part)
        if seg is None:
            div = _division(part)
            if div is None:
                raise CiteError(f"'{part}' is geen verwijzing naar een bepaling")
            divisions.append(div)
            continue
        if seg.kind == "artikel" and seg.number == CONTEXT and segs:
            continue
        segs.append(seg)
    if divisions:
        if segs:
            raise CiteError(f"'{clean}' mengt een artikel en een indeling")
        return tuple(reversed(divisions))
    if segs and segs[0].kind == "artikel" and segs[0].number == CONTEXT:
        segs = segs[1:]
    # "onderdeel b van het eerste lid" names the lid last: citation order is outside in.
    order = {
        "artikel": 0,
        "bijlage": 0,
        "lid": 1,
        "onderdeel": 2,
        "gedachtestreepje": 2,
        "aanhef": 3,
        "slotzin": 3,
        "zin": 4,
    }
    if [order[s.kind] for s in segs] != sorted(order[s.kind] for s in segs):
        segs.sort(key=lambda s: order[s.kind])
    return tuple(segs)


_PLURAL = re.compile(
    r"^(?:de\s+)?(?P<noun>artikelen|leden|onderdelen|subonderdelen)\s+(?P<list>.+)$", re.I
)
_LID_SERIES = re.compile(
    rf"^(?:het\s+)?(?P<list>(?:(?:{_ORD})(?:,\s*|\s+en\s+|\s+tot\s+en\s+met\s+))*(?:{_ORD}))"
    rf"\s+(?P<noun>lid|gedachtestreepje){_NIEUW}$",
    re.I,
)


def _expand(items: list[str], ranges: list[bool]) -> list[str]:
    """Numbers with "tot en met" between two of them filled in ("c tot en met f": c, d, e, f)."""
    out: list[str] = []
    for number, is_range_end in zip(items, ranges, strict=True):
        if is_range_end and out:
            start = out[-1]
            cur = start
            guard = 0
            while cur != number and guard < 200:
                nxt = next_number(cur)
                if nxt is None:
                    raise CiteError(f"reeks '{start} tot en met {number}' is niet te lezen")
                cur = nxt
                out.append(cur)
                guard += 1
            continue
        out.append(number)
    return out


def _split_list(text: str) -> tuple[list[str], list[bool]]:
    tokens = re.split(r"(,\s*|\s+en\s+|\s+tot\s+en\s+met\s+)", text.strip())
    items: list[str] = []
    ranges: list[bool] = []
    pending_range = False
    for token in tokens:
        if re.fullmatch(r",\s*|\s+en\s+", token):
            continue
        if re.fullmatch(r"\s+tot\s+en\s+met\s+", token):
            pending_range = True
            continue
        items.append(token.strip())
        ranges.append(pending_range)
        pending_range = False
    return items, ranges


def parse_series(text: str, kind_hint: str = "") -> tuple[str, list[str]]:
    """Several siblings: "het vierde tot en met achtste lid" -> ("lid", ["4", ..., "8"]).

    `kind_hint` gives the kind for a bare list after "tot" ("d tot en met g").

    Raises:
        CiteError: when the text is no such series.
    """
    clean = " ".join(text.split()).strip(" ,").replace("(nieuw)", "").strip()
    clean = " ".join(clean.split())
    m = _LID_SERIES.match(clean)
    if m:
        items, ranges = _split_list(m.group("list"))
        numbers = [str(ORDINAL_VALUES[i.lower()]) for i in items]
        return m.group("noun").lower(), _expand(numbers, ranges)
    m = _PLURAL.match(clean)
    if m:
        noun = m.group("noun").lower()
        kind = {"artikelen": "artikel", "leden": "lid"}.get(noun, "onderdeel")
        items, ranges = _split_list(m.group("list"))
        return kind, _expand([i.replace("º", "°") for i in items], ranges)
    one = _piece(clean)
    if (
        one is not None
        and one.kind in ("lid", "onderdeel", "artikel", "gedachtestreepje")
        and one.number
    ):
        return one.kind, [one.number]
    if kind_hint:
        items, ranges = _split_list(clean)
        if kind_hint in ("lid", "gedachtestreepje"):
            words = [i.removesuffix(" lid").removesuffix(" gedachtestreepje") for i in items]
            if all(w.lower() in ORDINAL_VALUES for w in words):
                numbers = [str(ORDINAL_VALUES[w.lower()]) for w in words]
                return kind_hint, _expand(numbers, ranges)
        elif all(re.fullmatch(_NUMBER, i) for i in items):
            return kind_hint, _expand([i.replace("º", "°") for i in items], ranges)
    raise CiteError(f"'{clean}' is geen reeks leden, onderdelen of artikelen")


def parse_targets(text: str) -> list[Ref]:
    """One or more citations of siblings ("het vijfde en zesde lid", "de artikelen 5 en 6",
    "artikel 3, tweede lid, onderdelen b en c") as separate refs.

    Raises:
        CiteError: when the text is not such a citation.
    """
    clean = " ".join(text.split()).strip(" ,")
    try:
        return [parse_ref(clean)]
    except CiteError:
        pass
    # "artikel 3, tweede lid, onderdelen b en c"; "artikel 10, eerste, tweede en vierde lid"
    cuts = [m.start() for m in re.finditer(", ", clean)]
    for cut in reversed(cuts):
        head, last = clean[:cut], clean[cut + 2 :]
        try:
            prefix = parse_ref(head)
            kind, numbers = parse_series(last)
        except CiteError:
            continue
        return [(*prefix, Seg(kind, n)) for n in numbers]  # type: ignore[arg-type]
    kind, numbers = parse_series(clean)
    return [(Seg(kind, n),) for n in numbers]  # type: ignore[arg-type]
