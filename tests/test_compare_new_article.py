"""Provisions that move into a new article, or out of a lapsed one, are reported as moved."""

from __future__ import annotations

from test_compare import kinds, text_version
from wetgeving.compare import compare_versions, describe_article

OLD = """## Artikel 1

1. De eerste regel geldt voor ieder die een ander in een afhankelijke positie brengt.
2. Onder afhankelijke positie wordt mede begrepen een situatie waarin een persoon geen
   andere werkelijke keuze heeft.
"""

NEW = """## Artikel 1

1. De eerste regel geldt voor ieder die een ander in een afhankelijke positie brengt.

## Artikel 1a

1. Deze bepaling is nieuw en staat in een nieuw artikel.
2. Onder afhankelijke positie wordt in dit artikel mede begrepen een situatie waarin een
   persoon geen andere werkelijke keuze heeft.
"""


def test_lid_moved_into_new_article_is_a_move() -> None:
    """A lid that reappears (edited) in an inserted article is moved, not deleted + inserted."""
    comparison = compare_versions(text_version("a", OLD), text_version("b", NEW))
    assert ("moved", "art.1/lid.2", "art.1a/lid.2") in kinds(comparison)
    assert ("deleted", "art.1/lid.2", None) not in kinds(comparison)
    assert ("inserted", None, "art.1a") in kinds(comparison)
    assert describe_article(comparison, "1a") == [
        "Artikel 1a wordt ingevoegd.",
        "Het tweede lid is verplaatst uit artikel 1, tweede lid, en is gewijzigd.",
    ]


def test_lid_moved_out_of_lapsed_article_is_a_move() -> None:
    """The reverse: a lid of a deleted article that reappears elsewhere is moved."""
    comparison = compare_versions(text_version("b", NEW), text_version("a", OLD))
    assert ("moved", "art.1a/lid.2", "art.1/lid.2") in kinds(comparison)
    assert ("deleted", "art.1a/lid.2", None) not in kinds(comparison)
