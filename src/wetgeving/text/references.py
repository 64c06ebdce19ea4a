"""Internal references in statute text: "het eerste lid", "onder 1°", "artikel 273f, achtste lid".

`find_references()` finds every phrase in the own text of each provision that names another
provision of the same regeling, with its character span, the node id it names (`wanted`) and that
id when it exists (`target`, else None). In a list each article has its own phrase ("de artikelen
225, derde lid, 311" gives "artikelen 225, derde lid" and "311"); a phrase naming several
provisions of one article ("het eerste tot en met derde lid", "onder 2° en 4°") gives one
`InternalRef` per provision with the same span. References to other regelingen ("artikel 67 van
het Wetboek van Strafvordering") are skipped; the grammar is in `text.refscan`.

Text pasted from Word reads as typed: "º" as "°", non-breaking and other spaces as spaces, curly
quotes as straight ones, soft hyphens as nothing; spans and phrases stay those of the text itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from wetgeving.text.labels import ENIG_ARTIKEL, id_variants, lid_label, onderdeel_label
from wetgeving.text.model import DIVISION_RANK, Node, Regeling
from wetgeving.text.pasted import reading_form
from wetgeving.text.refscan import LAST_LID, PREVIOUS_ARTICLE, PREVIOUS_LID, RawRef, Scanner


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
            parts.append(f"artikel {number}" if number else ENIG_ARTIKEL)
        elif kind == "bijlage":
            parts.append(f"bijlage {number}" if number else "bijlage")
        elif kind == "lid":
            parts.append("laatste lid" if number == LAST_LID else lid_label(number))
        elif kind == "ond":
            parts.append(onderdeel_label(number))
        elif kind == "slot":
            parts.append("slotzin")
    return ", ".join(parts)


_NOT_YET = re.compile(r"^\[\s*treedt in werking\b", re.IGNORECASE)


def not_yet_in_force(article: Node) -> bool:
    """True for an article marked "[Treedt in werking per ...]": its references name the law as
    it will read then, so they are not checked against this text."""
    return bool(_NOT_YET.match(article.text))


class _Index:
    """The provisions of one regeling by id, and the order of its articles."""

    def __init__(self, regeling: Regeling) -> None:
        self.nodes: dict[str, Node] = {}
        self.previous: dict[str, str] = {}
        self._onderdelen: dict[str, dict[str, list[str]]] = {}
        # Which article numbering the regeling uses: "4:78" or "7.20" in one that numbers its
        # own articles 1, 2, 3 names another act (the Awb, the WHW) without saying so.
        self.separators: set[str] = set()
        before = ""
        for node in regeling.walk():
            if node.kind in DIVISION_RANK:
                continue
            self.nodes.setdefault(node.id, node)
            if node.kind == "artikel":
                if before:
                    self.previous.setdefault(node.id, before)
                before = node.id
                self.separators.update(c for c in ":." if c in node.number)

    def get(self, node_id: str) -> str | None:
        if node_id in self.nodes:
            return node_id
        for cand in id_variants(node_id):
            if cand in self.nodes:
                return cand
        return None

    def onderdelen(self, article: str, number: str) -> list[str]:
        """Every onderdeel of an article with this number, at any depth, in order."""
        found = self._onderdelen.get(article)
        if found is None:
            found = {}
            node = self.nodes.get(article)
            for sub in node.walk() if node is not None else ():
                if sub.kind == "onderdeel":
                    found.setdefault(sub.number.replace("º", "°"), []).append(sub.id)
            self._onderdelen[article] = found
        return found.get(number.replace("º", "°"), [])

    def last_lid(self, article: str) -> str | None:
        node = self.nodes.get(article)
        lids = [c for c in node.children if c.kind == "lid"] if node is not None else []
        return lids[-1].id if lids else None


def _resolve(raw: RawRef, source: str, index: _Index) -> list[tuple[str, str | None]]:
    """Return (wanted, target) pairs for one raw reference found in `source`."""
    own = source.split("/")[0]
    if raw.article is None or raw.article == PREVIOUS_ARTICLE:
        # A reference without an article is read inside its own article (the enig artikel
        # too, id "art") or bijlage.
        if not own.startswith(("art.", "bijlage")) and own != "art":
            return []
        if raw.article == PREVIOUS_ARTICLE and not own.startswith("art."):
            return []
        base = own if raw.article is None else index.previous.get(own, "")
        if not base:
            return []
    else:
        if any(c in raw.article for c in ":.") and not index.separators & set(raw.article):
            return []
        base = f"art.{raw.article}"
    if raw.lids == (PREVIOUS_LID,):
        seg = next((seg for seg in source.split("/") if seg.startswith("lid.")), "")
        nr = seg[4:].split("~")[0]
        if not nr.isdigit() or int(nr) < 2:
            return []
        containers = [f"{base}/lid.{int(nr) - 1}"]
    elif raw.lids is not None:
        containers = []
        for lid in raw.lids:
            if lid != LAST_LID:
                containers.append(f"{base}/lid.{lid}")
            elif base not in index.nodes:
                containers.append(base)  # the article itself is missing: name only that
            else:
                containers.append(index.last_lid(base) or f"{base}/lid.{LAST_LID}")
    elif raw.article is not None or not raw.levels:
        containers = [base]
    else:
        containers = [_onder_container(source, raw.levels[0][0], index)]
    out: list[tuple[str, str | None]] = []
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
    # "het onder b) genoemde" in onderdeel 2): the b) of a list inside an earlier onderdeel.
    within = [
        found.rsplit("/", 1)[0]
        for found in index.onderdelen(parts[0], first)
        if not found.startswith(source + "/")
    ]
    if len(within) == 1:
        return within[0]
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
        if not node.text or node.kind in DIVISION_RANK:
            return []
        return _node_refs(node, self._title, self._index)

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
_SCANS: dict[tuple[str, str], list[RawRef]] = {}
_SCANS_LIMIT = 4096


def _scan_once(text: str, title: str) -> list[RawRef]:
    key = (text, title)
    raws = _SCANS.get(key)
    if raws is None:
        plain, where = reading_form(text)
        raws = Scanner(plain, title).run()
        if where is not None:
            # Soft hyphens were left out for reading: spans go back to the text as written.
            raws = [
                RawRef(where[r.start], where[r.end - 1] + 1, r.article, r.lids, r.levels)
                for r in raws
            ]
        if len(_SCANS) >= _SCANS_LIMIT:
            _SCANS.clear()
        _SCANS[key] = raws
    return raws


def _node_refs(node: Node, title: str, index: _Index) -> list[InternalRef]:
    out: list[InternalRef] = []
    text = node.text
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


_WORDS = re.compile(r"\w+")
# Without a look-behind, so the regex engine can skip ahead to the next digit; a run that starts
# inside a word ("a12" gives "12") only makes a text be scanned for nothing.
_DIGIT_WORDS = re.compile(r"\d\w*")


class Mentions:
    """Whether a text may name one of the given article numbers as a whole word.

    Never misses a text that matches (?<!\\w)(?:number|...)(?!\\w): a number made of word
    characters only is named exactly when it is one of the text's maximal runs of word characters,
    so those are looked up in a set; other numbers ("10:1") keep the pattern. It may say yes for a
    text that does not name one (the caller then scans it for nothing).
    """

    def __init__(self, numbers: set[str]) -> None:
        self.simple = {a for a in numbers if _WORDS.fullmatch(a)}
        # Article numbers start with a digit: then only runs starting with one need looking at.
        self.runs = _DIGIT_WORDS if all(a[0].isdecimal() for a in self.simple) else _WORDS
        rest = sorted(numbers - self.simple, key=len, reverse=True)
        self.other = (
            re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, rest)) + r")(?![\w])")
            if rest
            else None
        )

    def found(self, text: str) -> bool:
        if self.simple and not self.simple.isdisjoint(self.runs.findall(text)):
            return True
        return self.other is not None and self.other.search(text) is not None


def names_article(text: str, names: Mentions) -> bool:
    """Whether a text may name one of the articles of `names` in a reference.

    Only a reference that names its article ("artikel 273f, derde lid", "art. 273f") can point
    out of its own article; relative ones ("het derde lid") stay inside it. May say yes for a
    text that names none (never no for one that does).
    """
    return ("rtikel" in text or "rt." in text) and names.found(text)
