"""Import every command module so it registers on the root app (order = help order)."""

from __future__ import annotations

import importlib

for _name in (
    "init",
    "version",
    "text",
    "diff",
    "amend",
    "consultation",
    "dispositions",
    "documents",
    "team",
):
    try:
        importlib.import_module(f"wetgeving.cli.{_name}")
    except ModuleNotFoundError as exc:  # a group still being built must not break the others
        if exc.name != f"wetgeving.cli.{_name}":
            raise
