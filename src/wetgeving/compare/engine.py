"""`compare_versions`: alignment -> changes with word-level ops -> reference warnings."""

from __future__ import annotations

from wetgeving.compare.align import Aligner, Alignment, Keys, align_children, merge_order
from wetgeving.compare.model import Change, ChangeKind, Comparison, VersionLike, VersionRef
from wetgeving.compare.stale import stale_references
from wetgeving.compare.words import word_diff
from wetgeving.errors import ProvisionRefError
from wetgeving.text.model import Node


def compare_versions(old: VersionLike, new: VersionLike, article: str | None = None) -> Comparison:
    """Compare two versions per artikel, lid and onderdeel, word by word.

    Args:
        old: The old version (any object with name, commit and regelingen).
        new: The new version.
        article: Limit the result to this article number ("273f"); changes that move
            provisions into or out of it are kept.

    Raises:
        ProvisionRefError: when `article` exists in neither version.
    """
    if article is not None:
        article = _article_number(article, old, new)
    alignment = Aligner().run(old.regelingen, new.regelingen)
    changes = _emit(alignment)
    stale = stale_references(old.regelingen, new.regelingen, alignment)
    if article is not None:
        changes = [c for c in changes if article in (c.article, c.old_article)]
        stale = [(source, w) for source, w in stale if source.split("/")[0] == f"art.{article}"]
    warnings = [w for _, w in stale]
    return Comparison(
        old=VersionRef(old.name, old.commit),
        new=VersionRef(new.name, new.commit),
        changes=tuple(changes),
        warnings=tuple(warnings),
        article=article,
    )


def _article_number(article: str, old: VersionLike, new: VersionLike) -> str:
    from wetgeving.text.refs import parse_ref

    ref = parse_ref(article)
    if ref.lid is not None or ref.onderdelen:
        raise ProvisionRefError(f"'{article}' is geen artikel; geef alleen een artikel, zoals 273f")
    for version in (old, new):
        for reg in version.regelingen:
            if any(a.number == ref.article for a in reg.articles()):
                return ref.article
    raise ProvisionRefError(
        f"artikel {ref.article} bestaat niet in versie {old.name} en niet in versie {new.name}"
    )


def _emit(al: Alignment) -> list[Change]:
    out: list[Change] = []
    keys = Keys()
    for slot in al.slots:
        if slot.kind == "pair":
            assert slot.old is not None and slot.new is not None
            _pair_change(slot.old, slot.new, slot.old_article, slot.new_article or "", out, None)
        elif slot.kind == "ins":
            assert slot.new is not None
            moved_from = al.moves.get(id(slot.new))
            if moved_from is None:
                _subtree(slot.new, "inserted", slot.new_article or "", out, al, keys)
            else:
                _moved(moved_from, slot.new, slot.new_article or "", out, keys)
        else:
            assert slot.old is not None
            if id(slot.old) not in al.moved_away:
                _subtree(slot.old, "deleted", slot.old_article or "", out, al, keys)
    return out


def _pair_change(
    o: Node,
    n: Node,
    oa: str | None,
    na: str,
    out: list[Change],
    part_of: str | None,
    kind: ChangeKind | None = None,
) -> None:
    # A moved provision keeps its text in the ops even when unchanged, so it can be shown.
    ops = word_diff(o.text, n.text) if o.text != n.text or kind == "moved" else None
    if kind is None:
        if ops is not None:
            kind = "changed"
        elif o.number != n.number:
            kind = "renumbered"
        else:
            return
    out.append(Change(kind, o.id, n.id, o.label, n.label, ops, na, oa, part_of))


def _subtree(
    root: Node, kind: ChangeKind, article: str, out: list[Change], al: Alignment, keys: Keys
) -> None:
    stack = [root]
    while stack:
        node = stack.pop()
        # A provision of a new (or lapsed) article may have moved there from elsewhere.
        if node is not root and kind == "inserted" and id(node) in al.moves:
            _moved(al.moves[id(node)], node, article, out, keys)
            continue
        if node is not root and kind == "deleted" and id(node) in al.moved_away:
            continue
        stack.extend(reversed(node.children))
        part_of = None if node is root else root.id
        if kind == "inserted":
            ops = (("insert", node.text),) if node.text else ()
            out.append(Change(kind, None, node.id, None, node.label, ops, article, None, part_of))
        else:
            ops = (("delete", node.text),) if node.text else ()
            out.append(
                Change(kind, node.id, None, node.label, None, ops, article, article, part_of)
            )


def _moved(o: Node, n: Node, na: str, out: list[Change], keys: Keys) -> None:
    oa = o.id.split("/")[0][4:]
    _pair_change(o, n, oa, na, out, None, kind="moved")
    _moved_children(o, n, oa, na, out, keys, n.id)


def _moved_children(
    o: Node, n: Node, oa: str, na: str, out: list[Change], keys: Keys, root: str
) -> None:
    olds, news = o.children, n.children
    for i, j in merge_order(len(olds), align_children(olds, news, keys), len(news)):
        if i is not None and j is not None:
            _pair_change(olds[i], news[j], oa, na, out, root)
            _moved_children(olds[i], news[j], oa, na, out, keys, root)
        elif j is not None:
            for node in news[j].walk():
                ops = (("insert", node.text),) if node.text else ()
                out.append(Change("inserted", None, node.id, None, node.label, ops, na, None, root))
        elif i is not None:
            for node in olds[i].walk():
                ops = (("delete", node.text),) if node.text else ()
                out.append(Change("deleted", node.id, None, node.label, None, ops, na, oa, root))
