"""A whole code read from git: the same trees as a plain parse, errors named, the cache filled.

Two versions of a code share most articles byte for byte; each distinct article is parsed once
(see `wetgeving.text.segments`) and the trees, lines included, must equal a plain parse.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from wetgeving import dossier as dossier_mod
from wetgeving import parsecache, versiontext
from wetgeving.errors import ParseError
from wetgeving.text import segments
from wetgeving.text.bwb import import_bwb
from wetgeving.text.model import Regeling

FIXTURES = Path(__file__).parent / "fixtures"


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


def test_whole_code_from_git_reads_as_a_plain_parse(tmp_path: Path, codes: list[str]) -> None:
    """Both Sr versions read together from git equal a plain parse of each, lines included."""
    from wetgeving.text.parse import parse

    d = _dossier(tmp_path / "d", codes)
    shutil.rmtree(d.root / ".git" / "wetgeving-cache", ignore_errors=True)
    parsecache._MEMORY.clear()
    segments.forget()
    texts = versiontext.load_versions(d, ["v1", "v2"])
    segments.forget()
    for text, code in zip(texts, codes, strict=True):
        assert signature(text.regelingen[0]) == signature(parse(code, "drafts/sr.md"))


def test_parse_error_in_a_large_version_names_version_file_and_line(
    tmp_path: Path, codes: list[str]
) -> None:
    """A broken article in the second version of a whole code names version, file and line."""
    broken = codes[1].replace("## Artikel 273f\n", "## Artikel 273f\n\n1) fout\n", 1)
    d = _dossier(tmp_path / "d", [codes[0], broken])
    shutil.rmtree(d.root / ".git" / "wetgeving-cache", ignore_errors=True)
    parsecache._MEMORY.clear()
    segments.forget()
    line = broken[: broken.index("1) fout")].count("\n") + 1
    with pytest.raises(ParseError) as err:
        versiontext.load_versions(d, ["v1", "v2"])
    assert err.value.message == (
        f"in versie v2: drafts/sr.md:{line}: nummer met ')' gevonden; gebruik een punt ('1.')"
    )


def test_cold_diff_of_a_whole_code_equals_the_diff_of_whole_trees(
    tmp_path: Path, codes: list[str]
) -> None:
    """A cold diff leaves out the articles both versions share, yet says exactly the same.

    Nothing partial goes to the parse cache; once the versions are cached whole, the diff reads
    them whole, with the same result.
    """
    from wetgeving.compare.formats import render_json, render_text
    from wetgeving.compare.revisions import compare_revisions

    d = _dossier(tmp_path / "d", codes)
    cache = d.root / ".git" / "wetgeving-cache"
    shutil.rmtree(cache, ignore_errors=True)
    parsecache._MEMORY.clear()
    segments.forget()
    cold = compare_revisions(d, "v1", "v2")
    assert not list(cache.glob("*.pickle"))
    whole = versiontext.load_versions(d, ["v1", "v2"])  # parsed whole, and cached
    assert len(list(cache.glob("*.pickle"))) == 2
    warm = compare_revisions(d, "v1", "v2")
    assert cold.changes == warm.changes and cold.warnings == warm.warnings
    assert render_text(cold, colour=False) == render_text(warm, colour=False)
    assert render_json(cold) == render_json(warm)
    from wetgeving.compare.engine import compare_versions

    assert compare_versions(*whole).changes == cold.changes
    # The stale references in articles that did not change (they name one that did) stay.
    assert any("in artikel 77m, derde lid" in w for w in cold.warnings)
