"""The whole site built with `UI_LANG=en` (docs/I18N.md, option 3) in a real browser: English
chrome, `lang="en"` on <html> and `lang="de"` on the German data, no German UI text left, zero axe
violations; and the right-to-left layout (`UI_LANG=ar`, empty stub) passes axe."""

from __future__ import annotations

import os
import re
import subprocess
import threading
from collections.abc import Iterator
from functools import lru_cache, partial
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from pathways.load import load_offers
from pathways.redaktion import load_redaktion

from .conftest import ROOT, _SiteHandler, axe, build_command, describe_violations

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

CATALOGUE = ROOT / "theme" / "translations" / "en" / "LC_MESSAGES" / "messages.po"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")
# The text a visitor sees outside the German data parts (and outside other-language parts such as
# the English SOURCES.md): innerText of a copy of <body> without elements whose lang is not `en`.
UI_TEXT_SCRIPT = """() => {
  const copy = document.body.cloneNode(true);
  copy.querySelectorAll('[lang]:not([lang="en"]), script, [hidden]').forEach(el => el.remove());
  const labels = [...copy.querySelectorAll('[aria-label]')]
    .map(el => el.getAttribute('aria-label'));
  document.body.appendChild(copy);
  const text = copy.innerText;
  copy.remove();
  return text + '\\n' + labels.join('\\n');
}"""


def _first_offer_in_kiez(plr_id: str) -> str:
    offers = load_offers()
    return str(offers[offers["plr_id"] == plr_id].sort_values("id")["id"].iloc[0])


KIEZ = "08100102"
PAGES = {
    "kiez": f"/kiez/{KIEZ}/",
    "offer": f"/angebote/{_first_offer_in_kiez(KIEZ)}/",
    "stage": "/stufen/grundschule/",
    "search": "/suche/?q=Grundschule",
    "daten": "/daten/",
}
# Pages whose headline is data (German): it must carry lang="de" in the English UI.
DATA_HEADLINES = {"kiez", "offer", "stage"}


@lru_cache(maxsize=1)
def data_texts() -> tuple[str, ...]:
    """German data the pages show inside UI sentences or labels (stage and offer type names,
    the editors' free-text requirements): removed from the text before the scan. Longest first."""
    red = load_redaktion()
    texts = {s.name for s in red.stages.values()} | {t.name for t in red.offer_types.values()}
    texts |= {t.voraussetzungen.sonstiges for t in red.transitions if t.voraussetzungen.sonstiges}
    return tuple(sorted(texts, key=len, reverse=True))


@lru_cache(maxsize=1)
def german_ui_fragments() -> tuple[str, ...]:
    """German pieces of every UI text that has a different English translation, split at the
    placeholders; only pieces long enough not to be a name or an international word."""
    with CATALOGUE.open("rb") as fh:
        catalogue = read_po(fh, locale="en")
    fragments = set()
    for message in catalogue:
        if not message.id:
            continue
        ids = (message.id,) if isinstance(message.id, str) else message.id
        strings = (message.string,) if isinstance(message.string, str) else message.string
        for msgid, msgstr in zip(ids, strings, strict=False):
            if not msgstr or msgid == msgstr:
                continue
            for piece in PLACEHOLDER.split(msgid):
                piece = piece.strip(" .,:;()–-")
                if len(piece) >= 10 and piece not in msgstr:
                    fragments.add(piece)
    return tuple(sorted(fragments))


def german_left_in(text: str) -> list[str]:
    """German UI fragments that occur in `text` as whole words (outside known data texts)."""
    for data in data_texts():
        text = text.replace(data, " ")
    return [f for f in german_ui_fragments() if re.search(rf"(?<!\w){re.escape(f)}(?!\w)", text)]


@pytest.fixture(scope="session")
def english_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one extra build of this test module: the whole site with the English UI."""
    output = tmp_path_factory.mktemp("site-en") / "output"
    env = {**os.environ, "UI_LANG": "en"}
    result = subprocess.run(build_command(output), cwd=ROOT, capture_output=True, text=True,
                            env=env)
    if result.returncode != 0:
        pytest.fail(f"Build UI_LANG=en failed:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return output


@pytest.fixture(scope="session")
def english_url(english_site: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 partial(_SiteHandler, directory=str(english_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def open_clean(page, url: str) -> None:
    response = page.goto(url, wait_until="load")
    assert response is not None and response.status == 200, url
    page.wait_for_load_state("networkidle")
    page.record.assert_clean()


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_english_ui_around_german_data(page, english_url, kind):
    path = PAGES[kind]
    open_clean(page, english_url + path)
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.locator(".skip-link").inner_text() == "Skip to content"
    assert page.locator("nav.site-nav").get_by_role("link", name="Counselling").count() == 1
    assert page.locator("footer").get_by_role("link", name="Open data").count() == 1
    if kind in DATA_HEADLINES:
        assert page.locator("main").get_attribute("lang") is None  # the page marks its data
        assert page.locator("main h1").get_attribute("lang") == "de"
    assert page.locator('main [lang="de"], main[lang="de"]').count() > 0
    ui_text = page.evaluate(UI_TEXT_SCRIPT)
    left = german_left_in(ui_text)
    assert not left, f"{path}: German UI text in the English UI: {left}"
    violations = axe(page)
    assert not violations, f"{path}:\n{describe_violations(violations)}"


def test_english_pathway_form_speaks_english(page, english_url):
    """pathway.js fills the form from the shared JSON: its labels come in the UI language."""
    open_clean(page, english_url + PAGES["kiez"])
    form = page.locator("#weg-filter")
    form.wait_for(state="visible")
    assert form.locator("legend").first.inner_text() == "Your situation"
    options = form.locator("#weg-abschluss option").all_inner_texts()
    assert "intermediate school certificate (MSA)" in options
    assert "Mittlerer Schulabschluss (MSA)" not in options
    page.fill("#weg-alter", "30")
    page.locator("#weg-alter").dispatch_event("change")
    status = page.locator("#weg-status")
    status.wait_for(state="attached")
    page.wait_for_function("() => document.querySelector('#weg-status').textContent.length > 0")
    text = status.inner_text()
    assert "Showing" in text or "Stages" in text, text
    distances = page.locator("#weg-liste .meta").all_inner_texts()
    assert distances and all(re.search(r"\d\.\d km", d) for d in distances), distances[:3]
    ui_text = page.evaluate(UI_TEXT_SCRIPT)
    left = german_left_in(ui_text)
    assert not left, f"German UI text after filtering: {left}"


def test_right_to_left_layout_passes_axe(page, english_url):
    """`UI_LANG=ar` (empty stub, German fallback): the start page, rendered with the Arabic UI and
    served beside the built assets, is `dir="rtl"` and has zero axe violations."""
    from test_theme import render  # tests/test_theme.py: a theme template in a UI language

    html = render("index.html", "ar", SITEURL="")
    assert '<html lang="ar" dir="rtl">' in html
    url = english_url + "/ar-preview/"
    page.route(url, lambda route: route.fulfill(status=200, body=html,
                                                content_type="text/html; charset=utf-8"))
    open_clean(page, url)
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.evaluate("() => getComputedStyle(document.body).direction") == "rtl"
    violations = axe(page)
    assert not violations, f"ar:\n{describe_violations(violations)}"

