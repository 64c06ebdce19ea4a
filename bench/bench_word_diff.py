"""Benchmark the word diff of one provision fully rewritten (was quadratic: 20,000 words > 300 s).

Two unrelated texts of 1,000, 5,000 and 20,000 words (drawn from one vocabulary, so every word
occurs in both) are compared with `word_diff`; the baseline measured in the same run is a plain
read of the same two texts into words (`re.findall`), the least any word diff must do. Prints the
times and the ratio to the baseline (target: under 1 s for 20,000 words; a text with one word
changed is timed too, to show normal diffs keep aligning words).
Run: `python bench/bench_word_diff.py`.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable

from wetgeving.compare.words import word_diff

_WORDS = re.compile(r"\w+|\S")


def _text(vocab: list[str], n: int, seed: int) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(vocab) for _ in range(n)) + "."


def _best(run: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    rng = random.Random(1)
    letters = "abcdefghijklmnopqrstuvwxyz"
    vocab = ["".join(rng.choice(letters) for _ in range(rng.randint(2, 9))) for _ in range(3000)]
    for n in (1_000, 5_000, 20_000):
        old, new = _text(vocab, n, 1), _text(vocab, n, 2)
        one = old.replace(" " + old.split()[n // 2] + " ", " gewijzigd ", 1)
        baseline = _best(lambda old=old, new=new: (_WORDS.findall(old), _WORDS.findall(new)))
        rewritten = _best(lambda old=old, new=new: word_diff(old, new))
        edited = _best(lambda old=old, one=one: word_diff(old, one))
        ok = "ok" if n < 20_000 or rewritten < 1.0 else "TE TRAAG"
        print(
            f"{n:>6} words: read {baseline:.4f} s; rewritten {rewritten:.3f} s "
            f"({rewritten / baseline:.1f}x baseline) {ok}; "
            f"one word changed {edited:.3f} s ({edited / baseline:.1f}x)"
        )


if __name__ == "__main__":
    main()
