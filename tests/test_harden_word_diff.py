"""Hardening: the word diff of a long provision fully rewritten is not quadratic."""

from __future__ import annotations

import random

from wetgeving.compare.words import word_diff


def _text(n: int, seed: int) -> str:
    rng = random.Random(seed)
    vocab = ["woord" + str(k) for k in range(3000)]
    return " ".join(rng.choice(vocab) for _ in range(n)) + "."


def test_long_unrelated_texts_are_replaced_as_a_whole() -> None:
    """Two unrelated 20,000-word texts give one deletion and one insertion (no word alignment)."""
    old, new = _text(20_000, 1), _text(20_000, 2)
    assert word_diff(old, new) == (("delete", old), ("insert", new))


def test_long_text_with_one_word_changed_is_still_aligned() -> None:
    """A 20,000-word text with one word changed keeps its word-by-word diff."""
    old = _text(20_000, 1)
    words = old.split(" ")
    new = " ".join([*words[:100], "gewijzigd", *words[101:]])
    ops = word_diff(old, new)
    assert [op for op, _ in ops] == ["equal", "delete", "insert", "equal"]
    assert ops[1][1] == words[100] and ops[2][1] == "gewijzigd"


def test_short_unrelated_texts_keep_the_word_diff() -> None:
    """Short provisions (a normal lid) are aligned word by word even when rewritten."""
    ops = word_diff("De rechter kan de straf verminderen.", "Het ministerie kan vervolgen.")
    assert ops[-1] == ("equal", ".")  # aligned: the full stop is kept, not replaced
