"""Values from data made safe for pages: URLs, Markdown, missing values ("keine Angabe"), ages."""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import markdown
import nh3
from markupsafe import Markup

from .i18n import N_, Gettext, with_gettext

if TYPE_CHECKING:
    import pandas as pd


def _untranslated(text: str) -> str:
    return text


KEINE_ANGABE = N_("keine Angabe")
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
MARKDOWN_TAGS = frozenset({"p", "br", "em", "strong", "a", "ul", "ol", "li", "code", "blockquote"})
# A whole Markdown document (e.g. SOURCES.md) may also have headings and tables.
DOCUMENT_TAGS = MARKDOWN_TAGS | {"h2", "h3", "h4", "h5", "h6", "hr", "pre", "table", "thead",
                                 "tbody", "tr", "th", "td"}
# Ages at or above this mean "no upper limit" in the data (e.g. 0-120 for places open to all).
OPEN_END_AGE = 99


def safe_url(value: object, allow_internal: bool = False) -> str | None:
    """`value` if it is an absolute http(s)/mailto/tel URL (or, if allowed, a site path "/…").

    Anything else (javascript:, data:, "www.example.org", missing) gives None: show it as text.
    """
    if not isinstance(value, str):
        return None
    url = value.strip()
    if allow_internal and url.startswith("/") and not url.startswith("//"):
        return url
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in SAFE_SCHEMES or any(c in url for c in "\"'<> \t\n"):
        return None
    if parts.scheme.lower() in ("http", "https") and not parts.netloc:
        return None
    if parts.scheme.lower() in ("mailto", "tel") and not parts.path:
        return None
    return url


def tel_url(number: object) -> str | None:
    """A tel: URL from a phone number as the data writes it ("030/ 44907" -> tel:03044907)."""
    if is_missing(number):
        return None
    digits = re.sub(r"[^\d+]", "", str(number))
    digits = digits[0] + digits[1:].replace("+", "") if digits else ""
    return safe_url(f"tel:{digits}") if len(digits.lstrip("+")) >= 3 else None


def mailto_url(address: object) -> str | None:
    if is_missing(address) or not re.fullmatch(r"[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+",
                                                str(address).strip()):
        return None
    return safe_url(f"mailto:{str(address).strip()}")


def _filter_attribute(element: str, attribute: str, value: str) -> str | None:
    if attribute == "href":
        return safe_url(value, allow_internal=True)
    return value


@lru_cache(maxsize=2)
def _markdown_converter(document: bool) -> markdown.Markdown:
    """One converter per kind, reset before each text (building one costs more than a text)."""
    return markdown.Markdown(extensions=["tables"] if document else [], output_format="html")


def _demote_headings(html: str) -> str:
    return re.sub(r"<(/?)h([1-5])>", lambda m: f"<{m[1]}h{int(m[2]) + 1}>", html)


def markdown_html(text: object, *, document: bool = False) -> Markup:
    """Editor Markdown as sanitised HTML (nh3): no raw HTML, no scripts, links only via safe_url.

    `document=True` renders a whole Markdown file: tables, and headings moved one level down
    because the page has its own h1.
    """
    if is_missing(text):
        return Markup("")
    return _markdown_html(str(text), document)


@lru_cache(maxsize=4096)  # the same descriptions recur on many pages (transitions, services)
def _markdown_html(text: str, document: bool) -> Markup:
    html = _markdown_converter(document).reset().convert(text)
    if document:
        html = _demote_headings(html)
    clean = nh3.clean(
        html,
        tags=set(DOCUMENT_TAGS if document else MARKDOWN_TAGS),
        attributes={"a": {"href", "title"}, "th": {"scope"}},
        url_schemes=set(SAFE_SCHEMES),
        attribute_filter=_filter_attribute,
        link_rel="noopener noreferrer",
    )
    return Markup(clean)


def is_missing(value: object) -> bool:
    """None, NaN, pandas NA, blank text or an empty list: the data says nothing (0 is data)."""
    kind = type(value)
    if kind is str:  # the common cases first, by exact type (called ≈ 200,000 times a build)
        return not value.strip()
    if kind is int:
        return False
    if value is None or kind.__name__ in ("NAType", "NaTType"):
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, tuple, set, frozenset, dict)):
        return not value
    return False


def _plain(value: object) -> object:
    return value if isinstance(value, list) or not is_missing(value) else None


def plain_record(row: dict) -> dict:
    """A data row for templates: every missing scalar (NaN, <NA>, "") becomes None.

    Jinja treats NaN as true, so rows from pandas must pass through here before rendering.
    """
    return {key: _plain(value) for key, value in row.items()}


class Record(dict):
    """A row that templates read as attributes (`offer.name`) at the cost of a plain attribute.

    Jinja tries `getattr` before `[]`; on a plain dict that first try fails with an exception for
    every field on every page. Here the row's dict is the instance's `__dict__`, so it succeeds.
    Field names must not be names of dict methods (`records` checks).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.__dict__ = self


_DICT_NAMES = frozenset(dir(dict))


def records(frame: pd.DataFrame) -> list[Record]:
    """The rows of `frame` as `plain_record`s, as `Record`s: the values of
    `plain_record(row) for row in frame.to_dict("records")`, only faster."""
    columns = [str(column) for column in frame.columns]
    clashes = _DICT_NAMES.intersection(columns)
    if clashes:
        raise ValueError(f"columns named like dict methods: {sorted(clashes)}")
    values = [[_plain(value) for value in frame[column].tolist()] for column in frame.columns]
    return [Record(zip(columns, row, strict=True)) for row in zip(*values, strict=True)]


def or_keine_angabe(value: object, gettext: Gettext = _untranslated) -> object:
    """Jinja filter `keine_angabe`: the value, or "keine Angabe" if the data has none (never 0)."""
    return gettext(KEINE_ANGABE) if is_missing(value) else value


AgeForm = tuple[str, int | None, int | None]
# How each form of an age range reads (the search page words the same forms in the browser).
AGE_WORDS = {
    "all": N_("alle Altersgruppen"),
    "from": N_("ab {von} Jahren"),
    "upto": N_("bis {bis} Jahre"),
    "single": N_("{von} Jahre"),
    "range": N_("{von}–{bis} Jahre"),
}


def age_form(von: object, bis: object) -> AgeForm | None:
    """(form, von, bis) of an age range, form a key of AGE_WORDS; None if the data has no age.
    An upper limit of OPEN_END_AGE or more means "no upper limit"."""
    if is_missing(von) and is_missing(bis):
        return None
    if is_missing(bis) or int(bis) >= OPEN_END_AGE:
        if is_missing(von) or int(von) == 0:
            return ("all", None, None)
        return ("from", int(von), None)
    if is_missing(von):
        return ("upto", None, int(bis))
    if int(von) == int(bis):
        return ("single", int(von), None)
    return ("range", int(von), int(bis))


def age_range(von: object, bis: object, gettext: Gettext = _untranslated) -> str:
    """Jinja filter `alter`: "6–12 Jahre", "ab 18 Jahren", "alle Altersgruppen", "keine Angabe"."""
    form = age_form(von, bis)
    if form is None:
        return gettext(KEINE_ANGABE)
    name, von_years, bis_years = form
    return gettext(AGE_WORDS[name]).format(von=von_years, bis=bis_years)


FILTERS = {
    "safe_url": safe_url,
    "tel_url": tel_url,
    "mailto_url": mailto_url,
    "markdown": markdown_html,
    "keine_angabe": with_gettext(or_keine_angabe),
    "alter": with_gettext(age_range),
}
