"""Helpers for the documents tests: a real dossier in git with versions and responses."""

from __future__ import annotations

import shutil
from pathlib import Path

from wetgeving import dossier as dossier_mod
from wetgeving import gitrepo, history

FIXTURES = Path(__file__).parent / "fixtures"
SCRIPT = "<script>alert(1)</script>"


def make_dossier(
    root: Path, versions: tuple[str, ...] = ("geldend", "v1", "v2")
) -> dossier_mod.Dossier:
    """Create a dossier with the fixture drafts recorded as versions (geldend, v1, v2)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "wetgeving.toml").write_text(
        dossier_mod.config_text(
            "Wet modernisering mensenhandel (test)", "Wetboek van Strafrecht", "BWBR0001854"
        ),
        encoding="utf-8",
    )
    for folder in ("drafts", "consultation_responses", "templates", "toelichting"):
        (root / folder).mkdir(exist_ok=True)
    gitrepo.init_repository(root)
    d = dossier_mod.load(root)
    for name in versions:
        shutil.copyfile(FIXTURES / "drafts" / f"{name}.md", root / "drafts" / "273f.md")
        history.create_version(d, name, f"Versie {name}")
    return d


def response(
    rid: str,
    respondent: str,
    points: list[tuple[str, str, str, str, str]],
    *,
    organisation: str = "",
    place: str = "Utrecht",
    kind: str = "burger",
    channel: str = "internetconsultatie",
    openbaar: bool = True,
    campaign: str = "",
) -> str:
    """Return the file text of a response; points are (ref, node, text, status, reason)."""
    from wetgeving.consultation.fileformat import render
    from wetgeving.consultation.model import Disposition, Point, Response

    made = []
    for ref, node, text, status, reason in points:
        disposition = Disposition(status, reason, "v2") if status else None
        made.append(Point(ref=ref, node=node, text=text, disposition=disposition))
    return render(
        Response(
            id=rid,
            respondent=respondent,
            organisation=organisation,
            place=place,
            kind=kind,
            channel=channel,
            received="2026-01-15",
            openbaar=openbaar,
            version="v1",
            points=tuple(made),
            campaign=campaign,
        )
    )


def add_responses(d: dossier_mod.Dossier) -> None:
    """Write a small, clearly fictional set of responses (one with a script, one non-public)."""
    files = {
        "20260115T100000Z-aaaaaa": response(
            "20260115T100000Z-aaaaaa",
            "Fictieve Adviesraad",
            [
                (
                    "artikel 273f, eerste lid",
                    "art.273f/lid.1",
                    "Maak het oogmerk duidelijker.",
                    "overgenomen",
                    "Verduidelijkt in v2.",
                ),
                (
                    "algemeen",
                    "",
                    "Algemene opmerking over de systematiek.",
                    "kennisgenomen",
                    "Geen aanleiding tot wijziging.",
                ),
            ],
            organisation="Fictieve Adviesraad",
            place="Den Haag",
            kind="adviesorgaan",
            channel="adviesaanvraag",
        ),
        "20260115T110000Z-bbbbbb": response(
            "20260115T110000Z-bbbbbb",
            "Geheime Indiener",
            [
                (
                    "artikel 273f, derde lid",
                    "art.273f/lid.3",
                    "Liever geen publicatie van mijn naam.",
                    "deels",
                    "Deels verwerkt.",
                )
            ],
            place="Geheimdorp",
            openbaar=False,
        ),
        "20260115T120000Z-cccccc": response(
            "20260115T120000Z-cccccc",
            "Test Burger",
            [("artikel 273f, eerste lid", "art.273f/lid.1", f"Tekst met {SCRIPT} erin.", "", "")],
        ),
    }
    for rid, text in files.items():
        (d.responses / f"{rid}.md").write_text(text, encoding="utf-8")
