"""Benchmark: our draft parser against a bare markdown-it-py parse of the same text.

Renders the whole Wetboek van Strafrecht (2013 corpus) to draft text (about 0.5 MB), then times
`wetgeving.text.parse.parse` and `MarkdownIt("commonmark").parse(text)` (full default parse) in
the same run, best and median of several runs, at 1x, 4x and 16x the text (articles renumbered).
Target: ratio <= 1.5 and time growing linearly with size.

Run: python bench/bench_parse.py [--runs N]
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from markdown_it import MarkdownIt

from wetgeving.text.bwb import import_bwb
from wetgeving.text.parse import parse
from wetgeving.text.segments import forget

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "bwb"
_HEADING = re.compile(r"^## Artikel (\S+)", re.M)


def _times(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        # Each run reads the text as if for the first time: no article is known from a run before.
        forget()
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return min(samples), statistics.median(samples)


def _repeat(text: str, times: int) -> str:
    """The body repeated, each copy's articles renumbered (273f -> 273f.2) so ids stay unique."""
    head, sep, body = text.partition("\n---\n")
    parts = [body]
    for copy in range(2, times + 1):
        parts.append(_HEADING.sub(lambda m, c=copy: f"## Artikel {m.group(1)}.{c}", body))
    return head + sep + "".join(parts)


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--runs", type=int, default=7)
    runs = args.parse_args().runs
    text = import_bwb(CORPUS / "BWBR0001854-2013-11-16.xml").markdown
    md = MarkdownIt("commonmark")
    parse(text)  # warm up both (regex compilation, lazy imports)
    md.parse(text)
    print(
        f"{'size':>5} {'bytes':>10} {'ours best':>10} {'ours med':>10} {'bare best':>10} "
        f"{'bare med':>10} {'ratio':>6} {'per MB':>8}"
    )
    base: float | None = None
    bare_base: float | None = None
    for times in (1, 4, 16):
        sample = _repeat(text, times)
        size = len(sample.encode("utf-8"))
        n = max(3, runs // (1 if times == 1 else 2))
        ours_best, ours_med = _times(lambda s=sample: parse(s), n)
        bare_best, bare_med = _times(lambda s=sample: md.parse(s), n)
        per_mb = ours_best / (size / 1e6)
        bare_mb = bare_best / (size / 1e6)
        base = base or per_mb
        bare_base = bare_base or bare_mb
        print(
            f"{times:>4}x {size:>10} {ours_best:>10.3f} {ours_med:>10.3f} {bare_best:>10.3f} "
            f"{bare_med:>10.3f} {ours_best / bare_best:>6.2f} {per_mb:>7.3f}s"
            f"  (s/MB vs 1x: ours {per_mb / base:.2f}, bare {bare_mb / bare_base:.2f})"
        )
    print(
        "ratio = ours best / bare markdown-it best (target <= 1.5); s/MB vs 1x ~1.0 is linear, "
        "and a ratio that stays flat means we grow exactly as markdown-it does"
    )


if __name__ == "__main__":
    main()
