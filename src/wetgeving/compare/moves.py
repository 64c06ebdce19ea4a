"""Moves: provisions left unmatched anywhere, paired across places and articles (docs/diff.md).

Inside its own article a provision may move on ordinary similarity. A move to another article asks
for strong evidence, because statute text is full of formulas ("De schuldige wordt gestraft met
...", "Indien de schuldige een van de misdrijven ... in zijn beroep begaat") that look alike in
many articles without being one provision:

- both texts are long enough (`CROSS_MIN_WORDS` distinct words);
- they are similar enough (`CROSS_MOVE_THRESHOLD`);
- the pair is clearly better (by `CROSS_MARGIN`) than any other provision of either version: the
  old text has no second candidate in the new version (its own article included), and the new
  text no second source in the old version. A formula that occurs in several articles always has
  one, so it is never taken for a move.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable

from wetgeving.compare.words import similarity
from wetgeving.text.model import Node, Regeling

MOVE_THRESHOLD = 0.5  # word Jaccard above which an unmatched pair in one article is a move
SHORT_MOVE_THRESHOLD = 0.75  # the same for provisions of fewer than 12 distinct words
CROSS_MOVE_THRESHOLD = 0.6  # and above which a pair in two articles may be a move
CROSS_MIN_WORDS = 10  # distinct words both texts need for a move to another article
CROSS_MARGIN = 0.1  # how much better than any rival a move to another article must be
PAIR_LIMIT = 160_000  # pools larger than this (old x new) are not searched for moves

WordSet = Callable[[Node], frozenset[str]]


_BODIES = ("artikel", "bijlage")


def kind_class(node: Node) -> str:
    """Articles move as articles, bijlagen as bijlagen; every other provision as a part of one
    (a lid may move into a bijlage, and the other way round, on the evidence a move between
    articles needs)."""
    return node.kind if node.kind in _BODIES else "deel"


class _Corpus:
    """The provisions of one version by length of their whole text, to find rivals quickly."""

    def __init__(self, regelingen: tuple[Regeling, ...]) -> None:
        entries: list[tuple[int, int, Node]] = []
        for reg in regelingen:
            for article in reg.bodies():
                _lengths(article, entries)
        entries.sort(key=lambda e: e[0])
        self.lengths = [e[0] for e in entries]
        self.nodes = [e[2] for e in entries]

    def near(self, length: int) -> list[Node]:
        """The provisions whose whole text is between 0.4 and 2.5 times `length` characters."""
        lo = bisect_left(self.lengths, int(length * 0.4))
        hi = bisect_right(self.lengths, int(length * 2.5) + 1)
        return self.nodes[lo:hi]


def _lengths(node: Node, out: list[tuple[int, int, Node]]) -> int:
    """Append (length of the whole text, 0, node) for every part below an article or bijlage."""
    total = len(node.text)
    for child in node.children:
        total += 1 + _lengths(child, out)
    if node.kind not in _BODIES and total:
        out.append((total, 0, node))
    return total


def _full_length(node: Node) -> int:
    return len(node.text) + sum(1 + _full_length(c) for c in node.children)


class Moves:
    """Pairs the pools of unmatched provisions; see the module docstring for the rules."""

    def __init__(
        self,
        wset: WordSet,
        old: tuple[Regeling, ...],
        new: tuple[Regeling, ...],
        same_article: Callable[[str, str], bool],
    ) -> None:
        self.wset = wset
        self.old = old
        self.new = new
        self.same_article = same_article
        self._corpora: dict[bool, _Corpus] = {}

    def pair(
        self, pool_old: list[tuple[Node, str]], pool_new: list[tuple[Node, str]]
    ) -> list[tuple[Node, Node]]:
        """Return the (old, new) pairs that are moves, best first."""
        if not pool_old or not pool_new or len(pool_old) * len(pool_new) > PAIR_LIMIT:
            return []
        scored = []
        news = [(b, kind_class(n), self.wset(n)) for b, (n, _) in enumerate(pool_new)]
        for a, (o, _) in enumerate(pool_old):
            wo = self.wset(o)
            if not wo:
                continue
            kind = kind_class(o)
            size = len(wo)
            for b, kind_n, wn in news:
                # Similarity is at most the ratio of the sizes: skip what cannot reach a limit.
                if kind_n != kind or not MOVE_THRESHOLD * size <= len(wn) <= size / MOVE_THRESHOLD:
                    continue
                s = similarity(wo, wn)
                # Short provisions ("Artikel 251 is van overeenkomstige toepassing.") share most
                # of their words with any other of their kind: ask more of them.
                limit = MOVE_THRESHOLD if min(len(wo), len(wn)) >= 12 else SHORT_MOVE_THRESHOLD
                if s >= limit:
                    scored.append((s, a, b))
        taken_old: set[int] = set()
        taken_new: set[int] = set()
        out: list[tuple[Node, Node]] = []
        for s, a, b in sorted(scored, key=lambda t: (-t[0], t[1], t[2])):
            if a in taken_old or b in taken_new:
                continue
            (o, oa), (n, na) = pool_old[a], pool_new[b]
            if not self.same_article(oa, na) and not self._strong(o, n, s):
                continue
            taken_old.add(a)
            taken_new.add(b)
            out.append((o, n))
        return out

    def _strong(self, o: Node, n: Node, score: float) -> bool:
        """Whether a pair in two different articles is evidence enough for a move."""
        wo, wn = self.wset(o), self.wset(n)
        if min(len(wo), len(wn)) < CROSS_MIN_WORDS or score < CROSS_MOVE_THRESHOLD:
            return False
        if kind_class(o) != "deel":
            return True  # whole articles: renumbering already took every better candidate
        rival = score - CROSS_MARGIN
        return not self._rival(wo, _full_length(o), True, n, rival) and not self._rival(
            wn, _full_length(n), False, o, rival
        )

    def _rival(
        self, words: frozenset[str], length: int, in_new: bool, other: Node, at: float
    ) -> bool:
        """Whether a provision of the new (or old) version other than `other` scores above `at`."""
        corpus = self._corpora.get(in_new)
        if corpus is None:
            corpus = self._corpora[in_new] = _Corpus(self.new if in_new else self.old)
        size = len(words)
        for node in corpus.near(length):
            if node is other:
                continue
            w = self.wset(node)
            if at * size <= len(w) <= size / at and similarity(words, w) > at:
                return True
        return False
