"""The grammar of references in statute text: phrases -> raw references (resolved elsewhere).

A reference belongs to the article it names: in "de artikelen 225, derde lid, 311, eerste lid,
onder 6°" the derde lid is that of 225. A run of articles followed by "van <another act>" ("van
het Wetboek van Strafvordering", "van die wet", "van Boek 8 van het Burgerlijk Wetboek",
"Kernenergiewet") names that act and is left out; "van deze wet", "van dit wetboek" and the
regeling's own title keep it internal. A list goes on after such a qualifier ("..., 395 van het
Wetboek van Strafrecht, 175, tweede lid, ... van de Wegenverkeerswet 1994, en 11, ..."), and each
run takes the qualifier that closes it. "jo.", "juncto", "in verbinding met", "in verband met" and
"naast" join references into one run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wetgeving.text.labels import ORDINAL_VALUES

# RawRef.article for "het vorige artikel"; RawRef.lids entries for "het vorige lid" and
# "het laatste lid".
PREVIOUS_ARTICLE = "<vorige>"
PREVIOUS_LID = "-1"
LAST_LID = "laatste"


@dataclass(frozen=True, slots=True)
class RawRef:
    """One provision named in a text, before resolution.

    Attributes:
        start: Start of the phrase that names it.
        end: End (exclusive) of that phrase.
        article: The article number, PREVIOUS_ARTICLE, or None when the phrase names no article.
        lids: Lid numbers (or PREVIOUS_LID / LAST_LID); None when no lid is named.
        levels: Onderdelen, outer level first ("onder b, onder 1°" -> (("b",), ("1°",))).
    """

    start: int
    end: int
    article: str | None
    lids: tuple[str, ...] | None
    levels: tuple[tuple[str, ...], ...]


def _ordinal_pattern(words: dict[str, int]) -> str:
    """An alternation matching exactly the ordinal words, compact so it compiles fast.

    "eenentwintigste" .. "negenennegentigste" are written as (units-and-joiner)(tens), which is
    the same language as listing them (checked here; otherwise the plain list is used). No word
    is a prefix of another, so the order of the alternatives cannot change a match.
    """
    plain = "|".join(sorted(words, key=len, reverse=True))
    by_value = {n: w for w, n in words.items()}
    compounds = {w for w, n in words.items() if n > 20 and n % 10}
    tails = {by_value.get(n - n % 10, "") for n in words.values() if n > 20 and n % 10}
    heads = {w[: -len(t)] for w in compounds for t in tails if t and w.endswith(t)}
    if "" in tails or {h + t for h in heads for t in tails} != compounds:
        return plain
    rest = sorted(set(words) - compounds, key=len, reverse=True)
    ordered = sorted(heads, key=len, reverse=True)
    tens = sorted(tails, key=len, reverse=True)
    return "|".join(rest) + f"|(?:{'|'.join(ordered)})(?:{'|'.join(tens)})"


_ORD = _ordinal_pattern(ORDINAL_VALUES)
_LORD = rf"(?:{_ORD}|{LAST_LID})"
# "273f", "7.20", "7a.5", "5:1", "80bis", "161 sexies" ("ter" only joined: "5 ter zake" is Dutch).
_ARTNR = (
    r"\d+[a-z]*(?:[.:]\d+[a-z]*)*"
    r"(?: (?:bis|quater|quinquies|sexies|septies|octies|nonies|decies)\b)?"
)
_ART_WORD = r"(?:[Aa]rtikel(?:en)?|[Aa]rt\.)\s+"
_ITEM = r"\d+[a-z]?\s?[°º]|[a-z](?![a-z])|(?P<d>[a-z])(?P=d)(?![a-z])"

_START = re.compile(
    rf"(?P<art>\b{_ART_WORD}(?=\d))"
    r"|(?P<prevart>\b(?:[Hh]et\s+)?(?:vorige|voorgaande)\s+artikel\b)"
    rf"|(?P<lid>\b(?:[Hh]et\s+)?(?:{_LORD}|vorige|voorgaande)(?=[\s,]))"
    r"|(?P<ond>\b(?:aanhef\s+en\s+)?(?:onder|sub|onderdeel|onderdelen)\s+"
    r"(?=\d+[a-z]?\s?[°º]|[a-z]\b|([a-z])\5\b))"
)
_MAYBE = re.compile(r"lid\b|rtikel|rt\.|onder|sub\s")
_ARTNR_RE = re.compile(_ARTNR)
_ITEM_RE = re.compile(_ITEM)
_ITEM_MORE = re.compile(r"(?:\s*,\s*|\s+(?P<w>en|of|tot en met)\s+)(?=" + _ITEM + ")")
_ONDER_HEAD = re.compile(
    r",?\s*(?:aanhef\s+en\s+)?(?:onder|sub|onderdeel|onderdelen)\s+(?=" + _ITEM + ")"
)
_TEN = re.compile(rf"\s+ten\s+(?:{_ORD})\b")  # "onder a ten derde": old style for a sub-item
_AANHEF = re.compile(r",\s*aanhef\b(?!\s+en\b)")
_ORD_SEP = r"(?:\s*,\s*|\s+(?:en|of|tot en met)\s+(?:het\s+)?)"
_LID_WORD = re.compile(rf"(?P<ord>{_LORD})(?P<more>(?:{_ORD_SEP}(?:{_LORD}))*)\s+lid\b")
_LID_MORE = re.compile(rf"(?:\s*,\s*|\s+(?P<w>en|of|tot en met)\s+(?:het\s+)?)(?P<ord>{_LORD})")
_LID_AFTER_ART = re.compile(rf",?\s+(?:het\s+)?(?=(?:{_LORD})(?:{_ORD_SEP}(?:{_LORD}))*\s+lid\b)")
_LID_SHORT = re.compile(r",?\s+lid\s+(?P<nr>\d+[a-z]?)\b")
_PREV_LID = re.compile(r"(?:vorige|voorgaande)\s+lid\b")
_VOLZIN = re.compile(rf",?\s+(?:{_LORD})\s+(?:en\s+(?:{_LORD})\s+)?volzin\b")
_JOIN = r"jo\.|juncto|in verbinding met|in verband met"
# More leden of the same article: "89, eerste lid, en zesde lid", "175, tweede lid, of derde lid
# in verbinding met het eerste lid", "14h, met uitzondering van de eerste volzin van het eerste
# lid".
_MORE_LID = re.compile(
    rf",?\s+(?:(?:en|of|dan wel|alsmede|{_JOIN})\s+)?"
    rf"(?P<except>met uitzondering van\s+(?:de\s+{_LORD}\s+volzin\s+van\s+)?)?(?:het\s+)?"
)
_VAN_ARTIKEL = re.compile(r",?\s+van\s+[Aa]rtikel\s+(?=\d)")
# "het eerste lid van artikel 358a of van artikel 785", ", van het vijfde lid van artikel 784".
_LID_CHAIN = re.compile(r",?\s+(?:(?:en|of)\s+)?van\s+(?:het\s+)?")
_CHAIN_ARTICLE = re.compile(rf"{_ART_WORD}(?=\d)")
# Between two articles of a list: all of one run ("artikel 226h, derde lid, of artikel 226k,
# eerste lid, van het Wetboek van Strafvordering"), unless "in" opens a new phrase ("289, alsmede
# in artikel 80, tweede lid, Kernenergiewet"), which takes its own qualifier.
_SEP = re.compile(
    rf"(?:,?\s+(?:{_JOIN}|naast|tot en met)\s+(?:(?:de\s+)?{_ART_WORD})?|\s*-\s*)(?=\d)"
    r"|(?:\s*,\s*(?:(?:en|of|dan wel|alsmede)\s+)?|\s+(?:en|of|dan wel|alsmede)\s+)"
    rf"(?:(?P<new>in\s+)?(?P<kw>(?:de\s+)?{_ART_WORD}))?(?=\d)"
)
# "het derde lid van dat artikel": a lid of an article named before, not of this one.
_OF_THAT_ARTICLE = re.compile(
    r",?\s+van\s+(?:dat|die|datzelfde|hetzelfde|laatstgenoemd|het laatstgenoemde|het genoemde)"
    r"\s+artikel(?:en)?\b"
)
# After "van <act>": the list goes on with a list word and an article number within the act's
# name's reach, and the number is followed by what follows a reference.
_AFTER_ACT = re.compile(
    r"(?:(?!\.\s+[A-Z])[^;:]){0,120}?"
    r"(?:\s*,\s*(?:(?:en|of|dan wel|alsmede)\s+)?|\s+(?:en|of|dan wel|alsmede)\s+)"
    rf"(?:in\s+)?(?P<kw>(?:de\s+)?{_ART_WORD})?"
    rf"(?=(?:{_ARTNR})(?:\s*[,;.]|\s+(?:en|of|tot en met|van|jo\.|lid|{_LORD})\b|$))"
)
_VAN_ACT = re.compile(
    r",?\s+(?:van|uit)\s+(?:(?P<det>de|het|die|dat|deze|dit|onze)\s+)?(?P<name>[\w-]+)"
)
_BARE_ACT = re.compile(
    r",?\s+(?P<name>[A-Z][\w-]*(?:wet|Wet|wetboek|Wetboek|besluit|Besluit)|Wet|Wetboek)\b"
)
_NOT_ACTS = frozenset(
    {*ORDINAL_VALUES, LAST_LID, "lid", "leden", "artikel", "artikelen", "aanhef", "onderdeel"}
)

_Item = tuple[str | None, tuple[str, ...] | None, tuple[tuple[str, ...], ...]]


def _norm_item(item: str) -> str:
    return item.replace(" ", "").replace("º", "°")


def _item_range(first: str, last: str) -> list[str]:
    if first.endswith("°") and last.endswith("°") and first[:-1].isdigit() and last[:-1].isdigit():
        a, b = int(first[:-1]), int(last[:-1])
        if a <= b:
            return [f"{n}°" for n in range(a, b + 1)]
    if len(first) == 1 and len(last) == 1 and first.isalpha() and first <= last:
        return [chr(c) for c in range(ord(first), ord(last) + 1)]
    return [first, last]


class Scanner:
    """Finds the raw references in one text (see module docstring)."""

    def __init__(self, text: str, title: str) -> None:
        self.text = text
        self.title = " ".join(title.split()).lower()
        self.out: list[RawRef] = []

    def run(self) -> list[RawRef]:
        """All references in the text, in text order of their phrases."""
        text = self.text
        if not _MAYBE.search(text):
            return []
        pos = 0
        while m := _START.search(text, pos):
            start = m.start()
            if m.group("art"):
                pos = max(self.article_list(m.end(), start), m.end())
            elif m.group("prevart"):
                end, parts = self.tail(m.end())
                self.emit(start, end, PREVIOUS_ARTICLE, parts, own=True)
                pos = end
            elif m.group("lid"):
                pos = self.lid_phrase(m, start)
            else:
                end, levels = self.onder_levels(start)
                if levels and self.act(end) is None and not _OF_THAT_ARTICLE.match(text, end):
                    self.out.append(RawRef(start, end, None, None, levels))
                pos = max(end, m.end())
        return self.out

    def emit(
        self, start: int, end: int, article: str | None, parts: list[_Item], own: bool
    ) -> None:
        """Add the references of one article phrase (its own leden and onderdelen)."""
        if own:
            for _, lids, levels in parts:
                self.out.append(RawRef(start, end, article, lids, levels))

    def items(self, pos: int) -> tuple[int, list[str]]:
        """Parse "1°", "a en b", "1° tot en met 3°" at pos; return end and the numbers."""
        text = self.text
        m = _ITEM_RE.match(text, pos)
        if not m:
            return pos, []
        out = [_norm_item(m.group(0))]
        pos = m.end()
        while (sep := _ITEM_MORE.match(text, pos)) and (nxt := _ITEM_RE.match(text, sep.end())):
            item = _norm_item(nxt.group(0))
            if sep.group("w") == "tot en met":
                out.extend(_item_range(out[-1], item)[1:])
            else:
                out.append(item)
            pos = nxt.end()
        return pos, out

    def onder_levels(self, pos: int) -> tuple[int, tuple[tuple[str, ...], ...]]:
        """Parse ", aanhef en onder 2°", ", onderdeel a, onder 1°" (nested levels)."""
        levels: list[tuple[str, ...]] = []
        while m := _ONDER_HEAD.match(self.text, pos):
            end, items = self.items(m.end())
            if not items:
                break
            levels.append(tuple(items))
            pos = end
            if ten := _TEN.match(self.text, pos):
                pos = ten.end()
        if not levels and (a := _AANHEF.match(self.text, pos)):
            pos = a.end()
        return pos, tuple(levels)

    def lids(self, pos: int) -> tuple[int, tuple[str, ...]] | None:
        """Parse "eerste lid", "eerste en tweede lid", "eerste tot en met derde lid" at pos."""
        m = _LID_WORD.match(self.text, pos)
        if not m:
            return None
        first = m.group("ord")
        nums = [first if first == LAST_LID else str(ORDINAL_VALUES[first])]
        for more in _LID_MORE.finditer(m.group("more")):
            word = more.group("ord")
            if word == LAST_LID:
                nums.append(LAST_LID)
                continue
            n = ORDINAL_VALUES[word]
            prev = nums[-1]
            if more.group("w") == "tot en met" and prev.isdigit() and n > int(prev):
                nums.extend(str(k) for k in range(int(prev) + 1, n + 1))
            else:
                nums.append(str(n))
        return m.end(), tuple(nums)

    def tail(self, pos: int) -> tuple[int, list[_Item]]:
        """Leden, volzinnen and onderdelen after an article number (or "het vorige artikel")."""
        text = self.text
        lids: tuple[str, ...] | None = None
        if lm := _LID_AFTER_ART.match(text, pos):
            got = self.lids(lm.end())
            if got is not None:
                pos, lids = got
        elif sm := _LID_SHORT.match(text, pos):
            pos, lids = sm.end(), (sm.group("nr"),)
        pos, levels = self.onder_levels(pos)
        parts: list[_Item] = [(None, lids, levels)]
        while True:
            if vz := _VOLZIN.match(text, pos):
                pos = vz.end()
            more = _MORE_LID.match(text, pos)
            if more is None or (lids is None and not more.group("except")):
                break
            got = self.lids(more.end())
            if got is None or _VAN_ARTIKEL.match(text, got[0]):
                break  # "het tweede lid van artikel 90" is a lid of another article
            end, lids = got
            end, levels = self.onder_levels(end)
            parts.append((None, lids, levels))
            pos = end
        return pos, parts

    def act(self, pos: int) -> tuple[bool, int] | None:
        """A qualifier naming an act at pos: (whether it is this regeling, its start); or None.

        Statute text names its own provisions without "van ..." or with "van deze wet" / "van
        dit wetboek" / its own title; any other "van de/het/die ..." names another act, as does
        a capitalised name ("van Boek 8 ...", "Kernenergiewet").
        """
        text = self.text
        m = _VAN_ACT.match(text, pos)
        if m is not None:
            det, name = m.group("det"), m.group("name")
            if name.lower() in _NOT_ACTS or name[:1].isdigit():
                return None
            if det in ("deze", "dit"):
                return True, m.start()
            if self.title and text[m.start("name") :].lower().startswith(self.title):
                return True, m.start()
            if det is None and not name[:1].isupper():
                return None
            return False, m.start()
        bare = _BARE_ACT.match(text, pos)
        if bare is not None:
            own = bool(self.title) and text[bare.start("name") :].lower().startswith(self.title)
            return own, bare.start()
        return None

    def article_list(self, pos: int, start: int) -> int:
        """Parse a list of articles, each with its own leden and onderdelen; return its end."""
        text = self.text
        m = _ARTNR_RE.match(text, pos)
        if not m:
            return pos
        run: list[tuple[int, int, str, list[_Item]]] = []
        item_start = start
        while True:
            nr = m.group(0).replace(" ", "")
            end, parts = self.tail(m.end())
            run.append((item_start, end, nr, parts))
            qualifier = self.act(end)
            if qualifier is not None:
                own, at = qualifier
                self._flush(run, own)
                run = []
                after = _AFTER_ACT.match(text, at)
                if after is None or not (nm := _ARTNR_RE.match(text, after.end())):
                    return at
                m, item_start = nm, after.end()
                if after.group("kw"):
                    item_start = after.start("kw")
                continue
            sep = _SEP.match(text, end)
            if not sep or not (nm := _ARTNR_RE.match(text, sep.end())):
                break
            if sep.group("new"):
                self._flush(run, True)
                run = []
            item_start = sep.start("kw") if sep.group("kw") else sep.end()
            m = nm
        self._flush(run, True)
        return end

    def _flush(self, run: list[tuple[int, int, str, list[_Item]]], own: bool) -> None:
        for item_start, end, nr, parts in run:
            self.emit(item_start, end, nr, parts, own)

    def lid_phrase(self, m: re.Match[str], start: int) -> int:
        """Parse "het derde lid", "het vorige lid" or "het vierde lid van artikel 194, ..."."""
        text = self.text
        lid_start = m.start("lid")
        word_pos = m.end() - len(text[lid_start : m.end()].split()[-1])
        if prev := _PREV_LID.match(text, word_pos):
            end, levels = self.onder_levels(prev.end())
            self.out.append(RawRef(start, end, None, (PREVIOUS_LID,), levels))
            return end
        got = self.lids(word_pos)
        if got is None:
            return m.end()
        end, lids = got
        end, levels = self.onder_levels(end)
        va = _VAN_ARTIKEL.match(text, end)
        nm = _ARTNR_RE.match(text, va.end()) if va else None
        if nm is None:
            if self.act(end) is None and not _OF_THAT_ARTICLE.match(text, end):
                self.out.append(RawRef(start, end, None, lids, levels))
            return end
        # "het vierde lid van artikel 194, van het vijfde lid van artikel 784 ... of van artikel
        # 785 van Boek 8 van het Burgerlijk Wetboek": one run, one qualifier.
        found: list[tuple[int, int, str, list[_Item]]] = []
        item_start = start
        while nm is not None:
            end = nm.end()
            found.append((item_start, end, nm.group(0).replace(" ", ""), [(None, lids, levels)]))
            nm = None
            chain = _LID_CHAIN.match(text, end)
            if chain is None:
                break
            if art := _CHAIN_ARTICLE.match(text, chain.end()):
                nm = _ARTNR_RE.match(text, art.end())
                item_start = chain.end()
                continue
            got = self.lids(chain.end())
            if got is None:
                break
            after, more_lids = got
            after, more_levels = self.onder_levels(after)
            va = _VAN_ARTIKEL.match(text, after)
            if va is None:
                break
            nm = _ARTNR_RE.match(text, va.end())
            lids, levels, item_start = more_lids, more_levels, chain.end()
        qualifier = self.act(end)
        self._flush(found, qualifier is None or qualifier[0])
        return end if qualifier is None else qualifier[1]
