"""YAML front matter: the only module that imports PyYAML (lazily).

Values are read with the BaseLoader, so every scalar is a string: "ja", "1.0" and "2024-01-01"
stay text and each caller validates what it needs.
"""

from __future__ import annotations

from typing import Any

from wetgeving.errors import ParseError

FrontValue = str | list[Any] | dict[str, Any]


def split(text: str, path: str) -> tuple[dict[str, FrontValue], str, int]:
    """Split a document into front matter, body and the number of lines before the body.

    Raises:
        ParseError: when the front matter is not closed or not a YAML mapping of strings.
    """
    if not text.startswith("---\n") and text.strip() != "---":
        return {}, text, 0
    end = text.find("\n---\n", 3)
    if end == -1:
        if text.endswith("\n---"):
            end = len(text) - 4
        else:
            raise ParseError(path, 1, "front matter begint met '---' maar wordt niet afgesloten")
    raw = text[4 : end + 1]
    body = text[end + 5 :]
    offset = raw.count("\n") + 2
    return load(raw, path, 2), body, offset


def load(raw: str, path: str, first_line: int = 1) -> dict[str, FrontValue]:
    """Parse a YAML mapping with string scalars only."""
    import yaml

    try:
        # BaseLoader builds no objects and keeps every scalar a string.
        data = yaml.load(raw, Loader=yaml.BaseLoader)
    except RecursionError:
        raise ParseError(path, first_line, "front matter is te diep genest") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = first_line + mark.line if mark is not None else first_line
        problem = getattr(exc, "problem", None) or "ongeldige YAML"
        raise ParseError(path, line, f"front matter is geen geldige YAML ({problem})") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ParseError(path, first_line, "front matter moet uit 'sleutel: waarde'-regels bestaan")
    return data


def dump(data: dict[str, Any]) -> str:
    """Render a mapping as a front matter block including both '---' lines."""
    import yaml

    def one(key: str, value: Any, unicode: bool) -> str:
        return yaml.safe_dump(
            {key: value}, allow_unicode=unicode, sort_keys=False, default_flow_style=False,
            width=10_000,
        )  # fmt: skip

    parts: list[str] = []
    for key, value in data.items():
        text = one(key, value, True)
        if yaml.load(text, Loader=yaml.BaseLoader) != {key: value}:
            # A character YAML reads as a line break (U+0085, U+2028, U+2029) would come back
            # as a space when written as it is: this value is written with escapes instead.
            text = one(key, value, False)
        parts.append(text)
    return f"---\n{''.join(parts)}---\n"
