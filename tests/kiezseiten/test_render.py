"""Kiez pages rendered from the real data: place, neighbours, map, offers, figures, MSS, index."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html import unescape

import pytest

from pathways import load

from .conftest import SAMPLE_KIEZE, invalid_mss_kiez, kiez_with_most_offers, page_html, section

SVG = "{http://www.w3.org/2000/svg}"


def kiez_row(plr_id: str) -> dict:
    kieze = load.load_kieze()
    return kieze[kieze["plr_id"] == plr_id].iloc[0].to_dict()


def text(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


@pytest.mark.parametrize("plr_id", SAMPLE_KIEZE)
def test_heading_and_place_names_from_the_lor_tables(kiez_site, plr_id):
    html = page_html(kiez_site, plr_id)
    row = kiez_row(plr_id)
    assert re.search(rf"<h1>{re.escape(row['plr_name'])}</h1>", html)
    lage = text(re.search(r'<p class="kiez__lage">.*?</p>', html, re.S).group(0))
    for name in (row["bzr_name"], row["pgr_name"], row["bez_name"]):
        assert name in lage
    crumbs = re.search(r'<nav class="breadcrumb".*?</nav>', html, re.S).group(0)
    assert f'href="/bezirk/{row["bez_id"]}/"' in crumbs
    assert f'href="/bezirk/{row["bez_id"]}/#bzr-{row["bzr_id"]}">{row["bzr_name"]}<' in crumbs
    assert 'aria-current="page">' + row["plr_name"] in crumbs


@pytest.mark.parametrize("plr_id", SAMPLE_KIEZE)
def test_every_neighbour_is_linked_and_nothing_else(kiez_site, plr_id):
    pairs = load.load_neighbours()
    expected = {f"/kiez/{n}/" for n in pairs.loc[pairs["plr_id"] == plr_id, "nachbar_plr_id"]}
    links = set(re.findall(r'href="(/kiez/\d{8}/)"', section(page_html(kiez_site, plr_id),
                                                               "nachbarn")))
    assert expected and links == expected


@pytest.mark.parametrize("plr_id", SAMPLE_KIEZE)
def test_map_is_an_svg_image_with_title_desc_and_a_mark_per_offer(kiez_site, plr_id):
    html = page_html(kiez_site, plr_id)
    svg = ET.fromstring(re.search(r"<svg.*?</svg>", html, re.S).group(0))
    assert svg.get("role") == "img"
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert kiez_row(plr_id)["plr_name"] in title.text
    assert set(svg.get("aria-labelledby").split()) == {title.get("id"), desc.get("id")}
    offers = load.load_offers()
    here = offers[offers["plr_id"] == plr_id]
    marks = svg.find(f"{SVG}g[@class='kiezkarte__angebote']")
    assert sorted(m.find(f"{SVG}title").text for m in marks) == sorted(here["name"])
    assert f"{len(here)} Angebot" in desc.text
    assert len(html.encode()) < 100_000


@pytest.mark.parametrize("plr_id", SAMPLE_KIEZE)
def test_the_offers_on_the_map_are_listed_beside_it_with_links(kiez_site, plr_id):
    offers = load.load_offers()
    here = offers[offers["plr_id"] == plr_id]
    listing = section(page_html(kiez_site, plr_id), "karte")
    listing = listing[listing.index('class="kiezkarte-liste"'):]
    assert set(re.findall(r'href="/angebote/([^/"]+)/"', listing)) == set(here["id"])


def test_kiez_with_most_offers_has_a_long_list(kiez_site):
    plr_id = kiez_with_most_offers()
    count = int((load.load_offers()["plr_id"] == plr_id).sum())
    assert count > 20
    assert f"{count} Angebote im Kiez" in text(page_html(kiez_site, plr_id))


def test_invalid_mss_reads_keine_angabe_and_says_why(kiez_site):
    plr_id = invalid_mss_kiez()
    mss = load.load_mss().set_index("plr_id").loc[plr_id]
    zahlen = text(section(page_html(kiez_site, plr_id), "zahlen"))
    block = zahlen[zahlen.index("Monitoring Soziale Stadtentwicklung"):]
    assert block.count("keine Angabe") == 3
    assert mss["gueltig"] in block
    assert "Lizenz unbekannt" in block


def test_valid_mss_shows_the_source_wording_and_the_unknown_licence(kiez_site):
    mss = load.load_mss().set_index("plr_id").loc["01100101"]
    zahlen = text(section(page_html(kiez_site, "01100101"), "zahlen"))
    assert f"Status-Index {mss['si_v']}" in zahlen
    assert f"Dynamik-Index {mss['di_v']}" in zahlen
    assert "Lizenz unbekannt (nicht verifiziert)" in zahlen


def test_population_beside_bezirk_and_berlin(kiez_site):
    pop = load.load_population()
    row = kiez_row("08100102")
    values = [pop[(pop["ebene"] == e) & (pop["id"].fillna("") == i)]["alter_unter_6"].iloc[0]
              for e, i in (("planungsraum", "08100102"), ("bezirk", row["bez_id"]),
                           ("berlin", ""))]
    zahlen = text(section(page_html(kiez_site, "08100102"), "zahlen"))
    line = zahlen[zahlen.index("unter 6"):zahlen.index("6 bis unter 15")]
    for value in values:
        assert f"{int(value):,}".replace(",", ".") in line


def test_kieze_index_lists_all_kieze_with_postcodes_from_offer_addresses(kiez_site):
    index = json.loads((kiez_site / "data" / "kieze-index.json").read_text(encoding="utf-8"))
    kieze = load.load_kieze()
    assert len(index["kieze"]) == len(kieze) == 542
    assert index["plz_quelle"] == "PLZ aus Adressen der Angebote"
    entry = next(k for k in index["kieze"] if k["id"] == "08100102")
    offers = load.load_offers()
    expected = sorted(set(offers.loc[offers["plr_id"] == "08100102", "plz"].dropna()))
    assert entry["plz"] == expected and expected
    assert entry["url"] == "/kiez/08100102/"
    assert set(entry) == {"id", "name", "bezirk", "bezirksregion", "plz", "url"}
    assert [(k["name"], k["url"]) for k in index["kieze"]] == sorted(
        (k["name"], k["url"]) for k in index["kieze"])


def test_only_selected_kieze_are_written(kiez_site):
    assert sorted(p.name for p in (kiez_site / "kiez").iterdir()) == SAMPLE_KIEZE


def test_supply_ratios_are_those_of_pathways_analyse_and_missing_reads_keine_angabe(kiez_site):
    from pathways.analyse import KiezAnalysis
    from pathways.plan import default_planner

    found = KiezAnalysis(default_planner()).supply_demand("08100102")
    kita = found["kita_plaetze_je_kind_unter_6"]
    zahlen = text(section(page_html(kiez_site, "08100102"), "zahlen"))
    row = zahlen[zahlen.index("Kita-Plätze je Kind"):zahlen.index("Schülerinnen und Schüler je")]
    assert [f"{kita[a]:.2f}".replace(".", ",") for a in ("kiez", "bezirk", "berlin")] == \
        re.findall(r"\d+,\d\d", row)
    pupils = found["schueler_je_einwohner_6_18"]
    row = zahlen[zahlen.index("Schülerinnen und Schüler je"):zahlen.index("Plätze in Jugend")]
    assert (pupils["kiez"] is None) == row.startswith(
        "Schülerinnen und Schüler je Einwohner von 6 bis unter 18 keine Angabe")


def test_a_single_typical_age_is_not_written_as_a_range(kiez_site):
    """The Kita transition is typically at exactly 3: "mit 3 Jahren", never "mit 3–3 Jahren"."""
    pages = list((kiez_site / "kiez").glob("*/index.html"))
    assert pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"\b(\d+)–\1 Jahre", html), page
    assert any("typisch mit 3 Jahren" in p.read_text(encoding="utf-8") for p in pages)


def test_a_station_at_age_zero_reads_first_year_of_life(kiez_site):
    """Krippe, typical age 0: "im ersten Lebensjahr", never "mit etwa 0 Jahren"."""
    pages = list((kiez_site / "kiez").glob("*/index.html"))
    assert pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "mit etwa 0 Jahren" not in html, page
        krippe = re.search(r'id="station-krippe".*?</h3>', html, re.S)
        assert krippe and "– im ersten Lebensjahr</span>" in krippe.group(0), page
