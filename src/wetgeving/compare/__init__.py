"""Compare two versions per artikel, lid and onderdeel, word by word (see docs/diff.md).

The names below load their modules on first use: `compare_revisions` starts reading git before
the comparison's own modules are imported (see `compare.revisions`).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wetgeving.compare.describe import SentenceGroup, describe_article, describe_groups
    from wetgeving.compare.engine import compare_versions
    from wetgeving.compare.model import Change, Comparison, VersionLike, VersionRef
    from wetgeving.compare.revisions import compare_revisions

_WHERE = {
    "Change": "model",
    "Comparison": "model",
    "VersionLike": "model",
    "VersionRef": "model",
    "compare_revisions": "revisions",
    "compare_versions": "engine",
    "describe_article": "describe",
    "describe_groups": "describe",
    "SentenceGroup": "describe",
}

__all__ = [
    "Change",
    "Comparison",
    "SentenceGroup",
    "VersionLike",
    "VersionRef",
    "compare_revisions",
    "compare_versions",
    "describe_article",
    "describe_groups",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"wetgeving.compare.{_WHERE[name]}"), name)
