"""Which articles a comparison may leave out: those both versions share, naming no changed one."""

from __future__ import annotations

from wetgeving.text.pair import shared_articles

HEAD = "---\ntitel: Wetboek van Strafrecht\n---\n\n"
ART1_OLD = "## Artikel 1\n\n1. Een.\n2. Twee.\n\n"
ART1_NEW = "## Artikel 1\n\n1. Nul.\n2. Een.\n3. Twee.\n\n"
ART2 = "## Artikel 2\n\nDe feiten, omschreven in artikel 1, tweede lid, zijn strafbaar.\n\n"
ART3 = "## Artikel 3\n\nDit artikel noemt geen ander artikel.\n\n"


def test_unchanged_article_is_shared_and_a_changed_one_is_not() -> None:
    """Artikel 3 is the same in both and names no changed article: it is left out."""
    old, new = HEAD + ART1_OLD + ART3, HEAD + ART1_NEW + ART3
    assert shared_articles(old, new, "d.md", "d.md") == {ART3: "art.3"}


def test_unchanged_article_that_names_a_changed_one_is_read() -> None:
    """Artikel 2 names artikel 1, which changed: it may hold a stale reference, so it is read."""
    old, new = HEAD + ART1_OLD + ART2 + ART3, HEAD + ART1_NEW + ART2 + ART3
    assert shared_articles(old, new, "d.md", "d.md") == {ART3: "art.3"}


def test_repeated_number_is_never_left_out() -> None:
    """An article number written twice gets its id by place ("art.3~2"): both are read."""
    twice = ART3.replace("geen ander", "nog steeds geen ander")
    old, new = HEAD + ART1_OLD + ART3 + twice, HEAD + ART1_NEW + ART3 + twice
    assert shared_articles(old, new, "d.md", "d.md") == {}


def test_body_with_a_fence_is_read_whole() -> None:
    """A fenced block can hide a heading: such a body is never cut, so nothing is left out."""
    fence = "## Artikel 4\n\n```\n# Titel I\n```\n\n"
    old, new = HEAD + ART1_OLD + ART3 + fence, HEAD + ART1_NEW + ART3 + fence
    assert shared_articles(old, new, "d.md", "d.md") == {}


def test_enig_artikel_and_bijlage_are_always_read() -> None:
    """Only numbered articles are left out; an enig artikel or bijlage is read as it is."""
    enig = "## Enig artikel\n\nTekst.\n\n"
    bijlage = "## Bijlage I. Lijst\n\n1. Een.\n\n"
    old, new = HEAD + enig + bijlage, HEAD + enig + bijlage
    assert shared_articles(old, new, "d.md", "d.md") == {}
