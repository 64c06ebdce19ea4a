"""The fixed choices of a response: kinds of respondent, channels, dispositions (no imports).

The one list of each; the model validates against it and the CLI shows it in its help (this
module imports nothing, so the help stays fast).
"""

from __future__ import annotations

KINDS = ("burger", "bedrijf", "organisatie", "adviesorgaan", "overheid")
CHANNELS = ("internetconsultatie", "adviesaanvraag", "e-mail", "anders")
STATUSES = ("overgenomen", "deels", "niet-overgenomen", "kennisgenomen")
# How a status reads in text for people (the stored and JSON values stay the short ones).
STATUS_LABELS = {
    "overgenomen": "overgenomen",
    "deels": "deels overgenomen",
    "niet-overgenomen": "niet overgenomen",
    "kennisgenomen": "voor kennisgeving aangenomen",
}


def listed(values: tuple[str, ...]) -> str:
    """The choices as help and prompts list them ("burger, bedrijf, ...")."""
    return ", ".join(values)


def statuses_listed() -> str:
    """The dispositions as people read them ("overgenomen, deels overgenomen, ...")."""
    return listed(tuple(STATUS_LABELS[s] for s in STATUSES))
