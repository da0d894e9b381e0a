"""Source and licence of an offer as the `angebote` datapackage.json states them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from datapages_base import safe_url

from pathways.paths import DATAPACKAGES

OSM_COPYRIGHT_URL = "https://www.openstreetmap.org/copyright"
UNVERIFIED_MARK = "nicht verifiziert"


@dataclass(frozen=True)
class Link:
    title: str
    url: str | None  # None: show as text (not a safe URL)


@dataclass(frozen=True)
class ResourceInfo:
    """What a page says about where one resource (= one licence) of offers comes from."""

    name: str
    title: str
    attribution: str | None
    sources: tuple[Link, ...]
    licences: tuple[Link, ...]
    is_osm: bool


@lru_cache(maxsize=4)
def offer_resources(root: Path = DATAPACKAGES) -> dict[str, ResourceInfo]:
    package = json.loads((root / "angebote" / "datapackage.json").read_text(encoding="utf-8"))
    return {res["name"]: _resource_info(res) for res in package["resources"]}


def _resource_info(res: dict) -> ResourceInfo:
    licences = tuple(Link(lic.get("title") or lic["name"], safe_url(lic.get("path")))
                     for lic in res.get("licenses", ()))
    sources = tuple(Link(src["title"], safe_url(src.get("path"))) for src in res.get("sources", ()))
    return ResourceInfo(
        name=res["name"], title=res.get("title", res["name"]),
        attribution=res.get("attribution"), sources=sources, licences=licences,
        is_osm=any(lic.title.startswith("Open Data Commons Open Database") for lic in licences),
    )


def licence_unverified(licence_text: object) -> bool:
    """The data marks the licence as not verified (docs/DATA_MODEL.md, SOURCES.md)."""
    return isinstance(licence_text, str) and UNVERIFIED_MARK in licence_text


def osm_object_url(offer_id: str) -> str | None:
    """openstreetmap.org page of an OSM offer (id `osm-<type>-<osm_id>`), else None."""
    parts = offer_id.split("-")
    if len(parts) == 3 and parts[0] == "osm" and parts[1] in ("node", "way", "relation"):
        return f"https://www.openstreetmap.org/{parts[1]}/{parts[2]}"
    return None
