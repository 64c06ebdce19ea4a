"""The comparison on the real history: the whole Wetboek van Strafrecht, 1 July 2009 -> 16
November 2013 (both versions imported from BWB XML with the project's own import).

Measured on this pair (issue 10): the set of changed articles is exact; there is one move, inside
art. 4, and none between articles (before: four, three of them false: 134 and 147a, derde lid, to
177 and 177a, derde lid, and 138a, derde lid, to 138ab instead of the renumbering 138a -> 138ab).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from test_compare import V
from wetgeving import dossier as dossier_mod
from wetgeving import gitrepo, history
from wetgeving.cli.app import app
from wetgeving.compare import Comparison, compare_versions, describe_article
from wetgeving.compare.items import counts
from wetgeving.text.bwb import import_bwb
from wetgeving.text.model import Regeling

BWB = Path(__file__).parent / "fixtures" / "bwb"
OLD = "BWBR0001854-2009-07-01.xml"
NEW = "BWBR0001854-2013-11-16.xml"


@pytest.fixture(scope="module")
def sr() -> tuple[Regeling, Regeling]:
    return import_bwb(BWB / OLD).regeling, import_bwb(BWB / NEW).regeling


@pytest.fixture(scope="module")
def result(sr: tuple[Regeling, Regeling]) -> Comparison:
    old, new = sr
    return compare_versions(V("sr2009", None, (old,)), V("sr2013", None, (new,)))


def test_changed_articles_are_exactly_those_that_differ(
    sr: tuple[Regeling, Regeling], result: Comparison
) -> None:
    """Every article whose text differs (or that exists in one version only) has a change, and
    no other article has one."""
    old, new = sr
    before = {a.number: a for a in old.articles()}
    after = {a.number: a for a in new.articles()}
    differ = {n for n in before.keys() | after.keys() if before.get(n) != after.get(n)}
    named = {a for c in result.changes for a in (c.article, c.old_article) if a}
    assert named == differ
    assert len(differ) == 158


def test_no_move_between_articles(result: Comparison) -> None:
    """The beroep clause that lapsed in 134 and 147a and came into 177 and 177a is no move; the
    only move is inside art. 4 (onder 9° became onder 12°, onderdeel a)."""
    moves = [(c.old_id, c.new_id) for c in result.changes if c.kind == "moved"]
    assert moves == [("art.4/ond.9°", "art.4/ond.12°/ond.a")]
    for article in ("134", "147a"):
        assert [(c.kind, c.old_id) for c in result.changes if c.old_article == article] == [
            ("deleted", f"art.{article}/lid.3")
        ]
        assert describe_article(result, article) == ["Het derde lid is vervallen."]
    for article in ("177", "177a"):
        assert (
            "Er wordt een lid ingevoegd (derde lid), onder vernummering van het derde lid tot "
            "vierde lid."
        ) in describe_article(result, article)


def test_counts_per_kind(result: Comparison) -> None:
    """The changes per kind on this pair (before issue 10: 166 changed, 122 inserted, 26
    deleted, 27 renumbered, 4 moved); the 117 insertions are 63 at the end and 54 between."""
    assert counts(list(result.changes)) == {
        "changed": 160,
        "inserted": 54,
        "appended": 63,
        "deleted": 23,
        "renumbered": 32,
        "moved": 1,
    }


def test_articles_that_got_leden_and_the_renumbering_of_138a(result: Comparison) -> None:
    """Art. 131, 205, 326, 354a and 77x got leden (their text is the eerste lid, 235's the
    tweede), 15g lost them; 138a became 138ab and a new 138a (kraken) was inserted."""
    gets = sorted(c.new_id or "" for c in result.changes if c.structure == "gets_leden")
    assert gets == [
        "art.131/lid.1",
        "art.205/lid.1",
        "art.235/lid.2",
        "art.326/lid.1",
        "art.354a/lid.1",
        "art.77x/lid.1",
    ]
    assert [c.old_id for c in result.changes if c.structure == "loses_leden"] == ["art.15g/lid.2"]
    assert describe_article(result, "131") == [
        "De tekst van het artikel wordt het eerste lid.",
        "Er wordt een lid toegevoegd (tweede lid).",
    ]
    assert describe_article(result, "15g") == [
        "Het eerste lid is vervallen.",
        "Het tweede lid wordt de tekst van het artikel en is gewijzigd.",
    ]
    assert describe_article(result, "138a") == [
        "Een nieuw artikel 138a wordt ingevoegd.",
        "Het oude artikel 138a wordt artikel 138ab.",
    ]


def _dossier(root: Path) -> dossier_mod.Dossier:
    """A dossier whose versions sr2009 and sr2013 are the two imports, recorded in git."""
    root.mkdir()
    (root / "wetgeving.toml").write_text(
        dossier_mod.config_text("Wetboek van Strafrecht", "Wetboek van Strafrecht", "BWBR0001854"),
        encoding="utf-8",
    )
    for folder in ("drafts", "consultation_responses", "templates", "toelichting"):
        (root / folder).mkdir()
    gitrepo.init_repository(root)
    d = dossier_mod.load(root)
    for name, xml in (("sr2009", OLD), ("sr2013", NEW)):
        (root / "drafts" / "sr.md").write_text(import_bwb(BWB / xml).markdown, encoding="utf-8")
        history.create_version(d, name, f"Wetboek van Strafrecht {name}")
    return d


def test_mvt_and_diff_of_the_whole_code(tmp_path: Path) -> None:
    """In the MvT of 2013 against 2009 every article that lost a provision has its section (134
    and 147a had none), and `diff --article 131` shows the text that became the eerste lid."""
    d = _dossier(tmp_path / "sr")
    runner = CliRunner()
    out = runner.invoke(app, ["--dossier", str(d.root), "mvt", "sr2013", "--against", "sr2009"])
    assert out.exit_code == 0, out.stderr
    for article in ("134", "147a"):
        assert f"### Artikel {article}\n\n_Wijziging:_ Het derde lid is vervallen.\n" in out.stdout
    assert (
        "### Artikel 131\n\n_Wijziging:_\n\n- De tekst van het artikel wordt het eerste lid.\n"
        "- Er wordt een lid toegevoegd (tweede lid).\n"
    ) in out.stdout
    diff = runner.invoke(app, ["--dossier", str(d.root), "diff", "sr2009", "sr2013", "-a", "131"])
    assert diff.exit_code == 0, diff.stderr
    text = re.sub(r"\([0-9a-f]{12}\)", "(…)", diff.stdout)
    assert text.split("\n")[:5] == [
        "verschillen tussen versie sr2009 (…) en versie sr2013 (…)",
        "",
        "artikel 131: 1 toegevoegd, 1 vernummerd",
        "  in leden verdeeld: artikel 131, eerste lid (oud: artikel 131)",
        "  toegevoegd: artikel 131, tweede lid",
    ]
