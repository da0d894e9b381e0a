"""Search page (/suche/) on the real full build: ranking, umlaut folding, compounds, filters,
keyboard use, accessibility, no-JS fallback and the bytes a first query transfers."""

from __future__ import annotations

import gzip
import re
from urllib.parse import quote_plus

import pytest

from .conftest import axe, describe_violations

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

PAGE_SIZE = 20  # results search.js shows at once
# Regression guard, not a benchmark: docs/BENCHMARKS.md measures ~30–50 KiB (gzip) for a first
# query incl. scripts; the whole first visit (HTML, CSS, scripts, index parts) must stay below this.
FIRST_QUERY_CEILING = 150 * 1024


def search(page, visit, query: str, **filters: str) -> list[dict]:
    """Open /suche/?q=…; wait for the answer; the rendered results (title, href, facts)."""
    params = "&".join(f"{k}={quote_plus(v)}" for k, v in {"q": query, **filters}.items())
    visit(page, f"/suche/?{params}")
    return settled(page)


def settled(page) -> list[dict]:
    """Wait until search.js has shown the answer (the list is no longer aria-busy)."""
    page.wait_for_selector("#search-results[aria-busy='false']", state="attached")
    return rendered(page)


def rendered(page) -> list[dict]:
    return page.eval_on_selector_all(
        "#search-results > li",
        """items => items.map(li => ({
            title: li.querySelector('h3 a').textContent,
            href: li.querySelector('h3 a').getAttribute('href'),
            type: li.querySelector('.search-result__type').textContent,
            facts: li.querySelector('.search-result__facts').textContent.split(' · ')}))""",
    )


def count(page) -> int:
    text = page.locator("#search-status").inner_text()
    match = re.match(r"(\d+) Treffer", text)
    assert match, f"Trefferzahl fehlt: {text!r}"
    return int(match.group(1))


def test_grundschule_neukoelln_shows_grundschulen_in_neukoelln_first(page, visit):
    results = search(page, visit, "Grundschule Neukölln")
    assert len(results) == PAGE_SIZE and count(page) >= PAGE_SIZE
    for result in results:
        assert result["type"] == "Grundschule", result
        assert "Bezirk Neukölln" in result["facts"], result
        assert result["href"].startswith("/angebote/")
    assert any(re.fullmatch(r"\d+–\d+ Jahre", fact) for fact in results[0]["facts"])
    page.record.assert_clean()


def test_umlaut_written_as_digraph_finds_the_same(page, visit):
    folded = search(page, visit, "Schoeneberg")
    assert folded and all("Schöneberg" in r["title"] or "Bezirk Tempelhof-Schöneberg" in r["facts"]
                          for r in folded)
    with_umlaut = search(page, visit, "Schöneberg")
    assert [r["href"] for r in folded] == [r["href"] for r in with_umlaut]


def test_kurs_finds_course_stages_by_compound_head(page, visit):
    hrefs = {r["href"] for r in search(page, visit, "Kurs")}
    assert {"/stufen/integrationskurs/", "/stufen/sprachkurs/"} <= hrefs


def test_bezirk_filter_narrows_results_and_keeps_focus(page, visit):
    search(page, visit, "Kita")
    everything = count(page)
    select = page.get_by_label("Bezirk", exact=True)
    select.focus()
    select.select_option(label="Spandau")
    results = settled(page)
    assert results and all("Bezirk Spandau" in r["facts"] for r in results)
    assert 0 < count(page) < everything
    assert page.evaluate("document.activeElement.id") == "search-bezirk"
    assert "bezirk=05" in page.url  # the filtered list can be bookmarked


def test_accessibility_filter_shows_only_accessible_places(page, visit):
    search(page, visit, "Stadtteilzentrum")
    everything = count(page)
    accessible = search(page, visit, "Stadtteilzentrum", barrierefrei="ja")
    assert accessible and all("barrierefrei" in r["facts"] for r in accessible)
    assert 0 < count(page) < everything
    assert page.get_by_label("Barrierefreiheit").input_value() == "ja"


def test_more_button_works_by_keyboard_and_moves_focus_to_the_new_results(page, visit):
    search(page, visit, "Kita")
    more = page.get_by_role("button", name="Weitere Ergebnisse")
    more.focus()
    page.keyboard.press("Enter")
    assert len(settled(page)) == 2 * PAGE_SIZE
    focused = page.evaluate("document.activeElement.closest('li') === "
                            f"document.querySelectorAll('#search-results > li')[{PAGE_SIZE}]")
    assert focused
    page.record.assert_clean()


def test_results_are_announced_structured_and_axe_clean(page, visit):
    search(page, visit, "Bibliothek Pankow")
    status = page.locator("#search-status")
    assert status.get_attribute("role") == "status"
    assert status.get_attribute("aria-live") == "polite"
    assert page.locator("form#search-form fieldset legend").inner_text() == "Ergebnisse eingrenzen"
    assert page.locator("h1").count() == 1
    heading = page.locator("h2#search-results-title")
    assert heading.is_visible() and "Bibliothek Pankow" in heading.inner_text()
    labelled_by = page.locator("ol#search-results").get_attribute("aria-labelledby")
    assert labelled_by == heading.get_attribute("id")
    assert page.locator("ol#search-results > li > h3.search-result__title").count() > 0
    assert page.locator("[style]").count() == 0
    violations = axe(page)
    assert not violations, describe_violations(violations)
    page.record.assert_clean()


def test_small_screen_has_no_horizontal_scrolling(browser, base_url):
    context = browser.new_context(viewport={"width": 320, "height": 640}, locale="de-DE")
    try:
        page = context.new_page()
        page.goto(base_url + "/suche/?q=Kita+Wedding", wait_until="networkidle")
        page.locator("#search-results > li").first.wait_for()
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
    finally:
        context.close()


def test_without_javascript_the_form_and_a_helpful_note_show(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + "/suche/?q=Kita")
        note = page.locator(".search-noscript")
        assert note.is_visible() and "JavaScript" in note.inner_text()
        assert note.locator("a[href='/bezirk/']").count() == 1
        assert note.locator("a[href='/stufen/']").count() == 1
        form = page.locator("form#search-form")
        assert form.get_attribute("action") == "/suche/"
        assert form.locator("input[name='q']").is_visible()
        assert page.locator("#search-output").is_hidden()
    finally:
        context.close()


def test_first_query_transfers_little(page, visit):
    responses = []
    page.on("response", lambda response: responses.append(response))
    search(page, visit, "Grundschule Neukölln")
    assert any("/search/t/" in r.url for r in responses)
    sizes = {r.url: len(gzip.compress(r.body(), 9)) for r in responses if r.status == 200}
    total = sum(sizes.values())
    assert total < FIRST_QUERY_CEILING, sorted(sizes.items(), key=lambda kv: -kv[1])[:5]
