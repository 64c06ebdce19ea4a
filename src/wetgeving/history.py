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

from wetgeving.errors import GitError, UsageError, VersionError
from wetgeving.gitread import Reader, explain, parse_tree
from wetgeving.gitwrite import blob_packer as blob_packer
from wetgeving.gitwrite import commit_paths as commit_paths
from wetgeving.gitwrite import (
    has_head,
    locked,
    open_repo,
    refuse_detached,
    run,
    same,
    tree_files,
    unstaged_on_failure,
)
from wetgeving.gitwrite import init_repository as init_repository
from wetgeving.gitwrite import repository_root as repository_root

if TYPE_CHECKING:
    from git import Repo

    from wetgeving.dossier import Dossier

TRAILER = "Wetgeving-Versie"
TAG_PREFIX = "versie/"
WORKTREE = "werk"

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
# Revisions: commit ids, branch names, HEAD~2, v1^, main@{1} is not needed and not allowed.
_REV = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._/~^-]{0,199}")
_RESERVED = {"werk", "head", "fetch_head", "orig_head", "merge_head"}
_FIELD = "\x00"
_RECORD = "\x1e"


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
        git_dir: The repository's git folder (None for the working tree).
    """

    name: str
    commit: str | None
    files: dict[str, bytes]
    blobs: dict[str, str]
    git_dir: Path | None = None


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


def _log_args() -> list[str]:
    # git expands %x00 and %x1e itself: arguments cannot hold NUL bytes.
    fmt = "%x00".join(
        ["%H", "%aI", "%an", f"%(trailers:key={TRAILER},valueonly,separator=%x1f)", "%B"]
    )
    return ["log", f"--format={fmt}%x1e", "-E", f"--grep=^{TRAILER}:", "HEAD", "--"]


def _versions(repo: Repo) -> list[VersionInfo]:
    if not has_head(repo):
        return []
    args = _log_args()
    return _parse_versions(run(repo, args[0], *args[1:], strip_newline_in_stdout=False))


def _parse_versions(out: str) -> list[VersionInfo]:
    seen: set[str] = set()
    found: list[VersionInfo] = []
    for record in out.split(_RECORD):
        parts = record.lstrip("\n").split(_FIELD)
        if len(parts) != 5:
            continue
        commit, date, author, names, message = parts
        for name in names.strip().split("\x1f"):
            name = name.strip()
            # Newest wins when two merged branches recorded the same name.
            if not name or name in seen or not _is_name(name):
                continue
            seen.add(name)
            found.append(VersionInfo(name, commit, date, author, _strip_trailer(message)))
    found.reverse()
    return found


def _is_name(name: str) -> bool:
    try:
        check_name(name)
    except VersionError:
        return False
    return True


def list_versions(dossier: Dossier) -> list[VersionInfo]:
    """Return the versions recorded in the history of HEAD, oldest first."""
    return _reader_versions(Reader(dossier.root))


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
    if drafts.is_dir():
        for path in drafts.rglob("*.md"):
            if path.is_file() and not path.is_symlink():
                files[path.relative_to(root).as_posix()] = path.read_bytes()
    return Snapshot(WORKTREE, None, dict(sorted(files.items())), {})


def blob_id(data: bytes) -> str:
    """Return the git blob id of `data` (as `git hash-object` would), without running git."""
    import hashlib  # only here: loading OpenSSL costs more than reading a version from git

    return hashlib.sha1(b"blob %d\x00" % len(data) + data, usedforsecurity=False).hexdigest()


def _reader_versions(reader: Reader) -> list[VersionInfo]:
    proc = reader.proc(*_log_args())
    if proc.returncode != 0:
        if reader.proc("rev-parse", "--verify", "--quiet", "HEAD").returncode != 0:
            return []  # no commit yet
        raise GitError(explain("log", proc.stderr.decode("utf-8", "replace")))
    return _parse_versions(proc.stdout.decode("utf-8", "replace"))


def _resolve(reader: Reader, rev: str, versions: list[VersionInfo]) -> tuple[str, str]:
    by_name, target = _target(rev, versions)
    if target is None:
        return rev, by_name[rev].commit
    proc = reader.proc("rev-parse", "--verify", "--quiet", "--end-of-options", target + "^{commit}")
    commit = proc.stdout.decode("ascii", "replace").strip() if proc.returncode == 0 else ""
    if not commit:
        raise VersionError(f"onbekende versie of revisie '{rev}'; {_known(versions)}")
    return rev, commit


def _tree_listing(reader: Reader, commit: str) -> dict[str, str]:
    base = reader.prefix + "drafts"
    out = reader.run(
        "ls_tree", "ls-tree", "--full-tree", "-r", "-z", "--end-of-options", commit, "--", base
    )
    return parse_tree(out.decode("utf-8", "surrogateescape"), base, reader.prefix)


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
    reader = Reader(dossier.root)
    versions = _reader_versions(reader)
    resolved = {rev: _resolve(reader, rev, versions) for rev in dict.fromkeys(committed)}
    # One `git cat-file` for the drafts of every version; a blob two versions share is read once.
    trees, contents = reader.drafts([commit for _, commit in resolved.values()])
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
        out.append(Snapshot(name, commit, files, tree, reader.git_dir))
    return out


def show_version(dossier: Dossier, name: str) -> VersionDetail:
    """Return a recorded version with the draft files it holds.

    Raises:
        VersionError: when `name` is not a recorded version (listing the known versions).
    """
    reader = Reader(dossier.root)
    versions = _reader_versions(reader)
    info = next((v for v in versions if v.name == name), None)
    if info is None:
        raise VersionError(f"onbekende versie '{name}'; {_known(versions)}")
    return VersionDetail(info, tuple(_tree_listing(reader, info.commit)))


def cache_dir(dossier: Dossier) -> Path | None:
    """Return the folder for cached parse results inside `.git`, or None outside a repository."""
    try:
        return Reader(dossier.root).git_dir / "wetgeving-cache"
    except GitError:
        return None


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
    raises when they must not be recorded (a draft that does not parse).

    Raises:
        VersionError: invalid or existing name, or nothing to record.
        UsageError: empty message.
        GitError: git missing, locked or refusing.
    """
    check_name(name)
    text = _check_message(message)
    with open_repo(dossier) as (repo, prefix), locked(repo):
        refuse_detached(repo)
        versions = _versions(repo)
        if any(v.name == name for v in versions):
            raise VersionError(f"versie '{name}' bestaat al; kies een andere naam")
        tag = TAG_PREFIX + name
        if repo.git.tag("--list", tag).strip():
            raise VersionError(
                f"tag '{tag}' bestaat al maar is geen vastgelegde versie; kies een andere naam "
                f"of verwijder de tag met 'git tag -d {tag}'"
            )
        drafts = prefix + "drafts"
        worktree = _worktree(dossier)
        files = worktree.files
        if check is not None:
            check(worktree)
        head = has_head(repo)
        tracked = head and bool(tree_files(repo, "HEAD", prefix))
        if not files and not tracked:
            raise VersionError("niets vast te leggen: drafts/ bevat geen .md-bestanden")
        with unstaged_on_failure(repo, drafts):
            run(repo, "add", "-A", "--", drafts)
            if versions and same(repo, versions[-1].commit, drafts):
                raise VersionError(
                    f"niets vast te leggen: drafts/ is gelijk aan versie '{versions[-1].name}'"
                )
            full = f"{text}\n\n{TRAILER}: {name}\n"
            # --only with the drafts path: other staged files stay staged and out of this commit;
            # --allow-empty records a version of text that HEAD already holds.
            run(repo, "commit", "--quiet", "--only", "--allow-empty", "-m", full, "--", drafts)
        commit = repo.head.commit.hexsha
        with contextlib.suppress(GitError):  # the trailer is the record; the tag is a courtesy
            run(repo, "tag", tag, commit)
        info = next((v for v in _versions(repo) if v.name == name), None)
        if info is None:  # pragma: no cover - git dropped our trailer
            raise GitError(f"versie '{name}' is vastgelegd als {commit} maar niet terug te vinden")
        return info
