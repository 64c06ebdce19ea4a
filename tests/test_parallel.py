"""Work in a forked child: same results as without, errors where they would be, no child left.

The whole-Sr tests compare the parse of two versions with and without reading ahead in a child
(WETGEVING_PARALLEL=0 turns it off): the trees, lines included, must be the same.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from wetgeving import dossier as dossier_mod
from wetgeving import parallel
from wetgeving.errors import ParseError
from wetgeving.text import load, segments
from wetgeving.text.bwb import import_bwb
from wetgeving.text.model import Regeling

FIXTURES = Path(__file__).parent / "fixtures"
needs_fork = pytest.mark.skipif(not parallel.available(), reason="no fork or one processor here")


@needs_fork
def test_result_comes_from_the_child() -> None:
    """The work runs in another process; its result is handed back."""
    with parallel.Forked(os.getpid) as child:
        assert child.result() != os.getpid()


def test_without_fork_the_work_runs_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """WETGEVING_PARALLEL=0: no child; the work runs when its result is asked for."""
    monkeypatch.setenv("WETGEVING_PARALLEL", "0")
    assert not parallel.available()
    with parallel.Forked(os.getpid) as child:
        assert child.pid is None
        assert child.result() == os.getpid()


@needs_fork
def test_a_failing_child_is_replaced_by_the_work_here() -> None:
    """A child that fails is not trusted: the work runs again here, where it succeeds."""
    parent = os.getpid()

    def work() -> int:
        if os.getpid() != parent:
            raise RuntimeError("only in the child")
        return 42

    with parallel.Forked(work) as child:
        assert child.result() == 42


@needs_fork
def test_the_error_is_raised_here_as_without_a_child() -> None:
    """Work that fails fails again here, with its own exception."""

    def work() -> int:
        raise ParseError("d.md", 3, "kapot")

    with parallel.Forked(work) as child, pytest.raises(ParseError, match=r"d\.md:3: kapot"):
        child.result()


@needs_fork
def test_a_child_is_waited_for_when_the_caller_fails() -> None:
    """Leaving the block without asking for the result still reaps the child."""
    with pytest.raises(ValueError), parallel.Forked(lambda: b"x" * 1_000_000) as child:
        pid = child.pid
        raise ValueError("de aanroeper faalt")
    assert pid is not None
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, 0)


def signature(regeling: Regeling) -> list[tuple[str, str, str, int]]:
    return [(n.id, n.label, n.text, n.line) for n in regeling.walk()]


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


@pytest.fixture(scope="module")
def codes() -> list[str]:
    return [
        import_bwb(FIXTURES / "bwb" / name).markdown
        for name in ("BWBR0001854-2009-07-01.xml", "BWBR0001854-2013-11-16.xml")
    ]


def _dossier(root: Path, texts: list[str]) -> dossier_mod.Dossier:
    from wetgeving import history

    root.mkdir()
    (root / "wetgeving.toml").write_text(
        dossier_mod.config_text("Proef", "Wetboek van Strafrecht", "BWBR0001854"), encoding="utf-8"
    )
    (root / "drafts").mkdir()
    git(root, "init", "-q")
    git(root, "add", "wetgeving.toml")
    git(root, "commit", "-q", "-m", "dossier")
    d = dossier_mod.load(root)
    for k, text in enumerate(texts):
        (root / "drafts" / "sr.md").write_text(text, encoding="utf-8")
        history.create_version(d, f"v{k + 1}", f"versie {k + 1}")
    return d


@pytest.mark.parametrize(("parallel_on", "batch"), [("1", 200), ("0", 200), ("1", 7)])
def test_whole_code_reads_the_same_with_and_without_a_child(
    tmp_path: Path,
    codes: list[str],
    monkeypatch: pytest.MonkeyPatch,
    parallel_on: str,
    batch: int,
) -> None:
    """Both Sr versions from git, read ahead in a child or not, equal a plain parse of each."""
    from wetgeving.text.parse import parse

    monkeypatch.setattr(segments, "_BATCH", batch)

    d = _dossier(tmp_path / "d", codes)
    shutil.rmtree(d.root / ".git" / "wetgeving-cache", ignore_errors=True)
    load._MEMORY.clear()
    segments.forget()
    monkeypatch.setenv("WETGEVING_PARALLEL", parallel_on)
    texts = load.load_versions(d, ["v1", "v2"])
    segments.forget()
    for text, code in zip(texts, codes, strict=True):
        assert signature(text.regelingen[0]) == signature(parse(code, "drafts/sr.md"))


def test_parse_error_in_a_large_version_names_version_file_and_line(
    tmp_path: Path, codes: list[str]
) -> None:
    """A broken article in the second version is reported as without a child."""
    broken = codes[1].replace("## Artikel 273f\n", "## Artikel 273f\n\n1) fout\n", 1)
    d = _dossier(tmp_path / "d", [codes[0], broken])
    shutil.rmtree(d.root / ".git" / "wetgeving-cache", ignore_errors=True)
    load._MEMORY.clear()
    segments.forget()
    line = broken[: broken.index("1) fout")].count("\n") + 1
    with pytest.raises(ParseError) as err:
        load.load_versions(d, ["v1", "v2"])
    assert err.value.message == (
        f"in versie v2: drafts/sr.md:{line}: nummer met ')' gevonden; gebruik een punt ('1.')"
    )


def test_no_child_outside_linux(monkeypatch: pytest.MonkeyPatch) -> None:
    """Elsewhere than Linux nothing is forked."""
    monkeypatch.setattr(sys, "platform", "darwin")
    assert not parallel.available()


@pytest.mark.parametrize("parallel_on", ["1", "0"])
def test_diff_of_a_whole_code_fills_the_parse_cache(
    tmp_path: Path, codes: list[str], monkeypatch: pytest.MonkeyPatch, parallel_on: str
) -> None:
    """After a cold diff both versions' trees are in the cache (written beside the comparison)."""
    from wetgeving import history
    from wetgeving.compare.revisions import compare_revisions

    d = _dossier(tmp_path / "d", codes)
    cache = d.root / ".git" / "wetgeving-cache"
    shutil.rmtree(cache, ignore_errors=True)
    load._MEMORY.clear()
    segments.forget()
    monkeypatch.setenv("WETGEVING_PARALLEL", parallel_on)
    comparison = compare_revisions(d, "v1", "v2")
    assert comparison.changes
    blobs = {history.snapshot(d, v).blobs["drafts/sr.md"] for v in ("v1", "v2")}
    assert {p.name.split("-")[0] for p in cache.glob("*.pickle")} == blobs
    assert not list(cache.glob("*.tmp"))
    load._MEMORY.clear()
    again = compare_revisions(d, "v1", "v2")
    assert again == comparison
