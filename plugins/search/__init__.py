"""Pelican plugin: the site search (index built with lunr.py, queried in the browser by Lunr.js).

Writes output/search/ (sharded index), output/theme/vendor/ (Lunr.js from npm) and /suche/.
See docs/SEARCH.md.
"""

from __future__ import annotations

from pathlib import Path

from datapages_base import redaktion
from datapages_base.forked import run_forked, wait_forked
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


def _start_search_index(generators) -> None:
    """The index needs only the data, not the pages: built beside them in another process."""
    output = Path(generators[0].output_path)
    redaktion()  # loaded once before the fork, shared with the page families (not loaded twice)
    run_forked("Suchindex", lambda: write_index(output))


def _finish_search(pelican) -> None:
    wait_forked()
    copy_vendor(Path(pelican.output_path))


def register() -> None:
    signals.get_generators.connect(_generators)
    signals.all_generators_finalized.connect(_start_search_index)
    signals.finalized.connect(_finish_search)
