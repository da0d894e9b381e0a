"""The Pelican generator writing the 542 Kiez pages and their JSON files."""

from __future__ import annotations

import json
from pathlib import Path

from datapages_base import urls
from datapages_base.text import FILTERS
from jinja2 import ChoiceLoader, FileSystemLoader
from pelican import signals
from pelican.generators import Generator

from pathways.atomic import write_text

from .inputs import KiezInputs, load_kiez_inputs
from .kiez_index import kieze_index
from .numbers import FILTERS as NUMBER_FILTERS
from .page import kiez_page

TEMPLATES = Path(__file__).parent / "templates"
KIEZE_INDEX_FILE = "data/kieze-index.json"


def dumps(value) -> str:
    """Compact, stable JSON (same input → same bytes)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class KiezPagesGenerator(Generator):
    """Renders template `kiez.html` once per Kiez and writes /data/kieze-index.json."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.env.loader = ChoiceLoader([self.env.loader, FileSystemLoader(str(TEMPLATES))])
        self.env.filters.update(FILTERS)
        self.env.filters.update(NUMBER_FILTERS)
        self.env.globals.update(urls.URL_FUNCTIONS)

    def generate_context(self) -> None:
        self.inputs: KiezInputs = load_kiez_inputs()
        self.plr_ids = sorted(self.inputs.kiez_rows)

    def generate_output(self, writer) -> None:
        template = self.get_template("kiez")
        for plr_id in self.plr_ids:
            page = kiez_page(self.inputs, plr_id)
            writer.write_file(urls.save_as(page.url), template, self.context,
                              kiezseite=page, breadcrumbs=page.breadcrumbs,
                              edit_path="datapackages/kieze/planungsraeume.csv")
        self._write_json(KIEZE_INDEX_FILE,
                         kieze_index(self.inputs.kieze, self.inputs.offers, self._site_url))

    def _site_url(self, plr_id: str) -> str:
        return self.settings.get("SITEURL", "") + urls.kiez_url(plr_id)

    def _write_json(self, relative: str, value) -> None:
        write_text(Path(self.output_path) / relative, dumps(value) + "\n")


def _generators(pelican) -> type[Generator]:
    return KiezPagesGenerator


def register() -> None:
    signals.get_generators.connect(_generators)
