"""The house's layers, checked on the source: one git adapter, a text model without git."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "wetgeving"
ADAPTER = SRC / "gitrepo"


def _modules() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def _imports(path: Path) -> list[str]:
    """Every module a file imports, at the top or inside a function (relative ones resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = ".".join(path.relative_to(SRC.parent).with_suffix("").parts[:-1])
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            found.append(base)
            found.extend(f"{base}.{alias.name}" for alias in node.names)
    return found


def _strings(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return {
        n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    }


def _is(name: str, *modules: str) -> bool:
    return any(name == m or name.startswith(m + ".") for m in modules)


def test_gitpython_is_imported_only_in_the_git_adapter() -> None:
    """No module outside wetgeving/gitrepo/ imports gitpython (`git`, `gitdb`), even for types."""
    outside = [
        f"{path.relative_to(SRC)}: {name}"
        for path in _modules()
        if ADAPTER not in path.parents
        for name in _imports(path)
        if _is(name, "git", "gitdb")
    ]
    assert outside == []


def test_git_is_started_only_in_the_git_adapter() -> None:
    """A module outside the adapter that can start a process never names the git executable.

    Starting processes is checked on the imports (subprocess, or os.system/os.popen/os.exec*
    named in the source); naming git on the strings a command line would be built from.
    """
    offenders = []
    for path in _modules():
        if ADAPTER in path.parents:
            continue
        text = path.read_text(encoding="utf-8")
        starts = any(_is(n, "subprocess") for n in _imports(path)) or any(
            call in text for call in ("os.system(", "os.popen(", "os.exec", "os.spawn")
        )
        if not starts:
            continue
        strings = _strings(path)
        if any(s == "git" or s.startswith("git ") or "GIT_PYTHON" in s for s in strings):
            offenders.append(str(path.relative_to(SRC)))
    assert offenders == []


def test_the_adapter_is_where_git_is_started() -> None:
    """The scan above looks at the right place: the adapter itself imports gitpython."""
    inside = [n for p in ADAPTER.rglob("*.py") for n in _imports(p)]
    assert any(_is(n, "git") for n in inside)
    assert any(_is(n, "subprocess") for n in inside)


def test_text_model_imports_no_git_history_or_processes() -> None:
    """text/ is the pure text model: it imports nothing from git, history or subprocess."""
    banned = (
        "git",
        "gitdb",
        "subprocess",
        "wetgeving.gitrepo",
        "wetgeving.history",
        "wetgeving.versiontext",
        "wetgeving.parsecache",
        "wetgeving.locking",
    )
    found = [
        f"{path.relative_to(SRC)}: {name}"
        for path in sorted((SRC / "text").rglob("*.py"))
        for name in _imports(path)
        if _is(name, *banned)
    ]
    assert found == []


def test_history_imports_no_gitpython() -> None:
    """history.py keeps the domain and reaches git through the adapter only."""
    names = _imports(SRC / "history.py")
    assert not any(_is(n, "git", "gitdb", "subprocess") for n in names)
    assert "wetgeving.gitrepo" in names or "wetgeving.gitrepo" in {
        n.rsplit(".", 1)[0] for n in names
    }


def test_no_forked_children_or_collector_tweaks() -> None:
    """The removed speed tricks stay removed: no forks or process pools, no gc pausing."""
    found = []
    for path in _modules():
        text = path.read_text(encoding="utf-8")
        names = _imports(path)
        if any(_is(n, "gc", "multiprocessing", "concurrent.futures") for n in names):
            found.append(f"{path.relative_to(SRC)}: imports")
        if "os.fork" in text or "gc.freeze" in text or "gc.disable" in text:
            found.append(f"{path.relative_to(SRC)}: calls")
    assert found == []
    assert not (SRC / "parallel.py").exists()


def _module_name(path: Path) -> str:
    name = ".".join(path.relative_to(SRC.parent).with_suffix("").parts)
    return name.removesuffix(".__init__")


def test_no_two_modules_import_each_other() -> None:
    """Data flows one way: no two modules import each other in any form (at the top, inside a
    function or under TYPE_CHECKING). A module naming its own package (`from wetgeving.cli
    import dutch`) is not counted: every module runs its package's `__init__` first anyway."""
    names = {_module_name(path): path for path in _modules()}
    uses = {
        name: {
            used
            for used in _imports(path)
            if used in names and used != name and not name.startswith(used + ".")
        }
        for name, path in names.items()
    }
    both = sorted(f"{a} <-> {b}" for a in uses for b in uses[a] if a < b and a in uses[b])
    assert both == []
