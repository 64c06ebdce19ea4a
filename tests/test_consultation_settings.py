"""`[consultatie]` in wetgeving.toml: the version under consultation, the law in force and the
questions, each key validated with a one-line Dutch error naming it."""
# ruff: noqa: E501 (expected Dutch messages are kept on one line to compare them exactly)

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from test_consultation_support import make_dossier
from wetgeving.cli.app import app
from wetgeving.consultation import settings
from wetgeving.errors import DossierError


def parse(text: str) -> settings.Settings:
    return settings.parse(tomllib.loads(text), "wetgeving.toml")


def test_questions_are_read_in_number_order() -> None:
    """Questions come out by number, with their kind and choices (ja/nee has ja and nee)."""
    s = parse(
        '[consultatie]\nversie = "v1"\n'
        '[[consultatie.vraag]]\nnummer = 2\ntekst = "Steunt u  dit?"\nsoort = "ja/nee"\n'
        '[[consultatie.vraag]]\nnummer = 1\ntekst = "Wat vindt u?"\nbepalingen = ["273f lid 1"]\n'
        '[[consultatie.vraag]]\nnummer = 3\ntekst = "Welke?"\nsoort = "meerkeuze"\nkeuzes = ["a", "b"]\n'
    )
    assert (s.version, s.in_force) == ("v1", "geldend")
    assert [(q.label, q.text, q.kind, q.choices, q.provisions, q.closed) for q in s.questions] == [
        ("Vraag 1", "Wat vindt u?", "open", (), ("273f lid 1",), False),
        ("Vraag 2", "Steunt u dit?", "ja/nee", ("ja", "nee"), (), True),
        ("Vraag 3", "Welke?", "meerkeuze", ("a", "b"), (), True),
    ]
    assert parse("") == settings.Settings()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[consultatie]\nversion = "v1"\n', "consultatie.version: onbekende sleutel; bekend zijn: versie, geldend, vraag"),
        ('[consultatie]\nversie = 1\n', "consultatie.versie: moet tekst zijn (een versienaam tussen aanhalingstekens)"),
        ('[consultatie]\ngeldend = "../x"\n', "consultatie.geldend: '../x' is geen geldige versienaam"),
        ('[[consultatie.vraag]]\ntekst = "x"\n', "consultatie.vraag[1].nummer: ontbreekt"),
        ('[[consultatie.vraag]]\nnummer = "1"\ntekst = "x"\n', "consultatie.vraag[1].nummer: moet een heel getal van 1 tot 1000 zijn, niet '1'"),
        ('[[consultatie.vraag]]\nnummer = 1\n', "consultatie.vraag[1].tekst: ontbreekt"),
        ('[[consultatie.vraag]]\nnummer = 1\ntekst = "  "\n', "consultatie.vraag[1].tekst: is leeg"),
        ('[[consultatie.vraag]]\nnummer = 1\ntekst = "x"\n[[consultatie.vraag]]\nnummer = 1\ntekst = "y"\n', "consultatie.vraag[2].nummer: vraag 1 staat er al"),
        ('[[consultatie.vraag]]\nnummer = 1\ntekst = "x"\nsoort = "gesloten"\n', "consultatie.vraag[1].soort: 'gesloten' is geen soort; kies uit: open, ja/nee, meerkeuze"),
        ('[[consultatie.vraag]]\nnummer = 1\ntekst = "x"\nsoort = "meerkeuze"\n', "consultatie.vraag[1].keuzes: ontbreekt (nodig bij soort meerkeuze)"),
        ('[[consultatie.vraag]]\nnummer = 1\ntekst = "x"\nsoort = "meerkeuze"\nkeuzes = ["a"]\n', "consultatie.vraag[1].keuzes: moet een lijst van minstens twee keuzes zijn"),
        ('[[consultatie.vraag]]\nnummer = 1\ntekst = "x"\nsoort = "meerkeuze"\nkeuzes = ["a", "A"]\n', "consultatie.vraag[1].keuzes: bevat een keuze twee keer"),
        ('[[consultatie.vraag]]\nnummer = 1\ntekst = "x"\nkeuzes = ["a", "b"]\n', "consultatie.vraag[1].keuzes: hoort alleen bij soort meerkeuze"),
        ('[[consultatie.vraag]]\nnummer = 1\ntekst = "x"\nbepalingen = "273f"\n', 'consultatie.vraag[1].bepalingen: moet een lijst van bepalingen zijn, zoals ["artikel 273f, eerste lid"]'),
        ('[[consultatie.vraag]]\nnummer = 1\ntekst = "x"\nbepalingen = ["het eerste lid"]\n', "consultatie.vraag[1].bepalingen: 'het eerste lid' is geen verwijzing naar een bepaling (bijvoorbeeld 'artikel 273f, derde lid')"),
        ('[[consultatie.vraag]]\nnummer = 1\ntekst = "x"\nvraag = "y"\n', "consultatie.vraag[1].vraag: onbekende sleutel; bekend zijn: nummer, tekst, bepalingen, soort, keuzes"),
        ("[consultatie]\nvraag = 3\n", "consultatie.vraag: schrijf elke vraag als [[consultatie.vraag]]"),
    ],
)  # fmt: skip
def test_bad_keys_are_named(text: str, message: str) -> None:
    """Every bad key gives one Dutch line naming the file and the key."""
    with pytest.raises(DossierError) as err:
        parse(text)
    assert err.value.message == f"wetgeving.toml: {message}"


def test_the_cli_stops_at_a_bad_key(tmp_path: Path) -> None:
    """A command that reads the settings exits 3 with that one line; nothing is stored."""
    d = make_dossier(tmp_path / "d")
    toml = Path(d.root) / "wetgeving.toml"
    toml.write_text(
        toml.read_text("utf-8") + '\n[[consultatie.vraag]]\nnummer = 0\ntekst = "x"\n', "utf-8"
    )
    sheet = tmp_path / "r.csv"
    sheet.write_text("Naam;Reactie\r\nA;B\r\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["--dossier", str(d.root), "responses", "import", str(sheet)])
    assert (result.exit_code, result.stderr) == (
        3,
        f"fout: {toml}: consultatie.vraag[1].nummer: moet een heel getal van 1 tot 1000 zijn, niet 0\n",
    )
    assert list(Path(d.root, "consultation_responses").glob("*.md")) == []
