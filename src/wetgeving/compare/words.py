"""Word-level diff of two texts: the only module that imports diff-match-patch.

Texts are split into tokens (a word, a run of whitespace, or one punctuation mark), each token is
mapped to one character, diff-match-patch diffs those characters (no timeout, semantic clean-up)
and the result is mapped back, so an edit never splits a word.

Whitespace does not take part in the alignment: diff-match-patch aligns the words and punctuation
only, each carrying the whitespace after it, and the whitespace is put back afterwards (equal where
both sides have the same). A space matches every other space, so aligning spaces too would only
double the length of the sequences (and quadruple the time of a rewritten provision) to find
matches that carry no meaning.
"""

from __future__ import annotations

import re
from typing import Any

from wetgeving.compare.model import Op

_TOKEN = re.compile(r"[\w°º]+|\s+|[^\w\s°º]")
_WORD = re.compile(r"[\w°º]+")
_DMP: Any = None


def _dmp() -> Any:
    global _DMP
    if _DMP is None:
        from diff_match_patch import diff_match_patch

        _DMP = diff_match_patch()
        _DMP.Diff_Timeout = 0  # a timeout would make results depend on the machine's speed
    return _DMP


def tokens(text: str) -> list[str]:
    """Split text into words, whitespace runs and single punctuation marks (lossless)."""
    return _TOKEN.findall(text)


def word_set(text: str) -> frozenset[str]:
    """The lower-cased words of a text, for similarity."""
    lower = text.lower()
    if len(lower) == len(text):
        # Lower-casing kept every character in place (one letter for one letter), so the words
        # of the lower-cased text are the lower-cased words.
        return frozenset(_WORD.findall(lower))
    return frozenset(w.lower() for w in _WORD.findall(text))


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard similarity of two word sets (1.0 for two empty sets)."""
    if not a and not b:
        return 1.0
    common = len(a & b)
    return common / (len(a) + len(b) - common)


def _char(code: int) -> str:
    # Skip the surrogate range, which is not a valid code point on its own.
    return chr(code + 0x100 if code < 0xD800 - 0x100 else code + 0x100 + 0x800)


_CHARS: list[str] = []


def _encode(a: list[str], b: list[str]) -> tuple[str, str, dict[str, str]]:
    """Map each distinct token to one character; return both texts and the way back."""
    # diff-match-patch only compares characters for equality, so any one-to-one map will do.
    distinct = list(dict.fromkeys(a + b))
    while len(_CHARS) < len(distinct):
        _CHARS.append(_char(len(_CHARS)))
    table = dict(zip(distinct, _CHARS, strict=False))
    back = dict(zip(_CHARS, distinct, strict=False))
    get = table.__getitem__
    return "".join(map(get, a)), "".join(map(get, b)), back


def _decode(chars: str, back: dict[str, str]) -> str:
    return "".join(map(back.__getitem__, chars))


def _core_positions(text: str, spaces: set[str]) -> list[int]:
    """Positions of the tokens other than whitespace (and of a leading one), then the end."""
    out = [k for k, ch in enumerate(text) if ch not in spaces or k == 0]
    out.append(len(text))
    return out


def _with_whitespace(
    diffs: list[tuple[int, str]], a: str, b: str, pa: list[int], pb: list[int]
) -> list[tuple[int, str]]:
    """Turn a diff of the cores into one of all tokens; whitespace that differs becomes an edit.

    Each core carries the whitespace token after it: deleted or inserted with it, and equal after
    an equal core only where both sides have the same.
    """
    out: list[tuple[int, str]] = []
    push = out.append
    ca = cb = 0
    for op, chars in diffs:
        k = len(chars)
        if op == -1:
            push((-1, a[pa[ca] : pa[ca + k]]))
            ca += k
        elif op == 1:
            push((1, b[pb[cb] : pb[cb + k]]))
            cb += k
        else:
            same_a, same_b = a[pa[ca] : pa[ca + k]], b[pb[cb] : pb[cb + k]]
            if same_a == same_b:
                push((0, same_a))
            else:
                for t in range(k):
                    x, y = pa[ca + t], pb[cb + t]
                    push((0, a[x]))
                    wa, wb = a[x + 1 : pa[ca + t + 1]], b[y + 1 : pb[cb + t + 1]]
                    if wa == wb:
                        if wa:
                            push((0, wa))
                    else:
                        if wa:
                            push((-1, wa))
                        if wb:
                            push((1, wb))
            ca += k
            cb += k
    return out


def _is_glue(text: str) -> bool:
    """Whitespace or punctuation only: too small to stand as an equality between two edits."""
    return not _WORD.search(text)


def word_diff(old: str, new: str) -> tuple[Op, ...]:
    """Return ("equal"|"delete"|"insert", text) ops turning `old` into `new`, word by word.

    A run of edits is given as one deletion followed by one insertion; joining the non-insert
    texts gives `old` exactly and the non-delete texts gives `new` exactly.
    """
    if old == new:
        return (("equal", old),) if old else ()
    if not old:
        return (("insert", new),)
    if not new:
        return (("delete", old),)
    old_tokens, new_tokens = tokens(old), tokens(new)
    a, b, back = _encode(old_tokens, new_tokens)
    dmp = _dmp()
    spaces = {ch for ch, tok in back.items() if tok.isspace()}
    pa, pb = _core_positions(a, spaces), _core_positions(b, spaces)
    cores_a = "".join([a[k] for k in pa[:-1]])
    cores_b = "".join([b[k] for k in pb[:-1]])
    if _shares_little(cores_a, cores_b):
        return (("delete", old), ("insert", new))
    diffs = _with_whitespace(dmp.diff_main(cores_a, cores_b, False), a, b, pa, pb)
    dmp.diff_cleanupMerge(diffs)
    _cleanup_semantic(diffs, back)
    dmp.diff_cleanupMerge(diffs)
    raw: list[tuple[int, str]] = [(op, _decode(chars, back)) for op, chars in diffs]
    return _merge(raw)


# diff-match-patch takes time proportional to length x edit distance: quadratic on two unrelated
# texts (20,000 words: minutes). Above this product (500 x 500 words, about 0.15 s) and with less
# than half of the runs of three words shared, aligning words says nothing a reader can use: the
# text is replaced as a whole.
_WORK_LIMIT = 250_000


def _shares_little(a: str, b: str) -> bool:
    """True for long texts that share less than half of their three-word runs (in linear time).

    Normal provisions (a few hundred words, or long ones with some words changed) stay below:
    an edit changes only the runs around it.
    """
    if len(a) * len(b) <= _WORK_LIMIT:
        return False
    runs_a = {a[k : k + 3] for k in range(len(a) - 2)}
    runs_b = {b[k : k + 3] for k in range(len(b) - 2)}
    return 2 * len(runs_a & runs_b) < min(len(runs_a), len(runs_b))


def _cleanup_semantic(diffs: list[tuple[int, str]], back: dict[str, str]) -> None:
    """diff-match-patch's semantic clean-up, measuring in characters of text, not in tokens.

    `diff_cleanupSemantic` removes an equality no longer than the edits on both sides of it. On
    token characters a long word counts as 1 and would be swallowed by two short edits
    ("[-gevangenisstraf-]{+levenslange gevangenisstraf of tijdelijke+}"), so the same rule is
    applied here with the real lengths. The later steps of that clean-up work on characters and
    could split a word, so they are left out; `diff_cleanupMerge` runs afterwards on tokens.
    """

    lengths = {ch: len(tok) for ch, tok in back.items()}
    length = lengths.__getitem__

    sizes: dict[str, int] = {}

    def size(chars: str) -> int:
        # The walk below goes back after each change and measures the same texts again.
        n = sizes.get(chars)
        if n is None:
            n = sizes[chars] = length(chars) if len(chars) == 1 else sum(map(length, chars))
        return n

    equalities: list[int] = []
    last: str | None = None
    last_size = 0
    pointer = 0
    ins1 = del1 = ins2 = del2 = 0
    while pointer < len(diffs):
        op, data = diffs[pointer]
        if op == 0:
            equalities.append(pointer)
            ins1, del1, ins2, del2 = ins2, del2, 0, 0
            last = data
            last_size = size(data)
        else:
            if op == 1:
                ins2 += size(data)
            else:
                del2 += size(data)
            if last and last_size <= max(ins1, del1) and last_size <= max(ins2, del2):
                where = equalities[-1]
                diffs.insert(where, (-1, last))
                diffs[where + 1] = (1, diffs[where + 1][1])
                equalities.pop()
                if equalities:
                    equalities.pop()
                pointer = equalities[-1] if equalities else -1
                ins1 = del1 = ins2 = del2 = 0
                last = None
        pointer += 1


def _merge(raw: list[tuple[int, str]]) -> tuple[Op, ...]:
    out: list[Op] = []
    dels: list[str] = []
    ins: list[str] = []

    def flush() -> None:
        if dels:
            out.append(("delete", "".join(dels)))
        if ins:
            out.append(("insert", "".join(ins)))
        dels.clear()
        ins.clear()

    n = len(raw)
    for i, (op, text) in enumerate(raw):
        if op == -1:
            dels.append(text)
        elif op == 1:
            ins.append(text)
        else:
            between = (dels or ins) and i + 1 < n and _is_glue(text)
            if between:
                # A lone space or comma between two edits reads better inside the replacement.
                dels.append(text)
                ins.append(text)
                continue
            flush()
            if out and out[-1][0] == "equal":
                out[-1] = ("equal", out[-1][1] + text)
            else:
                out.append(("equal", text))
    flush()
    return tuple((op, text) for op, text in out if text)
