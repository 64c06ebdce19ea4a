"""`compare_versions`: alignment -> changes with word-level ops -> reference warnings."""

from __future__ import annotations

from dataclasses import replace

from wetgeving.compare.align import Aligner, Alignment, merge_order
from wetgeving.compare.model import Change, ChangeKind, Comparison, VersionLike, VersionRef
from wetgeving.compare.siblings import same_number
from wetgeving.compare.stale import stale_references
from wetgeving.compare.words import word_diff
from wetgeving.errors import ProvisionRefError
from wetgeving.text.labels import (
    body_key,
    body_key_of,
    body_label,
    body_of,
    id_segment,
    is_bijlage,
)
from wetgeving.text.model import Node


def compare_versions(
    old: VersionLike,
    new: VersionLike,
    article: str | None = None,
    shared: frozenset[str] = frozenset(),
) -> Comparison:
    """Compare two versions per artikel, lid and onderdeel, word by word.

    Args:
        old: The old version (any object with name, commit and regelingen).
        new: The new version.
        article: Limit the result to this article ("273f", "enig artikel") or bijlage
            ("bijlage I"); changes that move provisions into or out of it are kept.
        shared: Ids of articles ("art.251") that both versions hold unchanged and that their
            trees leave out (see `versiontext.compared_texts`).

    Raises:
        ProvisionRefError: when `article` exists in neither version.
    """
    if article is not None:
        article = _article_number(article, old, new, shared)
    alignment = Aligner().run(old.regelingen, new.regelingen)
    alignment.same_articles.update(shared)
    changes = _Emitter(alignment).run()
    stale = stale_references(old.regelingen, new.regelingen, alignment)
    if article is not None:
        changes = [c for c in changes if article in (c.article, c.old_article)]
        stale = [(source, w) for source, w in stale if body_of(source) == article]
    warnings = [w for _, w in stale]
    return Comparison(
        old=VersionRef(old.name, old.commit),
        new=VersionRef(new.name, new.commit),
        changes=tuple(changes),
        warnings=tuple(warnings),
        article=article,
        bodies=tuple(alignment.order),
    )


def _article_number(
    article: str, old: VersionLike, new: VersionLike, shared: frozenset[str]
) -> str:
    """The body key of an article ("273f", "enig artikel") or bijlage ("bijlage I") as given."""
    from wetgeving.text.refs import parse_ref

    key = body_key_of(article)
    if not is_bijlage(key):
        ref = parse_ref(article)
        if ref.lid is not None or ref.onderdelen:
            raise ProvisionRefError(
                f"'{article}' is geen artikel; geef alleen een artikel, zoals 273f"
            )
        key = ref.article
    if id_segment("art", key) in shared:
        return key
    for version in (old, new):
        for reg in version.regelingen:
            if any(body_key(b.kind, b.number) == key for b in reg.bodies()):
                return key
    raise ProvisionRefError(
        f"{body_label(key)} bestaat niet in versie {old.name} en niet in versie {new.name}"
    )


class _Emitter:
    """Turns the slots of an alignment into changes, in the new version's document order."""

    def __init__(self, al: Alignment) -> None:
        self.al = al
        self.out: list[Change] = []
        self._labels: dict[tuple[bool, str], frozenset[str]] = {}

    def run(self) -> list[Change]:
        al = self.al
        for slot in al.slots:
            if slot.kind == "pair" or slot.kind == "frame":
                assert slot.old is not None and slot.new is not None
                if slot.kind == "frame" and (slot.old.number, slot.old.title) == (
                    slot.new.number,
                    slot.new.title,
                ):
                    continue  # the text is reported with the lid it became (or came from)

                kind: ChangeKind | None = "renumbered" if slot.kind == "frame" else None
                self.pair(
                    slot.old,
                    slot.new,
                    slot.old_article,
                    slot.new_article or "",
                    None,
                    kind,
                    slot.structure,
                )
            elif slot.kind == "ins":
                assert slot.new is not None
                moved_from = al.moves.get(id(slot.new))
                if moved_from is None:
                    self.subtree(slot.new, "inserted", slot.new_article or "", slot.appended)
                else:
                    self.moved(moved_from, slot.new, slot.new_article or "")
            else:
                assert slot.old is not None
                if id(slot.old) not in al.moved_away:
                    self.subtree(slot.old, "deleted", slot.old_article or "")
        return self.out

    def labels(self, new: bool, article: str | None) -> frozenset[str]:
        """The citations of every provision of an article in one version."""
        key = (new, article or "")
        found = self._labels.get(key)
        if found is None:
            articles = self.al.new_articles if new else self.al.old_articles
            node = articles.get(article or "")
            found = frozenset(n.label for n in node.walk()) if node is not None else frozenset()
            self._labels[key] = found
        return found

    def add(self, change: Change) -> None:
        """Append a change, marking citations that name another provision in the other version.

        The article whose text became a lid (or the reverse) is still the same article.
        """
        if change.structure is not None:
            self.out.append(change)
            return
        old_reused = (
            change.old_label is not None
            and change.old_label != change.new_label
            and change.old_label in self.labels(True, change.old_article)
        )
        new_reused = (
            change.new_label is not None
            and change.new_label != change.old_label
            and change.new_label in self.labels(False, change.article)
        )
        if old_reused or new_reused:
            change = replace(change, old_label_reused=old_reused, new_label_reused=new_reused)
        self.out.append(change)

    def pair(
        self,
        o: Node,
        n: Node,
        oa: str | None,
        na: str,
        part_of: str | None,
        kind: ChangeKind | None = None,
        structure: str | None = None,
    ) -> None:
        # A moved provision keeps its text in the ops even when unchanged, so it can be shown.
        text = kind != "renumbered" and (o.text != n.text or kind == "moved")
        ops = word_diff(o.text, n.text) if text else None
        renumbered = not same_number(o.number, n.number) or structure is not None
        # The heading of an article or bijlage is part of it: a new title is a change.
        retitled = o.title != n.title and o.kind == n.kind and o.kind in ("artikel", "bijlage")
        title_ops = word_diff(o.title, n.title) if retitled else None
        if kind is None or (kind == "renumbered" and title_ops is not None and not structure):
            if ops is not None or title_ops is not None:
                kind = "changed"
            elif renumbered:
                kind = "renumbered"
            else:
                return
        self.add(
            Change(
                kind,
                o.id,
                n.id,
                o.label,
                n.label,
                ops,
                na,
                oa,
                part_of,
                renumbered=renumbered,
                structure=structure,  # type: ignore[arg-type]
                title_ops=title_ops,
            )
        )

    def subtree(self, root: Node, kind: ChangeKind, article: str, appended: bool = False) -> None:
        al = self.al
        stack = [root]
        while stack:
            node = stack.pop()
            # A provision of a new (or lapsed) article may have moved there from elsewhere.
            if node is not root and kind == "inserted" and id(node) in al.moves:
                self.moved(al.moves[id(node)], node, article)
                continue
            if node is not root and kind == "deleted" and id(node) in al.moved_away:
                continue
            stack.extend(reversed(node.children))
            part_of = None if node is root else root.id
            if kind == "inserted":
                ops = (("insert", node.text),) if node.text else ()
                self.add(
                    Change(
                        kind,
                        None,
                        node.id,
                        None,
                        node.label,
                        ops,
                        article,
                        None,
                        part_of,
                        appended=appended and node is root,
                    )
                )
            else:
                ops = (("delete", node.text),) if node.text else ()
                self.add(
                    Change(kind, node.id, None, node.label, None, ops, article, article, part_of)
                )

    def moved(self, o: Node, n: Node, na: str) -> None:
        oa = body_of(o.id)
        self.pair(o, n, oa, na, None, kind="moved")
        self.moved_children(o, n, oa, na, n.id)

    def moved_children(self, o: Node, n: Node, oa: str, na: str, root: str) -> None:
        olds, news = o.children, n.children
        pairs = self.al.keys.children_of(o, n)
        for i, j in merge_order(len(olds), pairs, len(news)):
            if i is not None and j is not None:
                self.pair(olds[i], news[j], oa, na, root)
                self.moved_children(olds[i], news[j], oa, na, root)
            elif j is not None:
                for node in news[j].walk():
                    ops = (("insert", node.text),) if node.text else ()
                    self.add(
                        Change("inserted", None, node.id, None, node.label, ops, na, None, root)
                    )
            elif i is not None:
                for node in olds[i].walk():
                    ops = (("delete", node.text),) if node.text else ()
                    self.add(Change("deleted", node.id, None, node.label, None, ops, na, oa, root))
