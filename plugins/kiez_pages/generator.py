"""The Pelican generator writing the Kiez pages, their pathway JSON and the Kiez finder index."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from pathlib import Path

from datapages_base import BEZIRKE_INDEX_URL, DataPage, DataPageGenerator, bezirk_url, redaktion
from datapages_base import kiez_url as kiez_path
from datapages_base.forked import run_forked, wait_forked
from datapages_base.i18n import env_translations, env_ui_lang, with_gettext
from pelican import signals
from pelican.generators import Generator

from pathways.atomic import write_text

from .inputs import KiezInputs, load_kiez_inputs
from .kiez_index import kieze_index
from .page import kiez_page, pathway_json_url
from .pathway import (
    SHARED_JSON,
    browser_json_text,
    display_texts,
    shared_browser_json,
    stable_json,
)

KIEZE_INDEX_FILE = "data/kieze-index.json"
EDIT_PATH = "datapackages/kieze/planungsraeume.csv"


def bezirksregion_url(kiez: dict) -> str:
    """The Bezirksregion's heading on its Bezirk page (bezirk_pages: id "bzr-<bzr_id>")."""
    return f"{bezirk_url(kiez['bez_id'])}#bzr-{kiez['bzr_id']}"


dumps = stable_json  # compact, stable JSON (same input → same bytes)


class KiezPagesGenerator(DataPageGenerator):
    """One page per Kiez (template kiez_pages/kiez.html), plus /data/kieze-index.json."""

    family = "kiez"
    templates_dir = Path(__file__).parent / "templates"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.env.filters["requirements"] = with_gettext(
            lambda transition, gettext: transition.requirements(gettext))
        self._inputs: KiezInputs | None = None

    @property
    def inputs(self) -> KiezInputs:
        if self._inputs is None:
            self._inputs = load_kiez_inputs()
        return self._inputs

    @cached_property
    def texts(self) -> dict:
        return display_texts(self.inputs.precomputed.shared, self.settings.get("SITEURL", ""),
                             self.gettext, env_ui_lang(self.env))

    def pages(self) -> Iterator[DataPage]:
        for plr_id in sorted(self.inputs.kiez_rows):
            if not self.selected(plr_id):
                continue
            page = kiez_page(self.inputs, plr_id, env_translations(self.env))
            kiez = page.kiez
            yield DataPage(
                key=plr_id,
                url=page.url,
                title=kiez["plr_name"],
                template="kiez_pages/kiez",
                breadcrumbs=self.crumbs((self.gettext("Bezirke"), BEZIRKE_INDEX_URL),
                                   (kiez["bez_name"], bezirk_url(kiez["bez_id"])),
                                   (kiez["bzr_name"], bezirksregion_url(kiez)),
                                   (kiez["plr_name"], None)),
                edit_path=EDIT_PATH,
                context={"kiezseite": page},
            )

    def write_page(self, writer, page: DataPage) -> None:
        super().write_page(writer, page)
        plr_id = page.key
        write_text(Path(self.output_path) / pathway_json_url(plr_id).lstrip("/"),
                   browser_json_text(self.inputs.precomputed, plr_id) + "\n")

    def generate_output(self, writer) -> None:
        redaktion()  # loaded before the fork, so the other families need not load it again
        run_forked("Kiez-Seiten", lambda: self._generate_output(writer))

    def _generate_output(self, writer) -> None:
        super().generate_output(writer)
        self._write_json(pathway_json_url(SHARED_JSON).lstrip("/"),
                         shared_browser_json(self.inputs.precomputed, self.texts))
        self._write_json(KIEZE_INDEX_FILE,
                         kieze_index(self.inputs.kieze, self.inputs.offers, self._site_url))

    def _site_url(self, plr_id: str) -> str:
        return self.settings.get("SITEURL", "") + kiez_path(plr_id)

    def _write_json(self, relative: str, value) -> None:
        write_text(Path(self.output_path) / relative, dumps(value) + "\n")


def _generators(pelican) -> type[Generator]:
    return KiezPagesGenerator


def register() -> None:
    signals.get_generators.connect(_generators)
    signals.finalized.connect(wait_forked)
