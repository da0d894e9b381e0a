"""The search page's texts: every text search.js shows is a translated data-msg-* attribute."""

import html
import re

import pytest
from datapages_base.labels import ACCESSIBILITY
from datapages_base.text import AGE_WORDS, age_form, age_range
from i18n_ui.plugin import configure_environment
from jinja2 import Environment, FileSystemLoader
from pelican.settings import read_settings
from search_helpers import ROOT

SCRIPT = ROOT / "theme" / "static" / "js" / "search.js"
BEZIRKE = [("01", "Mitte"), ("08", "Neukölln")]


def render_search_page(ui_lang: str) -> str:
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={"THEME": str(ROOT / "theme")})
    env = Environment(loader=FileSystemLoader(str(ROOT / "theme" / "templates")),
                      **settings["JINJA_ENVIRONMENT"])
    configure_environment(env, settings, ui_lang, settings["DEFAULT_LANG"])
    return env.get_template("search.html").render({**settings, "search_bezirke": BEZIRKE})


def messages(html: str) -> dict[str, str]:
    return dict(re.findall(r'data-msg-([a-z-]+)="([^"]*)"', html))


@pytest.fixture(scope="module")
def pages() -> dict[str, dict[str, str]]:
    return {lang: messages(render_search_page(lang)) for lang in ("de", "en")}


def test_every_message_the_script_asks_for_is_in_the_page(pages):
    script = SCRIPT.read_text(encoding="utf-8")
    asked = set(re.findall(r'msg\("([a-z-]*[a-z])"', script))
    prefixes = set(re.findall(r'msg\("([a-z]+-)" \+', script))
    assert asked and prefixes == {"age-", "access-"}
    assert asked <= set(pages["de"])
    for prefix in prefixes:  # every age form and accessibility value the index can hold
        forms = {name[len(prefix):] for name in pages["de"] if name.startswith(prefix)}
        expected = set(AGE_WORDS) if prefix == "age-" else {
            "ja", "teilweise", "nein", "unbekannt"}
        assert expected <= forms, prefix


@pytest.mark.parametrize(("von", "bis"), [(6, 12), (3, 3), (18, 99), (0, 120), (None, 16)])
def test_search_words_an_age_as_the_data_pages_do(pages, von, bis):
    """search.js fills the page's age-<form> text; the result must read like `age_range`."""
    form, von_years, bis_years = age_form(von, bis)
    shown = html.unescape(pages["de"]["age-" + form]).format(von=von_years, bis=bis_years)
    assert shown == age_range(von, bis)


def test_search_words_accessibility_as_the_offer_pages_do(pages):
    """Unknown accessibility reads "unbekannt" in results as on the offer pages."""
    assert pages["de"]["access-unbekannt"] == f"Barrierefreiheit: {ACCESSIBILITY['unbekannt']}"
    assert pages["de"]["access-teilweise"] == ACCESSIBILITY["teilweise"]
    assert pages["de"]["access-nein"] == ACCESSIBILITY["nein"]


def test_script_holds_no_german_ui_text():
    script = SCRIPT.read_text(encoding="utf-8")
    strings = re.findall(r'"([^"\n]*)"', re.sub(r"/\*.*?\*/|//[^\n]*", "", script, flags=re.S))
    german = [s for s in strings if re.search(r"[äöüß]|Treffer|Suche|Jahre|keine Angabe", s)]
    assert german == []


def test_english_page_translates_every_message_and_keeps_placeholders(pages):
    german, english = pages["de"], pages["en"]
    assert german.keys() == english.keys()
    assert english["many"] == "{n} results" and german["many"] == "{n} Treffer"
    for name, text in german.items():
        assert set(re.findall(r"\{\w+\}", text)) == set(re.findall(r"\{\w+\}", english[name])), name
    untranslated = sorted(n for n in german if german[n] == english[n])
    assert untranslated == []
