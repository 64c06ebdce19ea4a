"""`wetgeving check` and `wetgeving fmt`: validate drafts and rewrite them in canonical form."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from wetgeving import files, frontmatter
from wetgeving.errors import ParseError, UsageError
from wetgeving.text.labels import article_key, cite
from wetgeving.text.model import DIVISION_RANK, Node, Regeling
from wetgeving.text.parse import MAX_BYTES, parse, parse_checked, read_draft
from wetgeving.text.pasted import canonical_regeling
from wetgeving.text.render import render_markdown


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in a draft: file, 1-based line (None for the file as a whole), Dutch message."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class CheckReport:
    """All problems of the checked files, in file and line order."""

    files: tuple[str, ...]
    problems: tuple[Problem, ...]

    @property
    def summary(self) -> str:
        """One Dutch summary line."""
        if not self.problems:
            return "geen problemen gevonden"
        n = len(self.problems)
        files = len({p.path for p in self.problems})
        word = "probleem" if n == 1 else "problemen"
        where = "1 bestand" if files == 1 else f"{files} bestanden"
        return f"{n} {word} gevonden in {where}"


# Ar 3.59: every item but the last ends in ";" or ","; the one before the last may end in "en" or
# "of" (Ar 3.60 of 2012: aanwijzing 101), with or without the punctuation before it.
_CONNECTIVE = re.compile(r"(?:[;,]\s*|\s)(?:en|of|en/of|dan wel|alsmede|respectievelijk)$")
# An aanhef continues into its list ("... gestraft:", "hij die,", "indien"); one that ends a
# sentence leaves the items without a sentence to belong to.
_SENTENCE_END = (".", ";", "!", "?")


def _what(node: Node) -> str:
    if node.kind == "artikel":
        return f"artikel {node.number}"
    if node.kind == "lid":
        return f"lid {node.number}"
    if node.kind == "onderdeel":
        return f"onderdeel {node.number}"
    return node.label or node.kind


def _sequence_value(number: str) -> tuple[str, int] | None:
    """Position of a lid/onderdeel number in its series: ("num", 3) for "3" and "3°", ("abc", 2)."""
    plain = number.rstrip("°º").rstrip(".")
    if plain.isdigit():
        return ("num", int(plain))
    if len(plain) == 1 and "a" <= plain <= "z":
        return ("abc", ord(plain) - ord("a") + 1)
    if len(plain) == 2 and plain[0] == plain[1] and "a" <= plain[0] <= "z":
        return ("abc", 26 + ord(plain[0]) - ord("a") + 1)
    return None


class _Checker:
    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def add(self, node: Node, message: str) -> None:
        self.problems.append(Problem(self.path, node.line or None, message))

    def regeling(self, regeling: Regeling) -> None:
        articles = list(regeling.articles())
        seen: dict[str, Node] = {}
        prev: Node | None = None
        for art in articles:
            if art.number in seen:
                first = seen[art.number]
                self.add(art, f"artikel {art.number} komt dubbel voor (ook op regel {first.line})")
            else:
                seen[art.number] = art
                if prev is not None and article_key(art.number) < article_key(prev.number):
                    self.add(art, f"artikel {art.number} staat na artikel {prev.number}")
            prev = art
        for node in regeling.walk():
            if node.kind in ("artikel", "bijlage"):
                self.article(node)
            elif node.kind in DIVISION_RANK and not node.children and not node.text:
                self.add(node, f"{cite(node.label)} is leeg")

    def article(self, art: Node) -> None:
        """The rules for an article, or a bijlage, and everything in it."""
        if not art.text and not art.children:
            self.add(art, f"{art.label} is leeg")
        kinds = {c.kind for c in art.children}
        if "lid" in kinds and "onderdeel" in kinds:
            stray = next(c for c in art.children if c.kind == "onderdeel")
            self.add(
                stray,
                f"onderdeel {stray.number} staat los tussen de leden van {art.label}; "
                "spring het in onder zijn lid (3 spaties)",
            )
        self.series(art)
        for node in art.walk():
            if node is not art and node.kind in ("lid", "onderdeel"):
                self.series(node)
                if not node.text and not node.children:
                    self.add(node, f"{cite(node.label)} is leeg")
        if art.kind == "artikel":
            # Ar 3.59 is about a list in an article; a bijlage lists names, rows, a model.
            self.lists(art)

    def series(self, parent: Node) -> None:
        """Duplicates, order and gaps among the leden or the onderdelen of one parent."""
        for kind in ("lid", "onderdeel"):
            items = [c for c in parent.children if c.kind == kind]
            seen: set[str] = set()
            prev: tuple[str, int] | None = None
            prev_node: Node | None = None
            for item in items:
                if not item.number[:1].isalnum():
                    continue  # dashes ("–") are not numbers
                if item.number in seen:
                    self.add(item, f"{_what(item)} komt dubbel voor in {parent.label}")
                    continue
                seen.add(item.number)
                value = _sequence_value(item.number)
                if value is None or (prev is not None and value[0] != prev[0]):
                    prev, prev_node = value, item
                    continue
                expected = prev[1] + 1 if prev is not None else 1
                if value[1] < expected and prev_node is not None:
                    self.add(item, f"{_what(item)} staat na {_what(prev_node)} in {parent.label}")
                elif value[1] > expected:
                    missing = f"{item.kind} {_name(value[0], expected, item.number)}"
                    if prev_node is None:
                        self.add(
                            item,
                            f"{cite(parent.label)} begint met {_what(item)}, niet met {missing}",
                        )
                    else:
                        self.add(
                            item,
                            f"{_what(item)} volgt op {_what(prev_node)}: {missing} ontbreekt",
                        )
                prev, prev_node = value, item

    def lists(self, parent: Node) -> None:
        """Ar 3.59: items end in ';' or ',', the last item in '.'; the aanhef runs into them."""
        items = [c for c in parent.children if c.kind == "onderdeel"]
        if items:
            self.aanhef(parent)
            followed = bool(parent.children) and parent.children[-1].kind == "slotzin"
            self.items(items, None if followed else ".")
        for child in parent.children:
            if child.kind == "lid":
                self.lists(child)

    def aanhef(self, parent: Node) -> None:
        if not parent.text or parent.vervallen:
            return
        last = parent.text.split("\n")[-1].rstrip()
        if last.endswith(_SENTENCE_END) and not last.endswith("..."):
            self.add(
                parent,
                f"de aanhef van {cite(parent.label)} eindigt op '{last[-1]}'; een opsomming zet "
                "de zin van de aanhef voort (eindig op ':')",
            )

    def items(self, items: list[Node], last_end: str | None) -> None:
        for i, item in enumerate(items):
            want = last_end if i == len(items) - 1 else ";"
            subs = [c for c in item.children if c.kind == "onderdeel"]
            if subs:
                self.aanhef(item)
                followed = item.children[-1].kind == "slotzin"
                self.items(subs, None if followed else want)
                if followed:
                    self.ending(item.children[-1], item, want)
                continue
            self.ending(item, item, want)

    def ending(self, source: Node, item: Node, want: str | None) -> None:
        if want is None or not source.text:
            return
        text = source.text.split("\n")[-1].rstrip()
        if want == ";":
            if text.endswith((";", ",")) or _CONNECTIVE.search(text) or item.vervallen:
                return
            self.add(source, f"{cite(item.label)} eindigt niet op ';' of ',' (Ar 3.59)")
        elif not text.endswith("."):
            if item.vervallen and text.endswith(";"):
                return
            self.add(source, f"{cite(item.label)} is het laatste onderdeel en eindigt niet op '.'")


def _name(series: str, position: int, like: str) -> str:
    if series == "num":
        degree = "°" if like.rstrip(".").endswith(("°", "º")) else ""
        return f"{position}{degree}"
    if position <= 26:
        return chr(ord("a") + position - 1)
    return chr(ord("a") + position - 27) * 2


def check_text(text: str, path: str) -> list[Problem]:
    """Return every problem in one draft text, in line order."""
    from wetgeving.text.merge import unresolved

    conflicts = unresolved(text)
    if conflicts:  # the markers break the parse: the conflict is the one problem to show
        return [Problem(path, line, message) for line, message in conflicts]
    try:
        regeling, errors = parse_checked(text, path)
    except ParseError as exc:
        return [Problem(path, exc.line, exc.detail)]
    checker = _Checker(path)
    for err in errors:
        checker.problems.append(Problem(path, err.line, err.detail))
    checker.regeling(regeling)
    from wetgeving.text.checkrefs import broken  # the reference grammar: only when checking

    checker.problems.extend(Problem(path, line, message) for line, message in broken(regeling))
    return sorted(checker.problems, key=lambda p: p.line or 0)


def check_files(files: Sequence[tuple[Path, str]]) -> CheckReport:
    """Check drafts given as (path, name to show); unreadable files are reported as problems."""
    problems: list[Problem] = []
    for path, shown in files:
        try:
            text = read_draft(path, shown)
        except ParseError as err:
            problems.append(Problem(shown, err.line, err.detail))
            continue
        problems.extend(check_text(text, shown))
    return CheckReport(tuple(shown for _, shown in files), tuple(problems))


@dataclass(frozen=True, slots=True)
class FormatResult:
    """Which files `fmt` changed (or would change with --check)."""

    changed: tuple[str, ...]
    unchanged: tuple[str, ...]


def canonical(text: str, path: str) -> str:
    """Return the canonical form of a draft text, with canonical characters (see text.pasted).

    Front matter holding a comment or a repeated key is kept as written: the canonical front
    matter, written from the values read, would silently drop those lines.

    Raises:
        ParseError: when the text does not parse.
    """
    new = render_markdown(canonical_regeling(parse(text, path)))
    _, body, _ = frontmatter.split(text, path)
    front = text[: len(text) - len(body)]
    keys = [m.group(1) for m in _FRONT_KEY.finditer(front)]
    if "#" in front or len(keys) != len(set(keys)):
        _, new_body, _ = frontmatter.split(new, path)
        return (front if front.endswith("\n") else front + "\n") + new_body
    return new


_FRONT_KEY = re.compile(r"^([^\s#:-][^:\n]*):", re.MULTILINE)


def format_files(drafts: Sequence[tuple[Path, str]], check_only: bool) -> FormatResult:
    """Rewrite drafts in canonical form; nothing is written when any file does not parse.

    Raises:
        ParseError: naming file and line of the first file that does not parse.
    """
    plans: list[tuple[Path, str, str, bool]] = []
    for path, shown in drafts:
        raw = files.decode_utf8(
            files.read_bytes(path, shown, limit=MAX_BYTES, what="conceptbestand"), shown, MAX_BYTES
        )
        text = files.lines_lf(raw)
        new = canonical(text, shown)
        if new != text and "\r\n" in raw:
            # A draft saved with Windows line ends (an editor, git's autocrlf) keeps them.
            new = new.replace("\n", "\r\n")
            text = raw
        plans.append((path, shown, new, new != text))
    changed: list[str] = []
    unchanged: list[str] = []
    for path, shown, new, differs in plans:
        if not differs:
            unchanged.append(shown)
            continue
        changed.append(shown)
        if not check_only:
            write_atomic(path, new, force=True)
    return FormatResult(tuple(changed), tuple(unchanged))


def write_atomic(target: Path, text: str, force: bool, shown: str = "") -> None:
    """Write a file via a temporary file and a rename, so a draft is never half-written.

    Raises:
        UsageError: when the file exists and `force` is false, or it cannot be written.
    """
    name = shown or str(target)
    if target.is_dir():
        raise UsageError(f"{name} is een map; geef een bestandsnaam")
    if target.exists() and not force:
        raise UsageError(f"{name} bestaat al; gebruik --force om het te overschrijven")
    mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        files.replace(target, text.encode("utf-8"), mode)
    except OSError as exc:
        raise UsageError(f"{name}: kan niet worden geschreven ({files.reason(exc)})") from None
