"""The parse cache never serves a tree made by another parser: its key holds a format number."""

from __future__ import annotations

import ast
import hashlib
from pathlib import Path

import pytest

from test_history import make_dossier
from wetgeving import __version__, gitrepo, history, parsecache, versiontext

SRC = Path(__file__).resolve().parent.parent / "src"

# The fingerprint of the parser's source (below) for each CACHE_FORMAT. When the test below
# fails, the parser or the text model changed: raise `parsecache.CACHE_FORMAT` so that trees
# parsed before are never used, and add the new fingerprint here under the new number. Never
# change an entry of an older number.
FINGERPRINTS = {
    3: "2a898a896456bfbad4ce41266896fa626359e5561edf86f065a49b7cbe3d35ca",
    4: "6a2ecfbcf51764c5c90b7ba2751e1c9870efbf396a3dcadca93df4948f33e104",
}

# Modules the parser imports that do not decide what a draft reads as (errors are never cached;
# wetgeving's own version is part of the key already).
NOT_PARSER = {"wetgeving", "wetgeving.errors", "wetgeving.files"}


def _source(module: str) -> Path | None:
    base = SRC / module.replace(".", "/")
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


def parser_modules() -> list[str]:
    """wetgeving's modules that the parser and the model import, directly or not, sorted."""
    seen: set[str] = set()
    todo = ["wetgeving.text.parse", "wetgeving.text.model"]
    while todo:
        module = todo.pop()
        path = _source(module)
        if module in seen or path is None:
            continue
        seen.add(module)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            else:
                continue
            todo.extend(n for n in names if n.startswith("wetgeving"))
    return sorted(seen - NOT_PARSER)


def fingerprint() -> str:
    """SHA-256 of the parser modules' source, line ends as LF (a Windows checkout reads alike)."""
    digest = hashlib.sha256()
    for module in parser_modules():
        path = _source(module)
        assert path is not None
        digest.update(module.encode() + b"\0")
        digest.update(path.read_bytes().replace(b"\r\n", b"\n") + b"\0")
    return digest.hexdigest()


def test_cache_format_is_raised_when_the_parser_changes() -> None:
    """A change to the parser's source fails here until CACHE_FORMAT is raised (see above)."""
    assert "wetgeving.text.parse" in parser_modules()
    assert "wetgeving.text.structure" in parser_modules()
    assert max(FINGERPRINTS) == parsecache.CACHE_FORMAT, (
        "CACHE_FORMAT has no fingerprint here: add it"
    )
    assert FINGERPRINTS[parsecache.CACHE_FORMAT] == fingerprint(), (
        "the parser changed: raise parsecache.CACHE_FORMAT and add "
        f"{{{parsecache.CACHE_FORMAT + 1}: {fingerprint()!r}}} to FINGERPRINTS"
    )


def test_cache_key_holds_blob_version_and_format(tmp_path: Path) -> None:
    """A cache file is named by blob id, wetgeving's version and the format number."""
    path = parsecache.disk_path(tmp_path, "ab" * 20)
    assert path.name == f"{'ab' * 20}-{__version__}-{parsecache.CACHE_FORMAT}.pickle"


def test_a_tree_of_another_format_is_parsed_again(
    tmp_path: Path, fixtures: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After CACHE_FORMAT is raised, a version's cached tree is not used: it is parsed anew."""
    monkeypatch.setattr(parsecache, "_MEMORY", {})
    d = make_dossier(tmp_path / "d", fixtures)
    versiontext.record_version(d, "v1", "Eerste concept")
    blob = history.snapshot(d, "v1").blobs["drafts/273f.md"]
    cache = gitrepo.cache_dir(d.root)
    assert cache is not None and parsecache.disk_path(cache, blob).exists()
    parsecache._MEMORY.clear()
    monkeypatch.setattr(parsecache, "CACHE_FORMAT", parsecache.CACHE_FORMAT + 1)
    calls: list[str] = []
    real = parsecache.parse_bytes

    def counting(data: bytes, path: str) -> object:
        calls.append(path)
        return real(data, path)

    monkeypatch.setattr(parsecache, "parse_bytes", counting)
    versiontext.load_version(d, "v1")
    assert calls == ["drafts/273f.md"]
    assert parsecache.disk_path(cache, blob).exists()  # stored under the new format
