"""Entry pages per extra UI language: /<lang>/ start page and pages from content/<lang>/*.md.

Data pages are not duplicated per language (6,000 pages × n languages would multiply the build);
see docs/I18N.md.
"""

from __future__ import annotations

from pathlib import Path

from pelican.contents import Page
from pelican.generators import Generator


class EntryPagesGenerator(Generator):
    """Writes the start page and the translated editorial pages of one UI language."""

    ui_lang = "en"
    content_lang = "en"
    ui_subsite = True

    def generate_context(self) -> None:
        self.entry_pages = [self._read_page(path) for path in self._source_files()]

    def _source_files(self) -> list[Path]:
        folder = Path(self.path) / self.ui_lang
        return sorted(folder.glob("*.md")) if folder.is_dir() else []

    def _read_page(self, path: Path) -> Page:
        page = self.readers.read_file(
            base_path=self.path,
            path=str(path.relative_to(self.path)),
            content_class=Page,
            context=self.context,
        )
        page.lang = self.ui_lang
        page.override_url = f"{self.ui_lang}/{page.slug}/"
        page.override_save_as = f"{self.ui_lang}/{page.slug}/index.html"
        return page

    def generate_output(self, writer) -> None:
        writer.write_file(
            f"{self.ui_lang}/index.html",
            self.get_template("index"),
            self.context,
            page_name=f"{self.ui_lang}/index",
            entry_pages=self.entry_pages,
        )
        for page in self.entry_pages:
            writer.write_file(
                page.save_as,
                self.get_template(page.template),
                self.context,
                page=page,
                entry_pages=self.entry_pages,
            )


def entry_generators(pelican) -> list[type[Generator]]:
    """One generator class per language in UI_SUBSITES (e.g. ["en"])."""
    return [
        type(
            f"EntryPagesGenerator_{lang}",
            (EntryPagesGenerator,),
            {"ui_lang": lang, "content_lang": lang},
        )
        for lang in pelican.settings.get("UI_SUBSITES", [])
    ]
