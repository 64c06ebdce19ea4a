"""Concept versions in git: recording, listing and reading them.

A version is a commit whose message carries the trailer `Wetgeving-Versie: NAME`; the trailer is
the authority, because it travels with the branch (`git clone --no-tags --single-branch`, a push of
the branch alone). A tag `versie/NAME` is added for people who use plain git.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from wetgeving import confine, gitrepo
from wetgeving.errors import GitError, UsageError, VersionError

if TYPE_CHECKING:
    from wetgeving.dossier import Dossier

TRAILER = "Wetgeving-Versie"
TAG_PREFIX = "versie/"
WORKTREE = "werk"

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
# Revisions: commit ids, branch names, HEAD~2, v1^, main@{1} is not needed and not allowed.
_REV = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._/~^-]{0,199}")
_RESERVED = {"werk", "head", "fetch_head", "orig_head", "merge_head"}


@dataclass(frozen=True)
class VersionInfo:
    """A recorded concept version.

    Attributes:
        name: Version name ("v1").
        commit: Full commit id.
        date: Author date, ISO 8601.
        author: Author name.
        message: The message given when it was recorded (without the trailer).
    """

    name: str
    commit: str
    date: str
    author: str
    message: str


@dataclass(frozen=True)
class Snapshot:
    """The draft files of one version, revision or the working tree.

    Attributes:
        name: The version name, or the revision as given, or "werk".
        commit: Full commit id; None for the working tree.
        files: Path relative to the dossier root ("drafts/273f.md") -> bytes, sorted by path.
        blobs: Path -> git blob id (empty for the working tree).
        cache: The folder of the parse cache (None for the working tree).
    """

    name: str
    commit: str | None
    files: dict[str, bytes]
    blobs: dict[str, str]
    cache: Path | None = None


@dataclass(frozen=True)
class VersionDetail:
    """A version with the files it holds (for `wetgeving version show`)."""

    info: VersionInfo
    files: tuple[str, ...]


def check_name(name: str) -> str:
    """Return `name` if it is an acceptable version name.

    Raises:
        VersionError: naming the value and the rule it breaks.
    """
    if (
        not _NAME.fullmatch(name)
        or ".." in name
        or name.endswith((".lock", "."))
        or name.lower() in _RESERVED
    ):
        raise VersionError(
            f"ongeldige versienaam '{name}': gebruik letters, cijfers, '-', '_' en '.', "
            "begin met een letter of cijfer (niet 'werk', geen '..', niet eindigend op '.lock')"
        )
    return name


def _check_rev(rev: str) -> str:
    if not _REV.fullmatch(rev) or ".." in rev or rev.endswith(".lock"):
        raise VersionError(f"ongeldige versie of revisie '{rev}'")
    return rev


# --- reading -----------------------------------------------------------------------------------


def _strip_trailer(message: str) -> str:
    lines = message.rstrip("\n").split("\n")
    while lines and (lines[-1].startswith(TRAILER + ":") or not lines[-1].strip()):
        lines.pop()
    return "\n".join(lines).strip()


def _versions(repo: gitrepo.Repository) -> list[VersionInfo]:
    """The versions recorded in the history of HEAD, oldest first."""
    return _claims(repo)[0]


def _claims(repo: gitrepo.Repository) -> tuple[list[VersionInfo], list[VersionInfo]]:
    """The versions, oldest first, and the later commits that claim a name already recorded.

    The first recording of a name is the version: a later commit carrying the same trailer (a
    plain `git commit` with "Wetgeving-Versie: v1" in its message) must not replace what was
    recorded, so it is ignored, and returned to be reported.
    """
    seen: set[str] = set()
    found: list[VersionInfo] = []
    ignored: list[VersionInfo] = []
    # The log lists children before parents (topological order): read it oldest first.
    for logged in reversed(gitrepo.commits_with_trailer(repo, TRAILER)):
        for name in logged.values:
            name = name.strip()
            if not name or not _is_name(name):
                continue
            info = VersionInfo(
                name, logged.commit, logged.date, logged.author, _strip_trailer(logged.message)
            )
            if name in seen:
                ignored.append(info)
                continue
            seen.add(name)
            found.append(info)
    return found, ignored


def _is_name(name: str) -> bool:
    try:
        check_name(name)
    except VersionError:
        return False
    return True


def list_versions(dossier: Dossier) -> list[VersionInfo]:
    """Return the versions recorded in the history of HEAD, oldest first."""
    with gitrepo.opened(dossier.root) as repo:
        return _versions(repo)


def version_problems(dossier: Dossier) -> list[str]:
    """What does not add up in the record of versions, one Dutch line each: a later commit that
    claims the name of a recorded version (ignored), a tag `versie/NAME` that points elsewhere
    than version NAME.

    Raises:
        GitError: when git fails.
    """
    with gitrepo.opened(Path(dossier.root)) as repo:
        versions, ignored = _claims(repo)
        tags = gitrepo.tags(repo, TAG_PREFIX)
    by_name = {v.name: v for v in versions}
    problems = [
        f"commit {c.commit[:10]} noemt zich versie '{c.name}', maar die is al vastgelegd in"
        f" {by_name[c.name].commit[:10]}; de latere commit telt niet als versie"
        for c in ignored
    ]
    for name, target in tags:
        if name in by_name and target != by_name[name].commit:
            commit = by_name[name].commit[:10]
            problems.append(
                f"tag '{TAG_PREFIX}{name}' wijst naar {target[:10]}, maar versie '{name}' is"
                f" vastgelegd in {commit}; herstel met 'git tag -f {TAG_PREFIX}{name} {commit}'"
            )
    return problems


def _known(versions: list[VersionInfo]) -> str:
    if not versions:
        return "er zijn nog geen versies vastgelegd (zie 'wetgeving version create')"
    return "bekende versies: " + ", ".join(v.name for v in versions)


def _target(rev: str, versions: list[VersionInfo]) -> tuple[dict[str, VersionInfo], str | None]:
    """The versions by name and the revision for git to resolve (None: `rev` is a version)."""
    by_name = {v.name: v for v in versions}
    if rev in by_name:
        return by_name, None
    _check_rev(rev)
    # "v1~1" and "v1^" work on version names too.
    m = re.match(r"([^~^]+)([~^].*)$", rev)
    target = by_name[m.group(1)].commit + m.group(2) if m and m.group(1) in by_name else rev
    return by_name, target


def _worktree(dossier: Dossier) -> Snapshot:
    root = Path(dossier.root)
    drafts = root / "drafts"
    files: dict[str, bytes] = {}
    # A link inside the dossier is left out, as before (git would record the link, not the
    # text); a link out of it is refused.
    for path in confine.files(root, drafts, ".md"):
        if not path.is_symlink():
            files[path.relative_to(root).as_posix()] = path.read_bytes()
    return Snapshot(WORKTREE, None, dict(sorted(files.items())), {})


def uncommitted(dossier: Dossier, folder: str) -> list[str]:
    """The files under `folder` (relative to the dossier) that are written but not committed:
    new or changed since the last commit (a process killed between writing and committing),
    relative to the dossier, sorted. Files missing from the folder are not listed.

    Raises:
        GitError: when git fails.
    """
    with gitrepo.opened(Path(dossier.root)) as repo:
        return gitrepo.uncommitted(repo, folder)


def _resolve(repo: gitrepo.Repository, rev: str, versions: list[VersionInfo]) -> tuple[str, str]:
    by_name, target = _target(rev, versions)
    if target is None:
        return rev, by_name[rev].commit
    commit = gitrepo.resolve(repo, target)
    if commit is None:
        raise VersionError(f"onbekende versie of revisie '{rev}'; {_known(versions)}")
    return rev, commit


def snapshot(dossier: Dossier, rev: str) -> Snapshot:
    """Return the draft files of a version name, a git revision or "werk" (the working tree).

    Raises:
        VersionError: for an invalid or unknown version or revision (listing the known versions).
        GitError: when git is missing or the dossier is not in a repository.
    """
    return snapshots(dossier, [rev])[0]


def snapshots(dossier: Dossier, revs: list[str]) -> list[Snapshot]:
    """Return the draft files of several versions, reading the repository once for all of them.

    Raises:
        VersionError: for an invalid or unknown version or revision (listing the known versions).
        GitError: when git is missing or the dossier is not in a repository.
    """
    for rev in revs:
        if rev != WORKTREE and (not rev or rev.startswith("-")):
            raise VersionError(f"ongeldige versie of revisie '{rev}'")
    committed = [rev for rev in revs if rev != WORKTREE]
    if not committed:
        return [_worktree(dossier) for _ in revs]
    with gitrepo.opened(dossier.root) as repo:
        versions = _versions(repo)
        resolved = {rev: _resolve(repo, rev, versions) for rev in dict.fromkeys(committed)}
        # A blob two versions share is read once.
        trees, contents = gitrepo.drafts(repo, [commit for _, commit in resolved.values()])
        cache = repo.cache
    found = {
        rev: (name, commit, tree)
        for (rev, (name, commit)), tree in zip(resolved.items(), trees, strict=True)
    }
    out: list[Snapshot] = []
    for rev in revs:
        if rev == WORKTREE:
            out.append(_worktree(dossier))
            continue
        name, commit, tree = found[rev]
        files = {path: contents[sha] for path, sha in tree.items()}
        out.append(Snapshot(name, commit, files, tree, cache))
    return out


def show_version(dossier: Dossier, name: str) -> VersionDetail:
    """Return a recorded version with the draft files it holds.

    Raises:
        VersionError: when `name` is not a recorded version (listing the known versions).
    """
    with gitrepo.opened(dossier.root) as repo:
        versions = _versions(repo)
        info = next((v for v in versions if v.name == name), None)
        if info is None:
            raise VersionError(f"onbekende versie '{name}'; {_known(versions)}")
        return VersionDetail(info, tuple(gitrepo.drafts_tree(repo, info.commit)))


# --- writing -----------------------------------------------------------------------------------


def _check_message(message: str) -> str:
    text = message.strip()
    if not text:
        raise UsageError("lege omschrijving; geef met -m een korte omschrijving van de versie")
    if any(line.strip().lower().startswith(TRAILER.lower() + ":") for line in text.splitlines()):
        raise UsageError(f"de omschrijving mag geen regel '{TRAILER}:' bevatten")
    return text


def create_version(
    dossier: Dossier,
    name: str,
    message: str,
    check: Callable[[Snapshot], object] | None = None,
) -> VersionInfo:
    """Record the current `drafts/` as version `name`: one commit of exactly those paths.

    `check` is given the drafts as they are about to be recorded, under the repository lock, and
    raises when they must not be recorded. `versiontext.record_version` passes the parse here:
    that is the library's entry point that never records a draft that does not parse.

    Raises:
        VersionError: invalid or existing name, or nothing to record.
        UsageError: empty message.
        GitError: git missing, locked or refusing.
    """
    check_name(name)
    text = _check_message(message)
    with gitrepo.writing(dossier.root) as repo:
        versions = _versions(repo)
        if any(v.name == name for v in versions):
            raise VersionError(f"versie '{name}' bestaat al; kies een andere naam")
        tag = TAG_PREFIX + name
        if gitrepo.tag_exists(repo, tag):
            raise VersionError(
                f"tag '{tag}' bestaat al maar is geen vastgelegde versie; kies een andere naam "
                f"of verwijder de tag met 'git tag -d {tag}'"
            )
        worktree = _worktree(dossier)
        if check is not None:
            check(worktree)
        head = gitrepo.head(repo)
        tracked = head is not None and bool(gitrepo.drafts_tree(repo, head))
        if not worktree.files and not tracked:
            raise VersionError("niets vast te leggen: drafts/ bevat geen .md-bestanden")
        with gitrepo.staged(repo, "drafts"):
            if versions and gitrepo.same(repo, versions[-1].commit, "drafts"):
                raise VersionError(
                    f"niets vast te leggen: drafts/ is gelijk aan versie '{versions[-1].name}'"
                )
            full = f"{text}\n\n{TRAILER}: {name}\n"
            # --only with the drafts path: other staged files stay staged and out of this commit;
            # --allow-empty records a version of text that HEAD already holds.
            commit = gitrepo.commit(repo, full, "drafts", allow_empty=True)
        with contextlib.suppress(GitError):  # the trailer is the record; the tag is a courtesy
            gitrepo.add_tag(repo, tag, commit)
        info = next((v for v in _versions(repo) if v.name == name), None)
        if info is None:  # pragma: no cover - git dropped our trailer
            raise GitError(f"versie '{name}' is vastgelegd als {commit} maar niet terug te vinden")
        return info
