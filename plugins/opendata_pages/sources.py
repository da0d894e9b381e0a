"""The raw sources' SOURCES.md as sanitised HTML for the provenance page (/daten/quellen/)."""

from __future__ import annotations

import re

import markdown
import nh3
from datapages_base import safe_url
from markupsafe import Markup

TAGS = frozenset({
    "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "em", "strong", "a", "ul", "ol", "li", "code",
    "pre", "blockquote", "table", "thead", "tbody", "tr", "th", "td",
})


def _href(element: str, attribute: str, value: str) -> str | None:
    return safe_url(value) if attribute == "href" else value


def _demote_headings(html: str) -> str:
    """The page has its own h1: the file's headings move one level down (h1 -> h2 …)."""
    return re.sub(r"<(/?)h([1-5])>", lambda m: f"<{m[1]}h{int(m[2]) + 1}>", html)


def sources_html(text: str) -> Markup:
    """Markdown (with tables) as HTML without raw HTML, scripts or unsafe links (nh3)."""
    html = _demote_headings(markdown.markdown(text, extensions=["tables"], output_format="html"))
    clean = nh3.clean(html, tags=set(TAGS), attributes={"a": {"href"}, "th": {"scope"}},
                      attribute_filter=_href, link_rel="noopener noreferrer")
    return Markup(clean)
