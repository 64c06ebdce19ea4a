"""Mass campaigns: near-identical responses grouped so they can be handled once.

Method (deterministic, explainable, close to linear):
1. Texts are lowercased and cut into words; identical texts are grouped first (a campaign of
   3,000 exact copies costs one sketch).
2. Each distinct text becomes a set of word 4-shingles, hashed with crc32 (fixed, no random seed).
3. One-permutation MinHash: the low 6 bits of a hash choose one of 64 bins, each bin keeps its
   minimum; LSH groups texts that agree on any band of 4 bins.
4. Candidates in a bucket are joined (union-find) to the bucket's first text when their estimated
   Jaccard similarity reaches the threshold; that is linear in the number of texts.
5. The shared text shown is the representative's text limited to the shingles that most members
   contain.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from wetgeving.consultation.model import Response

SHINGLE = 4
BINS = 64
ROWS = 4
THRESHOLD = 0.7
MAX_WORDS = 3000
_EMPTY = 1 << 32
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Campaign:
    """A group of near-identical responses.

    Attributes:
        id: Stable id ("C" + 8 hex), derived from the representative's text.
        members: Response ids, oldest first; the first is the representative.
        shared_text: The text the members share (passages joined with " … ").
        similarity: Lowest estimated similarity of a member to the representative (0..1).
    """

    id: str
    members: tuple[str, ...]
    shared_text: str
    similarity: float


def response_text(response: Response) -> str:
    """The text compared for campaigns: all points, in order."""
    return "\n".join(p.text for p in response.points)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())[:MAX_WORDS]


def _shingles(words: list[str]) -> set[str]:
    if len(words) < SHINGLE:
        return {" ".join(words)} if words else set()
    return set(map(" ".join, zip(*(words[i:] for i in range(SHINGLE)), strict=False)))


def _sketch(shingles: set[str]) -> list[int]:
    mins = [_EMPTY] * BINS
    hashes = sorted(map(zlib.crc32, map(str.encode, shingles)), reverse=True)
    # Within one bin the hashes differ only above the bin bits, so the last write is the minimum.
    for b, v in {h & (BINS - 1): h >> 6 for h in hashes}.items():
        mins[b] = v
    return mins


def similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of two sketches (one-permutation MinHash)."""
    both = same = 0
    for x, y in zip(a, b, strict=True):
        if x == _EMPTY and y == _EMPTY:
            continue
        both += 1
        if x == y:
            same += 1
    return same / both if both else 1.0


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def find_campaigns(
    responses: Sequence[Response], min_size: int = 3, threshold: float = THRESHOLD
) -> list[Campaign]:
    """Group near-identical responses; return campaigns of at least `min_size`, largest first."""
    ordered = sorted(responses, key=lambda r: r.id)
    by_text: dict[bytes, list[int]] = {}
    groups: list[list[int]] = []
    sketches: list[list[int]] = []
    for i, response in enumerate(ordered):
        words = _words(response_text(response))
        key = hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=16).digest()
        group = by_text.get(key)
        if group is None:
            group = by_text[key] = []
            groups.append(group)
            sketches.append(_sketch(_shingles(words)))
        group.append(i)
    del by_text
    union = _Union(len(groups))
    empty_band = (_EMPTY,) * ROWS
    for band in range(BINS // ROWS):
        buckets: dict[tuple[int, ...], int] = {}
        lo = band * ROWS
        for t, sketch in enumerate(sketches):
            band_key = tuple(sketch[lo : lo + ROWS])
            if band_key == empty_band:
                continue
            head = buckets.setdefault(band_key, t)
            if (
                head != t
                and union.find(head) != union.find(t)
                and similarity(sketches[head], sketch) >= threshold
            ):
                union.union(head, t)
    clusters: dict[int, list[int]] = defaultdict(list)
    for t in range(len(groups)):
        clusters[union.find(t)].append(t)
    out: list[Campaign] = []
    for texts in clusters.values():
        members = sorted(i for t in texts for i in groups[t])
        if len(members) < min_size:
            continue
        rep = min(texts, key=lambda t: groups[t][0])
        sim = min(similarity(sketches[rep], sketches[t]) for t in texts)
        sets = [
            (_shingles(_words(response_text(ordered[groups[t][0]]))), len(groups[t])) for t in texts
        ]
        rep_raw = response_text(ordered[groups[rep][0]])
        shared = _shared(rep_raw, sets)
        rep_key = " ".join(_words(rep_raw))
        cid = "C" + hashlib.sha1(rep_key.encode("utf-8"), usedforsecurity=False).hexdigest()[:8]
        out.append(Campaign(cid, tuple(ordered[i].id for i in members), shared, round(sim, 2)))
    out.sort(key=lambda c: (-len(c.members), c.members[0]))
    return out


def _shared(text: str, sets: list[tuple[set[str], int]]) -> str:
    """The representative's passages covered by shingles that at least 80% of members contain."""
    matches = list(_WORD.finditer(text))[:MAX_WORDS]
    rep_words = [m.group().casefold() for m in matches]
    total = sum(weight for _, weight in sets)
    counts: Counter[str] = Counter()
    for shingle_set, weight in sets:
        for s in shingle_set:
            counts[s] += weight
    need = 0.8 * total
    n = len(rep_words)
    if n < SHINGLE:
        return " ".join(text.split())
    covered = [False] * n
    for i in range(n - SHINGLE + 1):
        if counts[" ".join(rep_words[i : i + SHINGLE])] >= need:
            for j in range(i, i + SHINGLE):
                covered[j] = True
    passages: list[str] = []
    start: int | None = None
    for i, keep in enumerate([*covered, False]):
        if keep and start is None:
            start = i
        elif not keep and start is not None:
            end = matches[i - 1].end()
            while end < len(text) and text[end] in ".,;:!?)\"'":
                end += 1
            span = text[matches[start].start() : end]
            passages.append(" ".join(span.split()))
            start = None
    return " … ".join(passages)


@dataclass(frozen=True, slots=True)
class Grouping:
    """Which responses form a campaign, as the documents and the worksheet show them.

    Attributes:
        members: Campaign id -> member ids (oldest first), largest campaign first.
        shared: Campaign id -> the text the members share ("" for a campaign only recorded).
    """

    members: dict[str, tuple[str, ...]]
    shared: dict[str, str]

    def by_member(self) -> dict[str, str]:
        """Response id -> campaign id."""
        return {m: cid for cid, ids in self.members.items() for m in ids}


def group(responses: Sequence[Response], min_size: int = 3) -> Grouping:
    """Campaigns recorded by the lawyer (`dispose --campaign`) win; detection groups the rest."""
    members: dict[str, list[str]] = {}
    for r in sorted(responses, key=lambda r: r.id):
        if r.campaign:
            members.setdefault(r.campaign, []).append(r.id)
    shared: dict[str, str] = {}
    for found in find_campaigns([r for r in responses if not r.campaign], min_size=min_size):
        members.setdefault(found.id, []).extend(found.members)
        shared[found.id] = found.shared_text
    ordered = sorted(members.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return Grouping({cid: tuple(sorted(ids)) for cid, ids in ordered}, shared)
