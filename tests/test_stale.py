"""Warnings about internal references that a new version left pointing at the wrong provision."""

from __future__ import annotations

from types import SimpleNamespace

from wetgeving.compare import compare_versions
from wetgeving.text.parse import parse

HEAD = "---\ntitel: Wetboek van Strafrecht\n---\n\n"


def _warnings(old: str, new: str) -> tuple[str, ...]:
    """The warnings of comparing two texts (the engine takes any object with the three fields)."""
    a, b = (
        SimpleNamespace(name=name, commit=None, regelingen=(parse(HEAD + body, "drafts/x.md"),))
        for name, body in (("a", old), ("b", new))
    )
    return compare_versions(a, b).warnings


ART_2 = "## Artikel 2\n\n1. Een eerste bepaling over iets.\n2. Een tweede bepaling over iets.\n"
ART_2_NEW = (
    "## Artikel 2\n\n1. Een eerste bepaling over iets.\n2. Een nieuw ingevoegde bepaling hier.\n"
    "3. Een tweede bepaling over iets.\n"
)


def test_an_article_of_a_list_keeps_its_own_lid() -> None:
    """In 'de artikelen 2, tweede lid, 3' the tweede lid is that of art. 2: when it becomes the
    derde lid, the warning names artikel 2 (not the article holding the phrase)."""
    art_1 = "## Artikel 1\n\nDe artikelen 2, tweede lid, 3 en 4 zijn van toepassing.\n\n"
    rest = "\n## Artikel 3\n\nTekst drie.\n\n## Artikel 4\n\nTekst vier.\n"
    assert _warnings(art_1 + ART_2 + rest, art_1 + ART_2_NEW + rest) == (
        "verwijzing naar artikelen 2, tweede lid, in artikel 1, wijst nu naar een ander lid; "
        "bedoeld was artikel 2, tweede lid, dat nu artikel 2, derde lid, is",
    )


def test_a_reference_to_another_act_is_no_internal_reference() -> None:
    """'artikel 2, tweede lid, van Boek 8 van het Burgerlijk Wetboek' names another act: the
    renumbering of this code's art. 2 does not touch it."""
    art_1 = (
        "## Artikel 1\n\nDe verplichting van artikel 2, tweede lid, van Boek 8 van het "
        "Burgerlijk Wetboek, en van artikel 2, tweede lid, van die wet.\n\n"
    )
    assert _warnings(art_1 + ART_2, art_1 + ART_2_NEW) == ()


def test_a_moved_lid_whose_reference_now_means_another_lid_names_no_provision_twice() -> None:
    """A lid moved to another article keeps 'het eerste lid', which there means another lid: the
    warning says what was meant, and never 'bedoeld was X, dat nu X is'."""
    old = (
        "## Artikel 5\n\n1. De minister stelt regels over de aanvraag van een vergunning.\n"
        "2. De regels, bedoeld in het eerste lid, gaan over de termijn en de kosten.\n\n"
        "## Artikel 6\n\n1. Een vergunning geldt vijf jaar na de dag van verlening.\n"
    )
    new = (
        "## Artikel 5\n\n1. De minister stelt regels over de aanvraag van een vergunning.\n\n"
        "## Artikel 6\n\n1. Een vergunning geldt vijf jaar na de dag van verlening.\n"
        "2. De regels, bedoeld in het eerste lid, gaan over de termijn en de kosten.\n"
    )
    assert _warnings(old, new) == (
        "verwijzing naar het eerste lid in artikel 6, tweede lid, wijst nu naar een ander lid; "
        "bedoeld was artikel 5, eerste lid",
    )


def test_no_warning_when_the_provision_named_did_not_change() -> None:
    """An article reference whose provision kept its number and place is not stale, whatever
    else changed around it (here a new art. 3 and an edited art. 1)."""
    old = "## Artikel 1\n\nZie artikel 2, eerste lid, en artikel 2, tweede lid.\n\n" + ART_2
    new = (
        "## Artikel 1\n\nZie artikel 2, eerste lid, en artikel 2, tweede lid, steeds.\n\n"
        + ART_2
        + "\n## Artikel 3\n\nZie artikel 2, tweede lid.\n"
    )
    assert _warnings(old, new) == ()


def test_a_text_not_yet_in_force_names_the_law_as_it_will_read() -> None:
    """An article marked '[Treedt in werking per ...]' may name a lid that the same law inserts:
    when that lid arrives, its reference is not reported as stale."""
    old = (
        "## Artikel 1\n\n[Treedt in werking per 01-04-2010]\n\nZie artikel 2, tweede lid.\n\n"
        "## Artikel 2\n\n1. Een eerste bepaling over iets.\n2. Een tweede bepaling over iets.\n"
    )
    new = "## Artikel 1\n\nZie artikel 2, tweede lid.\n\n" + ART_2_NEW
    assert _warnings(old, new) == ()
