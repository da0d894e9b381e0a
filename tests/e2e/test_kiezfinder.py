"""Kiez finder on the start page: filters /data/kieze-index.json as you type; no-JS: /bezirk/."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

KIEZE = Path(__file__).resolve().parents[2] / "datapackages" / "kieze"


def index_from_kieze_package() -> dict:
    """The finder's input built from the real LOR tables, for as long as no plugin writes it."""

    def rows(name: str) -> list[dict]:
        with (KIEZE / name).open(encoding="utf-8") as fh:
            return list(csv.DictReader(fh))

    bezirke = {r["bez_id"]: r["bez_name"] for r in rows("bezirke.csv")}
    regionen = {r["bzr_id"]: r["bzr_name"] for r in rows("bezirksregionen.csv")}
    kieze = [
        {
            "name": r["plr_name"],
            "bezirksregion": regionen[r["bzr_id"]],
            "bezirk": bezirke[r["bez_id"]],
            "plz": [],
            "url": f"/kiez/{r['plr_id']}/",
        }
        for r in rows("planungsraeume.csv")
    ]
    return {"kieze": sorted(kieze, key=lambda k: (k["name"], k["url"]))}


@pytest.fixture
def kieze_index(page, built_site) -> dict:
    """The built index if the site has one; otherwise serve one made from the kieze package."""
    built = built_site / "data" / "kieze-index.json"
    if built.is_file():
        return json.loads(built.read_text(encoding="utf-8"))
    data = index_from_kieze_package()
    page.route("**/data/kieze-index.json", lambda route: route.fulfill(json=data))
    return data


def test_typing_filters_kieze_including_umlaut_spelling(page, visit, kieze_index):
    visit(page, "/")
    field = page.get_by_label("Kiez, Bezirk oder Postleitzahl")
    target = next(k for k in kieze_index["kieze"] if k["name"] == "Stülerstraße")
    for query in ("Stüler", "stueler"):
        field.fill(query)
        first = page.locator("#kiez-treffer a").first
        first.wait_for()
        assert first.get_attribute("href") == target["url"]
        assert "Stülerstraße" in first.inner_text()
    assert "passende Kieze" in page.locator("#kiez-status").inner_text()
    page.record.assert_clean()


def test_bezirk_name_lists_its_kieze_and_no_match_is_announced(page, visit, kieze_index):
    visit(page, "/")
    field = page.get_by_label("Kiez, Bezirk oder Postleitzahl")
    field.fill("Neukölln")
    page.locator("#kiez-treffer a").first.wait_for()
    in_neukoelln = [k for k in kieze_index["kieze"] if "Neukölln" in (k["bezirk"], k["name"])]
    assert page.locator("#kiez-treffer a").count() == min(10, len(in_neukoelln))
    field.fill("Xyzzy")
    page.locator("#kiez-treffer").wait_for(state="hidden")
    assert "Kein passender Kiez" in page.locator("#kiez-status").inner_text()
    page.record.assert_clean()


def test_submit_goes_to_the_first_match(page, visit, kieze_index):
    visit(page, "/")
    field = page.get_by_label("Kiez, Bezirk oder Postleitzahl")
    field.fill("Stülerstr")
    page.locator("#kiez-treffer a").first.wait_for()
    expected = page.locator("#kiez-treffer a").first.get_attribute("href")
    with page.expect_navigation():
        field.press("Enter")
    assert page.url.endswith(expected)


def test_without_javascript_the_form_leads_to_the_bezirk_overview(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + "/")
        form = page.locator("form.kiezfinder__form")
        assert form.get_attribute("action") == "/bezirk/"
        assert page.locator(".kiezfinder a[href='/bezirk/']").count() == 1
    finally:
        context.close()
