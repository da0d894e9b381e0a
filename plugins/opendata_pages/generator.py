"""OpenDataGenerator: /daten/ pages, byte-identical package copies, zips and the catalogue."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from pathlib import Path

from datapages_base import DataPage, DataPageGenerator, repo_path

from pathways.atomic import write_bytes, write_text
from pathways.paths import DATAPACKAGES, RAW_SOURCES

from .dcat import Operator, Site, catalogue_graph, package_url, to_jsonld, to_turtle, zip_url
from .labels import FILTERS
from .packages import Package, load_packages
from .publish import copy_package, package_zip
from .sources import sources_html

INDEX_URL = "/daten/"
SOURCES_URL = "/daten/quellen/"
CATALOGUE_TURTLE = "daten/catalog.ttl"
CATALOGUE_JSONLD = "daten/catalog.jsonld"
SOURCES_FILE = RAW_SOURCES / "SOURCES.md"
# Absolute base for the catalogue's IRIs while SITEURL is not an absolute URL (local builds).
# ".invalid" is reserved (RFC 2606): it can never resolve, so nobody mistakes it for the real site.
PLACEHOLDER_SITEURL = "https://bildungswege-berlin.invalid"


def catalogue_base(siteurl: object) -> str:
    value = str(siteurl or "").rstrip("/")
    return value if value.startswith(("https://", "http://")) else PLACEHOLDER_SITEURL


class OpenDataGenerator(DataPageGenerator):
    family = "daten"
    templates_dir = Path(__file__).parent / "templates"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.env.filters.update(FILTERS)

    @cached_property
    def packages(self) -> list[Package]:
        return load_packages(Path(self.settings.get("OPENDATA_PACKAGES", DATAPACKAGES)))

    @cached_property
    def site(self) -> Site:
        return Site(base=catalogue_base(self.settings.get("SITEURL")),
                    operator=Operator.from_setting(self.settings.get("OPERATOR")))

    def pages(self) -> Iterator[DataPage]:
        index = (self.gettext("Offene Daten"), INDEX_URL)
        yield DataPage(
            key="", url=INDEX_URL, title=index[0], template="opendata_pages/index",
            breadcrumbs=self.crumbs((index[0], None)), edit_path="datapackages/",
            context={"packages": self.packages, "catalogue_base": self.site.base,
                     "placeholder_base": self.site.base == PLACEHOLDER_SITEURL,
                     "operator": self.site.operator, "zip_url": zip_url,
                     "package_url": package_url},
        )
        for package in self.packages:
            yield DataPage(
                key=package.name, url=package_url(package.name), title=package.title,
                template="opendata_pages/package",
                breadcrumbs=self.crumbs(index, (package.title, None)),
                edit_path=repo_path(package.folder / "datapackage.json"),
                context={"package": package, "zip_url": zip_url(package.name),
                         "zip_bytes": len(self.zips[package.name])},
            )
        yield DataPage(
            key="quellen", url=SOURCES_URL, title=self.gettext("Herkunft der Rohdaten"),
            template="opendata_pages/sources",
            breadcrumbs=self.crumbs(index, (self.gettext("Herkunft der Rohdaten"), None)),
            edit_path=repo_path(SOURCES_FILE),
            context={"sources_html": sources_html(SOURCES_FILE.read_text(encoding="utf-8"))},
        )

    @cached_property
    def zips(self) -> dict[str, bytes]:
        return {package.name: package_zip(package) for package in self.packages}

    def generate_output(self, writer) -> None:
        super().generate_output(writer)
        self.publish_files(Path(self.output_path))

    def publish_files(self, output: Path) -> None:
        """Package copies, zips, SOURCES.md and the catalogue: written whole or not at all."""
        for package in self.packages:
            copy_package(package, output / package_url(package.name).strip("/"))
            write_bytes(output / zip_url(package.name).lstrip("/"), self.zips[package.name])
        write_bytes(output / SOURCES_URL.strip("/") / "SOURCES.md", SOURCES_FILE.read_bytes())
        graph = catalogue_graph(self.packages, self.site, self.zips)
        write_text(output / CATALOGUE_TURTLE, to_turtle(graph))
        write_text(output / CATALOGUE_JSONLD, to_jsonld(graph))
