"""Benchmark `wetgeving diff` on the whole Wetboek van Strafrecht (2009 vs 2013).

Both BWB versions are imported as two versions of a temporary dossier. Measured in the same run:
- `python -m wetgeving diff OLD NEW --format json` as a whole process, from cold (parse cache
  removed: no version was ever parsed) and warm (the parse cache filled, as `wetgeving version
  create` leaves it for the versions it records);
- the baseline: a plain Python script that runs diff-match-patch in line mode with semantic
  clean-up over the two full texts, also as a whole process.
Prints the ratios (targets: cold <= 2, recorded versions <= 1.5), the peak memory of the diff
process (target < 150 MB) and the times for 4x and 16x the text (target: linear). Each timing
is the best of several runs (5 at 1x, 3 at 4x, 1 at 16x), after one untimed run of each command
that writes the Python bytecode (to a temporary PYTHONPYCACHEPREFIX), as an installed package
has it.

The targets hold on one processor: the script pins itself, and so every process it starts, to
processor 0, as `taskset -c 0 python bench/bench_diff.py` does. That works where the operating
system lets a process choose its processors (Linux); elsewhere the script says it runs unpinned.
`--cpu N` picks another processor, `--cpu all` leaves the choice to the system.
Run: `python bench/bench_diff.py [--cpu N|all]`.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BWB = ROOT / "tests" / "fixtures" / "bwb"
VERSIONS = {"sr2009": "BWBR0001854-2009-07-01.xml", "sr2013": "BWBR0001854-2013-11-16.xml"}

BASELINE = """
import sys
from diff_match_patch import diff_match_patch
a = open(sys.argv[1], encoding="utf-8").read()
b = open(sys.argv[2], encoding="utf-8").read()
dmp = diff_match_patch()
dmp.Diff_Timeout = 0
chars_a, chars_b, lines = dmp.diff_linesToChars(a, b)
diffs = dmp.diff_main(chars_a, chars_b, False)
dmp.diff_charsToLines(diffs, lines)
dmp.diff_cleanupSemantic(diffs)
print(len(diffs))
"""


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def run(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """Run a process to the end; return (seconds, peak resident memory in MB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        assert proc.stderr is not None
        sys.exit(f"{' '.join(cmd)} failed: {proc.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss / 1024


def _distinct_copy(text: str, k: int) -> str:
    """Copy k of a code as a regeling of its own, no article the same as in another copy.

    Each article heading gets a title naming the copy: the copies share no article, so nothing
    read for one copy can be reused for another, and the time grows with the text as it would
    for a code 4 or 16 times as large. The two versions of one copy still share their unchanged
    articles, as two versions of one code do.
    """
    text = re.sub(r"(?m)^regeling: .*$", f"regeling: KOPIE{k}", text, count=1)
    return re.sub(r"(?m)^(## Artikel \S+)(.*)$", rf"\1\2 (kopie {k})", text)


def build(root: Path, texts: dict[str, str], copies: int) -> None:
    """A dossier whose versions hold `copies` copies of each text (one file per copy)."""
    from wetgeving import dossier as dossier_mod
    from wetgeving.versiontext import record_version

    root.mkdir(parents=True)
    env_free = dossier_mod.config_text("Bench", "Wetboek van Strafrecht", "BWBR0001854")
    (root / "wetgeving.toml").write_text(env_free, encoding="utf-8")
    drafts = root / "drafts"
    drafts.mkdir()
    git(root, "init", "-q")
    git(root, "add", "wetgeving.toml")
    git(root, "commit", "-q", "-m", "dossier")
    d = dossier_mod.load(root)
    for name, text in texts.items():
        for k in range(copies):
            copy = text if k == 0 else _distinct_copy(text, k)
            (drafts / f"sr-{k:02d}.md").write_text(copy, encoding="utf-8")
        # As `wetgeving version create` does: parse (and cache) the text, then record it.
        record_version(d, name, f"Wetboek van Strafrecht {name}")
    for name, text in texts.items():
        whole = "".join(text if k == 0 else _distinct_copy(text, k) for k in range(copies))
        (root / f"{name}.txt").write_text(whole, encoding="utf-8")


def best(runs: list[tuple[float, float]]) -> tuple[float, float]:
    """The fastest run (the machine may be busy) and the highest peak memory seen."""
    return min(t for t, _ in runs), max(m for _, m in runs)


def measure(root: Path, repeat: int) -> dict[str, float]:
    cache = root / ".git" / "wetgeving-cache"
    diff = [sys.executable, "-m", "wetgeving", "diff", "sr2009", "sr2013", "--format", "json"]
    base_script = root / "baseline.py"
    base_script.write_text(BASELINE, encoding="utf-8")
    baseline = [sys.executable, str(base_script), "sr2009.txt", "sr2013.txt"]
    floor_cmd = [sys.executable, "-m", "wetgeving", "version", "list"]
    colds, warms, bases, floors = [], [], [], []
    # One untimed run of each command first: it writes the bytecode (see main), as installing a
    # package does, so no side pays for compiling Python source.
    for cmd in (diff, baseline, floor_cmd):
        run(cmd, root)
    # The cache as `version create` left it (a diff writes none: it parses partial trees).
    filled = root / "cache-filled"
    shutil.copytree(cache, filled)
    # Interleaved, so a busy moment on the machine hits both sides alike.
    for _ in range(repeat):
        shutil.rmtree(cache, ignore_errors=True)
        colds.append(run(diff, root))
        shutil.rmtree(cache, ignore_errors=True)
        shutil.copytree(filled, cache)
        warms.append(run(diff, root))
        bases.append(run(baseline, root))
        floors.append(run(floor_cmd, root))
    cold, cold_mb = best(colds)
    warm, warm_mb = best(warms)
    base, base_mb = best(bases)
    return {
        "cold": cold,
        "cold_mb": cold_mb,
        "warm": warm,
        "warm_mb": warm_mb,
        "base": base,
        "base_mb": base_mb,
        "floor": best(floors)[0],
    }


def build_in_child(root: Path, copies: int) -> int:
    """Build the dossier in another process; return the size of one version's text in bytes.

    The measuring process stays small: a process's peak memory as the kernel reports it includes
    the memory of the process that started it, up to the moment it starts the program.
    """
    out = subprocess.run(
        [sys.executable, __file__, "--build", str(root), str(copies)],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(out.stdout.strip())


def build_main(root: Path, copies: int) -> None:
    from wetgeving.text.bwb import import_bwb

    texts = {name: import_bwb(BWB / xml).markdown for name, xml in VERSIONS.items()}
    build(root, texts, copies)
    print(sum(len(t.encode()) for t in texts.values()) // 2)


def pin(cpu: str) -> str:
    """Run this process and its children on one processor (`cpu`), where the system allows it."""
    if cpu == "all":
        return "all processors (unpinned)"
    setaffinity = getattr(os, "sched_setaffinity", None)
    if setaffinity is None:
        return "all processors (this system cannot pin a process; use one with taskset)"
    setaffinity(0, {int(cpu)})
    return f"processor {cpu} only (as taskset -c {cpu})"


def main(cpu: str) -> None:
    pinned = pin(cpu)
    env_home = tempfile.mkdtemp(prefix="bench-home-")
    gitconfig = Path(env_home) / ".gitconfig"
    gitconfig.write_text(
        "[user]\n\tname = Bench\n\temail = bench@example.invalid\n", encoding="utf-8"
    )
    os.environ.update(
        {"HOME": env_home, "GIT_CONFIG_GLOBAL": str(gitconfig), "GIT_CONFIG_NOSYSTEM": "1"}
    )
    # An installed package has its bytecode compiled (pip does so); an environment with
    # PYTHONDONTWRITEBYTECODE would make every run compile all of wetgeving's source again.
    # Bytecode goes to a temporary folder, not into the work tree.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(Path(env_home) / "pycache")
    results: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-diff-") as tmp:
        for copies in (1, 4, 16):
            root = Path(tmp) / f"x{copies}"
            version_bytes = build_in_child(root, copies)
            results[copies] = measure(root, 5 if copies == 1 else 3 if copies == 4 else 1)
    shutil.rmtree(env_home, ignore_errors=True)
    one = results[1]
    size = version_bytes / 1024
    print(f"Wetboek van Strafrecht 2009 -> 2013, {size:.0f} KB per version; {pinned}")
    print(
        f"{'size':>5} {'diff cold':>10} {'diff warm':>10} {'baseline':>10}"
        f" {'ratio cold':>11} {'ratio warm':>11} {'peak MB':>8}"
    )
    for copies, r in results.items():
        print(
            f"{copies:>4}x {r['cold']:>9.2f}s {r['warm']:>9.2f}s"
            f" {r['base']:>9.2f}s {r['cold'] / r['base']:>11.2f}"
            f" {r['warm'] / r['base']:>11.2f} {r['cold_mb']:>8.0f}"
        )
    print(f"ratio (cold, 1x): {one['cold'] / one['base']:.2f}  (target <= 2)")
    print(
        f"ratio (warm, 1x; versions recorded with 'version create'): "
        f"{one['warm'] / one['base']:.2f}  (target <= 1.5)"
    )
    print(
        f"start-up floor: 'wetgeving version list' {one['floor']:.2f}s (typer, git);"
        f" diff beyond that: cold {one['cold'] - one['floor']:.2f}s,"
        f" warm {one['warm'] - one['floor']:.2f}s"
    )
    print(f"peak memory (cold, 1x): {one['cold_mb']:.0f} MB  (target < 150 MB)")
    for copies in (4, 16):
        r = results[copies]
        print(
            f"scaling {copies}x: diff {r['cold'] / one['cold']:.1f}x the 1x time,"
            f" baseline {r['base'] / one['base']:.1f}x"
        )


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--build":
        build_main(Path(sys.argv[2]), int(sys.argv[3]))
    else:
        args = sys.argv[1:]
        if args and not (
            len(args) == 2 and args[0] == "--cpu" and re.fullmatch(r"\d+|all", args[1])
        ):
            sys.exit("usage: python bench/bench_diff.py [--cpu N|all]")
        main(args[1] if args else "0")
