"""Benchmark `wetgeving amend` on the whole Wetboek van Strafrecht (2009 -> 2013).

Both BWB versions are imported as two versions of a temporary dossier (the project's own import,
as bench_diff.py builds it). Measured in the same run, as whole processes and interleaved:
- `python -m wetgeving amend sr2009 sr2013 --format json`: the bill for every changed article
  plus its own verification (the bill read back from its text and applied to sr2009 must give
  sr2013 exactly);
- `python -m wetgeving diff sr2009 sr2013 --format json`, the baseline.
Both from cold (no parse cache) and warm (the cache `version create` fills). Prints the ratio
amend / diff (target <= 3) and the number of onderdelen and instructions of the bill. Each timing
is the best of 5 runs, after one untimed run of each command that writes the Python bytecode.
Run: `python bench/bench_amend.py`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_diff import build_in_child

REPEAT = 5


def run(cmd: list[str], cwd: Path) -> float:
    """Run a process to the end; return its wall time in seconds."""
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed: {proc.stderr.decode()}")
    return elapsed


def main() -> None:
    home = tempfile.mkdtemp(prefix="bench-home-")
    gitconfig = Path(home) / ".gitconfig"
    gitconfig.write_text("[user]\n\tname = Bench\n\temail = bench@example.invalid\n", "utf-8")
    os.environ.update(
        {"HOME": home, "GIT_CONFIG_GLOBAL": str(gitconfig), "GIT_CONFIG_NOSYSTEM": "1"}
    )
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(Path(home) / "pycache")
    with tempfile.TemporaryDirectory(prefix="bench-amend-") as tmp:
        root = Path(tmp) / "sr"
        build_in_child(root, 1)
        cache = root / ".git" / "wetgeving-cache"
        amend = [sys.executable, "-m", "wetgeving", "amend", "sr2009", "sr2013", "--format", "json"]
        diff = [sys.executable, "-m", "wetgeving", "diff", "sr2009", "sr2013", "--format", "json"]
        out = subprocess.run(amend, cwd=root, capture_output=True, text=True, check=True).stdout
        data = json.loads(out)
        run(diff, root)
        times: dict[str, list[float]] = {"amend cold": [], "diff cold": [], "amend": [], "diff": []}
        for _ in range(REPEAT):
            shutil.rmtree(cache, ignore_errors=True)
            times["amend cold"].append(run(amend, root))
            shutil.rmtree(cache, ignore_errors=True)
            times["diff cold"].append(run(diff, root))
            times["amend"].append(run(amend, root))
            times["diff"].append(run(diff, root))
    shutil.rmtree(home, ignore_errors=True)
    best = {name: min(values) for name, values in times.items()}
    letters = {(i["artikel"], i["onderdeel"]) for i in data["instructions"]}
    print("Wetboek van Strafrecht 2009 -> 2013")
    print(f"bill: {len(letters)} onderdelen, {len(data['instructions'])} instructions (verified)")
    for name in ("amend cold", "diff cold", "amend", "diff"):
        print(f"{name:>11}: {best[name]:.2f}s")
    print(f"ratio amend / diff (warm): {best['amend'] / best['diff']:.2f}  (target <= 3)")
    print(f"ratio amend / diff (cold): {best['amend cold'] / best['diff cold']:.2f}  (target <= 3)")


if __name__ == "__main__":
    main()
