"""Offer, stage, Bezirk and counselling pages in a real browser: clean console, no foreign
requests (the JSON-LD data block raises no CSP error), zero axe violations."""

from __future__ import annotations

import json

import pytest

from pathways.load import load_offers

from .conftest import axe, describe_violations

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]


def _offer_paths() -> list[str]:
    offers = load_offers().sort_values("id")
    picks = [
        offers[offers["ressource"] == name]["id"].iloc[0]
        for name in ("schulen", "kitas", "jugendfreizeit", "osm-lernorte")
    ]
    return [f"/angebote/{offer_id}/" for offer_id in picks]


DATA_PAGES = [
    *_offer_paths(),
    "/stufen/",
    "/stufen/kolleg/",
    "/stufen/geburt/",
    "/bezirk/",
    "/bezirk/08/",
    "/beratung/",
    "/beratung/jugendberufsagentur/",
]


@pytest.mark.parametrize("path", DATA_PAGES)
def test_data_page_renders_cleanly_and_passes_axe(page, visit, path):
    visit(page, path)
    assert page.locator("main h1").count() == 1
    assert page.locator("nav.breadcrumb [aria-current=page]").count() == 1
    assert page.locator(".edit-link code").inner_text().startswith("datapackages/")
    violations = axe(page)
    assert not violations, f"{path}:\n{describe_violations(violations)}"


@pytest.mark.parametrize("path", _offer_paths())
def test_offer_jsonld_is_read_by_the_browser_as_data(page, visit, path):
    visit(page, path)
    blocks = page.locator('script[type="application/ld+json"]')
    assert blocks.count() == 1
    data = json.loads(blocks.inner_text())
    assert data["@context"] == "https://schema.org" and data["name"]
