"""Stage, Bezirk and counselling pages of a small real build; escaping; reproducible bytes."""

from __future__ import annotations

import hashlib
import sys
from dataclasses import replace
from pathlib import Path

from pelican.settings import read_settings

from pathways.load import load_bezirksregionen, load_kieze, load_offers
from pathways.redaktion import load_redaktion

from .conftest import ROOT, build
from .test_offer_pages import main_text

sys.path.insert(0, str(ROOT / "plugins"))


def read(site: Path, *parts: str) -> str:
    return (site.joinpath(*parts) / "index.html").read_text(encoding="utf-8")


def test_stage_page_transitions_requirements_and_counts(small_site):
    red = load_redaktion()
    page = read(small_site, "stufen", "kolleg")
    incoming = [t for t in red.transitions if t.nach == "kolleg"]
    assert incoming
    for t in incoming:
        assert f'href="/stufen/{t.von}/"' in page
        for service in t.beratung:
            assert f'href="/beratung/{service}/"' in page
    text = main_text(page)
    assert "Abschluss: Berufsbildungsreife (BBR)" in text  # requirement of incoming transitions
    offers = load_offers()
    total = sum("kolleg" in s for s in offers["stufen"])
    assert f"({total} insgesamt)" in text
    assert text.count("Anzahl Angebote") == 1 and page.count('href="/angebote/') == 0


def test_root_stage_says_no_way_leads_there(small_site):
    assert "es führt kein Übergang hierher" in main_text(read(small_site, "stufen", "geburt"))


def test_bezirk_page_lists_all_its_regions_and_kieze(small_site):
    page = read(small_site, "bezirk", "01")
    kieze = load_kieze()
    for plr_id in kieze[kieze["bez_id"] == "01"]["plr_id"]:
        assert f'href="/kiez/{plr_id}/"' in page
    regions = load_bezirksregionen()
    for name in regions[regions["bez_id"] == "01"]["bzr_name"]:
        assert f">{name}</h3>" in page
    offers = load_offers()
    kitas = int(((offers["bez_id"] == "01") & (offers["art"] == "kita")).sum())
    assert f"<th scope=\"row\">Kita</th><td>{kitas}</td>" in page


def test_overviews_link_every_stage_and_bezirk(small_site):
    stages = read(small_site, "stufen")
    for stage_id in load_redaktion().stages:
        assert f'href="/stufen/{stage_id}/"' in stages
    bezirke = read(small_site, "bezirk")
    for bez_id in load_kieze()["bez_id"].unique():
        assert f'href="/bezirk/{bez_id}/"' in bezirke


def test_service_page_links_the_transitions_it_helps_with(small_site):
    red = load_redaktion()
    page = read(small_site, "beratung", "jugendberufsagentur")
    helped = [t for t in red.transitions if "jugendberufsagentur" in t.beratung]
    assert helped
    for t in helped:
        assert f'href="/stufen/{t.nach}/"' in page
    assert "<code>datapackages/redaktion/beratung/jugendberufsagentur.yaml</code>" in page


def test_editor_markup_in_a_stage_is_rendered_inert():
    from i18n_ui.plugin import configure_environment
    from stage_pages.generator import StagePageGenerator

    settings = read_settings(str(ROOT / "pelicanconf.py"))
    generator = StagePageGenerator({}, settings, str(ROOT / "content"),
                                   str(ROOT / "theme"), "/nonexistent")
    configure_environment(generator.env, settings, "de", "de")
    stage = replace(load_redaktion().stages["kita"],
                    name="Kita <img src=x onerror=alert(1)>",
                    beschreibung="Text <script>alert('x')</script> [Link](javascript:alert(1))")
    html = generator.get_template("stage_pages/stage").render(
        settings, stage=stage, offer_types=[], incoming=[], outgoing=[], offers_by_bezirk=[],
        offers_total=0, breadcrumbs=(), edit_path=None)
    assert "<script>alert" not in html and "alert('x')" not in html
    assert "javascript:" not in html
    assert "<img src=x" not in html and "Kita &lt;img src=x onerror=alert(1)&gt;" in html


def digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_give_identical_bytes(small_site, small_site_settings, tmp_path):
    again = build(small_site_settings, tmp_path / "again")
    assert digest(again) == digest(small_site)
