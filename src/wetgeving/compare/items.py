"""The changes as the listings show them (text, markdown, html, --stat): per article, each with
a heading ("vernummerd en gewijzigd: artikel 4, onder 9° (oud: onder 10°)"), a series of
renumbered siblings as one item ("vernummerd: artikel 273f, eerste lid, onder vernummering van
4° tot en met 9° tot 3° tot en met 8°"), a move also in the article it left."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from wetgeving.compare.model import Change, Comparison, Op, both_labels
from wetgeving.compare.phrases import old_citation, runs, series_phrase
from wetgeving.text.labels import body_heading, body_label, in_sentence

if TYPE_CHECKING:
    from wetgeving.compare.describe import SentenceGroup

KIND_WORDS = {
    "changed": "gewijzigd",
    "inserted": "ingevoegd",
    "appended": "toegevoegd",
    "deleted": "vervallen",
    "renumbered": "vernummerd",
    "moved": "verplaatst",
}
# What the counts distinguish: an insertion at the end is "toegevoegd" (Ar), elsewhere "ingevoegd".
KINDS = ("changed", "inserted", "appended", "deleted", "renumbered", "moved")


@dataclass(frozen=True)
class Item:
    """One line of a listing: a change, the stub of a move out of this article (`away`), or a
    series of renumbered siblings (`series`, of which `change` is the first)."""

    change: Change
    away: bool = False
    series: tuple[Change, ...] = ()
    where: str = ""  # for a deletion in a renumbered provision: where it stood, in new numbers

    @property
    def changes(self) -> tuple[Change, ...]:
        """The changes this item stands for."""
        return self.series or (self.change,)

    @property
    def heading(self) -> str:
        """The line that names it ("vernummerd en gewijzigd: artikel 273f, vijfde lid ...")."""
        return item_heading(self)

    @property
    def kind(self) -> str:
        """What it shows: the kind of its change, or "moved-away" for the stub of a move."""
        return "moved-away" if self.away else self.change.kind

    @property
    def marks(self) -> tuple[Op, ...]:
        """Its text as marked pieces, the same in every renvooi (HTML, Word): "equal",
        "insert", "delete", "moved" (text that moved, at its new place) and "moved-away" (text
        that moved, where it left). Empty for a provision whose text did not change."""
        change = self.change
        if self.away:
            text = change.old_text if change.ops else ""
            return (("moved-away", text),) if text else ()
        if change.kind == "moved":
            return tuple(("moved", t) if op == "equal" else (op, t) for op, t in change.ops or ())
        return change.ops or ()

    @property
    def title_marks(self) -> tuple[Op, ...]:
        """The heading title of an article or bijlage, marked, when it changed; else empty."""
        return () if self.away else self.change.title_ops or ()


def grouped(comparison: Comparison) -> list[tuple[str, list[Item]]]:
    """Changes per article (or bijlage) in document order; a move also shows in the article it
    left, at that article's place."""
    groups: dict[str, list[Change]] = {}
    for change in comparison.changes:
        groups.setdefault(change.article, []).append(change)
    renamed = _renamed(comparison.changes)
    items: dict[str, list[Item]] = {}
    for article, changes in groups.items():
        items[article] = [
            Item(run[0], series=tuple(run)) if len(run) > 1 else _single(run[0], renamed)
            for run in runs(changes)
        ]
    for change in comparison.changes:
        old = change.old_article
        if change.kind == "moved" and old is not None and old != change.article:
            items.setdefault(old, []).append(Item(change, away=True))
    if comparison.article is not None:
        items = {k: v for k, v in items.items() if k == comparison.article}
    if comparison.bodies:
        place = {key: i for i, key in enumerate(comparison.bodies)}
        return sorted(items.items(), key=lambda kv: place.get(kv[0], len(place)))
    return list(items.items())


@dataclass(frozen=True)
class Section:
    """One article (or bijlage) of a renvooi: what changed in words, and each item marked.

    Attributes:
        article: Its body key ("273f", "" for the enig artikel, "bijlage I").
        anchor: Its id in an HTML page ("artikel-273f", "enig-artikel", "bijlage-I").
        heading: "Artikel 273f", "Enig artikel", "Bijlage I".
        summary: The counts in words: "4 gewijzigd, 1 ingevoegd".
        paragraphs: The sentences of `describe_groups` (empty when not asked for).
        items: The listing's items, series collapsed, a move also in the article it left.
    """

    article: str
    anchor: str
    heading: str
    summary: str
    paragraphs: tuple[SentenceGroup, ...]
    items: tuple[Item, ...]


def anchor(article: str) -> str:
    """The HTML id of an article or bijlage: "artikel-273f", "enig-artikel", "bijlage-I"."""
    return "".join(ch if ch.isalnum() else "-" for ch in body_label(article))


def sections(comparison: Comparison, describe: bool = True) -> list[Section]:
    """The renvooi of a comparison per article (or bijlage), in document order."""
    from wetgeving.compare.describe import describe_groups

    return [
        Section(
            article,
            anchor(article),
            body_heading(article),
            summary(item_counts(items)),
            tuple(describe_groups(comparison, article)) if describe else (),
            tuple(items),
        )
        for article, items in grouped(comparison)
    ]


def _renamed(changes: tuple[Change, ...]) -> dict[str, tuple[str, str]]:
    """Old id -> (old citation, new citation) of every provision that got another citation."""
    out: dict[str, tuple[str, str]] = {}
    for c in changes:
        if c.old_id and c.new_id and c.old_label and c.new_label and c.old_label != c.new_label:
            out[c.old_id] = (c.old_label, c.new_label)
    return out


def _single(change: Change, renamed: dict[str, tuple[str, str]]) -> Item:
    """An item; a deletion inside a provision that got another number says where it stood."""
    if change.kind != "deleted" or not change.old_id or not change.old_label:
        return Item(change)
    node = change.old_id
    while "/" in node:
        node = node.rsplit("/", 1)[0]
        if node in renamed:
            old, new = renamed[node]
            if change.old_label.startswith(old):
                where = new + change.old_label[len(old) :]
                return Item(change, where=both_labels(change.old_label, where))
    return Item(change)


def category(change: Change) -> str:
    """The kind a change is counted as: its kind, or "appended" for an insertion at the end."""
    return "appended" if change.kind == "inserted" and change.appended else change.kind


def counts(changes: list[Change]) -> dict[str, int]:
    """Changes that stand alone (not part of a larger insertion, deletion or move) per kind."""
    out = dict.fromkeys(KINDS, 0)
    for change in changes:
        if change.part_of is None:
            out[category(change)] += 1
    return out


def item_counts(items: list[Item]) -> dict[str, int]:
    """Counts for one article: a move out of the article counts as a move there too."""
    return counts([c for item in items for c in item.changes])


def summary(count: dict[str, int]) -> str:
    """ "2 gewijzigd, 1 ingevoegd" (kinds with zero left out)."""
    return ", ".join(f"{n} {KIND_WORDS[k]}" for k, n in count.items() if n) or "geen wijzigingen"


def _comma(label: str | None) -> str:
    return "," if label and "," in label else ""


def kind_word(change: Change) -> str:
    """ "gewijzigd", "vernummerd en gewijzigd", "toegevoegd", "in leden verdeeld", ..."""
    edited = " en gewijzigd" if change.kind == "changed" else ""
    if change.structure == "gets_leden":
        return f"in leden verdeeld{edited}"
    if change.structure == "loses_leden":
        return f"niet meer in leden verdeeld{edited}"
    if change.kind == "changed" and change.renumbered:
        return "vernummerd en gewijzigd"
    return KIND_WORDS[category(change)]


def item_heading(item: Item) -> str:
    """ "gewijzigd: artikel 273f, vijfde lid (oud: vierde lid)", the stub of a move away, or the
    line of a series."""
    change = item.change
    if item.series:
        where = ", ".join((change.new_label or "").split(", ")[:-1])
        return f"vernummerd: {where}, {series_phrase(list(item.series))}"
    old = change.old_label or ""
    if item.away:
        shown = f"{old_citation(old)}" if change.old_label_reused else f"{old}{_comma(old)}"
        return f"verplaatst: {shown} naar {in_sentence(change.new_label or '')}"
    label = item.where or change.label
    if change.kind == "deleted" and change.old_label_reused and not item.where:
        label = old_citation(old)
    elif change.kind == "inserted" and change.new_label_reused:
        label = f"{label} (nieuw)"
    return f"{kind_word(change)}: {label}"
