"""The git adapter: the only code that starts git or imports gitpython.

`repo` finds and opens the repository holding a folder, `read` reads commits, revisions, trees
and blobs (one `git cat-file --batch` per opened repository), `write` holds the repository lock
and stages, commits and tags. The domain (what a version is, its name and trailer) is in
`wetgeving.history`; this package knows git only.
"""

from wetgeving.gitrepo.read import (
    Logged,
    blob_id,
    commits_with_trailer,
    drafts,
    drafts_tree,
    head,
    resolve,
    tags,
    uncommitted,
)
from wetgeving.gitrepo.repo import (
    Repository,
    cache_dir,
    check_identity,
    git_dir,
    init_repository,
    not_in_repository,
    opened,
    repository_root,
)
from wetgeving.gitrepo.write import (
    add_tag,
    blob_packer,
    commit,
    commit_paths,
    note_commit,
    same,
    staged,
    tag_exists,
    writing,
)

__all__ = [
    "Logged",
    "Repository",
    "add_tag",
    "blob_id",
    "blob_packer",
    "cache_dir",
    "check_identity",
    "commit",
    "commit_paths",
    "commits_with_trailer",
    "drafts",
    "drafts_tree",
    "git_dir",
    "head",
    "init_repository",
    "not_in_repository",
    "note_commit",
    "opened",
    "repository_root",
    "resolve",
    "same",
    "staged",
    "tag_exists",
    "tags",
    "uncommitted",
    "writing",
]
