"""ServicePageGenerator: the editors' counselling services and the transitions they help with."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from datapages_base import (
    SERVICES_INDEX_URL,
    DataPage,
    DataPageGenerator,
    redaktion,
    repo_path,
    service_url,
)

from pathways.collation import german_key
from pathways.load import load_bezirke

SERVICES_FOLDER = "datapackages/redaktion/beratung/"


class ServicePageGenerator(DataPageGenerator):
    family = "beratung"
    templates_dir = Path(__file__).parent / "templates"

    def pages(self) -> Iterator[DataPage]:
        red = redaktion()
        bezirke = dict(load_bezirke()[["bez_id", "bez_name"]].itertuples(index=False))
        services = sorted(red.services.values(),
                          key=lambda s: (s.gebiet != "berlin", s.bez_id or "", german_key(s.name)))
        yield DataPage(
            key="",
            url=SERVICES_INDEX_URL,
            title=self.gettext("Beratung"),
            template="service_pages/services",
            breadcrumbs=self.crumbs((self.gettext("Beratung"), None)),
            edit_path=SERVICES_FOLDER,
            context={"services": services, "bezirke": bezirke},
        )
        for service in services:
            helps_with = sorted(
                (t for t in red.transitions if service.id in t.beratung
                 and t.von in red.stages and t.nach in red.stages),
                key=lambda t: (german_key(red.stages[t.von].name),
                                german_key(red.stages[t.nach].name), t.id))
            yield DataPage(
                key=service.id,
                url=service_url(service.id),
                title=service.name,
                template="service_pages/service",
                breadcrumbs=self.crumbs((self.gettext("Beratung"), SERVICES_INDEX_URL),
                                       (service.name, None)),
                edit_path=repo_path(service.file),
                context={"service": service, "bezirk_name": bezirke.get(service.bez_id),
                         "transitions": helps_with, "stages": red.stages},
            )
