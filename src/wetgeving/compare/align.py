"""Align two versions: structure first, then content.

Articles are matched by number; an article whose subtree is equal is skipped without further work.
Inside a matched pair, children are matched by content (longest common subsequence of content
keys that ignore numbering), then by word similarity inside the gaps, so one inserted lid gives
one insertion plus renumberings. Provisions left unmatched anywhere are paired across places and
articles by similarity: those are moves.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from wetgeving.compare.words import similarity, word_set
from wetgeving.text.model import Node, Regeling

PAIR_THRESHOLD = 0.45  # word Jaccard above which two provisions in the same gap are one provision
MOVE_THRESHOLD = 0.5  # and above which an unmatched pair anywhere is a move
SHORT_MOVE_THRESHOLD = 0.75  # the same for provisions of fewer than 12 distinct words
ARTICLE_THRESHOLD = 0.6  # and above which an article that lost its number was renumbered
_DP_LIMIT = 40_000


def full_text(node: Node) -> str:
    """Own text plus the text of all descendants."""
    return " ".join(n.text for n in node.walk() if n.text)


@dataclass
class Slot:
    """One step of the merged, ordered walk over both versions."""

    kind: str  # "pair" | "ins" | "del"
    old: Node | None
    new: Node | None
    old_article: str | None
    new_article: str | None
    moved: bool = False


@dataclass
class Alignment:
    """The merged walk plus the id map from old to new."""

    slots: list[Slot] = field(default_factory=list)
    id_map: dict[str, str | None] = field(default_factory=dict)
    same_articles: set[str] = field(default_factory=set)
    moves: dict[int, Node] = field(default_factory=dict)  # id(new node) -> old node
    moved_away: set[int] = field(default_factory=set)  # id(old node)

    def new_id_of(self, old_id: str) -> str | None:
        """The new id of an old provision (None when deleted)."""
        if old_id in self.id_map:
            return self.id_map[old_id]
        if old_id.split("/")[0] in self.same_articles:
            return old_id
        return None


class Keys:
    """Content keys that ignore numbering, and word sets, computed once per node."""

    def __init__(self) -> None:
        self.keys: dict[int, int] = {}
        self.exacts: dict[int, int] = {}
        self.words: dict[int, frozenset[str]] = {}

    def key(self, node: Node) -> int:
        k = self.keys.get(id(node))
        if k is None:
            k = hash((node.kind, node.text, tuple(self.key(c) for c in node.children)))
            self.keys[id(node)] = k
        return k

    def exact(self, node: Node) -> int:
        k = self.exacts.get(id(node))
        if k is None:
            k = hash(
                (node.kind, node.number, node.text, tuple(self.exact(c) for c in node.children))
            )
            self.exacts[id(node)] = k
        return k

    def wset(self, node: Node) -> frozenset[str]:
        w = self.words.get(id(node))
        if w is None:
            w = word_set(full_text(node))
            self.words[id(node)] = w
        return w


def _articles(regelingen: tuple[Regeling, ...]) -> list[tuple[str, Node]]:
    out: list[tuple[str, Node]] = []
    for reg in regelingen:
        scope = reg.regulation or reg.title or reg.path
        out.extend((scope, art) for art in reg.articles())
    return out


def merge_order(
    n_old: int, pairs: list[tuple[int, int]], n_new: int
) -> Iterator[tuple[int | None, int | None]]:
    """Yield (old index, new index) in new order, each unmatched old just before its successor."""
    new_to_old = dict((j, i) for i, j in pairs)
    matched_old = {i for i, _ in pairs}
    next_old = 0
    for j in range(n_new):
        i = new_to_old.get(j)
        if i is not None:
            while next_old < i:
                if next_old not in matched_old:
                    yield next_old, None
                next_old += 1
            next_old = max(next_old, i + 1)
            yield i, j
        else:
            yield None, j
    while next_old < n_old:
        if next_old not in matched_old:
            yield next_old, None
        next_old += 1


class Aligner:
    """Builds the `Alignment` of two versions."""

    def __init__(self) -> None:
        self.k = Keys()
        self.out = Alignment()
        self.pool_old: list[tuple[Node, str]] = []
        self.pool_new: list[tuple[Node, str]] = []

    def run(self, old: tuple[Regeling, ...], new: tuple[Regeling, ...]) -> Alignment:
        olds = _articles(old)
        news = _articles(new)
        old_index = {(s, a.id): i for i, (s, a) in enumerate(olds)}
        pairs: list[tuple[int, int]] = []
        used: set[int] = set()
        for pos, (s, art) in enumerate(news):
            found = old_index.get((s, art.id))
            if found is not None and found not in used:
                pairs.append((found, pos))
                used.add(found)
        self._renumbered_articles(olds, news, pairs, used)
        # Keep the pairs that respect order for the merge; the rest is still a pair.
        for i, j in merge_order(len(olds), sorted(pairs, key=lambda p: p[1]), len(news)):
            if i is not None and j is not None:
                o, n = olds[i][1], news[j][1]
                if o == n:
                    self.out.same_articles.add(o.id)
                    continue
                self.pair(o, n, o.number, n.number)
            elif j is not None:
                self.insert(news[j][1], news[j][1].number)
            elif i is not None:
                self.delete(olds[i][1], olds[i][1].number)
        self._moves()
        return self.out

    def _renumbered_articles(
        self,
        olds: list[tuple[str, Node]],
        news: list[tuple[str, Node]],
        pairs: list[tuple[int, int]],
        used: set[int],
    ) -> None:
        matched_new = {j for _, j in pairs}
        lone_old = [i for i in range(len(olds)) if i not in used]
        lone_new = [j for j in range(len(news)) if j not in matched_new]
        if not lone_old or not lone_new or len(lone_old) * len(lone_new) > _DP_LIMIT:
            return
        scored = []
        for i in lone_old:
            wo = self.k.wset(olds[i][1])
            for j in lone_new:
                s = similarity(wo, self.k.wset(news[j][1]))
                if s >= ARTICLE_THRESHOLD:
                    scored.append((s, i, j))
        taken_new: set[int] = set()
        for _, i, j in sorted(scored, reverse=True):
            if i in used or j in taken_new:
                continue
            used.add(i)
            taken_new.add(j)
            pairs.append((i, j))

    def pair(self, o: Node, n: Node, oa: str, na: str, moved: bool = False) -> None:
        self.out.slots.append(Slot("pair", o, n, oa, na, moved))
        self.out.id_map[o.id] = n.id
        if o.children or n.children:
            self.children(o.children, n.children, oa, na)

    def insert(self, n: Node, na: str) -> None:
        self.out.slots.append(Slot("ins", None, n, None, na))
        self.pool_new.append((n, na))
        if n.kind == "artikel":
            # A lid may move into a new article ("het zesde lid wordt artikel 273fa, tweede lid").
            self.pool_new.extend((child, na) for child in n.children)

    def delete(self, o: Node, oa: str) -> None:
        self.out.slots.append(Slot("del", o, None, oa, None))
        self.pool_old.append((o, oa))
        if o.kind == "artikel":
            self.pool_old.extend((child, oa) for child in o.children)
        for node in o.walk():
            self.out.id_map.setdefault(node.id, None)

    def children(self, olds: tuple[Node, ...], news: tuple[Node, ...], oa: str, na: str) -> None:
        for i, j in merge_order(len(olds), align_children(olds, news, self.k), len(news)):
            if i is not None and j is not None:
                o, n = olds[i], news[j]
                if self.k.exact(o) == self.k.exact(n):
                    for a, b in zip(o.walk(), n.walk(), strict=True):
                        self.out.id_map[a.id] = b.id
                    continue
                self.pair(o, n, oa, na)
            elif j is not None:
                self.insert(news[j], na)
            elif i is not None:
                self.delete(olds[i], oa)

    def _moves(self) -> None:
        if not self.pool_old or not self.pool_new:
            return
        if len(self.pool_old) * len(self.pool_new) > _DP_LIMIT * 4:
            return
        scored = []
        news = [(b, _kind_class(n), self.k.wset(n)) for b, (n, _) in enumerate(self.pool_new)]
        for a, (o, _) in enumerate(self.pool_old):
            wo = self.k.wset(o)
            if not wo:
                continue
            kind = _kind_class(o)
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
        for _, a, b in sorted(scored, key=lambda t: (-t[0], t[1], t[2])):
            if a in taken_old or b in taken_new:
                continue
            taken_old.add(a)
            taken_new.add(b)
            o = self.pool_old[a][0]
            n = self.pool_new[b][0]
            self.out.moves[id(n)] = o
            self.out.moved_away.add(id(o))
            for node in o.walk():
                self.out.id_map.pop(node.id, None)
            self.out.id_map[o.id] = n.id
            self._map_subtree(o, n)

    def _map_subtree(self, o: Node, n: Node) -> None:
        pairs = align_children(o.children, n.children, self.k)
        for i, j in pairs:
            self.out.id_map[o.children[i].id] = n.children[j].id
            self._map_subtree(o.children[i], n.children[j])
        matched = {i for i, _ in pairs}
        for i, child in enumerate(o.children):
            if i not in matched:
                for node in child.walk():
                    self.out.id_map[node.id] = None


def _kind_class(node: Node) -> str:
    return "artikel" if node.kind == "artikel" else "deel"


def align_children(
    olds: tuple[Node, ...], news: tuple[Node, ...], keys: Keys | None = None
) -> list[tuple[int, int]]:
    """Return matched (old index, new index) pairs in order: content first, then similarity."""
    k = keys or Keys()
    ok = [k.key(c) for c in olds]
    nk = [k.key(c) for c in news]
    blocks = SequenceMatcher(None, ok, nk, autojunk=False).get_matching_blocks()
    pairs: list[tuple[int, int]] = []
    i0 = j0 = 0
    for bi, bj, size in blocks:
        pairs.extend(_gap(olds, news, i0, bi, j0, bj, k))
        pairs.extend((bi + t, bj + t) for t in range(size))
        i0, j0 = bi + size, bj + size
    return pairs


def _pair_score(o: Node, n: Node, k: Keys) -> float:
    """Similarity of two provisions in the same gap: of the whole subtree or of the aanhef."""
    if o.kind != n.kind:
        return 0.0
    score = similarity(k.wset(o), k.wset(n))
    if (o.children or n.children) and o.text and n.text:
        own_o, own_n = word_set(o.text), word_set(n.text)
        if len(own_o) >= 4 and len(own_n) >= 4:
            score = max(score, similarity(own_o, own_n))
    if o.number == n.number:
        score += 0.15
    return score


def _gap(
    olds: tuple[Node, ...], news: tuple[Node, ...], i1: int, i2: int, j1: int, j2: int, k: Keys
) -> list[tuple[int, int]]:
    """Pair the provisions between two content anchors by similarity, keeping order."""
    n, m = i2 - i1, j2 - j1
    if n == 0 or m == 0:
        return []
    if n == 1 and m == 1 and olds[i1].number == news[j1].number and olds[i1].kind == news[j1].kind:
        return [(i1, j1)]
    if n * m > _DP_LIMIT:
        return [
            (i1 + t, j1 + t) for t in range(min(n, m)) if olds[i1 + t].kind == news[j1 + t].kind
        ]
    sim = [[_pair_score(olds[i1 + a], news[j1 + b], k) for b in range(m)] for a in range(n)]
    # Order-keeping assignment maximising the summed similarity of accepted pairs.
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for a in range(n - 1, -1, -1):
        for b in range(m - 1, -1, -1):
            take = sim[a][b] + best[a + 1][b + 1] if sim[a][b] >= PAIR_THRESHOLD else -1.0
            best[a][b] = max(take, best[a + 1][b], best[a][b + 1])
    out: list[tuple[int, int]] = []
    a = b = 0
    while a < n and b < m:
        if sim[a][b] >= PAIR_THRESHOLD and best[a][b] == sim[a][b] + best[a + 1][b + 1]:
            out.append((i1 + a, j1 + b))
            a += 1
            b += 1
        elif best[a][b] == best[a + 1][b]:
            a += 1
        else:
            b += 1
    return out
