"""Writing documents safely: refused paths, no overwrite without --force, temp file + rename."""

from __future__ import annotations

from pathlib import Path

from wetgeving import files
from wetgeving.errors import DocumentError


def check_target(path: Path, root: Path, force: bool) -> Path:
    """Validate an output path and return it resolved.

    Raises:
        DocumentError: when the path is inside drafts/ or .git/, or exists without `force`.
    """
    target = path.resolve()
    for protected in ("drafts", ".git", "consultation_responses", "toelichting"):
        folder = (root / protected).resolve()
        if target == folder or folder in target.parents:
            raise DocumentError(
                f"{path}: uitvoer in {protected}/ is niet toegestaan; "
                f"kies een pad buiten {protected}/"
            )
    private = _private_responses(root)
    if private is not None and (target == private or private in target.parents):
        raise DocumentError(
            f"{path}: uitvoer in de reacties van de privé-repository is niet toegestaan; "
            "kies een ander pad"
        )
    if ".git" in target.parts or ".git" in path.parts:
        # The repository (also one above the dossier) is written by git alone.
        raise DocumentError(
            f"{path}: uitvoer in .git/ is niet toegestaan; kies een pad buiten .git/"
        )
    if target == (root / "wetgeving.toml").resolve():
        raise DocumentError(f"{path}: dit is de instelling van het dossier; kies een ander pad")
    if target.exists() and not force:
        raise DocumentError(f"{path}: bestaat al; gebruik --force om het te overschrijven")
    if target.exists() and target.is_dir() and not path.suffix == "":
        raise DocumentError(f"{path}: is een map, geen bestand")
    return target


def _private_responses(root: Path) -> Path | None:
    """The responses folder of the dossier's private repository (`[team] prive`), if any."""
    from wetgeving import dossier
    from wetgeving.errors import WetgevingError

    try:
        prive = dossier.load(root).prive
    except WetgevingError:
        return None
    return (root / prive).resolve() / "consultation_responses" if prive else None


def cannot_write(path: Path, exc: OSError) -> DocumentError:
    """The one-line error for a file system refusal."""
    return DocumentError(f"{path}: kan niet schrijven ({files.reason(exc)})")


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder and a rename.

    Raises:
        DocumentError: when the folder cannot be made or the file cannot be written.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        files.replace(path, data, 0o644)
    except OSError as exc:
        raise cannot_write(path, exc) from None


def safe_member(name: str) -> str:
    """Validate a relative path inside a bundle.

    Raises:
        DocumentError: when the name would write outside the bundle folder.
    """
    parts = name.replace("\\", "/").split("/")
    if (
        not name
        or name.startswith("/")
        or any(p in ("", ".", "..") for p in parts)
        or ":" in parts[0]
    ):
        raise DocumentError(f"'{name}': pad zou buiten de bundelmap schrijven; geweigerd")
    return "/".join(parts)
