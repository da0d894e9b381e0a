"""`DataPageGenerator`: a Pelican generator that renders one template per data record.

A page family subclasses it, names its `family` and `templates_dir`, and yields `DataPage`s.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar

from jinja2 import ChoiceLoader, FileSystemLoader
from pelican.generators import Generator

from pathways.paths import ROOT

from .collector import freeze_long_lived
from .fragments import FragmentCache
from .i18n import N_, data_lang_attribute, env_gettext, translated
from .labels import LABEL_FILTERS
from .numbers import FILTERS as NUMBER_FILTERS
from .numbers import GLOBALS as NUMBER_GLOBALS
from .output import PageFiles
from .render import PageRenderer
from .text import FILTERS
from .urls import HOME_URL, URL_FUNCTIONS, save_as

Crumb = tuple[str, str | None]
HOME_LABEL = N_("Startseite")
HOME_CRUMB: Crumb = (HOME_LABEL, HOME_URL)


@dataclass(frozen=True)
class DataPage:
    """One page to write: where, with which template, and what the template sees."""

    key: str  # record id, used by the DATAPAGES_ONLY setting
    url: str  # site path, e.g. "/angebote/kita-00000900/"
    title: str
    template: str  # template name without ".html", e.g. "offer_pages/offer"
    breadcrumbs: tuple[Crumb, ...]
    edit_path: str | None  # repository path of the file behind the page
    context: Mapping[str, Any] = field(default_factory=dict)

    @property
    def save_as(self) -> str:
        return save_as(self.url)


@lru_cache(maxsize=4096)  # the same few CSV files behind thousands of offer pages
def repo_path(path: str | Path) -> str:
    """A path as the edit link wants it: relative to the project root, with "/"."""
    path = Path(path)
    if path.is_absolute():
        path = path.resolve().relative_to(ROOT)
    return path.as_posix()


def crumbs(*items: Crumb, home: Crumb = HOME_CRUMB) -> tuple[Crumb, ...]:
    """Breadcrumb from the start page down; the last item is the page itself (url None)."""
    return (home, *items)


class DataPageGenerator(Generator):
    """Renders `pages()` into Pelican's output (`write_output`); the family decides the pages.

    Settings: `DATAPAGES_ONLY = {family: [keys]}` builds only those records of a family
    (tests, previews); a family not named there is built in full.
    """

    family: ClassVar[str] = ""
    templates_dir: ClassVar[Path | None] = None
    _files: PageFiles | None = None  # pages rendered but not yet written (see output.py)
    _renderer: PageRenderer | None = None  # while writing: context merged once per template

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.templates_dir is not None:
            # Theme templates come first, so a theme can override a family's template.
            own = FileSystemLoader(str(self.templates_dir))
            self.env.loader = ChoiceLoader([self.env.loader, own])
        # A build reads each template once: no file stat per `{% include %}` to see if it changed.
        self.env.auto_reload = False
        self.env.filters.update(FILTERS)
        self.env.filters.update(LABEL_FILTERS)
        self.env.filters.update(NUMBER_FILTERS)
        self.env.filters["ui"] = translated
        self.env.globals.update(URL_FUNCTIONS)
        self.env.globals.update(NUMBER_GLOBALS)
        # Data pages mark their German data parts themselves (docs/I18N.md), so <main> does not.
        self.env.globals["data_lang"] = data_lang_attribute(self.env)
        self.env.globals["fragment"] = FragmentCache(
            self.env, {"SITEURL": self.settings.get("SITEURL", "")})

    def gettext(self, text: str) -> str:
        """A UI text in the page's UI language (the i18n_ui plugin installed the catalogue)."""
        return env_gettext(self.env)(text)

    def crumbs(self, *items: Crumb) -> tuple[Crumb, ...]:
        """`crumbs` with the start page's label in the UI language."""
        return crumbs(*items, home=(self.gettext(HOME_LABEL), HOME_URL))

    def pages(self) -> Iterator[DataPage]:
        raise NotImplementedError

    def selected(self, key: str) -> bool:
        only = self.settings.get("DATAPAGES_ONLY") or {}
        return self.family not in only or key in set(only[self.family])

    def generate_context(self) -> None:
        """Families load their data lazily in `pages()`; nothing is shared through the context."""

    def generate_output(self, writer) -> None:
        # The loaded data lives until the build ends: the cycle collector need not scan it again
        # for every few hundred pages (as in forked parts, see forked.py).
        freeze_long_lived()
        self._files, self._renderer = PageFiles(writer), PageRenderer(self.context)
        try:
            for page in self.pages():
                if self.selected(page.key):
                    self.write_page(writer, page)
            self._files.flush()
        finally:
            self._files = self._renderer = None

    def write_page(self, writer, page: DataPage) -> None:
        """Render `page`; its file is written with the next batch (at once outside a build)."""
        variables = self.page_variables(page)
        renderer = self._renderer if self._renderer is not None else PageRenderer(self.context)
        html = renderer.render(self.get_template(page.template), variables)
        files = self._files if self._files is not None else PageFiles(writer, batch_size=1)
        files.add(page.save_as, html, lambda: {**self.context, **variables})

    def page_variables(self, page: DataPage) -> dict[str, Any]:
        """What the template sees besides the generator's context (as Pelican's writer sets it)."""
        return {
            "localsiteurl": self.context.get("localsiteurl"),
            "output_file": page.save_as,
            "url": page.url.lstrip("/"),
            "page_title": page.title,
            "page_url": page.url,
            "breadcrumbs": page.breadcrumbs,
            "edit_path": page.edit_path,
            **page.context,
        }
