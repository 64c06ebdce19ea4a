"""`wetgeving sync`: share this clone's work with a remote and take in the team's.

Fetch the branch, check that no version name was recorded in two clones, integrate (fast-forward;
else rebase the local commits when none of them records a version; else a merge, so a recorded
version keeps exactly the text it was recorded with), push the branch and the `versie/*` tags.
Versions travel as commit trailers, so the tags are re-made locally from them. Responses,
dispositions and toelichting are one file per record and never conflict; the response index
rebuilds after a pull. A dossier's private repository (`[team] prive`) is synced after it, the
same way, with its own remote.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from wetgeving import gitrepo, history
from wetgeving.dossier import Dossier
from wetgeving.errors import GitError, UsageError, VersionError, WetgevingError
from wetgeving.gitrepo import remote as gitremote

TAG_PREFIX = "versie/"
ATTEMPTS = 3


@dataclass(frozen=True, slots=True)
class Synced:
    """The outcome of one sync.

    Attributes:
        remote: The remote synced with.
        branch: The branch pushed.
        received: Commits taken in from the remote.
        sent: Commits the remote did not have before.
        how: "gelijk", "vooruitgespoeld", "herbasseerd", "samengevoegd" or "verstuurd".
        tags: Version tags pushed.
    """

    remote: str
    branch: str
    received: int
    sent: int
    how: str
    tags: tuple[str, ...]


def _count(cwd: Path, revs: str) -> int:
    return len(gitremote.git_out(cwd, "rev-list", "rev-list", revs, "--").split())


def clashes(cwd: Path, local: str, remote_tip: str) -> list[tuple[str, str, str]]:
    """Version names recorded both in local commits the remote lacks and in the remote's history:
    (name, local commit, remote commit)."""
    mine = gitremote.commit_versions(cwd, f"{remote_tip}..{local}")
    if not mine:
        return []
    theirs = dict(reversed(gitremote.commit_versions(cwd, remote_tip)))
    return [(name, commit, theirs[name]) for name, commit in mine if name in theirs]


def _refuse_clash(found: list[tuple[str, str, str]], remote: str) -> None:
    name, mine, theirs = found[0]
    raise VersionError(
        f"versie '{name}' is in twee clones vastgelegd: hier in commit {mine[:10]}, op "
        f"'{remote}' in commit {theirs[:10]}; er is niets verstuurd. Geef de versie hier een "
        f"andere naam met 'wetgeving version rename {name} NIEUWE-NAAM' en voer sync opnieuw uit"
    )


def sync_all(dossier: Dossier, remote: str | None = None) -> Iterator[tuple[str, Synced]]:
    """`sync` of the dossier with `remote`, then of its private repository (if it names one)
    with that repository's own remote; yields each outcome as it is done, with the private
    repository's setting ("" for the dossier).

    Raises:
        DossierError: the private repository is named but missing or invalid (nothing sent).
        UsageError, VersionError, GitError: as `sync`; for the private repository the message
            starts with "privé-repository PAD: ".
    """
    from wetgeving.consultation import private

    second = private.store(dossier)  # checked before anything is sent
    yield "", sync(dossier, remote)
    if second is not None:
        try:
            done = sync(second, merge_driver=False)
        except WetgevingError as exc:
            exc.message = f"privé-repository {dossier.prive}: {exc.message}"
            exc.args = (exc.message,)
            raise
        yield dossier.prive, done


def sync(dossier: Dossier, remote: str | None = None, merge_driver: bool = True) -> Synced:
    """Fetch, integrate and push (see the module docstring); `merge_driver` registers the merge
    driver of drafts where it is missing (not in a private repository, which has none).

    Raises:
        UsageError: an invalid or unknown remote.
        VersionError: a version name recorded in two clones (nothing is pushed).
        GitError: git refused, the remote is unreachable, or a merge left conflicts.
    """
    cwd = Path(dossier.root)
    branch = gitremote.current_branch(cwd)
    if remote is None:
        remote = gitremote.upstream_remote(cwd, branch) or "origin"
    gitremote.check_remote(remote)
    if not gitremote.remote_exists(cwd, remote):
        raise UsageError(
            f"remote '{remote}' bestaat niet in deze clone; voeg hem toe met "
            f"'git remote add {remote} URL'"
        )
    _refuse_unfinished(cwd)
    from wetgeving import mergedriver

    if merge_driver and gitremote.get_config(cwd, f"merge.{mergedriver.DRIVER}.driver") is None:
        mergedriver.register(cwd)  # a clone where `setup` was forgotten still merges per article
    done: Synced | None = None
    with gitrepo.writing(Path(dossier.root)):
        for _ in range(ATTEMPTS):
            done = _attempt(cwd, dossier, remote, branch)
            if done is not None:
                break
    if done is not None:
        _after_pull(dossier)
        return done
    raise GitError(
        f"'{remote}' veranderde steeds opnieuw tijdens het versturen; voer sync zo opnieuw uit"
    )


def _refuse_unfinished(cwd: Path) -> None:
    git_dir = Path(gitremote.git_out(cwd, "rev-parse", "rev-parse", "--absolute-git-dir").strip())
    if (git_dir / "MERGE_HEAD").exists():
        raise GitError(
            "er loopt nog een samenvoeging; los de conflicten op (zie 'wetgeving check'), "
            "leg vast met 'git add' en 'git commit' en voer sync opnieuw uit"
        )
    if (git_dir / "rebase-merge").exists() or (git_dir / "rebase-apply").exists():
        raise GitError("er loopt nog een git rebase; rond die af of breek hem af")


def _attempt(cwd: Path, dossier: Dossier, remote: str, branch: str) -> Synced | None:
    local = gitremote.head_commit(cwd)
    if local is None:
        raise GitError("deze clone heeft nog geen commits om te synchroniseren")
    tip = gitremote.fetch_branch(cwd, remote, branch)
    received = 0
    how = "verstuurd" if tip is None else "gelijk"
    if tip is not None and tip != local:
        found = clashes(cwd, local, tip)
        if found:
            _refuse_clash(found, remote)
        received = _count(cwd, f"{local}..{tip}")
        if gitremote.is_ancestor(cwd, local, tip):
            gitremote.fast_forward(cwd, tip)
            how = "vooruitgespoeld"
        elif gitremote.is_ancestor(cwd, tip, local):
            how = "verstuurd"
        else:
            how = _integrate(cwd, dossier, remote, branch, tip)
    head = gitremote.head_commit(cwd)
    assert head is not None
    sent = _count(cwd, f"{tip}..{head}") if tip is not None else _count(cwd, head)
    tags = _retag(cwd, head)
    refspecs = [f"{head}:refs/heads/{branch}"] + [f"refs/tags/{t}:refs/tags/{t}" for t in tags]
    if not gitremote.push(cwd, remote, refspecs):
        return None
    return Synced(remote, branch, received, sent, how, tuple(tags))


def _integrate(cwd: Path, dossier: Dossier, remote: str, branch: str, tip: str) -> str:
    local_versions = gitremote.commit_versions(cwd, f"{tip}..HEAD")
    merges = gitremote.git_out(cwd, "rev-list", "rev-list", "--merges", f"{tip}..HEAD", "--")
    if not local_versions and not merges.strip() and gitremote.rebase_onto(cwd, tip):
        return "herbasseerd"
    conflicted = gitremote.merge_commit(cwd, tip, f"Samenvoegen met {remote}/{branch}")
    if conflicted:
        raise GitError(
            f"samenvoegen met '{remote}' gaf conflicten in {', '.join(conflicted)}; er is niets "
            "verstuurd. Los ze op (zie 'wetgeving check'), leg vast met 'git add' en 'git commit' "
            "en voer sync opnieuw uit"
        )
    return "samengevoegd"


def _retag(cwd: Path, head: str) -> list[str]:
    """Make the `versie/*` tag of every version in HEAD's history point at its commit."""
    have = gitremote.tags(cwd, TAG_PREFIX + "*")
    names: list[str] = []
    seen: set[str] = set()
    for name, commit in gitremote.commit_versions(cwd, head):
        if name in seen or not _valid(name):
            continue  # newest wins, as in `version list`; a bad name from a remote is no tag
        seen.add(name)
        tag = TAG_PREFIX + name
        if have.get(tag) != commit:
            gitremote.set_tag(cwd, tag, commit)
        names.append(tag)
    return sorted(names)


def _valid(name: str) -> bool:
    try:
        history.check_name(name)
    except VersionError:
        return False
    return True


def _after_pull(dossier: Dossier) -> None:
    """Rebuild the response index for the files the pull brought."""
    from wetgeving.consultation import index

    if (Path(dossier.root) / "consultation_responses").is_dir():
        index.load(dossier, refresh=True)
