"""datapages_base: URL safety, sanitised Markdown, "keine Angabe", ages, URLs of the families."""

from __future__ import annotations

import sys

import pandas as pd
import pytest

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "plugins"))

from datapages_base import (  # noqa: E402
    age_range,
    bezirk_url,
    kiez_url,
    mailto_url,
    markdown_html,
    offer_url,
    or_keine_angabe,
    plain_record,
    safe_url,
    save_as,
    stage_url,
    tel_url,
)


@pytest.mark.parametrize("url", ["https://example.org/a?b=1", "http://x.de", "mailto:a@b.de",
                                 "tel:+49301234"])
def test_safe_url_keeps_http_mailto_tel(url):
    assert safe_url(url) == url


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x",
                                 "//evil.example/x", "www.example.org", "http//www.x.de",
                                 "ftp://x.de/f", "https://x.de/\"onmouseover=", "", None, 3])
def test_safe_url_rejects_everything_else(url):
    assert safe_url(url) is None


def test_internal_paths_only_where_allowed():
    assert safe_url("/stufen/kita/") is None
    assert safe_url("/stufen/kita/", allow_internal=True) == "/stufen/kita/"
    assert safe_url("//evil.example/", allow_internal=True) is None


def test_contact_links_from_data_values():
    assert tel_url("030/ 449 07 41") == "tel:0304490741"
    assert tel_url("+49 30 53007686") == "tel:+493053007686"
    assert tel_url(pd.NA) is None
    assert mailto_url("info@osz-biv.de") == "mailto:info@osz-biv.de"
    assert mailto_url("kein Mail") is None


def test_markdown_is_sanitised():
    html = str(markdown_html("**fett** <script>alert(1)</script> <b onclick=x>b</b> "
                             "[a](javascript:alert(1)) [b](https://ok.example/) [c](/kiez/1/)"))
    assert "<strong>fett</strong>" in html
    assert "<script" not in html and "alert(1)" not in html and "onclick" not in html
    assert "javascript:" not in html
    assert 'href="https://ok.example/"' in html and 'href="/kiez/1/"' in html


def test_missing_is_keine_angabe_but_zero_stays_zero():
    for missing in (None, float("nan"), pd.NA, "", "  ", []):
        assert or_keine_angabe(missing) == "keine Angabe"
    assert or_keine_angabe(0) == 0
    assert plain_record({"a": float("nan"), "b": 0, "c": [], "d": "x"}) == {
        "a": None, "b": 0, "c": [], "d": "x"}


def test_age_ranges_in_words():
    assert age_range(6, 12) == "6–12 Jahre"
    assert age_range(18, 99) == "ab 18 Jahren"
    assert age_range(0, 120) == "alle Altersgruppen"
    assert age_range(3, 3) == "3 Jahre"
    assert age_range(None, None) == "keine Angabe"


def test_urls_of_the_page_families():
    assert offer_url("kita-1") == "/angebote/kita-1/"
    assert stage_url("kita") == "/stufen/kita/"
    assert bezirk_url("01") == "/bezirk/01/"
    assert kiez_url("01100101") == "/kiez/01100101/"
    assert save_as("/kiez/01100101/") == "kiez/01100101/index.html"
