"""The one error hierarchy: every expected failure carries a Dutch message and an exit code."""

from __future__ import annotations


class WetgevingError(Exception):
    """Base of all expected failures; `message` is one line of Dutch for the lawyer."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(WetgevingError):
    """A value given on the command line is not acceptable."""

    exit_code = 2


class DossierError(WetgevingError):
    """No dossier found, or its configuration is broken."""

    exit_code = 3


class VersionError(WetgevingError):
    """Unknown, duplicate or invalid concept version or revision."""

    exit_code = 4


class GitError(WetgevingError):
    """git is missing, locked or refused an operation."""

    exit_code = 5


class ParseError(WetgevingError):
    """A draft, XML or response file cannot be read; the message names file and line."""

    exit_code = 6

    def __init__(self, path: str, line: int | None, message: str) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line
        self.detail = message


class ProvisionRefError(WetgevingError):
    """A provision reference does not parse or does not exist."""

    exit_code = 7


class ConsultationError(WetgevingError):
    """A consultation response or import is invalid."""

    exit_code = 8


class DocumentError(WetgevingError):
    """A document cannot be produced (template error, output path refused)."""

    exit_code = 9


class AmendError(WetgevingError):
    """Wijzigingsopdrachten cannot be read or applied, or `amend` fails its own check.

    `problems` holds one line per instruction that failed ("opdrachten.txt:12: ..."), printed
    before the message.
    """

    exit_code = 10

    def __init__(self, message: str, problems: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems
