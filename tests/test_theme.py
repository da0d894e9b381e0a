"""Theme checks without a browser: CSP-safe templates, contrast, gettext catalogues, `dir`."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from jinja2 import Environment, FileSystemLoader
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "theme" / "templates"
TRANSLATIONS = ROOT / "theme" / "translations"
STYLESHEET = ROOT / "theme" / "static" / "css" / "site.css"
if str(ROOT / "plugins") not in sys.path:
    sys.path.append(str(ROOT / "plugins"))

from i18n_ui.catalogues import load_translations  # noqa: E402
from i18n_ui.plugin import configure_environment  # noqa: E402

# (text colour, background, minimum ratio): every pairing the stylesheet uses.
COLOUR_PAIRS = [
    ("--ink", "--paper", 4.5),
    ("--muted", "--paper", 4.5),
    ("--accent", "--paper", 4.5),
    ("--accent-ink", "--accent", 4.5),
    ("--ink", "--tint", 4.5),
    ("--muted", "--tint", 4.5),
    ("--accent", "--tint", 4.5),
    ("--ink", "--accent-soft", 4.5),
    ("--accent", "--accent-soft", 4.5),
    ("--todo-ink", "--todo-bg", 4.5),
    ("--focus", "--paper", 3.0),  # focus indicator: non-text contrast (WCAG 1.4.11)
    ("--focus", "--accent-soft", 3.0),
    ("--accent-ink", "--ink", 4.5),  # button hover
]


def template_files() -> list[Path]:
    """The theme's templates and those of every page plugin (plugins/<name>/templates/)."""
    return sorted([*TEMPLATES.rglob("*.html"), *(ROOT / "plugins").glob("*/templates/**/*.html")])


@pytest.mark.parametrize("template", template_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_template_needs_no_unsafe_inline(template):
    """The CSP forbids inline code: no style=, no <style>, no <script> without src, no on*=."""
    text = re.sub(r"\{#.*?#\}", "", template.read_text(encoding="utf-8"), flags=re.S)
    assert not re.search(r"\sstyle\s*=", text), "style=-Attribut"
    assert "<style" not in text, "<style>-Element"
    assert not re.search(r"\son[a-z]+\s*=", text), "Event-Handler-Attribut"
    for script in re.findall(r"<script\b[^>]*>", text):
        assert "src=" in script or 'type="application/ld+json"' in script, (
            f"Inline-Skript: {script}"
        )


def css_colours() -> dict[str, str]:
    return dict(
        re.findall(r"(--[a-z-]+):\s*(#[0-9a-fA-F]{6})\s*;", STYLESHEET.read_text(encoding="utf-8"))
    )


def relative_luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize(("fore", "back", "minimum"), COLOUR_PAIRS)
def test_colour_pairs_have_enough_contrast(fore, back, minimum):
    colours = css_colours()
    ratio = contrast(colours[fore], colours[back])
    assert ratio >= minimum, f"{fore} auf {back}: {ratio:.2f}:1 < {minimum}:1"


def extracted_messages() -> set[str]:
    """Every UI text `pybabel extract -F babel.cfg` finds (templates and Python labels)."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as fh:
        method_map, options = parse_mapping_cfg(fh)
    return {
        singular(message[2])
        for message in extract_from_dir(str(ROOT), method_map, options)
    }


def test_extraction_covers_theme_plugin_templates_and_python_labels():
    """babel.cfg reaches every template folder and the Python-made labels (docs/I18N.md)."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as fh:
        patterns = {pattern for pattern, _ in parse_mapping_cfg(fh)[0]}
    assert {"theme/templates/**.html", "plugins/**/templates/**.html", "plugins/**.py"} <= patterns
    messages = extracted_messages()
    assert {"Startseite", "keine Angabe", "im Kiez", "Karte und Angebote im Kiez"} <= messages


def singular(msgid: str | tuple) -> str:
    """A message's id; a plural message by its singular, as extraction names it."""
    return msgid if isinstance(msgid, str) else msgid[0]


def is_translated(msgstr: str | tuple) -> bool:
    return bool(msgstr) if isinstance(msgstr, str) else all(msgstr)


def catalogue(lang: str):
    with (TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        return read_po(fh, locale=lang)


def test_template_catalogue_is_up_to_date():
    with (TRANSLATIONS / "messages.pot").open("rb") as fh:
        template_ids = {singular(m.id) for m in read_po(fh) if m.id}
    assert template_ids == extracted_messages(), (
        "messages.pot veraltet: pybabel extract (docs/I18N.md)"
    )


def test_english_catalogue_translates_every_ui_text():
    translated = {singular(m.id) for m in catalogue("en") if m.id and is_translated(m.string)}
    missing = sorted(extracted_messages() - translated)
    assert not missing, f"Ohne englische Übersetzung: {missing}"


def render(template: str, ui_lang: str, **context) -> str:
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={"THEME": str(ROOT / "theme")})
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), **settings["JINJA_ENVIRONMENT"])
    configure_environment(env, settings, ui_lang, settings["DEFAULT_LANG"])
    return env.get_template(template).render({**settings, **context})


def test_arabic_stub_renders_right_to_left_with_german_fallback():
    html = render("index.html", "ar")
    assert '<html lang="ar" dir="rtl">' in html
    assert 'id="inhalt" tabindex="-1" lang="de"' in html  # German content inside an Arabic UI
    assert "Zum Inhalt springen" in html  # empty catalogue falls back to the German source text


def test_english_ui_translates_chrome():
    html = render("index.html", "en")
    assert '<html lang="en" dir="ltr">' in html
    assert "Skip to content" in html and "Zum Inhalt springen" not in html


def test_unknown_ui_language_is_a_clear_error():
    with pytest.raises(ValueError, match="UI_LANG=xx: Es gibt keinen Übersetzungskatalog"):
        load_translations(TRANSLATIONS, "xx")


def test_edit_link_uses_the_configured_repository_url():
    html = render(
        "404.html",
        "de",
        EDIT_BASE_URL="https://example.test/repo/blob/main/",
        edit_path="content/pages/methodik.md",
    )
    assert 'href="https://example.test/repo/blob/main/content/pages/methodik.md"' in html
    without = render("404.html", "de", EDIT_BASE_URL="", edit_path="content/pages/methodik.md")
    assert "<code>content/pages/methodik.md</code>" in without
