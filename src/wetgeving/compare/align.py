"""Align two versions: structure first, then content.

Articles are matched by number, bijlagen by theirs (a body of either kind is an "article" here,
named by its body key, see `text.labels.body_key`); a body whose subtree is equal is skipped
without further work.
A number whose text in the new version has nothing in common with the old one may have been given
to another article: then the articles are paired by content (renumbering). Inside a matched pair,
children are matched by content (longest common subsequence of content keys that ignore
numbering), then by word similarity inside the gaps, so one inserted lid gives one insertion plus
renumberings. An article that gets leden keeps its text as one of them. Provisions left unmatched
anywhere are paired across places and articles by similarity: those are moves (`moves.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wetgeving.compare.moves import Moves
from wetgeving.compare.siblings import (
    PAIR_THRESHOLD,
    SAME_NUMBER_BONUS,
    Keys,
    align_children,
    full_text,
    merge_order,
    rewritten,
)
from wetgeving.compare.words import similarity
from wetgeving.text.labels import body_key
from wetgeving.text.model import Node, Regeling
from wetgeving.text.pasted import canonical_chars

__all__ = [
    "Aligner",
    "Alignment",
    "Keys",
    "Slot",
    "align_children",
    "full_text",
    "has_leden",
    "merge_order",
]

ARTICLE_THRESHOLD = 0.6  # word Jaccard above which an article that lost its number was renumbered
_DP_LIMIT = 40_000


def has_leden(node: Node) -> bool:
    """Whether a node (an article) is divided into leden."""
    return any(c.kind == "lid" for c in node.children)


@dataclass
class Slot:
    """One step of the merged, ordered walk over both versions.

    `kind` is "pair", "ins" or "del", or "frame" for an article whose division into leden changed
    (only its number is compared: its text is paired with a lid in a slot of its own, which has
    `structure` "gets_leden" or "loses_leden"). `appended` marks an insertion after every
    provision its parent kept.
    """

    kind: str
    old: Node | None
    new: Node | None
    old_article: str | None
    new_article: str | None
    moved: bool = False
    appended: bool = False
    structure: str | None = None


@dataclass
class Alignment:
    """The merged walk plus the id map from old to new."""

    slots: list[Slot] = field(default_factory=list)
    id_map: dict[str, str | None] = field(default_factory=dict)
    same_articles: set[str] = field(default_factory=set)
    moves: dict[int, Node] = field(default_factory=dict)  # id(new node) -> old node
    moved_away: set[int] = field(default_factory=set)  # id(old node)
    keys: Keys = field(default_factory=Keys)
    old_articles: dict[str, Node] = field(default_factory=dict)  # body key -> article or bijlage
    new_articles: dict[str, Node] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)  # body keys, merged document order

    def new_id_of(self, old_id: str) -> str | None:
        """The new id of an old provision (None when deleted)."""
        if old_id in self.id_map:
            return self.id_map[old_id]
        if old_id.split("/")[0] in self.same_articles:
            return old_id
        return None


def _articles(regelingen: tuple[Regeling, ...]) -> list[tuple[str, Node]]:
    """Every article and bijlage with the regulation it belongs to."""
    out: list[tuple[str, Node]] = []
    for reg in regelingen:
        scope = reg.regulation or reg.title or reg.path
        out.extend((scope, art) for art in reg.bodies())
    return out


def _key(node: Node) -> str:
    """The body key of an article or bijlage ("273f", "bijlage I")."""
    return body_key(node.kind, node.number)


class Aligner:
    """Builds the `Alignment` of two versions."""

    def __init__(self) -> None:
        self.out = Alignment()
        self.k = self.out.keys
        self.pool_old: list[tuple[Node, str]] = []
        self.pool_new: list[tuple[Node, str]] = []
        self.article_map: dict[str, str] = {}  # old body key -> new one
        # Leaves paired only for sharing a place and a number, their texts unlike: (slot index,
        # old, new, old article, new article, whether the new one would be at the end).
        self.weak: list[tuple[int, Node, Node, str, str, bool]] = []

    def run(self, old: tuple[Regeling, ...], new: tuple[Regeling, ...]) -> Alignment:
        olds = _articles(old)
        news = _articles(new)
        for _, art in olds:
            self.out.old_articles.setdefault(_key(art), art)
        for _, art in news:
            self.out.new_articles.setdefault(_key(art), art)
        # By id as `fmt` writes it: an article number with a soft hyphen pasted from Word in it
        # is the same number.
        old_index = {(s, canonical_chars(a.id)): i for i, (s, a) in enumerate(olds)}
        pairs: list[tuple[int, int]] = []
        used: set[int] = set()
        for pos, (s, art) in enumerate(news):
            found = old_index.get((s, canonical_chars(art.id)))
            if found is not None and found not in used:
                pairs.append((found, pos))
                used.add(found)
        self._renumbered_articles(olds, news, pairs, used)
        for a, b in pairs:
            self.article_map[_key(olds[a][1])] = _key(news[b][1])
        # Keep the pairs that respect order for the merge; the rest is still a pair.
        order = self.out.order
        for i, j in merge_order(len(olds), sorted(pairs, key=lambda p: p[1]), len(news)):
            if i is not None and j is not None:
                o, n = olds[i][1], news[j][1]
                order.append(_key(n))
                if o == n:
                    self.out.same_articles.add(o.id)
                    continue
                self.pair(o, n, _key(o), order[-1])
            elif j is not None:
                order.append(_key(news[j][1]))
                self.insert(news[j][1], order[-1])
            elif i is not None:
                order.append(_key(olds[i][1]))
                self.delete(olds[i][1], order[-1])
        self._moves(old, new)
        return self.out

    def _renumbered_articles(
        self,
        olds: list[tuple[str, Node]],
        news: list[tuple[str, Node]],
        pairs: list[tuple[int, int]],
        used: set[int],
    ) -> None:
        """Pair articles that lost their number with articles that got a new one, by content.

        A number kept by an article whose text has nothing in common with the old one (the
        number was given to another article, as 273a in 2006) is offered too; it is kept as it
        is unless both sides find a better partner.
        """
        matched_new = {j for _, j in pairs}
        lone_old = [i for i in range(len(olds)) if i not in used]
        lone_new = [j for j in range(len(news)) if j not in matched_new]
        if not lone_old and not lone_new:
            return
        foreign = [
            (i, j)
            for i, j in pairs
            if olds[i][1] != news[j][1] and self._foreign(olds[i][1], news[j][1])
        ]
        if foreign:
            lone_old += [i for i, _ in foreign]
            lone_new += [j for _, j in foreign]
        if not lone_old or not lone_new or len(lone_old) * len(lone_new) > _DP_LIMIT:
            return
        scored = []
        for i in lone_old:
            wo = self.k.wset(olds[i][1])
            for j in lone_new:
                if olds[i][1].kind != news[j][1].kind:
                    continue  # an article never becomes a bijlage
                s = similarity(wo, self.k.wset(news[j][1]))
                if s >= ARTICLE_THRESHOLD:
                    scored.append((s, i, j))
        found: list[tuple[int, int]] = []
        taken_old: set[int] = set()
        taken_new: set[int] = set()
        for _, i, j in sorted(scored, key=lambda t: (-t[0], t[1], t[2])):
            if i in taken_old or j in taken_new:
                continue
            taken_old.add(i)
            taken_new.add(j)
            found.append((i, j))
        if not found:
            return
        for i, j in foreign:
            if i in taken_old or j in taken_new:
                pairs.remove((i, j))
                used.discard(i)
        for i, j in found:
            if (i, j) not in pairs:
                used.add(i)
                pairs.append((i, j))

    def _foreign(self, o: Node, n: Node) -> bool:
        """Whether two articles with one number have nothing in common (by content)."""
        if o.children and n.children:
            keys = {self.k.key(c) for c in o.children}
            if any(self.k.key(c) in keys for c in n.children):
                return False
        return similarity(self.k.wset(o), self.k.wset(n)) < PAIR_THRESHOLD

    def pair(self, o: Node, n: Node, oa: str, na: str, moved: bool = False) -> None:
        restructured = o.kind == "artikel" == n.kind and has_leden(o) != has_leden(n)
        if restructured and self._restructured(o, n, oa, na):
            return
        self.out.slots.append(Slot("pair", o, n, oa, na, moved))
        self.out.id_map[o.id] = n.id
        if o.children or n.children:
            self.children(o, n, oa, na)

    def _restructured(self, o: Node, n: Node, oa: str, na: str) -> bool:
        """An article that gets leden (or loses them): its text is one lid (Ar 6.18).

        The text of the article without leden is paired with the most similar lid of the other
        version (the eerste lid preferred); the other leden are inserted or deleted. Returns False
        when no lid is similar enough: then the article was rewritten.
        """
        gets = has_leden(n)
        plain, divided = (o, n) if gets else (n, o)
        if divided.text:
            return False
        words = self.k.wset(plain)
        best, best_score = -1, PAIR_THRESHOLD
        for index, lid in enumerate(divided.children):
            if lid.kind != "lid":
                continue
            score = similarity(words, self.k.wset(lid))
            score += SAME_NUMBER_BONUS if lid.number == "1" else 0.0
            if score >= best_score and (best < 0 or score > best_score):
                best, best_score = index, score
        if best < 0:
            return False
        self.out.slots.append(Slot("frame", o, n, oa, na))
        self.out.id_map[o.id] = n.id
        structure = "gets_leden" if gets else "loses_leden"
        for index, lid in enumerate(divided.children):
            if index != best:
                if gets:
                    self.insert(lid, na, appended=index > best)
                else:
                    self.delete(lid, oa)
                continue
            old, new = (o, lid) if gets else (lid, n)
            self.out.slots.append(Slot("pair", old, new, oa, na, structure=structure))
            if not gets:
                self.out.id_map[lid.id] = n.id
            if old.children or new.children:
                self.children(old, new, oa, na)
        return True

    def insert(self, n: Node, na: str, appended: bool = False) -> None:
        self.out.slots.append(Slot("ins", None, n, None, na, appended=appended))
        self.pool_new.append((n, na))
        if n.kind in ("artikel", "bijlage"):
            # A lid may move into a new article ("het zesde lid wordt artikel 273fa, tweede lid").
            self.pool_new.extend((child, na) for child in n.children)

    def delete(self, o: Node, oa: str) -> None:
        self.out.slots.append(Slot("del", o, None, oa, None))
        self.pool_old.append((o, oa))
        if o.kind in ("artikel", "bijlage"):
            self.pool_old.extend((child, oa) for child in o.children)
        for node in o.walk():
            self.out.id_map.setdefault(node.id, None)

    def children(self, o: Node, n: Node, oa: str, na: str) -> None:
        olds, news = o.children, n.children
        pairs = self.k.children_of(o, n)
        # An insertion after every child the parent kept is "toegevoegd" (Ar), not "ingevoegd".
        last_kept = max((j for _, j in pairs), default=-1)
        for i, j in merge_order(len(olds), pairs, len(news)):
            if i is not None and j is not None:
                a, b = olds[i], news[j]
                if self.k.exact(a) == self.k.exact(b):
                    for x, y in zip(a.walk(), b.walk(), strict=True):
                        self.out.id_map[x.id] = y.id
                    continue
                if rewritten(a, b):
                    last = max((q for _, q in pairs if q != j), default=-1)
                    self.weak.append((len(self.out.slots), a, b, oa, na, j > last))
                self.pair(a, b, oa, na)
            elif j is not None:
                self.insert(news[j], na, appended=j > last_kept)
            elif i is not None:
                self.delete(olds[i], oa)

    def _same_article(self, oa: str, na: str) -> bool:
        return self.article_map.get(oa, oa) == na

    def _moves(self, old: tuple[Regeling, ...], new: tuple[Regeling, ...]) -> None:
        moves = Moves(self.k.wset, old, new, self._same_article)
        # A lid rewritten in its place may be a lid that moved elsewhere, and a new one in its
        # place: its old text is offered as a move too, and if it moved, the pair is undone.
        weak = {}
        if self.pool_new:
            for record in self.weak:
                _, o, n, oa, _, _ = record
                loose = PAIR_THRESHOLD - SAME_NUMBER_BONUS
                if similarity(self.k.wset(o), self.k.wset(n)) < loose:
                    weak[id(o)] = record
                    self.pool_old.append((o, oa))
        undone = []
        for o, n in moves.pair(self.pool_old, self.pool_new):
            if id(o) in weak:
                undone.append(weak[id(o)])
            self.out.moves[id(n)] = o
            self.out.moved_away.add(id(o))
            for node in o.walk():
                self.out.id_map.pop(node.id, None)
            self.out.id_map[o.id] = n.id
            self._map_subtree(o, n)
        for index, o, n, oa, na, appended in sorted(undone, key=lambda r: -r[0]):
            self.out.slots[index : index + 1] = [
                Slot("del", o, None, oa, None),
                Slot("ins", None, n, None, na, appended=appended),
            ]

    def _map_subtree(self, o: Node, n: Node) -> None:
        pairs = self.k.children_of(o, n)
        for i, j in pairs:
            self.out.id_map[o.children[i].id] = n.children[j].id
            self._map_subtree(o.children[i], n.children[j])
        matched = {i for i, _ in pairs}
        for i, child in enumerate(o.children):
            if i not in matched:
                for node in child.walk():
                    self.out.id_map[node.id] = None
