"""The raw sources' SOURCES.md as sanitised HTML for the provenance page (/daten/quellen/)."""

from __future__ import annotations

from datapages_base import markdown_html
from markupsafe import Markup


def sources_html(text: str) -> Markup:
    """Markdown (with tables) as HTML without raw HTML, scripts or unsafe links (nh3)."""
    return markdown_html(text, document=True)
