"""The README documents every command and option, and its command reference is the real help."""

from __future__ import annotations

import re

import pytest

from readme_reference import README, commands, handwritten, help_text, updated

# Placeholders click or typer would write in English or in braces.
_ENGLISH = re.compile(r"<(str|text|path|file|integer|int range|float|boolean)>|\{[a-zA-Z_]+\}")


def test_reference_matches_help() -> None:
    """The generated command reference in the README is what `--help` prints now."""
    text = README.read_text(encoding="utf-8")
    assert updated(text) == text, "README is out of date: run python tests/readme_reference.py"


@pytest.mark.parametrize("path", [path for path, _ in commands()], ids=lambda path: " ".join(path))
def test_command_and_options_documented(path: tuple[str, ...]) -> None:
    """Each command is named in the README's own text, and each of its options appears there."""
    text = handwritten(README.read_text(encoding="utf-8"))
    command = dict(commands())[path]
    assert f"wetgeving {' '.join(path)}" in text, f"wetgeving {' '.join(path)} not in README"
    for param in command.params:
        names = [o for o in param.opts if o.startswith("-")]
        if not names or names == ["--help"] or "-h" in names:
            continue
        found = any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", text) for n in names)
        assert found, f"wetgeving {' '.join(path)}: option {'/'.join(names)} not in README"


def test_help_placeholders_dutch() -> None:
    """No `--help` shows an English placeholder (`<str>`, `<path>`) or a braced one (`{version}`):
    every value reads as a Dutch word in capitals (TEKST, VERSIE, BESTAND, PAD) or its choices."""
    for path in [(), *(path for path, _ in commands())]:
        shown = help_text(path)
        found = _ENGLISH.search(shown)
        assert found is None, f"wetgeving {' '.join(path)} --help: {found.group(0)!r}"


def test_help_lists_the_model_choices() -> None:
    """The CLI shows the kinds, channels and statuses of the model itself, not a copy."""
    from wetgeving.consultation.model import CHANNELS, KINDS, STATUS_LABELS

    respond = " ".join(help_text(("respond",)).split())
    dispose = " ".join(help_text(("respond", "dispose")).split())
    assert f"Soort indiener: {', '.join(KINDS)}." in respond
    assert f"Kanaal: {', '.join(CHANNELS)}." in respond
    assert f"Afdoening: {', '.join(STATUS_LABELS.values())}." in dispose
