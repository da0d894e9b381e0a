"""BezirkPageGenerator: each Bezirk with its Bezirksregionen, Kieze and offer counts by type."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from datapages_base import (
    BEZIRKE_INDEX_URL,
    DataPage,
    DataPageGenerator,
    bezirk_url,
    plain_record,
    redaktion,
    repo_path,
)

from pathways.load import load_bezirke, load_bezirksregionen, load_kieze, load_offers
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
        bezirke = [plain_record(r) for r in load_bezirke().sort_values("bez_id").to_dict("records")]
        offers = load_offers()
        per_bezirk = Counter(offers["bez_id"])
        yield DataPage(
            key="",
            url=BEZIRKE_INDEX_URL,
            title=self.gettext("Bezirke und Kieze"),
            template="bezirk_pages/bezirke",
            breadcrumbs=self.crumbs((self.gettext("Bezirke und Kieze"), None)),
            edit_path=repo_path(BEZIRKE_FILE),
            context={"bezirke": bezirke, "offers_per_bezirk": per_bezirk},
        )
        type_counts = Counter(zip(offers["bez_id"], offers["art"], strict=True))
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
                    "regions": regions_of(bezirk["bez_id"]),
                    "offer_types": offer_type_counts(bezirk["bez_id"], type_counts),
                    "offers_total": per_bezirk.get(bezirk["bez_id"], 0),
                },
            )


def regions_of(bez_id: str) -> list[Region]:
    """Bezirksregionen of a Bezirk with their Kieze, both sorted by name."""
    kieze = load_kieze()
    kieze = kieze[kieze["bez_id"] == bez_id]
    regions = load_bezirksregionen()
    regions = regions[regions["bez_id"] == bez_id].sort_values("bzr_name")
    return [
        Region(row.bzr_id, row.bzr_name, tuple(
            plain_record(k) for k in kieze[kieze["bzr_id"] == row.bzr_id]
            .sort_values("plr_name")[["plr_id", "plr_name"]].to_dict("records")))
        for row in regions.itertuples(index=False)
    ]


def offer_type_counts(bez_id: str, counts: Counter) -> list[TypeCount]:
    """Offers per type in one Bezirk, most frequent first (types without offers left out)."""
    types = redaktion().offer_types
    rows = [TypeCount(art, types[art].name if art in types else art, n)
            for (bez, art), n in counts.items() if bez == bez_id]
    return sorted(rows, key=lambda r: (-r.count, r.name))
