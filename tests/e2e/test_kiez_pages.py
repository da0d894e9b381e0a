"""Kiez pages in a real browser: clean render, axe, the pathway view reacting to age, stage,
qualification and needs, 320 px, and the pathway without JavaScript."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import axe, describe_violations

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

KIEZ = "08100102"  # Schillerpromenade Nord (Neukölln): offers in the Kiez and next to it
INVALID_MSS_KIEZ = "03300515"  # Blankenburger Süden: MSS 2021 "ungültig (EW unter 300)"


def kiez_json(site: Path, plr_id: str) -> dict:
    """What pathway.js sees: the shared tables merged with the Kiez's own file."""
    folder = site / "data" / "kiez"
    shared = json.loads((folder / "gemeinsam.json").read_text(encoding="utf-8"))
    return {**shared, **json.loads((folder / f"{plr_id}.json").read_text(encoding="utf-8"))}


def stage_index(data: dict, stage_id: str) -> int:
    return next(i for i, s in enumerate(data["stufen"]) if s["id"] == stage_id)


@pytest.mark.parametrize("plr_id", [KIEZ, INVALID_MSS_KIEZ])
def test_kiez_page_renders_cleanly_and_passes_axe(page, visit, plr_id):
    visit(page, f"/kiez/{plr_id}/")
    assert page.locator("main h1").count() == 1
    assert page.locator("#weg-filter").is_visible(), "pathway.js hat das Formular nicht gezeigt"
    violations = axe(page)
    assert not violations, describe_violations(violations)
    page.fill("#weg-alter", "16")
    page.check("#weg-barrierefrei")
    page.select_option("#weg-stufe", index=3)
    violations = axe(page)
    assert not violations, "nach dem Anpassen:\n" + describe_violations(violations)
    page.record.assert_clean()
    assert page.context.cookies() == []


def test_age_shows_the_stages_still_ahead(page, visit):
    visit(page, f"/kiez/{KIEZ}/")
    status = page.locator("#weg-status")
    assert status.get_attribute("aria-live") == "polite"
    page.fill("#weg-alter", "2")
    assert "mit 2 Jahren vorbei" in status.inner_text()
    assert page.locator("#weg-liste > #station-krippe").is_visible()
    assert page.locator("#weg-liste > #station-kita").is_visible()
    assert page.locator("#weg-liste > #station-geburt").count() == 0
    page.fill("#weg-alter", "67")
    assert "mit 67 Jahren vorbei" in status.inner_text()
    assert page.locator("#weg-liste #station-kita, #weg-liste #station-krippe").count() == 0
    senior = page.locator("#weg-liste [data-stufe='seniorenbildung']")
    assert senior.is_visible()
    assert "Seniorenbildung" in senior.locator("h4").inner_text()
    page.record.assert_clean()


def test_a_station_at_age_zero_reads_first_year_of_life(page, visit):
    """pathway.js words the Krippe's typical age 0 like the page without JS does."""
    visit(page, f"/kiez/{KIEZ}/")
    page.check("#weg-barrierefrei")
    page.uncheck("#weg-barrierefrei")
    age = page.locator("#weg-liste > #station-krippe .weg-schritt__alter")
    assert age.inner_text().strip() == "– im ersten Lebensjahr"
    assert "mit etwa 0 Jahren" not in page.locator("#weg-liste").inner_text()
    page.record.assert_clean()


def test_status_counts_next_steps_in_good_german(page, visit):
    """One next step reads "ein möglicher nächster Schritt", none "ohne mögliche nächste
    Schritte" – never "1 mögliche nächste Schritte" or "0 mögliche nächste Schritte"."""
    visit(page, f"/kiez/{KIEZ}/")
    seen = set()
    for index in range(1, page.locator("#weg-stufe option").count()):
        page.select_option("#weg-stufe", index=index)
        count = page.locator("#weg-liste .weg-weiter > li").count()
        status = page.locator("#weg-status").inner_text()
        expected = {0: ", ohne mögliche nächste Schritte.",
                    1: " und ein möglicher nächster Schritt."}.get(
                        count, f" und {count} mögliche nächste Schritte.")
        assert expected in status, (index, count, status)
        seen.add(min(count, 2))
    assert seen == {0, 1, 2}
    page.record.assert_clean()


def test_accessible_offers_come_first_and_unknown_is_labelled(page, visit, built_site):
    data = kiez_json(built_site, KIEZ)
    ruhestand = stage_index(data, "ruhestand")
    visit(page, f"/kiez/{KIEZ}/")
    page.fill("#weg-alter", "67")
    page.check("#weg-barrierefrei")
    order = {"barrierefrei (rollstuhlgerecht)": 0, "teilweise barrierefrei": 1, "unbekannt": 2}
    checked = 0
    for card in page.locator("#weg-liste [data-stufe]").all():
        labels = [t.split("barrierefrei: ")[1].split(";")[0]
                  for t in card.locator(".weg-angebote li").all_inner_texts()]
        assert "nicht barrierefrei" not in labels
        assert [order[x] for x in labels] == sorted(order[x] for x in labels)
        checked += len(labels)
    assert checked > 0
    access = [data["angebote"][str(e[0])]["bf"] for t in data["weiter"][str(ruhestand)]
              for e in data["a"].get(str(data["uebergaenge"][t]["z"]), [])]
    if "ja" in access:
        assert "barrierefrei (rollstuhlgerecht)" in page.locator("#weg-liste").inner_text()
    if "unbekannt" in access:
        assert "barrierefrei: unbekannt" in page.locator("#weg-liste").inner_text()
    page.record.assert_clean()


def test_stage_and_qualification_show_next_steps_and_a_bridge(page, visit, built_site):
    data = kiez_json(built_site, KIEZ)
    # A next step from some stage whose school requirement a person without a qualification
    # lacks and for which the planner found a bridge (taken from the built data, not assumed).
    stage, transition, route = next(
        (s, t, data["bruecken"][str(t)]["keiner"])
        for s, ts in sorted(data["weiter"].items(), key=lambda kv: int(kv[0]))
        for t in ts
        if data["bruecken"].get(str(t), {}).get("keiner")
        and data["uebergaenge"][t]["rmin"] is None and data["uebergaenge"][t]["rmax"] is None)
    target = data["stufen"][data["uebergaenge"][transition]["z"]]
    visit(page, f"/kiez/{KIEZ}/")
    page.select_option("#weg-stufe", str(stage))
    card = page.locator(f"#weg-liste [data-stufe='{target['id']}']").first
    assert "Voraussetzungen: Abschluss:" in card.inner_text()
    assert "Ein Weg dorthin" not in card.inner_text()
    page.select_option("#weg-abschluss", "keiner")
    bridge = card.locator(".weg-bruecke").inner_text()
    names = [data["stufen"][data["uebergaenge"][t]["z"]]["n"] for t in route]
    assert " → ".join(names) in bridge
    page.select_option("#weg-ziel", str(data["uebergaenge"][transition]["z"]))
    assert "führt direkt zu Ihrem Ziel" in page.locator("#weg-status").inner_text()
    page.record.assert_clean()


def test_works_at_320_px(page, visit):
    page.set_viewport_size({"width": 320, "height": 640})
    visit(page, f"/kiez/{KIEZ}/")
    page.fill("#weg-alter", "16")
    widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"Seite ist {widths[0]} px breit bei {widths[1]} px Fenster"
    violations = axe(page)
    assert not violations, describe_violations(violations)
    page.record.assert_clean()


def test_without_javascript_the_default_pathway_is_there(browser, base_url, built_site):
    data = kiez_json(built_site, KIEZ)
    ctx = browser.new_context(java_script_enabled=False)
    try:
        pg = ctx.new_page()
        pg.goto(f"{base_url}/kiez/{KIEZ}/")
        steps = pg.locator("#weg-liste > li.weg-schritt")
        assert steps.count() == len(data["l"])
        assert not pg.locator("#weg-filter").is_visible()
        assert "km Luftlinie" in steps.nth(1).inner_text()
        pg.emulate_media(media="print")
        assert steps.nth(len(data["l"]) - 1).is_visible()
    finally:
        ctx.close()


def test_kiez_finder_finds_a_kiez_by_a_postcode_of_its_offers(page, visit, built_site):
    index = json.loads((built_site / "data" / "kieze-index.json").read_text(encoding="utf-8"))
    assert index["plz_quelle"] == "PLZ aus Adressen der Angebote"
    kiez = next(k for k in index["kieze"] if k["id"] == KIEZ)
    postcode = kiez["plz"][0]
    with_postcode = [k for k in index["kieze"] if postcode in k["plz"]]
    visit(page, "/")
    page.get_by_label("Kiez, Bezirk oder Postleitzahl").fill(postcode)
    page.locator("#kiez-treffer a").first.wait_for()
    hrefs = page.locator("#kiez-treffer a").evaluate_all(
        "els => els.map(e => e.getAttribute('href'))")
    assert kiez["url"] in hrefs
    assert len(hrefs) == min(10, len(with_postcode))
    page.record.assert_clean()


def test_print_shows_the_pathway_without_the_form(page, visit):
    visit(page, f"/kiez/{KIEZ}/")
    page.fill("#weg-alter", "16")
    page.emulate_media(media="print")
    assert not page.locator("#weg-filter").is_visible()
    assert page.locator("#weg-liste > li").first.is_visible()
    assert page.locator("#karte svg[role='img']").is_visible()
