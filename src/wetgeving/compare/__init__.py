"""Compare two versions per artikel, lid and onderdeel, word by word (see docs/diff.md)."""

from __future__ import annotations

from wetgeving.compare.describe import describe_article
from wetgeving.compare.engine import compare_versions
from wetgeving.compare.model import Change, Comparison, VersionLike, VersionRef

__all__ = [
    "Change",
    "Comparison",
    "VersionLike",
    "VersionRef",
    "compare_versions",
    "describe_article",
]
