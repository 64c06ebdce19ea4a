"""`wetgeving version rename`: give a version that was not shared yet another name.

The way out when `sync` finds one version name recorded in two clones. Only a version that no
remote has seen may be renamed: its commit and the commits after it (which must form a line,
no merges) are copied with the same trees, authors and dates, the trailer renamed; the working
tree and index are not touched.
"""

from __future__ import annotations

import re
from pathlib import Path

from wetgeving import gitrepo, history
from wetgeving.dossier import Dossier
from wetgeving.errors import VersionError
from wetgeving.gitrepo import remote as gitremote


def rename_version(dossier: Dossier, old: str, new: str) -> history.VersionInfo:
    """Rename version `old` to `new`.

    Raises:
        VersionError: unknown old or existing new name, invalid name, or the version was shared.
        GitError: git refused.
    """
    history.check_name(old)
    history.check_name(new)
    cwd = Path(dossier.root)
    with gitrepo.writing(Path(dossier.root)):
        versions = history.list_versions(dossier)
        found = next((v for v in versions if v.name == old), None)
        if found is None:
            raise VersionError(f"versie '{old}' bestaat niet")
        if any(v.name == new for v in versions):
            raise VersionError(f"versie '{new}' bestaat al; kies een andere naam")
        shared = gitremote.remote_refs_containing(cwd, found.commit)
        if shared:
            raise VersionError(
                f"versie '{old}' is al gedeeld ({shared[0]}); een gedeelde versie wordt niet "
                "hernoemd. Leg de tekst eventueel opnieuw vast onder een andere naam"
            )
        branch = gitremote.current_branch(cwd)
        head = gitremote.head_commit(cwd)
        assert head is not None
        if gitremote.commit_list(cwd, f"{found.commit}..{head}", "--merges"):
            raise VersionError(
                f"na versie '{old}' volgt een samenvoeging (merge); hernoem met git zelf"
            )
        after = gitremote.commit_list(cwd, f"{found.commit}..{head}", "--reverse")
        chain = [found.commit, *after]
        parent = gitremote.parent_of(cwd, found.commit)
        pattern = re.compile(rf"^{history.TRAILER}: {re.escape(old)}$", re.MULTILINE)
        renamed: dict[str, str] = {}
        for commit in chain:
            message = gitremote.commit_message(cwd, commit)
            if commit == found.commit:
                message = pattern.sub(f"{history.TRAILER}: {new}", message)
            parent = gitremote.rewrite_message(cwd, commit, parent, message)
            renamed[commit] = parent
        assert parent is not None
        gitremote.move_branch(cwd, branch, parent, head)
        gitremote.delete_tag(cwd, history.TAG_PREFIX + old)
        for name, commit in gitremote.commit_versions(cwd, f"{renamed[found.commit]}^!"):
            gitremote.set_tag(cwd, history.TAG_PREFIX + name, commit)
        for v in versions:
            if v.commit in renamed and v.name != old:
                gitremote.set_tag(cwd, history.TAG_PREFIX + v.name, renamed[v.commit])
    return next(v for v in history.list_versions(dossier) if v.name == new)
