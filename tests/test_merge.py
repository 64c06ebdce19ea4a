"""The article-aware three-way merge of drafts (`text.merge`), as pure text-model code."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from wetgeving.text.check import check_text
from wetgeving.text.merge import merge, unresolved
from wetgeving.text.parse import parse_lenient

HEAD = "---\ntitel: Proef\n---\n\n"

# An article is (number, [(lid number, text, [onderdeel texts])]).
Draft = list[tuple[str, list[tuple[str, str, list[str]]]]]
Edit = tuple[str, int, int, str]


def render(draft: Draft) -> str:
    out = [HEAD.rstrip("\n")]
    for number, leden in draft:
        out += ["", f"## Artikel {number}", ""]
        for lid, text, onderdelen in leden:
            out.append(f"{lid}. {text}" + (":" if onderdelen else ""))
            out += [f"   - {chr(97 + i)}. {o};" for i, o in enumerate(onderdelen)]
    return "\n".join(out) + "\n"


BASE: Draft = [
    ("1", [("1", "Eerste lid van artikel 1", []), ("2", "Tweede lid van artikel 1", [])]),
    (
        "2",
        [
            ("1", "Eerste lid van artikel 2", ["werft", "vervoert", "huisvest"]),
            ("2", "Tweede lid van artikel 2", []),
        ],
    ),
]


def test_different_leden_of_one_article_merge_cleanly() -> None:
    """Two sides changing different leden of the same article both end up in the result."""
    base = render(BASE)
    ours = base.replace("Eerste lid van artikel 2", "Eerste lid (gewijzigd) van artikel 2")
    theirs = base.replace("Tweede lid van artikel 2", "Tweede lid (ook gewijzigd) van artikel 2")
    done = merge(base, ours, theirs, "tekst van A. Jurist", "tekst van B. Jurist")
    assert done is not None and done.conflicts == ()
    assert done.text == base.replace(
        "Eerste lid van artikel 2", "Eerste lid (gewijzigd) van artikel 2"
    ).replace("Tweede lid van artikel 2", "Tweede lid (ook gewijzigd) van artikel 2")


def test_same_lid_changed_twice_is_one_labelled_conflict() -> None:
    """The same lid changed two ways gives a conflict for that lid only, labelled in Dutch."""
    base = render(BASE)
    ours = base.replace("werft", "werft of ronselt").replace("artikel 1", "artikel een")
    theirs = base.replace("werft", "werft, ronselt")
    done = merge(base, ours, theirs, "tekst van A. Jurist", "tekst van B. Jurist")
    assert done is not None
    assert done.conflicts == ("art.2/lid.1/ond.a",)
    assert (
        "<<<<<<< tekst van A. Jurist\n   - a. werft of ronselt;\n=======\n"
        "   - a. werft, ronselt;\n>>>>>>> tekst van B. Jurist\n"
    ) in done.text
    assert "Eerste lid van artikel een" in done.text
    problems = check_text(done.text, "drafts/x.md")
    assert [p.message for p in problems] == [
        "onopgelost samenvoegconflict (tekst van A. Jurist / tekst van B. Jurist): kies de "
        "tekst en verwijder de regels <<<<<<<, ======= en >>>>>>>"
    ]


def test_change_against_deletion_is_a_conflict() -> None:
    """A lid one side deleted and the other changed is a conflict, never silently dropped."""
    base = render(BASE)
    ours = base.replace("2. Tweede lid van artikel 1\n", "")
    theirs = base.replace("Tweede lid van artikel 1", "Tweede lid, herzien, van artikel 1")
    done = merge(base, ours, theirs, "tekst van A. Jurist", "tekst van B. Jurist")
    assert done is not None and done.conflicts == ("art.1/lid.2",)
    assert "herzien" in done.text


def test_unparsable_side_falls_back() -> None:
    """A text that does not parse (or has conflict markers) is left to git's line merge."""
    base = render(BASE)
    assert merge(base, base + "<<<<<<< x\n", base, "a", "b") is None
    assert unresolved("a\n<<<<<<< tekst van A\nx\n=======\ny\n>>>>>>> tekst van B\n")[0][0] == 2


# --- random edit scripts from two sides --------------------------------------------------------


def _apply(draft: Draft, edits: list[tuple[str, int, int, str]]) -> Draft:
    """Apply edits: ("change"|"delete", article index, lid index, token) or ("add", ...)."""
    out = [(num, [list(lid) for lid in leden]) for num, leden in draft]
    deleted: set[tuple[int, int]] = set()
    inserted: dict[tuple[int, int], list[str]] = {}
    for kind, a, lid, token in edits:
        if kind == "insert_lid":  # before lid `lid`; the article's leden are renumbered
            inserted.setdefault((a, lid), []).append(token)
            continue
        if kind == "change":
            out[a][1][lid][1] = f"{out[a][1][lid][1]} {token}"
        elif kind == "delete":
            deleted.add((a, lid))
        elif kind == "add_lid":
            out[a][1].append([str(20 + lid + (10 if token[-1] == "b" else 0)), token, []])
        else:  # a new article at the end
            out.append((f"9{token}", [["1", token, []]]))
    result: Draft = []
    for a, (num, leden) in enumerate(out):
        kept: list[tuple[str, str, list[str]]] = []
        for i, x in enumerate(leden):
            kept.extend(("0", token, []) for token in inserted.get((a, i), []))
            if (a, i) not in deleted:
                kept.append((x[0], x[1], x[2]))
        if any(k[0] == a for k in inserted):
            kept = [(str(n), text, onderdelen) for n, (_, text, onderdelen) in enumerate(kept, 1)]
        result.append((num, kept))
    return result


@st.composite
def scripts(
    draw: st.DrawFn,
) -> tuple[Draft, list[tuple[str, int, int, str]], list[tuple[str, int, int, str]]]:
    n_art = draw(st.integers(1, 4))
    draft: Draft = []
    for a in range(n_art):
        leden = []
        for lid in range(draw(st.integers(1, 4))):
            onderdelen = [f"ond {a}.{lid}.{o}" for o in range(draw(st.integers(0, 2)))]
            leden.append((str(lid + 1), f"Lid {a}.{lid}", onderdelen))
        draft.append((str(a + 1), leden))
    sides = []
    for side in "AB":
        edits = []
        for n in range(draw(st.integers(0, 4))):
            kind = draw(
                st.sampled_from(["change", "delete", "add_lid", "add_article", "insert_lid"])
            )
            a = draw(st.integers(0, n_art - 1))
            lid = draw(st.integers(0, len(draft[a][1]) - 1))
            token = f"zz{side}{n}x{side.lower()}"
            edits.append((kind, a, lid if kind != "add_lid" else n, token))
        sides.append(edits)
    return draft, sides[0], sides[1]


def _split_conflicts(text: str) -> tuple[list[str], list[str]]:
    """The lines outside the conflict blocks and those inside them (markers left out)."""
    inside, outside, within = False, [], []
    for line in text.split("\n"):
        if line.startswith("<<<<<<<"):
            inside = True
        elif line.startswith(">>>>>>>"):
            inside = False
        else:
            (within if inside else outside).append(line)
    return outside, within


def _outside_conflicts(text: str) -> list[str]:
    return _split_conflicts(text)[0]


def _conflict_text(text: str) -> str:
    return "\n".join(_split_conflicts(text)[1])


@settings(max_examples=200, deadline=None)
@given(scripts())
def test_every_edit_is_in_the_result_or_in_a_conflict(
    case: tuple[Draft, list[tuple[str, int, int, str]], list[tuple[str, int, int, str]]],
) -> None:
    """Random edit scripts of two sides: each edit is in the merge or in a conflict, none lost;
    edits of different provisions never conflict, and a clean result parses."""
    draft, edits_a, edits_b = case
    base, ours, theirs = (
        render(draft),
        render(_apply(draft, edits_a)),
        render(_apply(draft, edits_b)),
    )
    done = merge(base, ours, theirs, "tekst van A. Jurist", "tekst van B. Jurist")
    assert done is not None
    in_conflict = _conflict_text(done.text)
    for kind, a, lid, token in edits_a + edits_b:
        side = edits_a if token[-1] == "a" else edits_b
        if kind == "change" and any(k == "delete" and (x, y) == (a, lid) for k, x, y, _ in side):
            continue  # the same side deleted what it changed
        if kind == "delete":  # the lid's text is gone, under any number, or in a conflict
            gone = draft[a][1][lid][1]
            assert gone in in_conflict or all(
                re.sub(r"^\d+\. ", "", line).split(" zz")[0].rstrip(":") != gone
                for line in _outside_conflicts(done.text)
            ), (gone, done.text)
        else:
            assert token in done.text
    renumbered = any(k == "insert_lid" for k, *_ in edits_a + edits_b)
    targets_a = {(a, lid) for k, a, lid, _ in edits_a if k in ("change", "delete")}
    targets_b = {(a, lid) for k, a, lid, _ in edits_b if k in ("change", "delete")}
    if not targets_a & targets_b and not renumbered:
        added_a = {(a, lid) for k, a, lid, _ in edits_a if k == "add_lid"}
        added_b = {(a, lid) for k, a, lid, _ in edits_b if k == "add_lid"}
        if not added_a & added_b:
            assert done.conflicts == ()
    if not done.conflicts:
        assert parse_lenient(done.text)[1] == []


def test_moved_article_keeps_the_move_and_the_other_edit() -> None:
    """One side moves an article, the other edits a lid in it: both survive; two different
    moves are left to git's line merge (None)."""
    base = render(BASE)
    moved = render([BASE[1], BASE[0]])
    edited = base.replace("Tweede lid van artikel 1", "Tweede lid, herzien, van artikel 1")
    done = merge(base, edited, moved, "a", "b")
    assert done is not None and done.conflicts == ()
    assert done.text == moved.replace(
        "Tweede lid van artikel 1", "Tweede lid, herzien, van artikel 1"
    )
    other = render([BASE[1], (BASE[0][0], [BASE[0][1][1], BASE[0][1][0]])])
    assert merge(base, moved, other, "a", "b") is None


def test_inserted_lid_renumbers_and_the_other_change_follows() -> None:
    """One side inserts a lid (the later leden are renumbered), the other changes a later lid:
    the change lands on the renumbered lid, without a conflict."""
    base = render(BASE)
    ours = base.replace(
        "2. Tweede lid van artikel 2\n", "2. Nieuw lid.\n3. Tweede lid van artikel 2\n"
    )
    theirs = base.replace("Tweede lid van artikel 2", "Tweede lid, herzien, van artikel 2")
    done = merge(base, ours, theirs, "a", "b")
    assert done is not None and done.conflicts == ()
    assert done.text.endswith("2. Nieuw lid.\n3. Tweede lid, herzien, van artikel 2\n")


def test_whole_code_merges_per_provision() -> None:
    """Two sides of the whole Wetboek van Strafrecht (2009 -> 2013 on one side, a few words on
    the other): a clean merge holding both, with each side's change where it was made."""
    from pathlib import Path

    from wetgeving.text.bwb import import_bwb

    bwb = Path(__file__).parent / "fixtures" / "bwb"
    base = import_bwb(bwb / "BWBR0001854-2009-07-01.xml").markdown
    ours = import_bwb(bwb / "BWBR0001854-2013-11-16.xml").markdown
    old = "gevangenisstraf van ten hoogste twee jaren"
    theirs = base.replace(old, "gevangenisstraf van ten hoogste drie jaren", 3)
    done = merge(base, ours, theirs, "a", "b")
    assert done is not None and done.conflicts == ()
    assert parse_lenient(done.text)[1] == []
    assert done.text.count("ten hoogste drie jaren") >= ours.count("ten hoogste drie jaren") + 1
