"""Dutch citation labels (Ar 3.29) and stable path ids for nodes."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

_UNITS = [
    "",
    "een",
    "twee",
    "drie",
    "vier",
    "vijf",
    "zes",
    "zeven",
    "acht",
    "negen",
]
_FIRST_TWENTY = [
    "",
    "eerste",
    "tweede",
    "derde",
    "vierde",
    "vijfde",
    "zesde",
    "zevende",
    "achtste",
    "negende",
    "tiende",
    "elfde",
    "twaalfde",
    "dertiende",
    "veertiende",
    "vijftiende",
    "zestiende",
    "zeventiende",
    "achttiende",
    "negentiende",
    "twintigste",
]
_TENS = [
    "",
    "",
    "twintig",
    "dertig",
    "veertig",
    "vijftig",
    "zestig",
    "zeventig",
    "tachtig",
    "negentig",
]


def ordinal(n: int) -> str:
    """Return the written-out Dutch ordinal ("derde", "eenentwintigste") for 1..99."""
    if 1 <= n <= 20:
        return _FIRST_TWENTY[n]
    if 21 <= n <= 99:
        tens, unit = divmod(n, 10)
        if unit == 0:
            return _TENS[tens] + "ste"
        # "twee" and "drie" take a trema before "en" (tweeëntwintigste, drieëndertigste).
        joiner = "ën" if _UNITS[unit].endswith("e") else "en"
        return f"{_UNITS[unit]}{joiner}{_TENS[tens]}ste"
    return f"{n}e"


ORDINAL_VALUES: dict[str, int] = {ordinal(n): n for n in range(1, 100)}

_ORDINAL_WORD = re.compile(r"^[A-Z][a-zë]+$")


def is_ordinal_word(number: str) -> bool:
    """True for a written-out ordinal such as "Tweede" (as in "Tweede Boek")."""
    return bool(_ORDINAL_WORD.match(number)) and number.lower() in ORDINAL_VALUES


def lid_label(number: str) -> str:
    """Return "derde lid" for "3"; "lid 3a" for numbers that are not plain digits."""
    if number.isdigit() and len(number) < 10:  # int() of a hostile 4,300-digit "lid" raises
        return f"{ordinal(int(number))} lid"
    return f"lid {number}"


def onderdeel_label(number: str) -> str:
    """Return "onder 4°" for degree numbers, "onderdeel b" for letters (Ar 3.29)."""
    if number.isalpha():
        return f"onderdeel {number}"
    return f"onder {number}"


def cite(label: str) -> str:
    """A citation the sentence goes on after: Ar closes one with parts by a comma.

    "artikel 273f, eerste lid, onder 4°," before a verb; "artikel 273f" stays as it is.
    """
    return f"{label}," if "," in label else label


ENIG_ARTIKEL = "enig artikel"  # the label of the one article of a regulation without a number
BIJLAGE = "bijlage"


# --- bodies: the articles and bijlagen a comparison and the documents go by ----------------------
#
# A body is named by a key: the article number ("273f"), "" for the enig artikel, and "bijlage I"
# ("bijlage" without a number) for a bijlage. Article numbers hold no spaces, so the keys of
# articles and bijlagen never meet.


def body_key(kind: str, number: str) -> str:
    """The key of an artikel or bijlage: "273f", "" (enig artikel), "bijlage I", "bijlage"."""
    if kind == BIJLAGE:
        return f"{BIJLAGE} {number}" if number else BIJLAGE
    return number


def is_bijlage(key: str) -> bool:
    """Whether a body key names a bijlage."""
    return key == BIJLAGE or key.startswith(BIJLAGE + " ")


def body_label(key: str) -> str:
    """The citation of a body: "artikel 273f", "enig artikel", "bijlage I"."""
    if is_bijlage(key):
        return key
    return f"artikel {key}" if key else ENIG_ARTIKEL


def body_heading(key: str) -> str:
    """The heading of a body in a document: "Artikel 273f", "Enig artikel", "Bijlage I"."""
    label = body_label(key)
    return label[:1].upper() + label[1:]


def body_id(key: str) -> str:
    """The node id of a body: "art.273f", "art" (enig artikel), "bijlage.I", "bijlage"."""
    if is_bijlage(key):
        return id_segment(BIJLAGE, key[len(BIJLAGE) + 1 :])
    return id_segment("art", key)


def body_of(node_id: str) -> str:
    """The key of the body a node id lies in ("art.273f/lid.1" -> "273f", "bijlage.I/ond.2" ->
    "bijlage I"); "" for the enig artikel."""
    first = node_id.split("/", 1)[0]
    kind, _, number = first.partition(".")
    return body_key("bijlage" if kind == BIJLAGE else "artikel", number.split("~", 1)[0])


def body_key_of(text: str) -> str:
    """A body as a lawyer gives it ("273f", "artikel 273f", "enig artikel", "bijlage I") -> key."""
    plain = " ".join(text.split())
    low = plain.lower()
    if low in (ENIG_ARTIKEL, "het enig artikel"):
        return ""
    if low == BIJLAGE or low.startswith(BIJLAGE + " "):
        return body_key(BIJLAGE, plain[len(BIJLAGE) + 1 :])
    return plain[len("artikel ") :] if low.startswith("artikel ") else plain


def in_sentence(label: str) -> str:
    """A citation as it stands in a sentence: "het enig artikel, onder 2°", "de bijlage";
    "artikel 273f" and "bijlage I" need no article."""
    if label == ENIG_ARTIKEL or label.startswith(ENIG_ARTIKEL + ","):
        return f"het {label}"
    if label == BIJLAGE or label.startswith(BIJLAGE + ","):
        return f"de {label}"
    return label


def body_order(keys: Iterable[str], *orders: Sequence[str]) -> list[str]:
    """Body keys in document order: by their place in the first order that holds them (the new
    version's, then the old one's), the rest after them in the Dutch order of article numbers."""
    places: list[dict[str, int]] = [{k: i for i, k in enumerate(order)} for order in orders]

    def key(body: str) -> tuple[int, int, tuple[tuple[int, tuple[float, ...]], ...], str]:
        for rank, place in enumerate(places):
            if body in place:
                return (rank, place[body], (), body)
        return (len(places), 0, article_key(body), body)

    return sorted(dict.fromkeys(keys), key=key)


def marker_number(marker: str) -> str:
    """The number of a list marker as written: "a." -> "a", "1°." -> "1°", "a)" -> "a"."""
    return marker[:-1] if marker.endswith((".", ")")) and len(marker) > 1 else marker


def id_segment(prefix: str, number: str) -> str:
    """Return an id segment such as "lid.3"; spaces cannot occur in numbers as written."""
    return f"{prefix}.{number}" if number else prefix


_DIVISION_LABEL = {
    "boek": "Boek",
    "titel": "Titel",
    "hoofdstuk": "Hoofdstuk",
    "afdeling": "Afdeling",
    "paragraaf": "Paragraaf",
}


def division_heading(kind: str, number: str) -> str:
    """Return "Titel XVIII", or "Tweede Boek" when the number is a written-out ordinal."""
    label = _DIVISION_LABEL[kind]
    if not number:
        return label
    if is_ordinal_word(number):
        return f"{number} {label}"
    return f"{label} {number}"


def id_variants(node_id: str) -> list[str]:
    """The id itself, then the ids to try when it is absent: onderdeel "2" may be written "2°"
    in the text and vice versa, and "2°" may be typed "2º" (the ordinal indicator)."""
    out = [node_id]
    parts = node_id.split("/")
    variants: list[list[str]] = []
    for part in parts:
        nr = part[4:]
        if part.startswith("ond.") and nr[:1].isdigit():
            bare = nr.rstrip("°º")
            options = [nr, *(v for v in (bare, bare + "°", bare + "º") if v != nr)]
            variants.append([f"ond.{o}" for o in options])
        else:
            variants.append([part])
    combos: list[str] = [""]
    for options in variants:
        combos = [f"{c}/{o}" if c else o for c in combos for o in options]
    out.extend(c for c in combos if c not in out)
    return out


_TOKEN = re.compile(r"\d+|[^\d]+")
_LATIN = ("bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "nonies", "decies")


def _letters(token: str) -> tuple[float, ...]:
    """Dutch order of letter suffixes: z < za < aa < bb, "ij" between x and y (38x, 38ij, 38y)."""
    low = token.lower()
    if low in _LATIN:
        return (0.0, float(_LATIN.index(low)))
    out: list[float] = []
    i = 0
    if len(low) >= 2 and low[0] == low[1] and low[:2].isalpha():
        out.append(27.0 + ord(low[0]) - ord("a"))
        i = 2
    while i < len(low):
        if low.startswith("ij", i):
            out.append(24.5)
            i += 2
            continue
        out.append(float(ord(low[i]) - ord("a") + 1))
        i += 1
    return tuple(out)


def article_key(number: str) -> tuple[tuple[int, tuple[float, ...]], ...]:
    """Sort key for article numbers as written: 9 < 14 < 14a < 14b < 273f < 273fa < 273g."""
    return tuple(
        (_number(t), ()) if t.isdigit() else (-1, _letters(t)) for t in _TOKEN.findall(number)
    )


def _number(digits: str) -> int:
    """int() of digits; a hostile number of 4,300+ digits (int() raises) sorts after all others."""
    return int(digits) if len(digits) < 19 else 10**18 + len(digits)
