"""Internal references that the new text did not update after a renumbering, move or deletion."""

from __future__ import annotations

from wetgeving.compare.align import Alignment
from wetgeving.text.labels import in_sentence
from wetgeving.text.model import Node, Regeling
from wetgeving.text.references import (
    InternalRef,
    Mentions,
    ReferenceFinder,
    label_for_id,
    names_article,
    not_yet_in_force,
)

_OTHER = {"lid": "een ander lid", "ond": "een ander onderdeel", "art": "een ander artikel"}


def _other(node_id: str) -> str:
    return _OTHER.get(node_id.split("/")[-1].split(".")[0], "een andere bepaling")


def _groups(refs: list[InternalRef]) -> dict[tuple[str, int], list[InternalRef]]:
    """Refs keyed by (phrase, how many times that phrase occurred before in the same text)."""
    out: dict[tuple[str, int], list[InternalRef]] = {}
    starts: dict[str, list[int]] = {}
    for ref in refs:
        seen = starts.setdefault(ref.phrase, [])
        if ref.start not in seen:
            seen.append(ref.start)
        out.setdefault((ref.phrase, len(seen) - 1), []).append(ref)
    return out


def _phrase(text: str) -> str:
    if text[:1].isdigit():
        return f"artikel {text}"  # a later article of a list ("de artikelen 77k, 77o, vierde lid")
    return text[0].lower() + text[1:] if text.startswith(("Artikel", "Het", "De")) else text


def stale_references(
    old: tuple[Regeling, ...], new: tuple[Regeling, ...], al: Alignment
) -> list[tuple[str, str]]:
    """Return (new source id, Dutch warning) per reference whose target moved but phrase stayed."""
    changed = {k for k, v in al.id_map.items() if v != k}
    if not changed:
        return []
    # Only a text in an affected article (or bijlage), or one that names an affected article,
    # can hold a stale reference; everything else is skipped without scanning.
    affected = {k.split("/", 1)[0] for k in changed}
    names = Mentions({k[4:].split("~", 1)[0] for k in affected if k.startswith("art.")})
    back: dict[str, str] = {v: k for k, v in al.id_map.items() if v is not None}
    old_finders = [ReferenceFinder(r) for r in old]
    out: list[tuple[str, str]] = []
    for reg in new:
        finder = ReferenceFinder(reg)
        for node in reg.walk():
            if not node.text:
                continue
            old_id = back.get(node.id, node.id)
            if old_id.split("/", 1)[0] not in affected and not names_article(node.text, names):
                continue
            refs = finder.refs(node)
            if refs:
                out.extend((node.id, w) for w in _check(node, refs, back, old_finders, al))
    return out


def _check(
    node: Node,
    refs: list[InternalRef],
    back: dict[str, str],
    old_finders: list[ReferenceFinder],
    al: Alignment,
) -> list[str]:
    old_id = back.get(node.id)
    if old_id is None:
        old_id = node.id if node.id.split("/")[0] in al.same_articles else None
    if old_id is None:
        return []
    old_node = next((n for f in old_finders if (n := f.node(old_id)) is not None), None)
    if old_node is None:
        return []
    old_article = next((n for f in old_finders if (n := f.node(old_id.split("/")[0]))), None)
    if old_article is not None and not_yet_in_force(old_article):
        # Its references named the law as it would read later, not the old version.
        return []
    finder = next(f for f in old_finders if f.node(old_id) is old_node)
    old_groups = _groups(finder.refs(old_node))
    out: list[str] = []
    said: set[tuple[str, str]] = set()
    for key, group in _groups(refs).items():
        for new_ref, old_ref in _pairs(group, old_groups.get(key, [])):
            target = old_ref.target
            if target is None:
                continue
            now = al.new_id_of(target)
            if now == new_ref.target:
                continue
            if now == target and not new_ref.relative:
                # The provision named did not change and the phrase names it by its article:
                # the phrase still means it; nothing went stale.
                continue
            warning = _warning(node, new_ref, target, now)
            if (new_ref.phrase, warning) not in said:
                said.add((new_ref.phrase, warning))
                out.append(warning)
    return out


def _pairs(
    news: list[InternalRef], olds: list[InternalRef]
) -> list[tuple[InternalRef, InternalRef]]:
    """Pair the references of one phrase in the new text with those in the old text.

    The same provision named (same `wanted`) pairs first; the rest pairs in order only when
    both sides name as many provisions, so a list that changed never pairs unrelated citations.
    """
    left = list(olds)
    pairs: list[tuple[InternalRef, InternalRef]] = []
    rest: list[InternalRef] = []
    for new_ref in news:
        same = next((o for o in left if o.wanted == new_ref.wanted), None)
        if same is None:
            rest.append(new_ref)
            continue
        left.remove(same)
        pairs.append((new_ref, same))
    if len(rest) == len(left):
        pairs.extend(zip(rest, left, strict=True))
    return pairs


def _warning(node: Node, new_ref: InternalRef, target: str, now: str | None) -> str:
    phrase = _phrase(new_ref.phrase)
    comma = "," if "," in phrase else ""
    where = f"verwijzing naar {phrase}{comma} in {in_sentence(node.label)},"
    was = in_sentence(label_for_id(target))
    if now is None:
        if new_ref.target is None:
            return f"{where} wijst naar een bepaling die niet meer bestaat ({was}, is vervallen)"
        return f"{where} wijst nu naar {_other(target)} ({was}, is vervallen)"
    now_label = in_sentence(label_for_id(now))
    if now_label == was:
        # The provision kept its place; the text holding the phrase moved away from it.
        return f"{where} wijst nu naar {_other(target)}; bedoeld was {was}"
    comma = "," if "," in now_label else ""
    return (
        f"{where} wijst nu naar {_other(target)}; bedoeld was {was}, dat nu {now_label}{comma} is"
    )
