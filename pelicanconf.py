"""Pelican settings for Bildungswege Berlin (the site; data settings live in pathways/)."""

import os
import sys
from pathlib import Path

# Page-family plugins import the shared library plugins/datapages_base by name.
_plugin_dir = str(Path(__file__).resolve().parent / "plugins")
if _plugin_dir not in sys.path:
    sys.path.insert(0, _plugin_dir)

AUTHOR = "Bildungswege Berlin"
SITENAME = "Bildungswege Berlin"
SITEURL = ""
PATH = "content"
TIMEZONE = "Europe/Berlin"
DEFAULT_LANG = "de"
THEME = "theme"
PLUGIN_PATHS = ["plugins"]
PLUGINS: list[str] = ["i18n_ui", "kiez_pages", "offer_pages", "stage_pages", "bezirk_pages",
                      "service_pages", "search", "opendata_pages"]

# Only editorial pages come from content/; data pages come from generators in plugins/.
ARTICLE_PATHS: list[str] = []
PAGE_PATHS = ["pages"]
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
DIRECT_TEMPLATES = ["index", "404"]
ARCHIVES_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
TAG_SAVE_AS = ""
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
DISPLAY_PAGES_ON_MENU = False
DEFAULT_PAGINATION = False
RELATIVE_URLS = False
JINJA_ENVIRONMENT = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True}
LOAD_CONTENT_CACHE = False

# --- Theme and UI language (docs/I18N.md) -------------------------------------------------
# Language of the templates' texts for the whole build: "de" (source) or any catalogue in
# theme/translations/<lang>/ ("en"; "ar" is an empty right-to-left stub that falls back to German).
UI_LANG = os.environ.get("UI_LANG", "de")
# Extra UI languages that get their own start page /<lang>/ and pages from content/<lang>/*.md.
UI_SUBSITES = ["en"]

# --- To be filled in by the operator (shown as "noch einzutragen" on the site until then) -------
# Base URL of the repository's file view; a page's "Diese Seite bearbeiten" link is this + the
# path of the file behind the page, e.g. "https://example.org/bildungswege/-/blob/main/".
EDIT_BASE_URL = os.environ.get("BILDUNGSWEGE_EDIT_BASE_URL", "")
# Where people report barriers and give feedback (Erklärung zur Barrierefreiheit, § 5 BIKTG Bln):
# e.g. {"label": "Issue-Tracker des Projekts", "url": "https://…"} or a mailto: URL.
FEEDBACK_CONTACT: dict[str, str] = {"label": "", "url": ""}
# Impressum: the responsible operator (name, postal address, e-mail, responsible person).
OPERATOR: dict[str, str] = {"name": "", "anschrift": "", "email": "", "verantwortlich": ""}

# Pelican's Markdown defaults, but code blocks without a language are not guessed: guessing
# imports every Pygments lexer (≈ 0.15 s of each build) and our pages show commands as plain text.
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.codehilite": {"css_class": "highlight", "guess_lang": False},
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
    },
    "output_format": "html5",
}
