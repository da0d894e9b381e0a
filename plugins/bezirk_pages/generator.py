"""BezirkPageGenerator: each Bezirk with its Bezirksregionen, Kieze and offer counts by type."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from datapages_base import (
    BEZIRKE_INDEX_URL,
    DataPage,
    DataPageGenerator,
    Record,
    bezirk_url,
    offers,
    records,
    redaktion,
    repo_path,
)

from pathways.collation import german_key
from pathways.load import load_bezirke, load_bezirksregionen, load_kieze
from pathways.paths import DATAPACKAGES

BEZIRKE_FILE = DATAPACKAGES / "kieze" / "bezirke.csv"


@dataclass(frozen=True)
class Region:
    """A Bezirksregion and its Kieze (Planungsräume), sorted by name."""

    bzr_id: str
    name: str
    kieze: tuple[dict, ...]


@dataclass(frozen=True)
class TypeCount:
    art: str
    name: str
    count: int


class BezirkPageGenerator(DataPageGenerator):
    family = "bezirk"
    templates_dir = Path(__file__).parent / "templates"

    def pages(self) -> Iterator[DataPage]:
        bezirke = records(load_bezirke().sort_values("bez_id"))
        all_offers = offers()
        per_bezirk = Counter(all_offers["bez_id"])
        yield DataPage(
            key="",
            url=BEZIRKE_INDEX_URL,
            title=self.gettext("Bezirke und Kieze"),
            template="bezirk_pages/bezirke",
            breadcrumbs=self.crumbs((self.gettext("Bezirke und Kieze"), None)),
            edit_path=repo_path(BEZIRKE_FILE),
            context={"bezirke": bezirke, "offers_per_bezirk": per_bezirk},
        )
        type_counts = Counter(zip(all_offers["bez_id"], all_offers["art"], strict=True))
        regions = regions_by_bezirk()
        for bezirk in bezirke:
            yield DataPage(
                key=bezirk["bez_id"],
                url=bezirk_url(bezirk["bez_id"]),
                title=bezirk["bez_name"],
                template="bezirk_pages/bezirk",
                breadcrumbs=self.crumbs((self.gettext("Bezirke und Kieze"), BEZIRKE_INDEX_URL),
                                        (bezirk["bez_name"], None)),
                edit_path=repo_path(BEZIRKE_FILE),
                context={
                    "bezirk": bezirk,
                    "regions": regions[bezirk["bez_id"]],
                    "offer_types": offer_type_counts(bezirk["bez_id"], type_counts),
                    "offers_total": per_bezirk.get(bezirk["bez_id"], 0),
                },
            )


def regions_by_bezirk() -> dict[str, list[Region]]:
    """Bezirksregionen of every Bezirk with their Kieze, both sorted by name."""
    kieze: dict[str, list[Record]] = defaultdict(list)
    for kiez in sorted(records(load_kieze()[["plr_id", "plr_name", "bzr_id"]]),
                       key=lambda k: german_key(k["plr_name"])):
        kieze[kiez["bzr_id"]].append(Record(plr_id=kiez["plr_id"], plr_name=kiez["plr_name"]))
    regions: dict[str, list[Region]] = defaultdict(list)
    for row in sorted(records(load_bezirksregionen()[["bzr_id", "bzr_name", "bez_id"]]),
                      key=lambda r: german_key(r["bzr_name"])):
        regions[row["bez_id"]].append(
            Region(row["bzr_id"], row["bzr_name"], tuple(kieze[row["bzr_id"]])))
    return regions


def offer_type_counts(bez_id: str, counts: Counter) -> list[TypeCount]:
    """Offers per type in one Bezirk, most frequent first (types without offers left out)."""
    types = redaktion().offer_types
    rows = [TypeCount(art, types[art].name if art in types else art, n)
            for (bez, art), n in counts.items() if bez == bez_id]
    return sorted(rows, key=lambda r: (-r.count, german_key(r.name)))
