"""Template environment: strict undefined, autoescape, dossier overrides, errors with line."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from wetgeving.cli.app import app
from wetgeving.documents import templates
from wetgeving.errors import DocumentError

runner = CliRunner()


def test_undefined_variable_names_template_file_and_line(tmp_path: Path) -> None:
    """A dossier template using an unknown variable fails with its file and line."""
    (tmp_path / "mvt.md.j2").write_text("regel een\n{{ bestaat_niet }}\n", encoding="utf-8")
    with pytest.raises(DocumentError) as err:
        templates.render("mvt.md.j2", {"mvt": None}, tmp_path)
    assert err.value.message == (
        f"{tmp_path / 'mvt.md.j2'}:2: fout in sjabloon: 'bestaat_niet' is undefined"
    )


def test_syntax_error_names_template_file_and_line(tmp_path: Path) -> None:
    """A template with a syntax error fails with its file and line."""
    (tmp_path / "verslag.md.j2").write_text("a\nb\n{% if %}\n", encoding="utf-8")
    with pytest.raises(DocumentError) as err:
        templates.render("verslag.md.j2", {}, tmp_path)
    assert err.value.message.startswith(f"{tmp_path / 'verslag.md.j2'}:3: fout in sjabloon:")


def test_dossier_template_overrides_default_by_name(tmp_path: Path) -> None:
    """A file in the dossier's templates/ replaces the default of the same name; others stay."""
    (tmp_path / "_base.html.j2").write_text(
        "EIGEN {% block content %}{% endblock %}", encoding="utf-8"
    )
    out = templates.render(
        "reacties.html.j2",
        {"title": "t", "heading": "h", "sections": [], "rows": [], "openbaar": True},
        tmp_path,
    )
    assert out.startswith("EIGEN ")
    assert "Reacties: h" in out


def test_html_is_autoescaped_and_markdown_is_not(tmp_path: Path) -> None:
    """HTML templates escape data; user content is never template source."""
    from wetgeving.documents.groupings import Entry, RespondentSection

    section = RespondentSection(
        "r", "<b>x</b>", "d", "k", "c", 0,
        (Entry("algemeen", "{{ 7*7 }} <script>alert(1)</script>", "s", ""),),
    )  # fmt: skip
    out = templates.render(
        "reacties.html.j2",
        {"title": "t", "heading": "h", "sections": [section], "rows": [], "openbaar": True},
    )
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "{{ 7*7 }}" in out and "49" not in out
    assert "&lt;b&gt;x&lt;/b&gt;" in out


def test_a_dossier_copy_of_the_old_reacties_template_still_renders(tmp_path: Path) -> None:
    """A dossier keeps its own copy of reacties.html.j2 from before the pages were grouped by
    respondent: the bundle still passes that template the rows it used (one per point)."""
    from test_documents_support import add_responses, make_dossier
    from wetgeving.documents import bundle

    d = make_dossier(tmp_path / "d")
    add_responses(d)
    (d.templates / "reacties.html.j2").write_text(
        "{% for r in rows %}[{{ r.who }}: {{ r.point.text }}]{% endfor %}", encoding="utf-8"
    )
    (d.templates / "index.html.j2").write_text(
        "{% for p in pages %}<{{ p[9:-5] }}>{% endfor %}", encoding="utf-8"
    )
    files = dict(bundle.make(d, "v2").files)
    assert files["reacties/273f.html"].decode() == (
        "[Fictieve Adviesraad, Den Haag: Maak het oogmerk duidelijker.]"
        "[Test Burger, Utrecht: Tekst met &lt;script&gt;alert(1)&lt;/script&gt; erin.]"
    )
    assert files["index.html"].decode() == "<indieners><273f><algemeen>"


def test_copy_defaults_copies_all_and_never_overwrites(tmp_path: Path) -> None:
    """copy_defaults writes every default template once and leaves edited copies alone."""
    written = templates.copy_defaults(tmp_path)
    names = sorted(p.relative_to(tmp_path).as_posix() for p in written)
    assert names == templates.default_names()
    assert "mvt.md.j2" in names and "index.html.j2" in names
    (tmp_path / "mvt.md.j2").write_text("eigen", encoding="utf-8")
    assert templates.copy_defaults(tmp_path) == []
    assert (tmp_path / "mvt.md.j2").read_text(encoding="utf-8") == "eigen"


def test_markdown_filter_escapes_raw_html() -> None:
    """The lawyer's Markdown is rendered with raw HTML escaped."""
    out = templates._markdown_filter("*nadruk* <script>alert(1)</script>")
    assert "<em>nadruk</em>" in out
    assert "<script>" not in out


def test_cli_broken_dossier_template_is_one_line_error(tmp_path: Path) -> None:
    """`wetgeving mvt` with a broken dossier template exits 9 naming the file and line."""
    from test_documents_support import make_dossier

    d = make_dossier(tmp_path / "d")
    (d.templates / "mvt.md.j2").write_text("# MvT\n\n{{ mvt.bestaat_niet }}\n", encoding="utf-8")
    result = runner.invoke(app, ["--dossier", str(d.root), "mvt", "v2"])
    assert result.exit_code == 9
    assert result.stderr == (
        f"fout: {d.templates / 'mvt.md.j2'}:3: fout in sjabloon: "
        "'wetgeving.documents.mvt.Mvt object' has no attribute 'bestaat_niet'\n"
    )
