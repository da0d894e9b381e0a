"""Offer pages of a small real build: address, accessibility, attribution, JSON-LD, edit link."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from pathways.redaktion import load_redaktion


def page_text(site: Path, offer_id: str) -> str:
    return (site / "angebote" / offer_id / "index.html").read_text(encoding="utf-8")


def main_text(page: str) -> str:
    """The visible text of <main>, tags removed, entities decoded, whitespace collapsed."""
    main = page.split('<main id="inhalt"', 1)[1].split("</main>", 1)[0]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", main)).split())


def jsonld(page: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert match, "kein JSON-LD"
    return json.loads(match.group(1))


def row(offers, offer_id):
    return offers.set_index("id").loc[offer_id]


def test_only_the_selected_offers_are_built(small_site, samples):
    built = sorted(p.name for p in (small_site / "angebote").iterdir())
    assert built == sorted(set(samples.values()))


def test_address_kiez_and_bezirk_links(small_site, samples, offers):
    offer_id = samples["school_unknown_access"]
    data = row(offers, offer_id)
    page = page_text(small_site, offer_id)
    text = main_text(page)
    assert f"{data['strasse']}, {data['plz']} {data['ort']}" in text
    assert f'href="/kiez/{data["plr_id"]}/"' in page
    assert f'href="/bezirk/{data["bez_id"]}/"' in page


def test_unknown_accessibility_is_said_and_explained(small_site, samples):
    text = main_text(page_text(small_site, samples["school_unknown_access"]))
    assert "Barrierefreiheit unbekannt – die Datenquelle sagt dazu nichts" in text


def test_known_accessibility_is_shown_as_from_the_source(small_site, samples):
    text = main_text(page_text(small_site, samples["osm_accessible"]))
    assert "Barrierefreiheit barrierefrei (rollstuhlgerecht) (laut Datenquelle)" in text


def test_osm_offer_has_odbl_attribution_and_object_link(small_site, samples):
    offer_id = samples["osm"]
    page = page_text(small_site, offer_id)
    assert "© OpenStreetMap contributors" in main_text(page)
    assert 'href="https://www.openstreetmap.org/copyright"' in page
    kind, osm_id = offer_id.split("-")[1:]
    assert f'href="https://www.openstreetmap.org/{kind}/{osm_id}"' in page


def test_unverified_licence_is_marked(small_site, samples, offers):
    offer_id = samples["school_unknown_access"]
    assert "nicht verifiziert" in row(offers, offer_id)["lizenz"]
    assert "Lizenz nicht verifiziert" in main_text(page_text(small_site, offer_id))
    kita = samples["kita"]
    assert "nicht verifiziert" not in row(offers, kita)["lizenz"]
    assert "Lizenz nicht verifiziert" not in main_text(page_text(small_site, kita))


@pytest.mark.parametrize(("case", "schema_type"), [
    ("grundschule", "ElementarySchool"), ("kita", "Preschool"), ("library", "Library"),
    ("osm", None), ("jfe", "CivicStructure"),
])
def test_jsonld_parses_with_the_fitting_type(small_site, samples, offers, case, schema_type):
    data = row(offers, samples[case])
    ld = jsonld(page_text(small_site, samples[case]))
    assert ld["@context"] == "https://schema.org"
    if schema_type:
        assert ld["@type"] == schema_type
    assert ld["name"] == data["name"]
    place = ld.get("geo") or ld["location"]["geo"]
    assert (place["latitude"], place["longitude"]) == (data["lat"], data["lon"])


def test_edit_link_names_the_data_file(small_site, samples, offers):
    for offer_id in samples.values():
        resource = row(offers, offer_id)["ressource"]
        assert f"<code>datapackages/angebote/{resource}.csv</code>" in page_text(small_site,
                                                                               offer_id)


def test_missing_values_say_keine_angabe_never_zero(small_site, samples, offers):
    offer_id = samples["osm"]
    data = row(offers, offer_id)
    assert data["sprachen"] == [] and data["kosten"] is not None
    text = main_text(page_text(small_site, offer_id))
    assert "Sprachen keine Angabe" in text
    assert "Plätze" not in text  # no places in OSM data: the row is left out, not shown as 0


def test_stage_links_and_next_steps(small_site, samples, offers):
    offer_id = samples["kita"]
    page = page_text(small_site, offer_id)
    red = load_redaktion()
    for stage_id in row(offers, offer_id)["stufen"]:
        assert f'href="/stufen/{stage_id}/">{html.escape(red.stages[stage_id].name)}<' in page
    own = set(row(offers, offer_id)["stufen"])
    targets = {t.nach for t in red.transitions if t.von in own} - own
    section = page.split('id="naechste-schritte"', 1)[1].split('id="quelle"', 1)[0]
    for target in targets:
        assert f'href="/stufen/{target}/"' in section


@pytest.mark.parametrize("case", ["kita", "grundschule", "many_stages"])
def test_next_steps_intro_names_the_stations_with_article(small_site, samples, offers, case):
    """'Von der Bildungsstation „Grundschule“ …', 'Von den Bildungsstationen „Kita“ oder „Krippe“
    …', 'Von den Bildungsstationen „A“, „B“ oder „C“ …' (alphabetical) – never the bare
    'Von Grundschule geht es …'."""
    offer_id = samples[case]
    red = load_redaktion()
    names = [red.stages[s].name for s in row(offers, offer_id)["stufen"]]
    names.sort(key=lambda n: n.replace("Ä", "A").replace("Ö", "O").replace("Ü", "U").casefold())
    article = "der Bildungsstation" if len(names) == 1 else "den Bildungsstationen"
    quoted = [f"„{name}“" for name in names]
    quoted = " oder ".join(filter(None, [", ".join(quoted[:-1]), quoted[-1]]))
    text = html.unescape(re.sub(r"<[^>]+>", "", page_text(small_site, offer_id)))
    assert f"Von {article} {quoted} geht es oft so weiter:" in text


def test_zero_places_from_the_source_read_keine_angabe_and_say_so(small_site, samples, offers):
    """docs/IMPORT.md: 0 places in the JFE and Kita lists most likely mean 'not stated'; the data
    keeps the 0 as published, the page says "keine Angabe" and names the source's 0."""
    offer_id = samples["jfe_zero_places"]
    assert row(offers, offer_id)["plaetze"] == 0
    text = main_text(page_text(small_site, offer_id))
    assert "Plätze keine Angabe (die Datenquelle nennt 0 genehmigte Plätze;" in text
    assert "Plätze 0" not in text
    counted = samples["jfe"]
    assert row(offers, counted)["plaetze"] > 0
    assert f"Plätze {row(offers, counted)['plaetze']} (genehmigte Plätze laut Datenquelle)" in (
        main_text(page_text(small_site, counted)))
