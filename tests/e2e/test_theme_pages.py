"""The theme in a real browser: start page, editorial pages, 404 page, English entry pages."""

from __future__ import annotations

import pytest

from .conftest import axe, describe_violations

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

THEME_PAGES = ["/", "/barrierefreiheit/", "/404.html", "/en/", "/en/about/", "/leichte-sprache/"]


@pytest.mark.parametrize("path", THEME_PAGES)
def test_page_renders_cleanly_and_passes_axe(page, visit, path):
    visit(page, path)
    assert page.locator("main h1").count() == 1
    for landmark in ("header", "nav", "main", "footer"):
        assert page.locator(landmark).count() >= 1, f"{path}: <{landmark}> fehlt"
    violations = axe(page)
    assert not violations, f"{path}:\n{describe_violations(violations)}"
    assert page.context.cookies() == []


@pytest.mark.parametrize(("path", "lang", "direction"), [("/", "de", "ltr"), ("/en/", "en", "ltr")])
def test_lang_and_dir_follow_the_ui_language(page, visit, path, lang, direction):
    visit(page, path)
    html = page.locator("html")
    assert html.get_attribute("lang") == lang
    assert html.get_attribute("dir") == direction


def test_unknown_address_gets_the_404_page(page, visit):
    visit(page, "/gibt-es-nicht/", expect_status=404)
    assert "nicht gefunden" in page.locator("h1").inner_text()


@pytest.mark.parametrize("path", ["/", "/methodik/"])
def test_skip_link_is_first_tab_stop_and_moves_focus_to_main(page, visit, path):
    visit(page, path)
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => [document.activeElement.className, document.activeElement.getAttribute('href')]"
    )
    assert focused == ["skip-link", "#inhalt"]
    assert page.locator(".skip-link").is_visible(), "Sprunglink wird beim Fokus nicht sichtbar"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "inhalt"
    assert page.evaluate("() => document.activeElement.tagName") == "MAIN"


def test_focus_is_visible_on_links(page, visit):
    visit(page, "/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", ""), "kein sichtbarer Fokus auf dem zweiten Tab-Stopp"


@pytest.mark.parametrize(
    "path", ["/", "/methodik/", "/mitmachen/", "/impressum/", "/en/", "/404.html"]
)
def test_no_horizontal_scroll_at_320_px(page, visit, path):
    page.set_viewport_size({"width": 320, "height": 640})
    visit(page, path)
    widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], (
        f"{path}: Seite ist {widths[0]} px breit bei {widths[1]} px Fenster"
    )


def test_print_hides_navigation_and_shows_link_targets(page, visit):
    visit(page, "/barrierefreiheit/")
    page.emulate_media(media="print")
    assert not page.locator(".site-search").is_visible()
    assert not page.locator(".site-nav").is_visible()
    after = page.evaluate(
        "() => getComputedStyle(document.querySelector('main a[href^=\"http\"]'), '::after')"
        ".content"
    )
    assert "http" in after


def test_header_search_form_is_labelled_and_targets_search_page(page, visit):
    visit(page, "/")
    field = page.get_by_label("Suche", exact=True)
    assert field.get_attribute("name") == "q"
    assert page.locator("form.site-search").get_attribute("action") == "/suche/"


@pytest.mark.parametrize(
    ("path", "source"),
    [("/methodik/", "content/pages/methodik.md"), ("/en/about/", "content/en/about.md")],
)
def test_editorial_page_names_the_file_behind_it(page, visit, path, source):
    visit(page, path)
    edit = page.locator("main .edit-link")
    assert source in edit.inner_text()
    assert (
        page.locator("nav.breadcrumb [aria-current='page']").inner_text()
        == page.locator("main h1").inner_text()
    )


def test_footer_credits_openstreetmap_and_links_the_accessibility_statement(page, visit):
    visit(page, "/")
    footer = page.locator("footer")
    assert "© OpenStreetMap-Mitwirkende" in footer.inner_text()
    assert footer.locator("a[href='/barrierefreiheit/']").count() == 1
