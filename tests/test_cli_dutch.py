"""The help and usage errors that typer's bundled click writes itself are in Dutch."""

from __future__ import annotations

from typer.testing import CliRunner

from wetgeving.cli.app import app

runner = CliRunner()


def test_help_headings_are_dutch() -> None:
    """Usage line and section headings of a command's help read Gebruik, Argumenten, Opties."""
    result = runner.invoke(app, ["version", "create", "--help"])
    assert result.exit_code == 0
    assert result.output.startswith("Gebruik: ")
    assert "\nArgumenten:\n" in result.output
    assert "\nOpties:\n" in result.output
    assert "[verplicht]" in result.output


def test_group_help_lists_opdrachten() -> None:
    """A command group lists its sub-commands under "Opdrachten"."""
    result = runner.invoke(app, ["version", "--help"])
    assert result.exit_code == 0
    assert "\nOpdrachten:\n" in result.output


def test_unknown_option_is_a_dutch_usage_error() -> None:
    """An unknown option exits 2 with a Dutch one-line error after the usage line."""
    result = runner.invoke(app, ["diff", "--bogus"])
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == "fout: onbekende optie --bogus"
    assert "Zie 'root diff -h' voor hulp." in result.output


def test_missing_argument_is_a_dutch_usage_error() -> None:
    """A missing argument names the argument in Dutch."""
    result = runner.invoke(app, ["diff"])
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == "fout: argument OUD ontbreekt"


def test_invalid_choice_is_a_dutch_usage_error() -> None:
    """A value outside the choices lists the allowed values in Dutch."""
    result = runner.invoke(app, ["diff", "v1", "v2", "--format", "foo"])
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == (
        "fout: ongeldige waarde voor '--format' / '-f': "
        "'foo' is niet een van 'text', 'markdown', 'html', 'json', 'docx'"
    )
