"""Internal references in statute text: "het eerste lid", "onder 1°", "artikel 273f, achtste lid".

`find_references()` finds every phrase in the own text of each provision that names another
provision of the same regeling, with its character span, the node id it names (`wanted`) and that
id when it exists (`target`, else None). A phrase naming several provisions ("de artikelen 273f en
273fa", "het eerste tot en met derde lid") gives one `InternalRef` per provision, all with the
span of the whole phrase. References to other regelingen ("artikel 67 van het Wetboek van
Strafvordering") are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from wetgeving.text.labels import ORDINAL_VALUES, id_variants, lid_label, onderdeel_label
from wetgeving.text.model import Node, Regeling


@dataclass(frozen=True, slots=True)
class InternalRef:
    """One provision named by a phrase in statute text.

    Attributes:
        source: Id of the node whose own text holds the phrase.
        phrase: The phrase exactly as written ("het derde lid, aanhef en onder 2°").
        start: Start of the phrase in the source node's own text.
        end: End (exclusive) of the phrase.
        wanted: Id of the provision the phrase names ("art.273f/lid.3/ond.2°").
        target: `wanted` (or its equivalent spelling) when it exists, else None.
        relative: True when the phrase names no article ("het eerste lid", "onder 1°").
    """

    source: str
    phrase: str
    start: int
    end: int
    wanted: str
    target: str | None
    relative: bool

    @property
    def wanted_label(self) -> str:
        """The named provision in citation form ("artikel 273f, achtste lid")."""
        return label_for_id(self.wanted)


def label_for_id(node_id: str) -> str:
    """Return the Ar 3.29 citation of a node id ("art.273f/lid.1/ond.4°" -> "artikel 273f, ...")."""
    parts: list[str] = []
    for seg in node_id.split("/"):
        kind, _, number = seg.partition(".")
        number = number.split("~")[0]
        if kind == "art":
            parts.append(f"artikel {number}")
        elif kind == "lid":
            parts.append(lid_label(number))
        elif kind == "ond":
            parts.append(onderdeel_label(number))
        elif kind == "slot":
            parts.append("slotzin")
    return ", ".join(parts)


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
_ARTNR = r"\d+[a-z]*(?::\d+[a-z]*)?(?: (?:bis|ter|quater|quinquies|sexies|septies|octies)\b)?"

_START = re.compile(
    r"(?P<art>\b(?:[Aa]rtikel(?:en)?|[Aa]rt\.)\s+(?=\d))"
    rf"|(?P<lid>\b(?:[Hh]et\s+)?(?:{_ORD}|vorige|voorgaande)(?=[\s,]))"
    r"|(?P<ond>\b(?:aanhef\s+en\s+)?(?:onder|sub|onderdeel|onderdelen)\s+(?=\d+[a-z]?\s?[°º]|[a-z]\b|([a-z])\2\b))"
)
_ARTNR_RE = re.compile(_ARTNR)
_MAYBE = re.compile(r"lid\b|rtikel|rt\.|onder|sub\s")
_LIST_SEP = re.compile(
    r"(?:\s*,)?\s+(?:en|of|dan wel|tot en met|jo\.|juncto|in verbinding met)\s+"
    r"(?:artikel\s+)?(?=\d)|\s*,\s*(?=\d)|\s*-\s*(?=\d)"
)
_VOLZIN = re.compile(rf",?\s+(?:{_ORD}|laatste)\s+(?:en\s+(?:{_ORD}|laatste)\s+)?volzin\b")
_MORE_LID = re.compile(r",?\s+(?:en\s+|of\s+)?(?:het\s+)?")
_VAN_ARTIKEL = re.compile(r",?\s+van\s+[Aa]rtikel\s+(?=\d)")
_ORD_SEP = r"(?:\s*,\s*|\s+(?:en|of|tot en met)\s+(?:het\s+)?)"
_LID_WORD = re.compile(rf"(?P<ord>{_ORD})(?P<more>(?:{_ORD_SEP}(?:{_ORD}))*)\s+lid\b")
_LID_MORE = re.compile(rf"(?:\s*,\s*|\s+(?P<w>en|of|tot en met)\s+(?:het\s+)?)(?P<ord>{_ORD})")
_LID_AFTER_ART = re.compile(rf",?\s+(?:het\s+)?(?=(?:{_ORD})(?:{_ORD_SEP}(?:{_ORD}))*\s+lid\b)")
_LID_SHORT = re.compile(r",?\s+lid\s+(?P<nr>\d+[a-z]?)\b")
_PREV_LID = re.compile(r"(?:vorige|voorgaande)\s+lid\b")
_ONDER_HEAD = re.compile(
    r",?\s*(?:aanhef\s+en\s+)?(?:onder|sub|onderdeel|onderdelen)\s+(?=\d+[a-z]?\s?[°º]|[a-z]\b|([a-z])\1\b)"
)
_AANHEF = re.compile(r",\s*aanhef\b(?!\s+en\b)")
_ITEM_RE = re.compile(r"\d+[a-z]?\s?[°º]|([a-z])\1(?![a-z])|[a-z](?![a-z])")
_ITEM_AHEAD = r"(?=\d+[a-z]?\s?[°º]|[a-z](?![a-z])|(?P<d>[a-z])(?P=d)(?![a-z]))"
_ITEM_MORE = re.compile(r"(?:\s*,\s*|\s+(?P<w>en|of|tot en met)\s+)" + _ITEM_AHEAD)
_EXTERNAL = re.compile(
    r",?\s+(?:van|uit)\s+(?:(?P<det>de|het|die|dat|deze|dit|onze)\s+)?(?P<name>[\w-]+)"
)


def _ord(word: str) -> int:
    return ORDINAL_VALUES[word]


class _Scanner:
    """Finds the references in one node's text; resolution happens afterwards."""

    def __init__(self, text: str, title: str) -> None:
        self.text = text
        self.title = " ".join(title.split()).lower()

    def items(self, pos: int) -> tuple[int, list[str]]:
        """Parse "1°", "a en b", "1° tot en met 3°" at pos; return end and the numbers."""
        m = _ITEM_RE.match(self.text, pos)
        if not m:
            return pos, []
        out = [_norm_item(m.group(0))]
        pos = m.end()
        while (sep := _ITEM_MORE.match(self.text, pos)) and (
            nxt := _ITEM_RE.match(self.text, sep.end())
        ):
            item = _norm_item(nxt.group(0))
            if sep.group("w") == "tot en met":
                out.extend(_item_range(out[-1], item)[1:])
            else:
                out.append(item)
            pos = nxt.end()
        return pos, out

    def onder_levels(self, pos: int) -> tuple[int, list[list[str]]]:
        """Parse ", aanhef en onder 2°", ", onderdeel a, onder 1°" (nested levels)."""
        levels: list[list[str]] = []
        while m := _ONDER_HEAD.match(self.text, pos):
            end, items = self.items(m.end())
            if not items:
                break
            levels.append(items)
            pos = end
        if not levels and (a := _AANHEF.match(self.text, pos)):
            pos = a.end()
        return pos, levels

    def lids(self, pos: int) -> tuple[int, list[str]] | None:
        """Parse "eerste lid", "eerste en tweede lid", "eerste tot en met derde lid" at pos."""
        m = _LID_WORD.match(self.text, pos)
        if not m:
            return None
        nums = [_ord(m.group("ord"))]
        for more in _LID_MORE.finditer(m.group("more")):
            n = _ord(more.group("ord"))
            if more.group("w") == "tot en met" and n > nums[-1]:
                nums.extend(range(nums[-1] + 1, n + 1))
            else:
                nums.append(n)
        return m.end(), [str(n) for n in nums]

    def external(self, pos: int) -> bool:
        """True when another regeling follows: "van de Opiumwet", "van die wet", "van Boek 8".

        Statute text names its own provisions without "van ..." or with "van dit wetboek" /
        "van deze wet"; any other "van de/het ..." after a reference names another act.
        """
        m = _EXTERNAL.match(self.text, pos)
        if not m:
            return False
        det, name = m.group("det"), m.group("name")
        if det in ("deze", "dit"):
            return False
        if self.title and self.text[m.start("name") :].lower().startswith(self.title):
            return False
        if det is None:
            return name[:1].isupper()
        return not name[:1].isdigit()


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


@dataclass
class _Raw:
    start: int
    end: int
    article: list[str] | None  # None: relative
    lids: list[str] | None  # None: no lid named; ["-1"]: the previous lid
    levels: list[list[str]]


def _scan(text: str, title: str) -> list[_Raw]:
    sc = _Scanner(text, title)
    out: list[_Raw] = []
    pos = 0
    while m := _START.search(text, pos):
        start = m.start()
        if m.group("art"):
            end, raws = _scan_article(sc, m.end(), start)
            out.extend(raws)
            pos = max(end, m.end())
        elif m.group("lid"):
            lid_start = m.start("lid")
            word_pos = m.end() - len(text[lid_start : m.end()].split()[-1])
            if prev := _PREV_LID.match(text, word_pos):
                end2, levels = sc.onder_levels(prev.end())
                out.append(_Raw(start, end2, None, ["-1"], levels))
                pos = end2
                continue
            got = sc.lids(word_pos)
            if got is None:
                pos = m.end()
                continue
            end, lids = got
            end, levels = sc.onder_levels(end)
            article: list[str] | None = None
            # "het vijfde lid van artikel 784": the article comes after the lid.
            if (va := _VAN_ARTIKEL.match(text, end)) and (nm := _ARTNR_RE.match(text, va.end())):
                article, end = [nm.group(0)], nm.end()
            if not sc.external(end):
                out.append(_Raw(start, end, article, lids, levels))
            pos = end
        else:
            end, levels = sc.onder_levels(start)
            if levels and not sc.external(end):
                out.append(_Raw(start, end, None, None, levels))
            pos = max(end, m.end())
    return out


def _scan_article(sc: _Scanner, pos: int, start: int) -> tuple[int, list[_Raw]]:
    """Parse "artikel 273f, achtste lid" or a list "de artikelen 157, 161, onderdelen 2° en 3°,
    161bis en 273f": every article may carry its own lid and onderdelen."""
    text = sc.text
    m = _ARTNR_RE.match(text, pos)
    if not m:
        return pos, []
    items: list[tuple[str, list[str] | None, list[list[str]]]] = []
    end = m.end()
    while True:
        lids: list[str] | None = None
        if lm := _LID_AFTER_ART.match(text, end):
            got = sc.lids(lm.end())
            if got is not None:
                end, lids = got
        elif sm := _LID_SHORT.match(text, end):
            end, lids = sm.end(), [sm.group("nr")]
        end, levels = sc.onder_levels(end)
        nr = m.group(0).replace(" ", "")
        items.append((nr, lids, levels))
        # "artikel 89, eerste lid, tweede volzin, tweede lid, en zesde lid": more of article 89.
        while True:
            if vz := _VOLZIN.match(text, end):
                end = vz.end()
            more = _MORE_LID.match(text, end)
            got = sc.lids(more.end()) if more and lids is not None else None
            if got is None:
                break
            end, more_lids = got
            end, more_levels = sc.onder_levels(end)
            items.append((nr, more_lids, more_levels))
        sep = _LIST_SEP.match(text, end)
        if not sep or not (nm := _ARTNR_RE.match(text, sep.end())):
            break
        m, end = nm, nm.end()
    if sc.external(end):
        return end, []
    return end, [_Raw(start, end, [nr], lids, levels) for nr, lids, levels in items]


class _Index:
    def __init__(self, regeling: Regeling) -> None:
        self.nodes: dict[str, Node] = {}
        for node in regeling.walk():
            if node.kind not in ("boek", "titel", "hoofdstuk", "afdeling", "paragraaf"):
                self.nodes.setdefault(node.id, node)

    def get(self, node_id: str) -> str | None:
        for cand in id_variants(node_id):
            if cand in self.nodes:
                return cand
        return None


def _resolve(raw: _Raw, source: str, index: _Index) -> list[tuple[str, str | None]]:
    """Return (wanted, target) pairs for one raw reference found in `source`."""
    if raw.article is not None:
        bases = [f"art.{a}" for a in raw.article]
    else:
        if not source.startswith("art."):
            return []
        article = source.split("/")[0]
        bases = [article]
    out: list[tuple[str, str | None]] = []
    for base in bases:
        if raw.lids == ["-1"]:
            own = next((seg for seg in source.split("/") if seg.startswith("lid.")), "")
            nr = own[4:].split("~")[0]
            if not nr.isdigit() or int(nr) < 2:
                continue
            containers = [f"{base}/lid.{int(nr) - 1}"]
        elif raw.lids is not None:
            containers = [f"{base}/lid.{n}" for n in raw.lids]
        elif raw.article is not None or not raw.levels:
            containers = [base]
        else:
            containers = [_onder_container(source, raw.levels[0][0], index)]
        for container in containers:
            paths = [container]
            for level in raw.levels:
                paths = [f"{p}/ond.{item}" for p in paths for item in level]
            for path in paths:
                out.append((path, index.get(path)))
    return out


def _onder_container(source: str, first: str, index: _Index) -> str:
    """The nearest ancestor (or self) of `source` that has onderdeel `first`; else the lid."""
    parts = source.split("/")
    for depth in range(len(parts), 0, -1):
        anc = "/".join(parts[:depth])
        if index.get(f"{anc}/ond.{first}") is not None:
            return anc
    lid = next((i for i, seg in enumerate(parts) if seg.startswith("lid.")), None)
    if lid is not None:
        # "De bepaling onder 3°" in the second lid: the list of an earlier lid of the article.
        own = parts[lid][4:].split("~")[0]
        if own.isdigit():
            for n in range(int(own) - 1, 0, -1):
                if index.get(f"{parts[0]}/lid.{n}/ond.{first}") is not None:
                    return f"{parts[0]}/lid.{n}"
        return "/".join(parts[: lid + 1])
    return parts[0]


class ReferenceFinder:
    """Finds references node by node within one regeling (for callers that need only a few)."""

    def __init__(self, regeling: Regeling) -> None:
        self._index = _Index(regeling)
        self._title = regeling.title

    def refs(self, node: Node) -> list[InternalRef]:
        """The references in the own text of `node`, in text order."""
        if not node.text or node.kind in ("boek", "titel", "hoofdstuk", "afdeling", "paragraaf"):
            return []
        if not _MAYBE.search(node.text):
            return []
        return _node_refs(node, node.text, self._title, self._index)

    def node(self, node_id: str) -> Node | None:
        """The provision with this id (divisions excluded)."""
        return self._index.nodes.get(node_id)


def references_in(regeling: Regeling) -> list[InternalRef]:
    """Return the internal references in one regeling, in document order."""
    finder = ReferenceFinder(regeling)
    out: list[InternalRef] = []
    for node in regeling.walk():
        out.extend(finder.refs(node))
    return out


# Scans by (text, title): a provision whose text did not change between two versions is scanned
# once. The raw results are only read afterwards, so they can be shared.
_SCANS: dict[tuple[str, str], list[_Raw]] = {}
_SCANS_LIMIT = 4096


def _scan_once(text: str, title: str) -> list[_Raw]:
    key = (text, title)
    raws = _SCANS.get(key)
    if raws is None:
        raws = _scan(text, title)
        if len(_SCANS) >= _SCANS_LIMIT:
            _SCANS.clear()
        _SCANS[key] = raws
    return raws


def _node_refs(node: Node, text: str, title: str, index: _Index) -> list[InternalRef]:
    out: list[InternalRef] = []
    for raw in _scan_once(text, title):
        phrase = text[raw.start : raw.end]
        for wanted, target in _resolve(raw, node.id, index):
            if wanted == node.id:
                continue
            out.append(
                InternalRef(
                    source=node.id,
                    phrase=phrase,
                    start=raw.start,
                    end=raw.end,
                    wanted=wanted,
                    target=target,
                    relative=raw.article is None,
                )
            )
    return out


def find_references(regelingen: Iterable[Regeling]) -> list[InternalRef]:
    """Return the internal references of every regeling, resolved within its own regeling."""
    out: list[InternalRef] = []
    for regeling in regelingen:
        out.extend(references_in(regeling))
    return out
