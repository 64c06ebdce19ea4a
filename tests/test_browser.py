"""HTML pages in a real headless Chromium: no console errors, no external requests, no scripts."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from test_browser_support import CHROMIUM, Browser
from test_documents_support import SCRIPT, add_responses, make_dossier
from wetgeving.cli.app import app

pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium ontbreekt (Debian-pakket 'chromium'; .ci/run installeert het)",
)
runner = CliRunner()
TEXTS = "Array.from(document.querySelectorAll('.renvooi {}')).map(e => e.textContent)"
PAGES = (
    "index.html",
    "renvooi/v1-v2.html",
    "renvooi/geldend-v2.html",
    "mvt.html",
    "verslag.html",
    "reacties/273f.html",
    "reacties/algemeen.html",
    "tekst/tekst.html",
)


def _bundle(tmp_path: Path, *extra: str) -> Path:
    d = make_dossier(tmp_path / "d")
    add_responses(d)
    folder = tmp_path / "bundel"
    result = runner.invoke(
        app, ["--dossier", str(d.root), "bundle", "v2", "-o", str(folder), *extra]
    )
    assert result.exit_code == 0, result.stderr
    return folder


def test_bundle_pages_load_clean(tmp_path: Path) -> None:
    """Every bundle page loads with no console error, no external request and no dialog."""
    folder = _bundle(tmp_path, "--intern")
    with Browser() as browser:
        for page in PAGES:
            report = browser.load(folder / page, {"title": "document.title"})
            assert report.console_errors == [], page
            assert report.external_requests == [], page
            assert report.dialogs == [], page
            assert report.values["title"], page


def test_renvooi_shows_del_and_ins(tmp_path: Path) -> None:
    """The renvooi renders its deletions and insertions as <del> and <ins>."""
    folder = _bundle(tmp_path)
    with Browser() as browser:
        report = browser.load(
            folder / "renvooi" / "v1-v2.html",
            {
                "del": TEXTS.format("del"),
                "ins": TEXTS.format("ins"),
                "strike": "getComputedStyle(document.querySelector('.renvooi del'))"
                ".textDecorationLine",
            },
        )
    assert "vijfde" in report.values["del"]
    assert "zesde" in report.values["ins"]
    assert report.values["strike"] == "line-through"


def test_script_in_response_shows_as_text_and_runs_nothing(tmp_path: Path) -> None:
    """A response containing <script>alert(1)</script> is visible as text and opens no dialog."""
    folder = _bundle(tmp_path)
    with Browser() as browser:
        for page in ("reacties/273f.html", "verslag.html"):
            report = browser.load(
                folder / page,
                {
                    "shown": f"document.body.innerText.includes({SCRIPT!r})",
                    "scripts": "document.scripts.length",
                },
            )
            assert report.values == {"shown": True, "scripts": 0}, page
            assert report.dialogs == [] and report.console_errors == [], page


def test_harness_detects_errors_requests_and_dialogs(tmp_path: Path) -> None:
    """The checks are not vacuous: a bad page is caught on all three counts."""
    page = tmp_path / "slecht.html"
    page.write_text(
        "<html><body><script>console.error('x'); alert(2)</script>"
        "<img src='http://example.invalid/a.png'></body></html>",
        encoding="utf-8",
    )
    with Browser() as browser:
        report = browser.load(page)
    assert report.console_errors
    assert report.external_requests == ["http://example.invalid/a.png"]
    assert report.dialogs == ["2"]


def test_screenshot_of_renvooi_and_index(tmp_path: Path) -> None:
    """Screenshots a person can look at (WETGEVING_SCREENSHOTS=DIR keeps them)."""
    folder = _bundle(tmp_path)
    keep = Path(os.environ.get("WETGEVING_SCREENSHOTS", str(tmp_path / "schermafdrukken")))
    keep.mkdir(parents=True, exist_ok=True)
    with Browser() as browser:
        for page, name in (
            ("renvooi/v1-v2.html", "renvooi.png"),
            ("index.html", "index.png"),
            ("mvt.html", "mvt.png"),
        ):
            report = browser.load(folder / page, screenshot=True)
            assert report.screenshot[:8] == b"\x89PNG\r\n\x1a\n"
            assert len(report.screenshot) > 10_000
            (keep / name).write_bytes(report.screenshot)
    print(f"schermafdrukken in {keep}")
