"""Children of two matched provisions, matched: by content first (longest common subsequence of
content keys that ignore numbering), then by word similarity in the gaps, keeping order."""

from __future__ import annotations

from collections.abc import Iterator
from difflib import SequenceMatcher

from wetgeving.compare.words import similarity, word_set
from wetgeving.text.model import Node
from wetgeving.text.pasted import canonical_chars

PAIR_THRESHOLD = 0.45  # word Jaccard above which two provisions in the same gap are one provision
SAME_NUMBER_BONUS = 0.15  # preference for the same number (or the eerste lid for a text)
_DP_LIMIT = 40_000


def same_number(a: str, b: str) -> bool:
    """Whether two numbers as written are one number: "1º" (pasted from Word) is "1°", a soft
    hyphen or a no-break space in it is nothing or a space, as `fmt` writes them."""
    return a == b or canonical_chars(a) == canonical_chars(b)


def full_text(node: Node) -> str:
    """Own text plus the text of all descendants."""
    return " ".join(n.text for n in node.walk() if n.text)


class Keys:
    """Content keys that ignore numbering, and word sets, computed once per node."""

    def __init__(self) -> None:
        self.keys: dict[int, int] = {}
        self.exacts: dict[int, int] = {}
        self.words: dict[int, frozenset[str]] = {}
        # Children alignments, by (id(old parent), id(new parent)): a move's subtree is aligned
        # while the moves are found and again when its changes are written.
        self.pairs: dict[tuple[int, int], list[tuple[int, int]]] = {}

    def key(self, node: Node) -> int:
        k = self.keys.get(id(node))
        if k is None:
            k = hash((node.kind, node.text, tuple(self.key(c) for c in node.children)))
            self.keys[id(node)] = k
        return k

    def exact(self, node: Node) -> int:
        k = self.exacts.get(id(node))
        if k is None:
            number = canonical_chars(node.number)
            k = hash((node.kind, number, node.text, tuple(self.exact(c) for c in node.children)))
            self.exacts[id(node)] = k
        return k

    def wset(self, node: Node) -> frozenset[str]:
        w = self.words.get(id(node))
        if w is None:
            w = word_set(full_text(node))
            self.words[id(node)] = w
        return w

    def children_of(self, o: Node, n: Node) -> list[tuple[int, int]]:
        """The aligned (old index, new index) children of two nodes, computed once."""
        found = self.pairs.get((id(o), id(n)))
        if found is None:
            found = self.pairs[(id(o), id(n))] = align_children(o.children, n.children, self)
        return found


def merge_order(
    n_old: int, pairs: list[tuple[int, int]], n_new: int
) -> Iterator[tuple[int | None, int | None]]:
    """Yield (old index, new index) in new order, each unmatched old just before its successor."""
    new_to_old = {j: i for i, j in pairs}
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


def rewritten(o: Node, n: Node) -> bool:
    """Two leaves paired in their place whose texts have neither their start nor their end in
    common: perhaps not one provision (the similarity decides, and only when needed)."""
    if o.children or n.children or o.text == n.text:
        return False
    return o.text[:24] != n.text[:24] and o.text[-24:] != n.text[-24:]


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
    if same_number(o.number, n.number):
        score += SAME_NUMBER_BONUS
    return score


def _gap(
    olds: tuple[Node, ...], news: tuple[Node, ...], i1: int, i2: int, j1: int, j2: int, k: Keys
) -> list[tuple[int, int]]:
    """Pair the provisions between two content anchors by similarity, keeping order."""
    n, m = i2 - i1, j2 - j1
    if n == 0 or m == 0:
        return []
    if (
        n == 1
        and m == 1
        and same_number(olds[i1].number, news[j1].number)
        and olds[i1].kind == news[j1].kind
    ):
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
