"""The default pathway is in the HTML (readable and printable without JavaScript), taken from
pathways.precompute, and the per-Kiez JSON for pathway.js carries exactly that Kiez's data."""

from __future__ import annotations

import json
import re
from functools import lru_cache

import pytest
from datapages_base import TRANSITION_KINDS
from markupsafe import escape

from pathways.plan import default_planner

from .conftest import SAMPLE_KIEZE, page_html, section


@lru_cache(maxsize=1)
def precomputed():
    from kiez_pages.pathway import load_precomputed

    return load_precomputed(default_planner())


def course_ids(plr_id: str) -> list[str]:
    data = precomputed()
    return [data.shared["stufen"][i]["id"] for i, _ in data.kieze[plr_id]["l"]]


@pytest.mark.parametrize("plr_id", SAMPLE_KIEZE)
def test_life_course_steps_are_in_the_html_in_order(kiez_site, plr_id):
    weg = section(page_html(kiez_site, plr_id), "bildungsweg")
    shown = re.findall(r'<li class="weg-schritt" id="station-([a-z0-9-]+)"', weg)
    assert shown == course_ids(plr_id)
    assert shown[0] == "geburt" and len(shown) > 5


@pytest.mark.parametrize("plr_id", SAMPLE_KIEZE)
def test_offers_of_each_step_are_the_precomputed_ones_nearest_first(kiez_site, plr_id):
    data = precomputed()
    weg = section(page_html(kiez_site, plr_id), "bildungsweg")
    steps = re.split(r'<li class="weg-schritt" id="station-', weg)[1:]
    for (stage_index, _), html in zip(data.kieze[plr_id]["l"], steps, strict=True):
        expected = [data.shared["angebote"][e[0]]["id"]
                    for e in data.kieze[plr_id]["a"].get(str(stage_index), [])]
        listed = re.findall(r'<li><a href="/angebote/([^/"]+)/"', html)
        assert listed == expected
        assert len(re.findall(r"[\d,]+ km Luftlinie", html)) == len(expected)


def test_in_kiez_offers_come_before_neighbour_offers(kiez_site):
    weg = section(page_html(kiez_site, "08100102"), "bildungsweg")
    for step in re.split(r'<li class="weg-schritt"', weg)[1:]:
        tiers = re.findall(r'<span class="ebene">([^<]+)</span>', step)
        order = ["im Kiez", "im Nachbarkiez", "im Bezirk", "berlinweit"]
        assert [order.index(t) for t in tiers] == sorted(order.index(t) for t in tiers)
    assert "im Kiez" in weg and "im Nachbarkiez" in weg


def test_transitions_explain_kind_and_requirements_in_plain_german(kiez_site):
    from kiez_pages.pathway import requirements_text

    data = precomputed()
    steps = re.split(r'<li class="weg-schritt" id="station-', section(
        page_html(kiez_site, "08100102"), "bildungsweg"))[1:]
    course = data.kieze["08100102"]["l"]
    with_qualification = 0
    for (before, _), (after, _), html in zip(course, course[1:], steps[1:], strict=False):
        t = next(t for t in data.shared["uebergaenge"] if t["v"] == before and t["z"] == after)
        expected = requirements_text(t["rq"], t["rs"], t["rmin"], t["rmax"], t["ro"])
        assert f"<strong>Voraussetzungen:</strong> {escape(expected)}." in html
        assert f"<strong>Übergang:</strong> {TRANSITION_KINDS[t['t']]}," in html
        with_qualification += bool(t["rq"] and t["rq"] != "keiner")
    assert with_qualification, "kein Übergang des Lebenslaufs mit Abschluss-Voraussetzung"


def test_counselling_for_the_kiez_lists_the_planners_services(kiez_site):
    data = precomputed()
    kiez = data.kieze["08100102"]
    ids = {data.shared["beratung"][i]["id"] for ids in kiez["u"].values() for i in ids}
    html = section(page_html(kiez_site, "08100102"), "beratung")
    listed = re.findall(r'href="/beratung/([^/"]+)/"', html)
    assert set(listed) == ids
    by_id = {s["id"]: s for s in data.shared["beratung"]}
    local = [i for i in listed if by_id[i]["g"] == "bezirk"]
    assert local and listed[:len(local)] == local, "Dienste des Bezirks stehen nicht zuerst"
    assert all(by_id[i]["bz"] == kiez["b"] for i in local)
    assert html.count("(Bezirk Neukölln)") == len(local)


@pytest.mark.parametrize("plr_id", SAMPLE_KIEZE)
def test_browser_json_holds_this_kiez_and_only_its_offers(kiez_site, plr_id):
    data = precomputed()
    html = page_html(kiez_site, plr_id)
    url = re.search(r'data-json="([^"]+)"', html).group(1)
    assert url == f"/data/kiez/{plr_id}.json"
    browser = json.loads((kiez_site / url.lstrip("/")).read_text(encoding="utf-8"))
    assert browser["k"] == plr_id and browser["l"] == data.kieze[plr_id]["l"]
    used = {str(e[0]) for entries in browser["a"].values() for e in entries}
    assert set(browser["angebote"]) == used
    assert browser["angebote"]


def test_shared_json_carries_tables_orders_and_texts_once(kiez_site):
    url = re.search(r'data-json-shared="([^"]+)"', page_html(kiez_site, "08100102")).group(1)
    shared = json.loads((kiez_site / url.lstrip("/")).read_text(encoding="utf-8"))
    data = precomputed()
    assert shared["uebergaenge"] == data.shared["uebergaenge"]
    assert shared["bruecken"] == data.shared["bruecken"]
    assert "angebote" not in shared
    assert shared["bedarf"]["barrierefrei"]["nein"] is None
    assert shared["bedarf"]["kostenlos"]["kostenpflichtig"] is None
    assert len(shared["texte"]["voraussetzungen"]) == len(shared["uebergaenge"])


def test_no_inline_script_or_style(kiez_site):
    html = page_html(kiez_site, "08100102")
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)
    assert " style=" not in html and "<style" not in html
    assert '<script src="/theme/js/pathway.js" defer></script>' in html


def test_every_text_pathway_js_shows_comes_from_the_page(kiez_site):
    from .conftest import ROOT

    script = (ROOT / "theme" / "static" / "js" / "pathway.js").read_text(encoding="utf-8")
    used = set(re.findall(r'msg\(\s*"([a-z-]+)"', script))
    used |= {n for pair in re.findall(r'msg\([^"()]*\?\s*"([a-z-]+)"\s*:\s*"([a-z-]+)"', script)
             for n in pair}
    weg = section(page_html(kiez_site, "08100102"), "bildungsweg")
    offered = set(re.findall(r'data-msg-([a-z-]+)="', weg))
    assert {"no-match", "no-offers", "status-goal", "status-no-goal"} <= used
    assert used <= offered, f"fehlen im Template: {sorted(used - offered)}"
