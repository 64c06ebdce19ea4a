"""Two versions of one draft read for a comparison, without the articles they share unchanged.

Two versions of a code share most articles byte for byte. A comparison learns nothing from an
article that is the same in both, except through a reference in it to an article that did
change (a stale reference). Such shared articles are therefore not parsed at all: both trees
leave them out, and the comparison is told their ids so that it knows them as unchanged (see
`versiontext.compared_texts`). An article is only left out when its heading names one article
whose number occurs once in both versions, and when it names no changed article in a reference.
"""

from __future__ import annotations

from collections import Counter

from wetgeving.text.escape import unescape_heading
from wetgeving.text.headings import read_article
from wetgeving.text.labels import id_segment
from wetgeving.text.parse import split_body
from wetgeving.text.references import Mentions, names_article
from wetgeving.text.segments import pieces, splittable


def shared_articles(old: str, new: str, old_path: str, new_path: str) -> dict[str, str]:
    """The article segments two draft texts share and may leave out: segment -> article id."""
    _, old_body, _ = split_body(old, old_path)
    _, new_body, _ = split_body(new, new_path)
    if not (splittable(old_body) and splittable(new_body)):
        return {}
    old_numbers, new_numbers = _numbers(old_body), _numbers(new_body)
    counts = Counter(n for n in old_numbers.values() if n is not None)
    counts.update(n for n in new_numbers.values() if n is not None)
    both = old_numbers.keys() & new_numbers.keys()
    changed = {
        number
        for numbers in (old_numbers, new_numbers)
        for segment, number in numbers.items()
        if segment not in both and number
    }
    names = Mentions(changed)
    out: dict[str, str] = {}
    for segment in both:
        number = old_numbers[segment]
        # Once in each version: a repeated number gets an id by its place ("art.5~2").
        if number and counts[number] == 2 and not names_article(segment, names):
            out[segment] = id_segment("art", number)
    return out


def _numbers(body: str) -> dict[str, str | None]:
    """Each article segment of a body with its article number (None: an enig artikel)."""
    out: dict[str, str | None] = {}
    for segment in pieces(body):
        if not segment.startswith("## "):
            continue
        head = read_article(unescape_heading(segment.split("\n", 1)[0][3:].strip()))
        if head is not None and head.kind == "artikel":
            # A segment written twice in one body counts once: its number then repeats.
            out[segment] = None if segment in out else (head.number or None)
    return out
