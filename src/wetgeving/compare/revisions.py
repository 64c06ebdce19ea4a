"""`compare_revisions`: read two versions of a dossier from git and compare them.

git is read in a second thread while this one imports the comparison (the alignment, the word
diff, the reference finder, the parser): the git processes mostly wait for the disk and the pipe,
the imports mostly compute, so the two overlap instead of adding up.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from wetgeving import history

if TYPE_CHECKING:
    from wetgeving.compare.model import Comparison
    from wetgeving.dossier import Dossier


class _Reading(threading.Thread):
    """The snapshots of some revisions, read in the background."""

    def __init__(self, dossier: Dossier, revs: list[str]) -> None:
        super().__init__(name="wetgeving-git", daemon=True)
        self.dossier = dossier
        self.revs = revs
        self.snapshots: list[history.Snapshot] = []
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.snapshots = history.snapshots(self.dossier, self.revs)
        except BaseException as exc:  # handed to the caller, raised there
            self.error = exc

    def result(self) -> list[history.Snapshot]:
        self.join()
        if self.error is not None:
            raise self.error
        # Handed over, not kept: the drafts' bytes need not outlive their parsing.
        snapshots, self.snapshots = self.snapshots, []
        return snapshots


def compare_revisions(
    dossier: Dossier, old: str, new: str, article: str | None = None
) -> Comparison:
    """Read two versions (names, git revisions or "werk") of a dossier and compare them.

    Raises:
        VersionError: unknown or invalid version or revision.
        ParseError: a draft does not parse (the message names version, file and line).
        GitError: git missing or refusing.
        ProvisionRefError: when `article` exists in neither version.
    """
    reading = _Reading(dossier, [old, new])
    reading.start()
    from wetgeving.compare.engine import compare_versions
    from wetgeving.versiontext import compared_texts

    old_snap, new_snap = reading.result()
    old_text, new_text, shared = compared_texts(dossier, old_snap, new_snap)
    return compare_versions(old_text, new_text, article, shared)
