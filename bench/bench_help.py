"""Benchmark: wall time of `wetgeving --help` against a bare typer app with one command.

Both are measured in the same run, interleaved, as the median of several runs each. The bare app
uses the same settings as ours (no rich markup, no completion): typer's defaults load rich for
help, which would make the baseline slower and the ratio flatter than the truth.
Target: ratio at most 1.3. Exit code 1 when the target is missed.

    python bench/bench_help.py [--runs 21]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET = 1.3

BARE = '''\
import typer

app = typer.Typer(rich_markup_mode=None, add_completion=False)


@app.command()
def hello(name: str) -> None:
    """Say hello."""
    typer.echo(name)


if __name__ == "__main__":
    app()
'''


def wall(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    # The console script installed next to this interpreter (a pyenv shim on PATH would add
    # a bash start-up to our side only).
    script = Path(sys.executable).parent / "wetgeving"
    if script.is_file():
        ours = [str(script), "--help"]
    else:
        ours = [sys.executable, "-m", "wetgeving", "--help"]
    with tempfile.TemporaryDirectory() as tmp:
        bare_file = Path(tmp) / "bare_app.py"
        bare_file.write_text(BARE, encoding="utf-8")
        bare = [sys.executable, str(bare_file), "--help"]
        for cmd in (bare, ours):  # warm the file system cache and .pyc files
            wall(cmd)
        base_times: list[float] = []
        our_times: list[float] = []
        for _ in range(args.runs):
            base_times.append(wall(bare))
            our_times.append(wall(ours))
    base = statistics.median(base_times)
    mine = statistics.median(our_times)
    ratio = mine / base
    print(f"baseline (bare typer app --help): {base * 1000:.1f} ms (median of {args.runs})")
    print(f"wetgeving --help:                 {mine * 1000:.1f} ms (median of {args.runs})")
    print(f"ratio: {ratio:.2f} (target <= {TARGET})")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
