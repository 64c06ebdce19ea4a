"""The compare engine: alignment, renumbering, moves, word diff, lossless ops, descriptions."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wetgeving.compare import Comparison, compare_versions, describe_article
from wetgeving.compare.formats import render_json, render_text
from wetgeving.compare.html import render_html
from wetgeving.compare.words import tokens, word_diff
from wetgeving.errors import ProvisionRefError
from wetgeving.text.model import Node, Regeling
from wetgeving.text.parse import parse

DRAFTS = Path(__file__).parent / "fixtures" / "drafts"
HEAD = "---\ntitel: Wetboek van Strafrecht\n---\n\n"


@dataclass(frozen=True)
class V:
    """A version-like object: the engine accepts anything with name, commit and regelingen."""

    name: str
    commit: str | None
    regelingen: tuple[Regeling, ...]


def draft(name: str) -> V:
    text = (DRAFTS / f"{name}.md").read_text(encoding="utf-8")
    return V(name, None, (parse(text, "drafts/273f.md"),))


def text_version(name: str, body: str) -> V:
    return V(name, None, (parse(HEAD + body, "drafts/273f.md"),))


def kinds(comparison: Comparison) -> list[tuple[str, str | None, str | None]]:
    return [(c.kind, c.old_id, c.new_id) for c in comparison.changes if c.part_of is None]


def test_unchanged_text_gives_no_changes() -> None:
    """Comparing a version with an identical one gives an empty comparison."""
    result = compare_versions(draft("v1"), draft("v1"))
    assert result.empty
    assert result.warnings == ()
    assert render_text(result).startswith("geen verschillen")


def test_lid_inserted_at_top_is_one_insertion_plus_renumberings() -> None:
    """Inserting a lid before all others reports one insertion and renumbered leden, no cascade."""
    old = text_version("a", "## Artikel 1\n\n1. Alfa bepaling tekst.\n2. Beta bepaling tekst.\n")
    new = text_version(
        "b",
        "## Artikel 1\n\n1. Nieuwe eerste bepaling.\n2. Alfa bepaling tekst.\n"
        "3. Beta bepaling tekst.\n",
    )
    result = compare_versions(old, new)
    assert kinds(result) == [
        ("inserted", None, "art.1/lid.1"),
        ("renumbered", "art.1/lid.1", "art.1/lid.2"),
        ("renumbered", "art.1/lid.2", "art.1/lid.3"),
    ]
    assert describe_article(result, "1") == [
        "Er wordt een lid ingevoegd (eerste lid), onder vernummering van het eerste en tweede lid "
        "tot tweede en derde lid."
    ]
    assert result.changes[1].label == "artikel 1, tweede lid (oud: eerste lid)"


def test_v1_v2_alignment() -> None:
    """v1 -> v2: word change, inserted lid 4, renumbering, deleted onderdeel c, moved lid 8."""
    result = compare_versions(draft("v1"), draft("v2"))
    assert kinds(result) == [
        ("changed", "art.273f/lid.1", "art.273f/lid.1"),
        ("inserted", None, "art.273f/lid.4"),
        ("changed", "art.273f/lid.4", "art.273f/lid.5"),
        ("changed", "art.273f/lid.5", "art.273f/lid.6"),
        ("changed", "art.273f/lid.5/ond.b", "art.273f/lid.6/ond.b"),
        ("deleted", "art.273f/lid.5/ond.c", None),
        ("renumbered", "art.273f/lid.6", "art.273f/lid.7"),
        ("renumbered", "art.273f/lid.7", "art.273f/lid.8"),
        ("moved", "art.273f/lid.8", "art.273fa/lid.2"),
        ("renumbered", "art.273fa/lid.2", "art.273fa/lid.3"),
    ]
    first = result.changes[0]
    assert first.ops is not None
    assert [op for op in first.ops if op[0] != "equal"] == [
        ("delete", "vijfde"),
        ("insert", "zesde"),
    ]


def test_moved_provision_with_edits() -> None:
    """The lid moved from 273f to 273fa is one move with its word edits, described both ways."""
    result = compare_versions(draft("v1"), draft("v2"))
    moved = [c for c in result.changes if c.kind == "moved"]
    assert len(moved) == 1
    change = moved[0]
    assert (change.article, change.old_article) == ("273fa", "273f")
    assert change.label == "artikel 273fa, tweede lid (oud: artikel 273f, achtste lid)"
    assert [op for op in change.ops or () if op[0] != "equal"] == [
        ("insert", "in dit artikel en in artikel 273f ")
    ]
    assert "Het oude achtste lid is verplaatst naar artikel 273fa, tweede lid, en gewijzigd." in (
        describe_article(result, "273f")
    )
    assert describe_article(result, "273fa") == [
        "Het tweede lid is verplaatst uit het oude achtste lid van artikel 273f en is gewijzigd.",
        "Het tweede lid wordt het derde lid.",
    ]


def test_describe_article_v1_v2() -> None:
    """The MvT sentences for art. 273f name every change in Ar citation style: a lid whose parts
    changed is one paragraph headed by the lid, a series of renumbered leden is one sentence, and
    the lid whose number is now another's is "het oude achtste lid"."""
    assert describe_article(compare_versions(draft("v1"), draft("v2")), "273f") == [
        "Het eerste lid is gewijzigd.",
        "Er wordt een lid ingevoegd (vierde lid).",
        "Het vierde lid wordt het vijfde lid en is gewijzigd.",
        "Zesde lid (oud: vijfde lid): Het vijfde lid wordt het zesde lid en is gewijzigd. "
        "Onderdeel b is gewijzigd. Onderdeel c is vervallen.",
        "Het zesde en zevende lid worden vernummerd tot zevende en achtste lid.",
        "Het oude achtste lid is verplaatst naar artikel 273fa, tweede lid, en gewijzigd.",
    ]


def test_describe_groups_siblings_in_citation_order() -> None:
    """Onderdelen named after their lid (Ar order); siblings inserted or deleted together."""
    sentences = describe_article(compare_versions(draft("geldend"), draft("v1")), "273f")
    assert sentences == [
        "Eerste lid: Het eerste lid is gewijzigd. Onderdeel 2° wordt onderdeel a en is gewijzigd. "
        "Er worden twee onderdelen toegevoegd (onderdelen b en c). De onderdelen 3° tot en met 9° "
        "zijn vervallen.",
        "Het eerste lid, onder 1°, is verplaatst naar het tweede lid en gewijzigd.",
        "Er wordt een lid ingevoegd (derde lid).",
        "Het tweede tot en met zevende lid worden vernummerd tot vierde tot en met negende lid.",
        "Vijfde lid (oud: derde lid): Onderdeel 1° wordt onderdeel a. Onderdeel 2° wordt "
        "onderdeel b en is gewijzigd. Onderdeel 3° wordt onderdeel c.",
    ]


def test_series_of_numbers() -> None:
    """Three or more that follow each other run "tot en met"; others are listed."""
    from wetgeving.compare.phrases import many

    assert many("ond", ["b", "c", "d"]) == "onderdelen b tot en met d"
    assert many("ond", ["b", "c", "e"]) == "onderdelen b, c en e"
    assert many("lid", ["3", "4"]) == "derde en vierde lid"
    assert many("lid", ["3", "4", "5"]) == "derde tot en met vijfde lid"
    assert many("lid", ["2a", "2b"]) == "leden 2a en 2b"


def test_stale_reference_warning() -> None:
    """The untouched 'Artikel 273f, achtste lid' in 273fa is flagged: that lid moved."""
    result = compare_versions(draft("v1"), draft("v2"))
    assert result.warnings == (
        "verwijzing naar artikel 273f, achtste lid, in artikel 273fa, derde lid, wijst nu naar "
        "een ander lid; bedoeld was artikel 273f, achtste lid, dat nu artikel 273fa, tweede lid, "
        "is",
    )


def test_stale_relative_reference_after_renumbering() -> None:
    """'het tweede lid' left unchanged after a lid is inserted before it is flagged."""
    old = text_version(
        "a",
        "## Artikel 1\n\n1. Alfa bepaling tekst.\n2. Beta bepaling tekst.\n"
        "3. Zie het tweede lid.\n",
    )
    new = text_version(
        "b",
        "## Artikel 1\n\n1. Alfa bepaling tekst.\n2. Nieuw ingevoegd lid hier.\n"
        "3. Beta bepaling tekst.\n4. Zie het tweede lid.\n",
    )
    assert compare_versions(old, new).warnings == (
        "verwijzing naar het tweede lid in artikel 1, vierde lid, wijst nu naar een ander lid; "
        "bedoeld was artikel 1, tweede lid, dat nu artikel 1, derde lid, is",
    )


def test_deleted_lid_and_article() -> None:
    """A deleted lid and a deleted article are reported once each, with the old labels."""
    old = text_version(
        "a",
        "## Artikel 1\n\n1. Alfa bepaling tekst.\n2. Beta bepaling tekst.\n\n"
        "## Artikel 2\n\nTwee.\n",
    )
    new = text_version("b", "## Artikel 1\n\nAlfa bepaling tekst.\n")
    result = compare_versions(old, new)
    assert describe_article(result, "2") == ["Artikel 2 is vervallen."]
    assert any(
        c.kind == "deleted" and c.old_label == "artikel 1, tweede lid" for c in result.changes
    )


def test_article_filter_and_unknown_article() -> None:
    """--article keeps moves into and out of the article; an unknown article is refused."""
    result = compare_versions(draft("v1"), draft("v2"), article="273fa")
    assert {c.article for c in result.changes} == {"273fa"}
    with pytest.raises(ProvisionRefError, match="artikel 12 bestaat niet"):
        compare_versions(draft("v1"), draft("v2"), article="12")


def test_word_diff_never_splits_words() -> None:
    """A changed word is deleted and inserted whole; a replaced phrase is one delete, one insert."""
    ops = word_diff("de vijfde categorie", "de zesde categorie")
    assert ops == (
        ("equal", "de "),
        ("delete", "vijfde"),
        ("insert", "zesde"),
        ("equal", " categorie"),
    )
    ops = word_diff(
        "worden gepleegd door twee of meer verenigde personen;",
        "worden gepleegd door een georganiseerde criminele groep;",
    )
    assert ops == (
        ("equal", "worden gepleegd door "),
        ("delete", "twee of meer verenigde personen"),
        ("insert", "een georganiseerde criminele groep"),
        ("equal", ";"),
    )


def test_whitespace_is_aligned_with_the_words_around_it() -> None:
    """Words are aligned, not spaces; a space that became a new alinea is its own small edit."""
    assert word_diff("eerste zin. Tweede zin.", "eerste zin.\nTweede zin.") == (
        ("equal", "eerste zin."),
        ("delete", " "),
        ("insert", "\n"),
        ("equal", "Tweede zin."),
    )
    # A rewritten clause: the spaces of the old and the new clause are not paired up.
    ops = word_diff("a b c d e f", "a x y z f")
    assert ops == (("equal", "a "), ("delete", "b c d e"), ("insert", "x y z"), ("equal", " f"))


def test_html_escapes_everything() -> None:
    """Text that looks like HTML is escaped in the page."""
    old = text_version("a<b>", "## Artikel 1\n\nTekst met <script>alert(1)</script> erin.\n")
    new = text_version("c&d", "## Artikel 1\n\nTekst met <b>vet</b> erin.\n")
    page = render_html(compare_versions(old, new))
    assert "<script>" not in page and "<b>" not in page
    assert "script&gt;alert(1)&lt;/script" in page
    assert "a&lt;b&gt;" in page and "c&amp;d" in page


def test_text_colour_only_when_asked() -> None:
    """Plain text marks edits with [-..-] and {+..+}; colour uses ANSI codes instead."""
    result = compare_versions(draft("v1"), draft("v2"))
    plain = render_text(result, colour=False)
    assert "[-vijfde-]{+zesde+}" in plain and "\x1b[" not in plain
    coloured = render_text(result, colour=True)
    assert "\x1b[9;31mvijfde\x1b[0m" in coloured and "[-" not in coloured


_WORDS = st.sampled_from(
    ["de", "het", "lid", "artikel", "273f", "vijfde", "categorie", ",", ".", ";", "1°", "  ", "\n"]
)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_ops_are_lossless_for_random_edits(data: st.DataObject) -> None:
    """For random word edits of real statute text, the ops rebuild the old and the new text."""
    source = draft("geldend").regelingen[0]
    texts = [n.text for n in source.walk() if n.text]
    old = data.draw(st.sampled_from(texts))
    toks = tokens(old)
    for _ in range(data.draw(st.integers(0, 6))):
        pos = data.draw(st.integers(0, len(toks)))
        action = data.draw(st.sampled_from(["insert", "delete", "replace"]))
        word = data.draw(_WORDS)
        if action == "insert" or not toks:
            toks.insert(pos, word)
        elif action == "delete":
            del toks[min(pos, len(toks) - 1)]
        else:
            toks[min(pos, len(toks) - 1)] = word
    new = "".join(toks)
    ops = word_diff(old, new)
    assert "".join(t for op, t in ops if op != "insert") == old
    assert "".join(t for op, t in ops if op != "delete") == new
    for i in range(1, len(ops)):
        assert ops[i - 1][0] != ops[i][0], "adjacent ops of one kind are merged"
    # Never half a word: every edit starts and ends on a token boundary of its own text.
    old_bounds = _bounds(old)
    new_bounds = _bounds(new)
    pos_old = pos_new = 0
    for op, text in ops:
        if op != "insert":
            pos_old += len(text)
            assert pos_old in old_bounds
        if op != "delete":
            pos_new += len(text)
            assert pos_new in new_bounds


def _bounds(text: str) -> set[int]:
    out = {0}
    pos = 0
    for tok in tokens(text):
        pos += len(tok)
        out.add(pos)
    return out


def test_whole_wetboek_van_strafrecht(fixtures: Path) -> None:
    """The whole Sr 2009 -> 2013 (BWB import) compares losslessly with few moves, no crash."""
    from wetgeving.text.bwb import import_bwb

    old = import_bwb(fixtures / "bwb" / "BWBR0001854-2009-07-01.xml").regeling
    new = import_bwb(fixtures / "bwb" / "BWBR0001854-2013-11-16.xml").regeling
    result = compare_versions(V("sr2009", None, (old,)), V("sr2013", None, (new,)))
    old_text = {n.id: n.text for n in old.walk()}
    new_text = {n.id: n.text for n in new.walk()}
    for change in result.changes:
        if change.ops is not None:
            assert change.old_text == (old_text[change.old_id] if change.old_id else "")
            assert change.new_text == (new_text[change.new_id] if change.new_id else "")
    counted = {
        k: sum(c.kind == k for c in result.changes if c.part_of is None)
        for k in ("changed", "inserted", "deleted", "renumbered", "moved")
    }
    assert counted["changed"] > 100 and counted["moved"] < 10
    assert any("artikel 77o, vijfde lid" in w for w in result.warnings)
    assert any(c.old_id == "art.273f/lid.1" and c.kind == "changed" for c in result.changes)


def _with_text(node: Node, node_id: str, text: str) -> Node:
    if node.id == node_id:
        return replace(node, text=text)
    return replace(node, children=tuple(_with_text(c, node_id, text) for c in node.children))


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_json_is_lossless_for_random_edits_of_a_version(data: st.DataObject) -> None:
    """Random word edits in several provisions of v1: the JSON ops rebuild both own texts."""
    base = draft("v1").regelingen[0]
    nodes = [n for n in base.walk() if n.text]
    tree = base
    for _ in range(data.draw(st.integers(1, 4))):
        node = data.draw(st.sampled_from(nodes))
        toks = tokens(node.text)
        for _ in range(data.draw(st.integers(1, 5))):
            pos = data.draw(st.integers(0, len(toks) - 1))
            toks[pos] = data.draw(_WORDS)
        children = tuple(_with_text(c, node.id, "".join(toks)) for c in tree.children)
        tree = replace(tree, children=children)
    result = compare_versions(V("a", None, (base,)), V("b", None, (tree,)))
    old_text = {n.id: n.text for n in base.walk()}
    new_text = {n.id: n.text for n in tree.walk()}
    for change in json.loads(render_json(result))["changes"]:
        if change["ops"] is None:
            continue
        old = "".join(t for op, t in change["ops"] if op != "insert")
        new = "".join(t for op, t in change["ops"] if op != "delete")
        assert old == (old_text[change["old_id"]] if change["old_id"] else "")
        assert new == (new_text[change["new_id"]] if change["new_id"] else "")


def test_short_boilerplate_is_not_a_move() -> None:
    """A deleted and an inserted short formula that share most words are not taken for a move."""
    old = text_version(
        "a",
        "## Artikel 1\n\n1. Alfa bepaling tekst.\n"
        "2. Artikel 251 is van overeenkomstige toepassing.\n",
    )
    new = text_version(
        "b",
        "## Artikel 1\n\n1. Alfa bepaling tekst.\n\n## Artikel 2\n\n"
        "Artikel 273f, achtste lid, is van overeenkomstige toepassing.\n",
    )
    assert kinds(compare_versions(old, new)) == [
        ("deleted", "art.1/lid.2", None),
        ("inserted", None, "art.2"),
    ]


def test_renumbered_article() -> None:
    """An article that only got another number is renumbered, not deleted plus inserted."""
    body = (
        "1. Alfa bepaling met genoeg woorden om herkend te worden.\n2. Beta bepaling tekst hier.\n"
    )
    result = compare_versions(
        text_version("a", f"## Artikel 273a\n\n{body}"),
        text_version("b", f"## Artikel 273f\n\n{body}"),
    )
    assert kinds(result) == [("renumbered", "art.273a", "art.273f")]
    assert describe_article(result, "273f") == ["Artikel 273a wordt artikel 273f."]
