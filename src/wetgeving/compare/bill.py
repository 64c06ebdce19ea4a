"""How an amending bill orders and letters its parts (Ar 6.15).

Onderdelen are lettered A to Z, then AA, BB, ..., ZZ, then AAA, BBB, ... (Ar 6.15, toelichting
bij het tweede lid). They follow the order of the articles they change: the new version's
order, a lapsed article at the place it had. Letters tell "de verschillende wijzigingen" apart
(Ar 6.15, second lid): an ARTIKEL that makes one change has none ("" below), and the change names
the regulation itself ("Artikel 273f van het Wetboek van Strafrecht wordt als volgt gewijzigd:").

The one place this lettering lives: the amending-bill generator (`wetgeving amend`) letters its
onderdelen with `onderdeel_letter`, and the consultation reads "ARTIKEL I, onderdeel B" in a
reaction with `onderdelen` (the same letters over `article_order`); if the two ever differed, a
reaction would be tied to the wrong article.
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
    """The letters of the `count` onderdelen of one ARTIKEL in order; a single one has none."""
    if count == 1:
        return [""]
    return [onderdeel_letter(i) for i in range(count)]


def article_order(comparison: Comparison) -> list[str]:
    """The articles a comparison changes, in the order a bill takes them."""
    seen: dict[str, None] = {}
    for change in comparison.changes:
        for number in (change.article, change.old_article):
            if number:
                seen.setdefault(number, None)
    return list(seen)


def onderdeel_index(letter: str) -> int | None:
    """The inverse of `onderdeel_letter`: "A" -> 0, "bb" -> 27; None for no such letter."""
    upper = letter.strip().upper()
    if not upper or len(set(upper)) != 1 or upper[0] not in string.ascii_uppercase:
        return None
    return (len(upper) - 1) * len(string.ascii_uppercase) + string.ascii_uppercase.index(upper[0])


def onderdelen(comparison: Comparison) -> dict[str, str]:
    """Letter -> article number of each onderdeel of ARTIKEL I: {"A": "273f", "B": "273fa"};
    {"": "273f"} when the bill changes one article (no letter).

    The consultation reads a reaction on "ARTIKEL I, onderdeel B" with this, so that it ties
    the reaction to the article the amending bill letters B (`article_order`, `onderdeel_letters`).
    """
    order = article_order(comparison)
    return dict(zip(onderdeel_letters(len(order)), order, strict=True))
