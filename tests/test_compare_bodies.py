"""The diff sees every body of a regulation: bijlagen compared like articles, the enig artikel named
as Dutch names it, and a number pasted from Word ("1º") the same number as "1°" (issue 10
follow-ups). The regulations in tests/fixtures/bodies/ are illustrative."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import docx
from typer.testing import CliRunner

from test_compare import V
from test_diff_cli import build_dossier
from wetgeving import dossier as dossier_mod
from wetgeving.cli.app import app
from wetgeving.compare import Comparison, compare_versions, describe_article
from wetgeving.compare.formats import render_json, render_markdown, render_stat, render_text
from wetgeving.compare.html import render_html
from wetgeving.text.parse import parse

BODIES = Path(__file__).parent / "fixtures" / "bodies"
runner = CliRunner()


def version(name: str, fixture: str) -> V:
    text = (BODIES / fixture).read_text(encoding="utf-8")
    return V(name, None, (parse(text, "drafts/regeling.md"),))


def regeling() -> Comparison:
    return compare_versions(
        version("oud", "regeling-oud.md"), version("nieuw", "regeling-nieuw.md")
    )


def enig() -> Comparison:
    return compare_versions(version("oud", "enig-oud.md"), version("nieuw", "enig-nieuw.md"))


def test_changes_in_bijlagen_are_listed_like_articles() -> None:
    """Every change inside a bijlage is listed under "bijlage I", cited "bijlage I, onder 3":
    an onderdeel inserted, one renumbered and changed, one renumbered, a bijlage changed and a
    bijlage added."""
    assert render_text(regeling()) == (
        "verschillen tussen oud en nieuw\n"
        "\n"
        "bijlage I: 1 gewijzigd, 1 ingevoegd, 1 vernummerd\n"
        "  ingevoegd: bijlage I, onder 2 (nieuw)\n"
        "    {+Rijksmuseum Boerhaave te Leiden;+}\n"
        "  vernummerd en gewijzigd: bijlage I, onder 3 (oud: onder 2)\n"
        "    Koninklijk Kabinet van Schilderijen Mauritshuis{+ te Den Haag+};\n"
        "  vernummerd: bijlage I, onder 4 (oud: onder 3)\n"
        "\n"
        "bijlage II: 1 gewijzigd\n"
        "  gewijzigd: bijlage II\n"
        "    Plaats en datum van de aanvraag{+, met handtekening+}.\n"
        "\n"
        "bijlage III: 1 ingevoegd\n"
        "  ingevoegd: bijlage III\n"
        "    {+Verklaring van de aanvrager.+}\n"
    )


def test_bijlagen_in_markdown_stat_and_json() -> None:
    """Markdown heads a bijlage "Bijlage I", --stat counts it as "bijlage I", and the JSON gives
    its changes with article "bijlage I" and the node ids of `show`."""
    result = regeling()
    markdown = render_markdown(result)
    assert "\n## Bijlage I\n\n*1 gewijzigd, 1 ingevoegd, 1 vernummerd*\n" in markdown
    assert "\n## Bijlage III\n\n*1 ingevoegd*\n\n- *ingevoegd: bijlage III*: " in markdown
    assert render_stat(result) == (
        "             gewijzigd  ingevoegd toegevoegd  vervallen vernummerd verplaatst\n"
        "bijlage I            1          1          0          0          1          0\n"
        "bijlage II           1          0          0          0          0          0\n"
        "bijlage III          0          1          0          0          0          0\n"
        "totaal               2          2          0          0          1          0\n"
    )
    changes = json.loads(render_json(result))["changes"]
    assert [(c["kind"], c["article"], c["old_id"], c["new_id"]) for c in changes] == [
        ("inserted", "bijlage I", None, "bijlage.I/ond.2"),
        ("changed", "bijlage I", "bijlage.I/ond.2", "bijlage.I/ond.3"),
        ("renumbered", "bijlage I", "bijlage.I/ond.3", "bijlage.I/ond.4"),
        ("changed", "bijlage II", "bijlage.II", "bijlage.II"),
        ("inserted", "bijlage III", None, "bijlage.III"),
    ]


def test_bijlagen_described_for_the_mvt() -> None:
    """The sentences for the MvT name a bijlage's parts from inside it, and the bijlage itself
    as "de bijlage"; an added bijlage "wordt ingevoegd"."""
    result = regeling()
    assert describe_article(result, "bijlage I") == [
        "Er wordt een onderdeel ingevoegd (onderdeel 2).",
        "Onderdeel 2 wordt onderdeel 3 en is gewijzigd.",
        "Onderdeel 3 wordt onderdeel 4.",
    ]
    assert describe_article(result, "bijlage II") == ["De bijlage is gewijzigd."]
    assert describe_article(result, "bijlage III") == ["Bijlage III wordt ingevoegd."]


def test_a_bijlage_renumbered_and_one_that_lapsed() -> None:
    """A bijlage inserted before another renumbers it ("de oude bijlage II wordt bijlage III"),
    a bijlage that lapsed is "vervallen"; an article never pairs with a bijlage."""
    base = (BODIES / "regeling-oud.md").read_text(encoding="utf-8")
    model = "## Bijlage II. Model aanvraag"
    inserted = base.replace(model, "## Bijlage II. Model machtiging\n\nIk machtig.\n\n" + model)
    inserted = inserted.replace(model, "## Bijlage III. Model aanvraag")
    old = version("oud", "regeling-oud.md")
    result = compare_versions(old, V("nieuw", None, (parse(inserted, "drafts/regeling.md"),)))
    lines = render_text(result).split("\n")[2:]
    assert [line for line in lines if line and not line.startswith("    ")] == [
        "bijlage II: 1 ingevoegd",
        "  ingevoegd: bijlage II (nieuw)",
        "bijlage III: 1 vernummerd",
        "  vernummerd: bijlage III (oud: bijlage II)",
    ]
    assert describe_article(result, "bijlage III") == ["De oude bijlage II wordt bijlage III."]
    lapsed = base.split("## Bijlage II.")[0].rstrip() + "\n"
    gone = compare_versions(old, V("nieuw", None, (parse(lapsed, "drafts/regeling.md"),)))
    assert render_text(gone).split("\n")[2:] == [
        "bijlage II: 1 vervallen",
        "  vervallen: bijlage II",
        "    [-Plaats en datum van de aanvraag.-]",
        "",
    ]
    assert describe_article(gone, "bijlage II") == ["Bijlage II is vervallen."]


def test_enig_artikel_is_named_as_dutch_names_it() -> None:
    """The enig artikel is "enig artikel" in the listing (not "artikel :"), "Enig artikel" as a
    heading, and its parts are named from inside it in the MvT ("Onderdeel 1° is gewijzigd")."""
    result = enig()
    assert render_text(result) == (
        "verschillen tussen oud en nieuw\n"
        "\n"
        "enig artikel: 1 gewijzigd\n"
        "  gewijzigd: enig artikel, onder 1°\n"
        "    voor iedereen die in Nederland woont{+ of verblijft+};\n"
    )
    assert "\n## Enig artikel\n\n*1 gewijzigd*\n" in render_markdown(result)
    assert render_stat(result).split("\n")[1].startswith("enig artikel          1")
    assert describe_article(result, "") == ["Onderdeel 1° is gewijzigd."]
    assert describe_article(result, "enig artikel") == ["Onderdeel 1° is gewijzigd."]
    assert json.loads(render_json(result))["changes"][0]["article"] == ""
    only = compare_versions(
        version("oud", "enig-oud.md"), version("nieuw", "enig-nieuw.md"), article="enig artikel"
    )
    assert (only.article, len(only.changes)) == ("", 1)


def test_enig_artikel_in_sentences_about_other_bodies() -> None:
    """Seen from elsewhere, it is "het enig artikel" ("verplaatst uit het oude onderdeel 1° van
    het enig artikel"); a bijlage without a number is "de bijlage"; when the regulation gets a
    second article, "het enig artikel wordt artikel 1"."""
    long = "voor iedereen die in Nederland woont of verblijft en daar ook werkt"
    old = (
        f"## Enig artikel\n\nDe regels gelden:\n\n- 1°. {long};\n- 2°. voor niemand.\n\n"
        "## Bijlage. Lijst\n\nDe lijst:\n\n- 1\\. een;\n- 2\\. twee.\n"
    )
    new = (
        "## Enig artikel\n\nDe regels gelden:\n\n- 1°. voor niemand.\n\n"
        f"## Bijlage. Lijst\n\nDe lijst:\n\n- 1\\. een;\n- 2\\. twee;\n- 3\\. {long}.\n"
    )
    head = "---\ntitel: Regeling (illustratief)\n---\n\n"
    result = compare_versions(
        V("a", None, (parse(head + old, "r.md"),)), V("b", None, (parse(head + new, "r.md"),))
    )
    lines = render_text(result).split("\n")
    assert "  verplaatst: het oude onderdeel 1° van het enig artikel naar de bijlage, onder 3" in (
        lines
    )
    assert describe_article(result, "") == [
        "Onderdeel 2° wordt onderdeel 1°.",
        "Het oude onderdeel 1° is verplaatst naar de bijlage, onder 3, en gewijzigd.",
    ]
    assert describe_article(result, "bijlage")[-1] == (
        "Onderdeel 3 is verplaatst uit het oude onderdeel 1° van het enig artikel en is gewijzigd."
    )
    two = head + "## Artikel 1\n\nDe regels gelden.\n\n## Artikel 2\n\nDeze regeling vervalt.\n"
    grown = compare_versions(
        V("a", None, (parse(head + "## Enig artikel\n\nDe regels gelden.\n", "r.md"),)),
        V("b", None, (parse(two, "r.md"),)),
    )
    assert describe_article(grown, "1") == ["Het enig artikel wordt artikel 1."]


def test_number_pasted_from_word_is_the_same_number() -> None:
    """After `fmt` turns "1º" into "1°" nothing is "vernummerd": only the real edit is listed,
    under the new citation alone; an article number with a soft hyphen in it is the same number."""
    result = enig()
    assert [c.kind for c in result.changes] == ["changed"]
    assert result.changes[0].label == "enig artikel, onder 1°"
    assert not result.changes[0].renumbered
    text = (BODIES / "enig-oud.md").read_text(encoding="utf-8")
    fmt = text.replace("1º", "1°").replace("2º", "2°")
    same = compare_versions(version("oud", "enig-oud.md"), V("b", None, (parse(fmt, "r"),)))
    assert same.empty, render_text(same)
    base = (BODIES / "regeling-oud.md").read_text(encoding="utf-8")
    pasted = V("a", None, (parse(base.replace("Artikel 2\n", "Artikel 2\u00ada\n"), "r"),))
    canonical = V("b", None, (parse(base.replace("Artikel 2\n", "Artikel 2a\n"), "r"),))
    same = compare_versions(pasted, canonical)
    assert same.empty, render_text(same)


def _dossier(root: Path, old: str = "regeling-oud.md", new: str = "regeling-nieuw.md") -> Path:
    """A dossier in git with the two fixtures recorded as v1 and v2 (as `test_diff_cli` does)."""
    fixtures = root.parent / "fixtures"
    (fixtures / "drafts").mkdir(parents=True)
    for name, fixture in (("v1", old), ("v2", new)):
        shutil.copy(BODIES / fixture, fixtures / "drafts" / f"{name}.md")
    return build_dossier(root, fixtures, ["v1", "v2"]).root


def test_cli_article_filter_takes_a_bijlage(tmp_path: Path) -> None:
    """`diff --article "bijlage II"` shows that bijlage only; an unknown bijlage exits 7."""
    root = _dossier(tmp_path / "d")
    result = runner.invoke(app, ["--dossier", str(root), "diff", "v1", "v2", "-a", "bijlage II"])
    assert result.exit_code == 0
    assert result.stdout.split("\n")[2:] == [
        "bijlage II: 1 gewijzigd",
        "  gewijzigd: bijlage II",
        "    Plaats en datum van de aanvraag{+, met handtekening+}.",
        "",
    ]
    result = runner.invoke(app, ["--dossier", str(root), "diff", "v1", "v2", "-a", "Bijlage IV"])
    assert result.exit_code == 7
    assert result.stderr == "fout: bijlage IV bestaat niet in versie v1 en niet in versie v2\n"


def test_amend_rewrites_a_changed_bijlage_and_verifies(tmp_path: Path) -> None:
    """`wetgeving amend` writes "Bijlage I komt te luiden" with its numbered onderdelen, inserts
    bijlage III, and its check (applied to v1 it gives v2) passes."""
    root = _dossier(tmp_path / "d")
    result = runner.invoke(app, ["--dossier", str(root), "amend", "v1", "v2"])
    assert result.exit_code == 0, result.stderr
    assert "\nA\n\nBijlage I komt te luiden:\n\nBijlage I. Lijst van diensten\n" in result.stdout
    assert "\n2. Rijksmuseum Boerhaave te Leiden;\n" in result.stdout
    assert "\nNa bijlage II wordt een bijlage ingevoegd, luidende:\n" in result.stdout


def test_html_renvooi_heads_bijlagen_and_the_enig_artikel() -> None:
    """The HTML renvooi has a section "Bijlage I" (id bijlage-I) and "Enig artikel"; its
    contents are headed by what changed."""
    page = render_html(regeling())
    assert '<nav class="toc"><h2>Gewijzigde bijlagen</h2>' in page

    assert '<li><a href="#bijlage-I">Bijlage I</a> <span class="summary">(1 gewijzigd, 1 ' in page
    assert '<section class="renvooi" id="bijlage-I">\n<h2>Bijlage I</h2>' in page
    assert '<section class="renvooi" id="enig-artikel">\n<h2>Enig artikel</h2>' in (
        render_html(enig())
    )


def _artikelsgewijs(root: Path, toelichting: str, text: str) -> str:
    """The Artikelsgewijs deel of the MvT of v2 against v1, with one file in toelichting/."""
    (root / "toelichting").mkdir()
    (root / "toelichting" / toelichting).write_text(text, "utf-8")
    result = runner.invoke(app, ["--dossier", str(root), "mvt", "v2", "--against", "v1"])
    assert result.exit_code == 0, result.stderr
    return result.stdout.split("## II. ARTIKELSGEWIJS DEEL\n")[1]


def test_mvt_has_a_section_per_bijlage_with_its_onderdeel_of_the_bill(tmp_path: Path) -> None:
    """The artikelsgewijze toelichting has a section "Bijlage I" with what changed, the
    onderdeel of the bill that rewrites it and the text of toelichting/bijlage-I.md; a new
    bijlage is "(nieuw)"."""
    part = _artikelsgewijs(_dossier(tmp_path / "d"), "bijlage-I.md", "Uitleg bij de lijst.\n")
    assert part.startswith(
        "\n### Bijlage I\n\n_Wijziging:_\n\n"
        "- Er wordt een onderdeel ingevoegd (onderdeel 2).\n"
        "- Onderdeel 2 wordt onderdeel 3 en is gewijzigd.\n"
        "- Onderdeel 3 wordt onderdeel 4.\n\n"
        "> **Artikel I, onderdeel A**\n>\n> Bijlage I komt te luiden:\n"
    )
    assert "> 2\\. Rijksmuseum Boerhaave te Leiden;\n" in part
    assert "> 4\\. Rijksmuseum Twenthe te Enschede.\n\nUitleg bij de lijst.\n" in part
    assert "\n### Bijlage II\n\n_Wijziging:_ De bijlage is gewijzigd.\n" in part
    assert "[Toelichting nog te schrijven in toelichting/bijlage-II.md]" in part
    assert "\n### Bijlage III (nieuw)\n\n_Wijziging:_ Bijlage III wordt ingevoegd.\n" in part


def test_mvt_section_of_the_enig_artikel(tmp_path: Path) -> None:
    """The enig artikel's section is headed "Enig artikel", names its parts from inside it,
    quotes its change of the bill (the only one: "Artikel I", no letter, the regulation named in
    the change) and reads toelichting/enig-artikel.md."""
    root = _dossier(tmp_path / "d", "enig-oud.md", "enig-nieuw.md")
    part = _artikelsgewijs(root, "enig-artikel.md", "Uitleg.\n")
    # The bill rewrites the article: its text must come out with "1°" where v1 had "1º".
    assert part.startswith(
        "\n### Enig artikel\n\n_Wijziging:_ Onderdeel 1° is gewijzigd.\n\n"
        "> **Artikel I**\n>\n> Het enig artikel van het Wetboek van Strafrecht komt te luiden:\n"
    )
    assert part.endswith("> 2°. voor iedereen die in Nederland werkt.\n\nUitleg.\n")


def test_bundle_of_a_regulation_with_bijlagen(tmp_path: Path) -> None:
    """A bundle of a regulation with bijlagen is built: its text (HTML and Word) heads each
    bijlage "Bijlage I. Lijst van diensten", and its renvooi (HTML and Word) lists the changes
    in the bijlagen."""
    from wetgeving.documents import bundle

    root = _dossier(tmp_path / "d")
    made = dict(bundle.make(dossier_mod.load(root), "v2").files)
    page = made["tekst/tekst.html"].decode("utf-8")
    assert '<section class="bijlage" id="bijlage.I">\n<h3>Bijlage I. Lijst van diensten</h3>' in (
        page
    )
    word = docx.Document(io.BytesIO(made["tekst/tekst.docx"]))
    assert [p.text for p in word.paragraphs if p.style.name == "Heading 2"] == [
        "Artikel 1",
        "Artikel 2",
        "Bijlage I. Lijst van diensten",
        "Bijlage II. Model aanvraag",
        "Bijlage III. Model verklaring",
    ]
    renvooi = made["renvooi/v1-v2.html"].decode("utf-8")
    assert '<section class="renvooi" id="bijlage-III">\n<h2>Bijlage III</h2>' in renvooi
    word = docx.Document(io.BytesIO(made["renvooi/v1-v2.docx"]))
    texts = [p.text for p in word.paragraphs]
    assert "vernummerd en gewijzigd: bijlage I, onder 3 (oud: onder 2)" in texts
    assert [p.text for p in word.paragraphs if p.style.name == "Heading 1"] == [
        "Bijlage I",
        "Bijlage II",
        "Bijlage III",
    ]


def test_a_new_heading_title_is_a_change() -> None:
    """A new title of an article ("Artikel 1 Begripsbepalingen") or bijlage ("Bijlage I. Lijst
    van diensten") is shown: "opschrift: ..." with its word edits, in the JSON as `title_ops`,
    in words "Het opschrift van de bijlage is gewijzigd."."""
    old = (
        "## Artikel 1 Begripsbepalingen\n\nIn deze regeling wordt verstaan onder minister: de "
        "minister.\n\n## Bijlage I. Lijst van diensten\n\nDe diensten zijn er.\n"
    )
    new = old.replace("Begripsbepalingen", "Definities").replace("diensten\n", "musea\n")
    new = new.replace("de minister.", "de minister van Justitie.")
    head = "---\ntitel: Regeling (illustratief)\n---\n\n"
    result = compare_versions(
        V("a", None, (parse(head + old, "r.md"),)), V("b", None, (parse(head + new, "r.md"),))
    )
    assert render_text(result).split("\n")[2:] == [
        "artikel 1: 1 gewijzigd",
        "  gewijzigd: artikel 1",
        "    opschrift: [-Begripsbepalingen-]{+Definities+}",
        "    In deze regeling wordt verstaan onder minister: de minister{+ van Justitie+}.",
        "",
        "bijlage I: 1 gewijzigd",
        "  gewijzigd: bijlage I",
        "    opschrift: Lijst van [-diensten-]{+musea+}",
        "",
    ]
    data = json.loads(render_json(result))["changes"]
    assert [(c["kind"], c["ops"], c["title_ops"]) for c in data][1] == (
        "changed",
        None,
        [["equal", "Lijst van "], ["delete", "diensten"], ["insert", "musea"]],
    )
    assert describe_article(result, "1") == [
        "Het opschrift en de tekst van het artikel zijn gewijzigd."
    ]
    assert describe_article(result, "bijlage I") == ["Het opschrift van de bijlage is gewijzigd."]
    assert (
        '<p class="text"><span class="opschrift">opschrift:</span> Lijst van <del>diensten</del>'
        "<ins>musea</ins></p>"
    ) in render_html(result)


def test_stale_reference_inside_the_enig_artikel() -> None:
    """A reference "onder 2°" inside the enig artikel that a renumbering left behind is flagged,
    and the warning names the enig artikel as Dutch does ("in het enig artikel, onder 4°")."""
    items = (
        "- 1°. voor de eerste groep mensen in het land;\n"
        "- 2°. voor de tweede groep mensen in het land;\n"
    )
    last = "voor wie hij aanwijst, anders dan bedoeld onder 2°.\n"
    old = f"## Enig artikel\n\nDe regels gelden:\n\n{items}- 3°. {last}"
    new = (
        "## Enig artikel\n\nDe regels gelden:\n\n- 1°. voor een nieuwe groep die er eerst niet "
        f"was;\n{items.replace('2°.', '3°.').replace('1°.', '2°.')}- 4°. {last}"
    )
    head = "---\ntitel: Regeling (illustratief)\n---\n\n"
    result = compare_versions(
        V("a", None, (parse(head + old, "r.md"),)), V("b", None, (parse(head + new, "r.md"),))
    )
    assert result.warnings == (
        "verwijzing naar onder 2° in het enig artikel, onder 4°, wijst nu naar een ander "
        "onderdeel; bedoeld was het enig artikel, onder 2°, dat nu het enig artikel, onder 3°, is",
    )
