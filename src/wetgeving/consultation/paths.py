"""Where responses live on disk: the folder and one file per id.

The lowest layer of the response store: `index` and `store` both build on it, so neither needs
the other to find a file.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from wetgeving import confine
from wetgeving.consultation.model import ID_RE
from wetgeving.errors import ConsultationError

if TYPE_CHECKING:
    from wetgeving.dossier import Dossier


def responses_dir(dossier: Dossier) -> Path:
    """The folder `consultation_responses/` of a dossier."""
    return Path(dossier.root) / "consultation_responses"


def path_for(dossier: Dossier, response_id: str) -> Path:
    """Return the file of a response; the name comes from the validated id only.

    Raises:
        ConsultationError: when `response_id` is not a valid id.
    """
    if not ID_RE.fullmatch(response_id):
        raise ConsultationError(f"ongeldig reactie-id '{response_id}'")
    return responses_dir(dossier) / f"{response_id}.md"


def is_response_name(name: str) -> bool:
    """True for a file name `<id>.md` with a valid id."""
    return name.endswith(".md") and ID_RE.fullmatch(name[:-3]) is not None


def response_files(folder: Path) -> Iterator[os.DirEntry[str]]:
    """The response files in `folder` (unsorted); nothing when the folder does not exist.

    Raises:
        DossierError: when the folder or a file is a link that leads out of the dossier.
    """
    if not folder.is_dir():
        return
    root = folder.parent
    confine.check(root, folder, folder.name)
    with os.scandir(folder) as entries:
        for entry in entries:
            if is_response_name(entry.name):
                confine.entry_inside(root, entry, f"{folder.name}/{entry.name}")
                if entry.is_file():
                    yield entry
