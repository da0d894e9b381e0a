"""The open-data section in a real browser: clean console, no foreign requests, axe clean."""

from __future__ import annotations

import pytest

from .conftest import axe, describe_violations

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

OPENDATA_PAGES = ["/daten/", "/daten/angebote/", "/daten/kieze/", "/daten/monitoring/",
                  "/daten/quellen/"]


@pytest.mark.parametrize("path", OPENDATA_PAGES)
def test_opendata_page_renders_cleanly_and_passes_axe(page, visit, path):
    visit(page, path)
    assert page.locator("main h1").count() == 1
    violations = axe(page)
    assert not violations, f"{path}:\n{describe_violations(violations)}"


def test_download_links_resolve(page, visit, base_url):
    visit(page, "/daten/angebote/")
    hrefs = page.eval_on_selector_all("a[download]", "els => els.map(e => e.getAttribute('href'))")
    assert hrefs
    for href in hrefs + ["/daten/angebote.zip", "/daten/catalog.ttl", "/daten/catalog.jsonld"]:
        response = page.request.get(base_url + href)
        assert response.status == 200, href
