"""Describe the changes to one article in Dutch, for the artikelsgewijze toelichting of the MvT.

Changes are described in document order, grouped per lid: a lid whose parts changed gets one
paragraph headed by the lid ("Zesde lid (oud: vijfde lid): ..."), in which its parts are named
from inside the lid. Siblings inserted or deleted together make one sentence; renumbered siblings
that follow each other make one series, joined to the insertion or deletion that caused it
("Er wordt een lid ingevoegd (vierde lid), onder vernummering van het vierde tot en met zevende
lid tot vijfde tot en met achtste lid."). Every sentence starts with a capital and ends with a
period.
"""

from __future__ import annotations

from dataclasses import dataclass

from wetgeving.compare.model import Change, Comparison
from wetgeving.compare.phrases import (
    capital,
    is_series,
    last,
    parent,
    runs,
    seg,
    series_clause,
    series_phrase,
    shift,
)
from wetgeving.compare.sentences import (
    Namer,
    deleted,
    inserted,
    relative,
    sentence,
    where_in,
)
from wetgeving.text.labels import body_key_of, lid_label


@dataclass(frozen=True, slots=True)
class SentenceGroup:
    """The sentences about one lid and its parts (with a heading naming the lid), or a sentence
    that needs no heading (the article itself, a whole lid, a series of leden)."""

    heading: str
    sentences: tuple[str, ...]

    @property
    def text(self) -> str:
        """The group as one paragraph: "Zesde lid (oud: vijfde lid): Het vijfde lid ..."."""
        body = " ".join(self.sentences)
        return f"{self.heading}: {body}" if self.heading else body


# --- units: one sentence each --------------------------------------------------------------------


def _sibling_group(change: Change) -> tuple[str, str, str, bool] | None:
    """What an insertion or deletion has in common with siblings inserted or deleted with it."""
    node = change.new_id if change.kind == "inserted" else change.old_id
    if change.kind not in ("inserted", "deleted") or node is None or "/" not in node:
        return None
    if change.structure is not None:
        return None
    kind, _ = last(node)
    if kind not in ("lid", "ond"):
        return None
    return (change.kind, parent(node), kind, change.appended)


def _units(changes: list[Change]) -> list[list[Change]]:
    """Siblings inserted or deleted together are one unit; so is a series of renumberings."""
    out: list[list[Change]] = []
    previous: tuple[str, str, str, bool] | None = None
    for run in runs(changes):
        group = _sibling_group(run[0]) if len(run) == 1 else None
        if group is not None and group == previous:
            out[-1].extend(run)
        else:
            out.append(run)
        previous = group
    return out


def _causes(unit: list[Change], following: list[Change]) -> bool:
    """Whether the renumbering `following` is the consequence of the insertion or deletion."""
    group = _sibling_group(unit[0])
    first = following[0]
    if group is None or first.kind != "renumbered" or first.structure is not None:
        return False
    if first.part_of is not None or not first.old_id or not first.new_id or "/" not in first.new_id:
        return False
    kind, parent_id, level, _ = group
    same = parent(first.new_id if kind == "inserted" else first.old_id) == parent_id
    try:
        step = shift(following)
    except AssertionError:
        return False
    expected = len(unit) if kind == "inserted" else -len(unit)
    return same and last(first.old_id)[0] == level and step == expected


# --- grouping per lid ----------------------------------------------------------------------------


def _top(node_id: str) -> str | None:
    """The lid a provision belongs to ("art.1/lid.2/ond.a" -> "art.1/lid.2"), None outside one."""
    segs = node_id.split("/")
    if len(segs) >= 2 and segs[1].startswith("lid."):
        return "/".join(segs[:2])
    return None


class _Lids:
    """Which lid of the new version a lid of the old version became, within one article."""

    def __init__(self, changes: list[Change], article: str) -> None:
        self.article = article
        self.to_new: dict[str, str] = {}
        self.gone: set[str] = set()
        self.inserted: set[str] = set()
        self.from_old: dict[str, str] = {}
        for c in changes:
            old, new = c.old_id, c.new_id
            whole_old = bool(old) and _top(old or "") == old and c.old_article == article
            if whole_old and new and _top(new) == new and c.article == article:
                self.to_new[old or ""] = new
                self.from_old[new] = old or ""
                continue
            if whole_old and (c.kind == "deleted" or (c.kind == "moved" and c.article != article)):
                self.gone.add(old or "")
            if new and _top(new) == new and c.kind == "inserted":
                self.inserted.add(new)

    def key(self, change: Change) -> tuple[str, str] | None:
        """The lid a change is grouped under: ("new", id) or ("old", id) for a lapsed lid."""
        away = change.kind == "moved" and change.article != self.article
        if change.kind == "deleted" or away:
            node = change.old_id or ""
            top = _top(node)
            if top is None:
                return None
            if top in self.gone:
                return ("old", top)
            return ("new", self.to_new.get(top, top))
        top = _top(change.new_id or "")
        return None if top is None else ("new", top)

    def heading(self, key: tuple[str, str]) -> str:
        side, top = key
        number = seg(top.split("/")[1])[1]
        name = capital(lid_label(number))
        if side == "old":
            return f"{name} (oud)"
        was = self.from_old.get(top)
        if was is not None and was != top:
            return f"{name} (oud: {lid_label(seg(was.split('/')[1])[1])})"
        if top in self.inserted:
            return f"{name} (nieuw)"
        return name


def describe_groups(comparison: Comparison, article: str) -> list[SentenceGroup]:
    """The Dutch sentences about `article`, per lid, in document order (see the module doc)."""
    article = body_key_of(article)
    edited_parts: set[str] = {
        c.part_of for c in comparison.changes if c.part_of is not None and c.kind != "renumbered"
    }
    mine = [
        c for c in comparison.changes if c.part_of is None and article in (c.article, c.old_article)
    ]
    lids = _Lids(mine, article)
    # An article renumbered "en wordt gewijzigd" when anything inside it changed.
    inside = {
        f"{c.old_id}>{c.new_id}"
        for c in mine
        if c.old_id and c.new_id and "/" not in c.old_id and "/" not in c.new_id
        for d in mine
        if d is not c
        and (
            (d.new_id or "").startswith(c.new_id + "/")
            or (d.old_id or "").startswith(c.old_id + "/")
        )
    }
    units = _units(mine)
    # Per lid: the units about it, in order of first appearance; None: the article itself.
    order: list[tuple[str, str]] = []  # ("", n) for a sentence that stands on its own
    members: dict[tuple[str, str], list[list[Change]]] = {}
    index = 0
    while index < len(units):
        unit = units[index]
        if index + 1 < len(units) and _causes(unit, units[index + 1]):
            unit = unit + units[index + 1]
            index += 1
        index += 1
        key = lids.key(unit[0])
        several = len(unit) > 1 and (is_series(unit) or _sibling_group(unit[0]) is not None)
        if several and last(unit[0].new_id or unit[0].old_id or "")[0] == "lid":
            key = None  # about several leden: a sentence of its own
        if key is None:
            order.append(("", str(len(order))))
            members[order[-1]] = [unit]
            continue
        if key not in members:
            order.append(key)
            members[key] = []
        members[key].append(unit)
    out: list[SentenceGroup] = []
    for key in order:
        lid = key if key[0] else None
        out.extend(_group(lid, members[key], article, lids, edited_parts, inside))
    return out


def _group(
    key: tuple[str, str] | None,
    units: list[list[Change]],
    article: str,
    lids: _Lids,
    edited_parts: set[str],
    inside: set[str],
) -> list[SentenceGroup]:
    """One paragraph headed by its lid when it says something about the lid's parts."""
    top = key[1] if key is not None else None
    about_parts = top is not None and any(
        (_subject(u) or top) != top and _top(_subject(u) or "") is not None for u in units
    )
    was = lids.from_old.get(top) if key is not None and key[0] == "new" and top else None
    renumbered = was is not None and was != top
    # The lid is named once, as the heading, when more than one thing is said about it, or when
    # its parts would otherwise be named by the number that is now another lid's.
    headed = key is not None and about_parts and (len(units) > 1 or renumbered)
    tops = {t for t in (top, was) if t}

    def name(node_id: str) -> str:
        for t in tops:
            if headed and node_id.startswith(t + "/"):
                return relative(node_id, article, within=t)
        return relative(node_id, article)

    sentences: list[str] = []
    for unit in units:
        said = _unit_sentence(unit, article, name, edited_parts, inside, top if headed else None)
        if said is not None:
            said = capital(said) + "."
            if said not in sentences:
                sentences.append(said)
    if headed and key is not None:
        return [SentenceGroup(lids.heading(key), tuple(sentences))]
    return [SentenceGroup("", (s,)) for s in sentences]


def _subject(unit: list[Change]) -> str | None:
    change = unit[0]
    away = change.kind == "moved" and change.article != change.old_article
    return change.old_id if change.kind == "deleted" or away else change.new_id


def _unit_sentence(
    unit: list[Change],
    article: str,
    name: Namer,
    edited_parts: set[str],
    inside: set[str],
    top: str | None,
) -> str | None:
    first = unit[0]
    cause = [c for c in unit if _sibling_group(c) is not None] if not is_series(unit) else []
    rest = unit[len(cause) :]
    if cause and rest:
        head = _unit_sentence(cause, article, name, edited_parts, inside, top)
        return f"{head}, {series_phrase(rest)}" if head else None
    if is_series(unit):
        parent_id = parent(first.new_id or "")
        where = where_in(parent_id, article, name, top)
        return series_clause(unit, where)
    if len(unit) == 1:
        edited = first.kind == "changed" or first.text_changed
        edited = edited or (first.new_id or "") in edited_parts
        edited = edited or f"{first.old_id}>{first.new_id}" in inside
        if first.kind != "inserted" or _sibling_group(first) is None:
            return sentence(first, article, edited, name)
    group = _sibling_group(first)
    assert group is not None
    kind, parent_id, node_kind, appended = group
    ids = [(c.new_id if kind == "inserted" else c.old_id) or "" for c in unit]
    numbers = [last(i)[1] for i in ids]
    where = where_in(parent_id, article, name, top)
    if kind == "inserted":
        return inserted(numbers, node_kind, where, appended)
    reused = any(c.old_label_reused for c in unit)
    return deleted(numbers, node_kind, where, reused)


def describe_article(comparison: Comparison, article: str) -> list[str]:
    """Return Dutch sentences describing what happened to `article`, in document order.

    One string per paragraph of `describe_groups`: a sentence ("Het eerste lid is gewijzigd."),
    or a lid with what happened to its parts ("Zesde lid (oud: vijfde lid): Het vijfde lid wordt
    het zesde lid en is gewijzigd. Onderdeel b is gewijzigd. Onderdeel c is vervallen.").
    """
    return [group.text for group in describe_groups(comparison, article)]
