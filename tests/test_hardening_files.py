"""Hostile dossiers: templates that try to run code and links that lead out of the dossier."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from test_documents_support import add_responses, make_dossier
from wetgeving.cli.app import app
from wetgeving.documents import templates
from wetgeving.dossier import Dossier
from wetgeving.errors import DocumentError

runner = CliRunner()
ATTACK = "{{ cycler.__init__.__globals__.os.popen('touch GEHACKT').read() }}\n"


def symlink(link: Path, target: Path) -> None:
    """Make a real symbolic link, or skip where the system cannot (Windows without rights)."""
    try:
        link.symlink_to(target, target_is_directory=target.is_dir())
    except (OSError, NotImplementedError) as exc:
        pytest.skip(f"no symbolic links here: {exc}")


@pytest.fixture
def dossier(tmp_path: Path) -> Dossier:
    d = make_dossier(tmp_path / "d")
    add_responses(d)
    return d


def run(d: Dossier, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--dossier", str(d.root), *args])
    return result.exit_code, result.stdout, result.stderr


def test_template_popen_through_cycler_globals_is_refused(
    dossier: Dossier, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`cycler.__init__.__globals__.os.popen(...)` in templates/mvt.md.j2 runs nothing: the
    sandbox refuses it with one Dutch line naming the template."""
    monkeypatch.chdir(dossier.root)
    (dossier.templates / "mvt.md.j2").write_text("Kop\n" + ATTACK, encoding="utf-8")
    code, out, err = run(dossier, "mvt", "v2")
    assert code == 9
    assert err == (
        f"fout: {dossier.templates / 'mvt.md.j2'}:2: sjabloon geweigerd: toegang tot '__init__'"
        " van de klasse Cycler is niet toegestaan"
        " (sjablonen lezen alleen de gegevens van het document)\n"
    )
    assert out == ""
    assert not (dossier.root / "GEHACKT").exists()


@pytest.mark.parametrize(
    ("source", "refused"),
    [
        ("{{ mvt.__class__.__mro__ }}", "'__class__' van een Mvt-object"),
        ("{{ mvt.points.__func__.__globals__ }}", "'__func__' van een method-object"),
        ("{{ heading.__globals__ }}", "'__globals__' van een function-object"),
        ("{{ namespace.__init__ }}", "'__init__' van de klasse Namespace"),
        ("{{ lipsum.__globals__ }}", "'__globals__' van een function-object"),
    ],
)
def test_template_reaching_python_internals_is_refused(
    tmp_path: Path, source: str, refused: str
) -> None:
    """Every way from the context to Python's internals is refused (dunder attributes, the
    attributes of functions, methods and classes)."""
    (tmp_path / "t.md.j2").write_text(source, encoding="utf-8")
    d = make_dossier(tmp_path / "d", ("geldend", "v1"))
    from wetgeving.documents import build

    doc = build.mvt_document(d, build.sources.load_text(d, "v1"), "geldend")
    with pytest.raises(DocumentError) as err:
        templates.render("t.md.j2", {"mvt": doc}, tmp_path)
    assert f"sjabloon geweigerd: toegang tot {refused} is niet toegestaan" in err.value.message


def test_template_reading_a_path_object_is_refused(tmp_path: Path) -> None:
    """A template gets plain data only: even a path slipped into the context cannot be read or
    written through (no file system object is usable in a template)."""
    (tmp_path / "t.md.j2").write_text("{{ p.read_text() }}", encoding="utf-8")
    secret = tmp_path / "geheim.txt"
    secret.write_text("geheim", encoding="utf-8")
    with pytest.raises(DocumentError) as err:
        templates.render("t.md.j2", {"p": secret}, tmp_path)
    assert err.value.message == (
        f"{tmp_path / 't.md.j2'}:1: sjabloon geweigerd: toegang tot 'read_text' van een"
        f" {type(secret).__name__}-object is niet toegestaan"
        " (sjablonen lezen alleen de gegevens van het document)"
    )


def test_template_changing_its_data_is_refused(tmp_path: Path) -> None:
    """The sandbox is the immutable one: a template cannot change a list it is given."""
    (tmp_path / "t.md.j2").write_text("{{ xs.append(1) }}", encoding="utf-8")
    with pytest.raises(DocumentError) as err:
        templates.render("t.md.j2", {"xs": [0]}, tmp_path)
    assert "sjabloon geweigerd: toegang tot 'append' van een list-object" in err.value.message


def test_symlinked_template_out_of_the_dossier_is_refused(dossier: Dossier, tmp_path: Path) -> None:
    """templates/mvt.md.j2 as a link to a file elsewhere on the machine is not read."""
    secret = tmp_path / "geheim.md.j2"
    secret.write_text("GEHEIM\n", encoding="utf-8")
    symlink(dossier.templates / "mvt.md.j2", secret)
    code, out, err = run(dossier, "mvt", "v2")
    assert (code, out) == (3, "")
    assert err == (
        f"fout: templates/mvt.md.j2: verwijst naar {secret.resolve()}, buiten het dossier;"
        " niet gelezen\n"
    )


def test_symlinked_template_folder_out_of_the_dossier_is_refused(
    dossier: Dossier, tmp_path: Path
) -> None:
    """A templates/ folder that is a link to a folder outside the dossier is not read."""
    outside = tmp_path / "elders"
    outside.mkdir()
    (outside / "mvt.md.j2").write_text("GEHEIM\n", encoding="utf-8")
    dossier.templates.rmdir()
    symlink(dossier.templates, outside)
    code, out, err = run(dossier, "mvt", "v2")
    assert (code, out) == (3, "")
    assert err == (
        f"fout: templates/mvt.md.j2: verwijst naar {(outside / 'mvt.md.j2').resolve()},"
        " buiten het dossier; niet gelezen\n"
    )


def test_symlinked_template_inside_the_dossier_is_read(dossier: Dossier) -> None:
    """A link that stays inside the dossier is an ordinary file."""
    (dossier.root / "eigen.md.j2").write_text("EIGEN {{ mvt.title }}\n", encoding="utf-8")
    symlink(dossier.templates / "mvt.md.j2", dossier.root / "eigen.md.j2")
    code, out, err = run(dossier, "mvt", "v2")
    assert code == 0, err
    assert out == "EIGEN Wet modernisering mensenhandel (test)\n"


def test_symlinked_toelichting_file_out_of_the_dossier_is_refused(
    dossier: Dossier, tmp_path: Path
) -> None:
    """toelichting/273f.md as a link to a file elsewhere is refused, naming it."""
    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0\n", encoding="utf-8")
    symlink(dossier.toelichting / "273f.md", secret)
    code, out, err = run(dossier, "mvt", "v2")
    assert (code, out) == (3, "")
    assert err == (
        f"fout: toelichting/273f.md: verwijst naar {secret.resolve()}, buiten het dossier;"
        " niet gelezen\n"
    )


def test_symlinked_toelichting_folder_out_of_the_dossier_is_refused(
    dossier: Dossier, tmp_path: Path
) -> None:
    """toelichting/algemeen as a link to a folder elsewhere is refused, naming it; so is the
    whole toelichting/ folder."""
    outside = tmp_path / "elders"
    outside.mkdir()
    (outside / "inleiding.md").write_text("GEHEIM\n", encoding="utf-8")
    symlink(dossier.toelichting / "algemeen", outside)
    code, _, err = run(dossier, "bundle", "v2", "-o", str(tmp_path / "b"))
    assert code == 3
    assert err == (
        f"fout: toelichting/algemeen: verwijst naar {outside.resolve()}, buiten het dossier;"
        " niet gelezen\n"
    )
    assert not (tmp_path / "b").exists()
    (dossier.toelichting / "algemeen").unlink()
    dossier.toelichting.rmdir()
    symlink(dossier.toelichting, outside)
    code, _, err = run(dossier, "mvt", "v2")
    assert code == 3
    assert err == (
        f"fout: toelichting: verwijst naar {outside.resolve()}, buiten het dossier; niet gelezen\n"
    )


def test_symlinked_draft_out_of_the_dossier_is_refused(dossier: Dossier, tmp_path: Path) -> None:
    """drafts/x.md as a link to a file elsewhere is refused by `check` and by the werk version."""
    secret = tmp_path / "geheim.md"
    secret.write_text("# Artikel 1\n\nGeheim.\n", encoding="utf-8")
    symlink(dossier.drafts / "x.md", secret)
    expected = (
        f"fout: drafts/x.md: verwijst naar {secret.resolve()}, buiten het dossier; niet gelezen\n"
    )
    for args in (("check",), ("show", "werk"), ("diff", "v2", "werk")):
        code, _, err = run(dossier, *args)
        assert (code, err) == (3, expected), args


def test_symlinked_response_out_of_the_dossier_is_refused(dossier: Dossier, tmp_path: Path) -> None:
    """A response file that is a link to a file elsewhere is refused by `responses list`."""
    folder = dossier.responses
    real = sorted(folder.glob("*.md"))[0]
    moved = tmp_path / real.name
    real.replace(moved)
    symlink(real, moved)
    code, out, err = run(dossier, "responses", "list")
    assert (code, out) == (3, "")
    assert err == (
        f"fout: consultation_responses/{real.name}: verwijst naar {moved.resolve()},"
        " buiten het dossier; niet gelezen\n"
    )


def test_symlinked_wetgeving_toml_out_of_the_dossier_is_refused(
    dossier: Dossier, tmp_path: Path
) -> None:
    """wetgeving.toml as a link to a file elsewhere is refused."""
    config = dossier.root / "wetgeving.toml"
    moved = tmp_path / "elders.toml"
    config.replace(moved)
    symlink(config, moved)
    code, out, err = run(dossier, "check")
    assert (code, out) == (3, "")
    assert err == (
        f"fout: {config}: verwijst naar {moved.resolve()}, buiten het dossier; niet gelezen\n"
    )
