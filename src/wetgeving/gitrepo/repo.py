"""Finding and opening the git repository that holds a folder; git's failures in Dutch.

gitpython is imported here only, lazily: a command that never touches git does not pay for it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from wetgeving import files
from wetgeving.errors import GitError

if TYPE_CHECKING:
    from git import Repo

CACHE = "wetgeving-cache"  # inside the git folder: never committed, never in the work tree


_NO_GIT = "git is niet gevonden; installeer git (https://git-scm.com) en probeer opnieuw"


def import_git() -> Any:
    """The gitpython package, or a GitError when there is no git executable to run."""
    # gitpython refuses to import without a git executable; we want our own message instead.
    os.environ.setdefault("GIT_PYTHON_REFRESH", "quiet")
    if shutil.which(os.environ.get("GIT_PYTHON_GIT_EXECUTABLE", "git")) is None:
        raise GitError(_NO_GIT)
    import git

    return git


def not_in_repository(root: Path) -> GitError:
    """The one message for a dossier outside any git repository."""
    return GitError(
        f"{root}: het dossier staat niet in een git-repository; "
        "maak er een met 'git init' of begin met 'wetgeving init PAD'"
    )


def explain(command: str, stderr: str) -> str:
    """A one-line Dutch message for git's error output."""
    text = stderr.strip()
    if text.startswith("stderr:"):  # gitpython's GitCommandError.stderr: "stderr: '...'"
        text = text.removeprefix("stderr:").strip()
        if len(text) >= 2 and text[0] == text[-1] == "'":
            text = text[1:-1].strip()
    if "index.lock" in text:
        return (
            "git is bezet (index.lock bestaat); wacht tot het andere git-proces klaar is, "
            "of verwijder .git/index.lock als er geen git-proces draait"
        )
    if "tell me who you are" in text or "empty ident" in text:
        return (
            "git kent uw naam en e-mailadres niet; stel ze in met "
            "'git config --global user.name \"Naam\"' en 'git config --global user.email adres'"
        )
    if "partial commit during a merge" in text:
        return "er loopt nog een samenvoeging (merge) in git; rond die eerst af met 'git commit'"
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    first = next((line for line in lines if line.startswith(("fatal:", "error:"))), None)
    name = command.replace("_", "-")  # gitpython's method names: ls_tree is `git ls-tree`
    return f"git {name} mislukt: {first or (lines[0] if lines else 'onbekende fout')}"


class Reader(Protocol):
    """A git process started for an open repository and stopped with it (`read.Objects`)."""

    def close(self) -> None:
        """Let git end and release the pipes."""
        ...


@dataclass
class Repository:
    """An open repository and where a folder (a dossier) sits in its work tree.

    Attributes:
        repo: gitpython's `Repo`; only the adapter uses it.
        root: The folder it was opened for.
        git_dir: The repository's git folder (for a linked work tree: that work tree's own).
        prefix: The folder's path inside the work tree, "" or ending in "/".
        objects: The object reader `read.objects` started for it, if any (closed with it).
    """

    repo: Repo
    root: Path
    git_dir: Path
    prefix: str
    objects: Reader | None = field(default=None, repr=False)

    def spec(self, path: str) -> str:
        """A dossier-relative path ("drafts") as a path in the repository."""
        return self.prefix + path

    @property
    def cache(self) -> Path:
        """The folder for wetgeving's caches (parse trees, the response index)."""
        return self.git_dir / CACHE


@contextlib.contextmanager
def opened(root: Path) -> Iterator[Repository]:
    """Open the repository holding `root`; git commands run with literal pathspecs, LC_ALL=C.

    Raises:
        GitError: git missing, no repository, or one without a work tree.
    """
    git = import_git()
    try:
        repo = git.Repo(root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise not_in_repository(root) from None
    with repo:
        if repo.bare or repo.working_tree_dir is None:
            raise GitError(f"{root}: git-repository zonder werkmap")
        top = Path(repo.working_tree_dir).resolve()
        rel = Path(root).resolve().relative_to(top).as_posix()
        if "\n" in rel:
            raise GitError(f"{root}: de mapnaam van het dossier bevat een regeleinde")
        prefix = "" if rel == "." else rel + "/"
        found = Repository(repo, Path(root), Path(repo.git_dir), prefix)
        try:
            with repo.git.custom_environment(GIT_LITERAL_PATHSPECS="1", LC_ALL="C"):
                yield found
        finally:
            if found.objects is not None:
                found.objects.close()


def git_dir(root: Path) -> Path:
    """The git folder of the repository holding `root` (for locks and caches).

    Raises:
        GitError: git missing, or `root` not in a repository with a work tree.
    """
    with opened(root) as repo:
        return repo.git_dir


def cache_dir(root: Path) -> Path | None:
    """The folder for wetgeving's caches in the git folder; None outside a repository."""
    try:
        with opened(root) as repo:
            return repo.cache
    except GitError:
        return None


def object_format(repo: Repository) -> str:
    """ "sha1" or "sha256", as the repository's configuration says (no git process)."""
    import configparser

    try:
        reader = repo.repo.config_reader("repository")
        return str(reader.get_value("extensions", "objectformat", "sha1")).lower()
    except configparser.Error as exc:  # a broken .git/config: every git command would fail
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise GitError(
            f"{repo.git_dir / 'config'}: de git-configuratie is beschadigd ({first}); "
            "herstel het bestand"
        ) from None


def run(repo: Repository, command: str, *args: str, **kwargs: Any) -> str:
    """Run one git command, turning its failure into a GitError with git's own first line."""
    import git

    try:
        out: str = getattr(repo.repo.git, command)(*args, **kwargs)
    except git.GitCommandError as exc:
        stderr = str(exc.stderr or "").strip()
        if not stderr:
            # A hook that refuses without a word, for instance.
            raise GitError(f"git {command} mislukt (afsluitcode {exc.status})") from None
        raise GitError(explain(command, stderr)) from None
    return out


def status(repo: Repository, command: str, *args: str) -> tuple[int, str]:
    """Run one git command whose exit code is an answer; return (exit code, git's error output)."""
    code, _out, err = getattr(repo.repo.git, command)(
        *args, with_extended_output=True, with_exceptions=False
    )
    return int(code), str(err)


def start(repo: Repository, command: str, *args: str, config: dict[str, str] | None = None) -> Any:
    """Start a long-running git command that reads its input from us (gitpython's process).

    `config` sets git configuration for this command only (as `git -c key=value` would).

    Raises:
        GitError: when git cannot be started.
    """
    import git

    try:
        env: dict[str, str] = {}
        for n, (key, value) in enumerate((config or {}).items()):
            env[f"GIT_CONFIG_KEY_{n}"], env[f"GIT_CONFIG_VALUE_{n}"] = key, value
        if env:
            env["GIT_CONFIG_COUNT"] = str(len(config or {}))
        return getattr(repo.repo.git, command)(
            *args, as_process=True, istream=subprocess.PIPE, env=env or None
        )
    except git.GitCommandNotFound:
        raise GitError(_NO_GIT) from None
    except OSError as exc:
        raise GitError(f"{repo.root}: git kan niet starten ({files.reason(exc)})") from None


def execute(
    cwd: Path, args: tuple[str, ...], data: bytes | None = None, env: dict[str, str] | None = None
) -> tuple[int, bytes, bytes]:
    """Run one git command in `cwd` to its end, whatever its exit code: (code, stdout, stderr).

    Started through gitpython like every other git command (C-locale output), for the commands
    whose exit code is an answer or that read their input from us (`sync`, the merge driver).

    Raises:
        GitError: when git cannot be started.
    """
    git = import_git()
    runner = git.Git(cwd)
    try:
        handle = runner.execute(
            [git.Git.GIT_PYTHON_GIT_EXECUTABLE, *args],
            as_process=True,
            istream=subprocess.PIPE,
            env=env,
        )
    except git.GitCommandNotFound:
        raise GitError(_NO_GIT) from None
    except OSError as exc:
        raise GitError(f"{cwd}: git kan niet starten ({files.reason(exc)})") from None
    proc = handle.proc
    out, err = proc.communicate(data)
    return int(proc.returncode), out or b"", err or b""


def repository_root(path: Path) -> Path | None:
    """Return the top of the git work tree holding `path` (or its nearest existing parent).

    Raises:
        GitError: when git is missing.
    """
    git = import_git()
    here = path.resolve()
    while not here.exists():
        here = here.parent
    try:
        with git.Repo(here, search_parent_directories=True) as repo:
            top = repo.working_tree_dir
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return None
    return Path(top) if top is not None else None


def check_identity(here: Path) -> None:
    """Refuse when git could not make a commit in `here` for lack of a name and e-mail address.

    Raises:
        GitError: git missing, or not knowing who commits.
    """
    git = import_git()
    runner = git.Git(here)
    for ident in ("GIT_AUTHOR_IDENT", "GIT_COMMITTER_IDENT"):  # a commit needs both
        try:
            runner.var(ident)
        except git.GitCommandError as exc:  # "Author identity unknown"
            raise GitError(explain("var", str(exc.stderr or ""))) from None


def init_repository(path: Path) -> None:
    """Create a git repository in `path` (`git init`).

    Raises:
        GitError: when git is missing or refuses.
    """
    git = import_git()
    try:
        git.Repo.init(path).close()
    except git.GitCommandError as exc:
        raise GitError(explain("init", str(exc.stderr))) from None
