"""Citations in the language of wijzigingsopdrachten, read: what `cite.py` writes, plus the
variants published bills use ("onder c", "lid 2", "subonderdeel 2°", "de tweede volzin")."""

from __future__ import annotations

import re

from wetgeving.amend.cite import CONTEXT, DIVISIONS, CiteError
from wetgeving.amend.model import Ref, Seg
from wetgeving.amend.tree import next_number
from wetgeving.text.labels import ORDINAL_VALUES, is_ordinal_word

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
    ("artikel", re.compile(r"^(?:de\s+)?tekst$", re.I)),  # the text of the group's provision
    ("enig", re.compile(r"^(?:het\s+)?enig\s+artikel$", re.I)),
    ("bijlage", re.compile(r"^(?:de\s+)?bijlage(?:\s+(?P<nr>[^\s,]+))?$", re.I)),
]
_DIVISION_PIECE = re.compile(
    r"^(?:(?:het|de)\s+)?(?:(?P<ord>[A-Z][a-zë]+)\s+(?P<k1>Boek|Titel|Afdeling|Hoofdstuk|Paragraaf)"
    r"|(?P<k2>boek|titel|titeldeel|afdeling|hoofdstuk|paragraaf)(?:\s+(?P<nr>[^\s,]+))?)$",
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
        kind, number = m.group("k2").lower(), m.group("nr") or ""  # "Titel": unnumbered
    kind = "titel" if kind == "titeldeel" else kind
    return Seg(kind, number)  # type: ignore[arg-type]


_OPSCHRIFT = re.compile(r"^(?:het\s+)?opschrift(?:\s+van\s+(?P<of>.+))?$", re.I)
_TITLED = ("artikel", "bijlage")


def parse_ref(text: str) -> Ref:
    """Read one citation ("het eerste lid, onderdeel 3°", "artikel 5a", "Titel XXXI van het
    Tweede Boek", "het opschrift van artikel 1"); relative to the context it stands in unless it
    names an article or division.

    Raises:
        CiteError: when it is not a citation.
    """
    clean = " ".join(text.replace("\u00a0", " ").split()).strip(" ,")
    if not clean:
        raise CiteError("verwijzing ontbreekt")
    title = _OPSCHRIFT.match(clean)
    if title:
        # "het opschrift van artikel 1": the heading title of what follows "van".
        owner = parse_ref(title.group("of")) if title.group("of") else ()
        if owner and owner[-1].kind not in (*_TITLED, *DIVISIONS):
            raise CiteError(f"'{title.group('of')}' heeft geen opschrift")
        return (*owner, Seg("opschrift"))
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
