"""Random edit scripts on real articles: the change list describes the script (issue 10).

Articles of the Wetboek van Strafrecht (2013, BWB import) are edited by a random script: leden
inserted, deleted, word-edited or moved to another article (which renumbers the leden after
them), an article without leden given leden, the leden of another merged back into one text.
The expected change list is derived from the script alone. All texts come from a pool of real
provisions that share few words with each other, so that nothing is alike by accident; a script
that puts a lapsed and a new lid between the same two unchanged leden is skipped, because there the
rule "a lid rewritten in its place" applies (see docs/diff.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from test_compare import text_version
from wetgeving.compare import compare_versions
from wetgeving.compare.words import similarity, word_set
from wetgeving.text.bwb import import_bwb

XML = Path(__file__).parent / "fixtures" / "bwb" / "BWBR0001854-2013-11-16.xml"
_PLAIN = re.compile(r"^[^*_`#<>\[\]|\n\\]+$")


@dataclass(frozen=True)
class Pool:
    """Real texts that share few words with each other, and the articles made of them."""

    texts: tuple[str, ...]
    divided: tuple[tuple[str, tuple[str, ...]], ...]  # (number, leden) with 3 to 6 leden
    plain: tuple[tuple[str, str], ...]  # (number, text) of articles without leden
    pairs: tuple[tuple[str, tuple[str, ...]], ...]  # (number, leden) with two leden


@lru_cache(maxsize=1)
def pool() -> Pool:
    regeling = import_bwb(XML).regeling
    texts: list[str] = []
    words: list[frozenset[str]] = []
    for node in regeling.walk():
        text = node.text
        if node.children or not _PLAIN.match(text or "") or text[0].isdigit():
            continue
        w = word_set(text)
        if len(w) >= 12 and all(similarity(w, other) < 0.28 for other in words):
            texts.append(text)
            words.append(w)
    chosen = set(texts)
    divided, plain, pairs = [], [], []
    for article in regeling.articles():
        leden = tuple(c.text for c in article.children)
        clean = all(
            c.kind == "lid" and not c.children and c.text in chosen for c in article.children
        )
        if clean and 3 <= len(leden) <= 6:
            divided.append((article.number, leden))
        elif clean and len(leden) == 2:
            pairs.append((article.number, leden))
        elif not article.children and article.text in chosen:
            plain.append((article.number, article.text))
    return Pool(tuple(texts), tuple(divided), tuple(plain), tuple(pairs))


@dataclass
class Lid:
    """A lid of the new version: where it came from (old number, or None for a new one)."""

    text: str
    origin: int | None
    edited: bool = False


@dataclass
class Script:
    """The articles before and after, and the changes the script made."""

    number: str
    old: list[str]
    new: list[Lid]
    target: str
    target_old: list[str]
    target_new: list[Lid] = field(default_factory=list)
    moved: dict[int, int] = field(default_factory=dict)  # old lid -> lid of the target


def _edit(text: str, where: int) -> str:
    """One word replaced by a word the text does not have."""
    words = text.split(" ")
    spot = 1 + where % (len(words) - 2)
    words[spot] = "onverminderd"
    return " ".join(words)


@st.composite
def scripts(draw: st.DrawFn) -> Script:
    p = pool()
    number, leden = draw(st.sampled_from(p.divided))
    target, target_leden = draw(st.sampled_from([a for a in p.divided if a[0] != number]))
    spare = [t for t in p.texts if t not in leden and t not in target_leden]
    script = Script(
        number,
        list(leden),
        [Lid(t, i) for i, t in enumerate(leden, 1)],
        target,
        list(target_leden),
        [Lid(t, i) for i, t in enumerate(target_leden, 1)],
    )
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(["insert", "delete", "edit", "move"]))
        if action == "insert":
            at = draw(st.integers(0, len(script.new)))
            text = spare.pop(draw(st.integers(0, len(spare) - 1)))
            script.new.insert(at, Lid(text, None))
            continue
        kept = [k for k, lid in enumerate(script.new) if lid.origin is not None]
        if len(kept) < 2:
            continue
        k = draw(st.sampled_from(kept))
        lid = script.new[k]
        if action == "delete":
            del script.new[k]
        elif action == "edit" and not lid.edited:
            lid.text = _edit(lid.text, draw(st.integers(0, 50)))
            lid.edited = True
        elif action == "move" and not lid.edited:
            del script.new[k]
            assert lid.origin is not None
            script.target_new.append(Lid(lid.text, None))
            script.moved[lid.origin] = len(script.target_new)
    return script


def _markdown(number: str, leden: list[str]) -> str:
    return f"## Artikel {number}\n\n" + "".join(f"{n}. {t}\n" for n, t in enumerate(leden, 1))


def _gaps_are_clean(script: Script) -> bool:
    """No lapsed (or moved) lid and new lid between the same two unchanged leden."""
    kept = {lid.origin for lid in script.new if lid.origin is not None and not lid.edited}
    old_gap = new_gap = 0
    lapsed: set[int] = set()
    new: set[int] = set()
    survivors = {lid.origin for lid in script.new if lid.origin is not None}
    for i in range(1, len(script.old) + 1):
        if i in kept:
            old_gap += 1
        elif i not in survivors:
            lapsed.add(old_gap)
    for lid in script.new:
        if lid.origin in kept:
            new_gap += 1
        elif lid.origin is None:
            new.add(new_gap)
    return not lapsed & new


def expected(script: Script) -> list[tuple[str, str | None, str | None, bool]]:
    """The change list the script must give: (kind, old id, new id, appended)."""
    art, target = f"art.{script.number}", f"art.{script.target}"
    out: set[tuple[str, str | None, str | None, bool]] = set()
    survivors = {lid.origin for lid in script.new if lid.origin is not None}
    for j, lid in enumerate(script.new, 1):
        if lid.origin is None:
            later = script.new[j:]
            at_end = all(other.origin is None for other in later)
            out.add(("inserted", None, f"{art}/lid.{j}", at_end))
        elif lid.edited:
            out.add(("changed", f"{art}/lid.{lid.origin}", f"{art}/lid.{j}", False))
        elif lid.origin != j:
            out.add(("renumbered", f"{art}/lid.{lid.origin}", f"{art}/lid.{j}", False))
    for i in range(1, len(script.old) + 1):
        if i in script.moved:
            out.add(("moved", f"{art}/lid.{i}", f"{target}/lid.{script.moved[i]}", False))
        elif i not in survivors:
            out.add(("deleted", f"{art}/lid.{i}", None, False))
    return sorted(out, key=str)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scripts())
def test_change_list_describes_the_edit_script(script: Script) -> None:
    """Insertions (toegevoegd at the end), deletions, word edits, renumberings and moves to
    another article, in any order on a real article: the change list says exactly that."""
    assume(_gaps_are_clean(script))
    first, second = sorted([script.number, script.target], key=lambda n: (len(n), n))
    versions = []
    for side in ("old", "new"):
        bodies = {
            script.number: script.old if side == "old" else [lid.text for lid in script.new],
            script.target: script.target_old
            if side == "old"
            else [lid.text for lid in script.target_new],
        }
        versions.append(
            text_version(side, "\n".join(_markdown(n, bodies[n]) for n in (first, second)))
        )
    result = compare_versions(*versions)
    got = sorted(
        {(c.kind, c.old_id, c.new_id, c.appended) for c in result.changes if c.part_of is None},
        key=str,
    )
    # Leden added to the target article by a move are at its end: no other change there.
    assert got == expected(script)


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_giving_and_merging_leden_is_described_as_such(data: st.DataObject) -> None:
    """An article without leden given leden keeps its text as the eerste lid (edited or not), the
    other leden added; an article whose leden are merged back keeps the eerste lid as its text."""
    p = pool()
    number, text = data.draw(st.sampled_from(p.plain))
    extra = data.draw(
        st.lists(
            st.sampled_from([t for t in p.texts if t != text]), min_size=1, max_size=3, unique=True
        )
    )
    edited = data.draw(st.booleans())
    first = _edit(text, data.draw(st.integers(0, 50))) if edited else text
    gets = compare_versions(
        text_version("a", f"## Artikel {number}\n\n{text}\n"),
        text_version("b", _markdown(number, [first, *extra])),
    )
    art = f"art.{number}"
    assert [(c.kind, c.old_id, c.new_id, c.structure, c.appended) for c in gets.changes] == [
        ("changed" if edited else "renumbered", art, f"{art}/lid.1", "gets_leden", False),
        *[("inserted", None, f"{art}/lid.{n}", None, True) for n in range(2, len(extra) + 2)],
    ]
    number, leden = data.draw(st.sampled_from(p.pairs))
    merged = compare_versions(
        text_version("a", _markdown(number, list(leden))),
        text_version("b", f"## Artikel {number}\n\n{leden[0]}\n"),
    )
    art = f"art.{number}"
    assert [(c.kind, c.old_id, c.new_id, c.structure) for c in merged.changes] == [
        ("renumbered", f"{art}/lid.1", art, "loses_leden"),
        ("deleted", f"{art}/lid.2", None, None),
    ]
