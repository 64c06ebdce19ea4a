"""Describe the changes to one article in Dutch, for the artikelsgewijze toelichting of the MvT."""

from __future__ import annotations

from wetgeving.compare.model import Change, Comparison
from wetgeving.text.labels import lid_label, onderdeel_label
from wetgeving.text.references import label_for_id


def _seg(seg: str) -> tuple[str, str]:
    kind, _, number = seg.partition(".")
    return kind, number.split("~")[0]


def relative(node_id: str, article: str) -> str:
    """Name a provision as seen from inside `article`: "onderdeel c van het vijfde lid".

    A provision in another article gets its full citation ("artikel 273fa, tweede lid").
    """
    segs = node_id.split("/")
    if segs[0] != f"art.{article}":
        return label_for_id(node_id)
    parts: list[str] = []
    for seg in reversed(segs[1:]):
        kind, number = _seg(seg)
        if kind == "lid":
            parts.append(f"het {lid_label(number)}" if number.isdigit() else lid_label(number))
        elif kind == "ond":
            parts.append(onderdeel_label(number))
        elif kind == "slot":
            parts.append("de slotzin")
    return " van ".join(parts) if parts else "het artikel"


def _short(node_id: str) -> str:
    """The last part of a provision's name: "het vierde lid", "onderdeel c"."""
    kind, number = _seg(node_id.split("/")[-1])
    if kind == "lid":
        return f"het {lid_label(number)}" if number.isdigit() else lid_label(number)
    if kind == "ond":
        return onderdeel_label(number)
    if kind == "art":
        return f"artikel {number}"
    return "de slotzin"


def _comma(label: str) -> str:
    """Ar style closes a citation with parts by a comma before the sentence goes on."""
    return "," if "," in label else ""


def _parent(node_id: str) -> str:
    return node_id.rsplit("/", 1)[0] if "/" in node_id else node_id


def _sentence(change: Change, article: str, edited: bool) -> str | None:
    old, new = change.old_id, change.new_id
    if change.kind == "inserted" and new is not None:
        kind, number = _seg(new.split("/")[-1])
        if kind == "art":
            return f"artikel {number} wordt ingevoegd"
        if kind == "lid":
            where = (
                "" if _parent(new) == f"art.{article}" else f" in {relative(_parent(new), article)}"
            )
            return f"er wordt{where} een lid ingevoegd ({lid_label(number)})"
        if kind == "ond":
            parent = _parent(new)
            where = f" in {relative(parent, article)}" if parent != f"art.{article}" else ""
            return f"er wordt{where} een onderdeel ingevoegd ({onderdeel_label(number)})"
        return f"er wordt {relative(new, article)} ingevoegd"
    if change.kind == "deleted" and old is not None:
        if "/" not in old:
            return f"{label_for_id(old)} is vervallen"
        return f"{relative(old, article)} is vervallen"
    if old is None or new is None:
        return None
    tail = " en is gewijzigd" if edited else ""
    same_number = old.split("/")[-1] == new.split("/")[-1]
    if change.kind == "renumbered":
        if "/" not in old:
            return f"{label_for_id(old)} wordt {label_for_id(new)}"
        return f"{relative(old, article)} wordt {relative(new, article)}"
    if change.kind == "changed":
        if old == new or "/" not in new or same_number:
            return f"{relative(new, article)} is gewijzigd"
        return f"{relative(old, article)} wordt {relative(new, article)}{tail}"
    # moved
    if change.old_article == article and change.article != article:
        to = label_for_id(new)
        done = f"{_comma(to)} en gewijzigd" if edited else ""
        return f"{relative(old, article)} is verplaatst naar {to}{done}"
    if change.article == article and change.old_article != article:
        source = label_for_id(old)
        tail = f"{_comma(source)}{tail}" if tail else ""
        return f"{relative(new, article)} is verplaatst uit {source}{tail}"
    return f"{relative(old, article)} is verplaatst en wordt {relative(new, article)}{tail}"


def describe_article(comparison: Comparison, article: str) -> list[str]:
    """Return Dutch sentences describing what happened to `article`, in document order.

    Example: ["het eerste lid is gewijzigd", "er wordt een lid ingevoegd (vierde lid)",
    "het vierde lid wordt het vijfde lid en is gewijzigd", "onderdeel c van het vijfde lid is
    vervallen", "het achtste lid is verplaatst naar artikel 273fa, tweede lid en gewijzigd"].
    """
    article = article.removeprefix("artikel ").strip()
    edited_parts: set[str] = {
        c.part_of for c in comparison.changes if c.part_of is not None and c.kind != "renumbered"
    }
    out: list[str] = []
    for change in comparison.changes:
        if change.part_of is not None or article not in (change.article, change.old_article):
            continue
        edited = change.text_changed or (change.new_id or "") in edited_parts
        if change.kind == "changed":
            edited = True
        sentence = _sentence(change, article, edited)
        if sentence is not None and sentence not in out:
            out.append(sentence)
    return out
