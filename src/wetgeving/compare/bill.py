"""How an amending bill orders and letters its parts (Ar 6.15).

Onderdelen are lettered A to Z, then AA, BB, ..., ZZ, then AAA, BBB, ... (Ar 6.15, toelichting
bij het tweede lid). They follow the order of the articles they change: the new version's
order, a lapsed article at the place it had.
"""

from __future__ import annotations

import string

from wetgeving.compare.model import Comparison


def onderdeel_letter(index: int) -> str:
    """The letter of the onderdeel at `index` (0 -> "A", 25 -> "Z", 26 -> "AA", 27 -> "BB")."""
    if index < 0:
        raise ValueError("index must not be negative")
    times, at = divmod(index, len(string.ascii_uppercase))
    return string.ascii_uppercase[at] * (times + 1)


def onderdeel_letters(count: int) -> list[str]:
    """The letters of `count` onderdelen in order."""
    return [onderdeel_letter(i) for i in range(count)]


def article_order(comparison: Comparison) -> list[str]:
    """The articles a comparison changes, in the order a bill takes them."""
    seen: dict[str, None] = {}
    for change in comparison.changes:
        for number in (change.article, change.old_article):
            if number:
                seen.setdefault(number, None)
    return list(seen)
