"""Follow the provisions a response discusses into a later version, using the diff engine."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:
    from wetgeving.dossier import Dossier

FateKind = Literal[
    "ongewijzigd", "gewijzigd", "vernummerd", "verplaatst", "vervallen", "onbekend", "algemeen"
]


class ChangeLike(Protocol):
    """The part of `wetgeving.compare.Change` used here."""

    @property
    def kind(self) -> str: ...
    @property
    def old_id(self) -> str | None: ...
    @property
    def new_id(self) -> str | None: ...
    @property
    def new_label(self) -> str | None: ...
    @property
    def ops(self) -> tuple[tuple[str, str], ...] | None: ...


@dataclass(frozen=True, slots=True)
class Fate:
    """What became of a provision in the later version.

    Attributes:
        kind: ongewijzigd, gewijzigd, vernummerd, verplaatst, vervallen, onbekend or algemeen.
        new_id: Node id in the later version ("" when vervallen or unknown).
        new_label: Citation in the later version ("" when vervallen or unknown).
        text_changed: For vernummerd/verplaatst: whether the wording changed too.
    """

    kind: FateKind
    new_id: str = ""
    new_label: str = ""
    text_changed: bool = False

    @property
    def description(self) -> str:
        """Dutch description ("vernummerd tot artikel 273f, vierde lid")."""
        extra = " en gewijzigd" if self.text_changed else ""
        if self.kind == "vernummerd":
            return f"vernummerd tot {self.new_label}{extra}"
        if self.kind == "verplaatst":
            return f"verplaatst naar {self.new_label}{extra}"
        if self.kind == "onbekend":
            return "niet terug te vinden"
        if self.kind == "algemeen":
            return "algemeen punt"
        return self.kind


def _changed_text(change: ChangeLike) -> bool:
    return any(op != "equal" for op, _ in (change.ops or ()))


def _ancestors(node_id: str) -> list[str]:
    parts = node_id.split("/")
    return ["/".join(parts[:i]) for i in range(len(parts) - 1, 0, -1)]


class Follower:
    """Answers "what became of node X" for one comparison."""

    def __init__(self, changes: Iterable[ChangeLike], new_labels: Mapping[str, str]) -> None:
        self.by_old: dict[str, ChangeLike] = {}
        self.touched: set[str] = set()
        self.new_labels = new_labels
        for change in changes:
            if change.old_id:
                self.by_old.setdefault(change.old_id, change)
                self._touch(change.old_id)
            if change.new_id and not change.old_id:
                self._touch(change.new_id)

    def _touch(self, node_id: str) -> None:
        self.touched.update(_ancestors(node_id))

    def _label(self, node_id: str, fallback: str) -> str:
        if node_id in self.new_labels:
            return self.new_labels[node_id]
        from wetgeving.text.references import label_for_id

        return label_for_id(node_id) or fallback

    def fate(self, node_id: str) -> Fate:
        """Return the fate of the provision with `node_id` in the old version."""
        if not node_id:
            return Fate("algemeen")
        inside = node_id in self.touched  # a descendant changed
        change = self.by_old.get(node_id)
        if change is not None:
            if change.kind == "deleted" or not change.new_id:
                return Fate("vervallen")
            label = self._label(change.new_id, change.new_label or change.new_id)
            edited = change.kind == "changed" or _changed_text(change) or inside
            if change.new_id == node_id:
                return Fate("gewijzigd" if edited else "ongewijzigd", node_id, label)
            kind: FateKind = "verplaatst" if change.kind == "moved" else "vernummerd"
            return Fate(kind, change.new_id, label, edited)
        for ancestor in _ancestors(node_id):
            change = self.by_old.get(ancestor)
            if change is None:
                continue
            if change.kind == "deleted" or not change.new_id:
                return Fate("vervallen")
            if change.new_id != ancestor:
                new_id = change.new_id + node_id[len(ancestor) :]
                label = self._label(new_id, new_id)
                kind = "verplaatst" if change.kind == "moved" else "vernummerd"
                return Fate(kind, new_id, label, inside)
        if inside:
            return Fate("gewijzigd", node_id, self._label(node_id, node_id))
        if node_id in self.new_labels:
            return Fate("ongewijzigd", node_id, self.new_labels[node_id])
        return Fate("onbekend")


def followers(dossier: Dossier, versions: Iterable[str], against: str) -> dict[str, Follower]:
    """Build a Follower per consulted version, comparing it with `against`.

    Raises:
        VersionError: unknown version.
    """
    from wetgeving.compare import compare_versions
    from wetgeving.versiontext import load_versions

    consulted = sorted(set(versions))
    # One git read for all of them.
    new, *olds = load_versions(dossier, [against, *consulted])
    labels = {n.id: n.label for r in new.regelingen for n in r.walk()}
    return {
        version: Follower(compare_versions(old, new).changes, labels)
        for version, old in zip(consulted, olds, strict=True)
    }
