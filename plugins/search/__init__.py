"""Pelican plugin: the site search (index built with lunr.py, queried in the browser by Lunr.js).

Writes output/search/ (sharded index), output/theme/vendor/ (Lunr.js from npm) and /suche/.
See docs/SEARCH.md.
"""

from __future__ import annotations

from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from .build import copy_vendor, write_index
from .sources import load_places

SEARCH_PAGE = "suche/index.html"


class SearchPageGenerator(Generator):
    """Renders the search page (template search.html; it sets its own translated breadcrumbs)
    with the Bezirke for its filter."""

    def generate_output(self, writer) -> None:
        bezirke = sorted(load_places().bezirk_names.items())
        writer.write_file(
            SEARCH_PAGE, self.get_template("search"), self.context,
            url="suche/", search_bezirke=bezirke,
        )


def _generators(pelican) -> type[Generator]:
    return SearchPageGenerator


def _write_search(pelican) -> None:
    output = Path(pelican.output_path)
    write_index(output)
    copy_vendor(output)


def register() -> None:
    signals.get_generators.connect(_generators)
    signals.finalized.connect(_write_search)
