"""OfferPageGenerator: the rows of `pathways.load.load_offers()` as pages /angebote/<id>/."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from datapages_base import (
    BEZIRKE_INDEX_URL,
    DataPage,
    DataPageGenerator,
    bezirk_url,
    kiez_url,
    offer_url,
    offers,
    records,
    redaktion,
    repo_path,
    stage_graph,
)

from pathways.collation import german_key
from pathways.load import load_kieze
from pathways.paths import DATAPACKAGES
from pathways.redaktion import Redaktion

from .jsonld import jsonld_script_body, offer_jsonld, schema_type
from .sources import licence_unverified, offer_resources, osm_object_url


@dataclass(frozen=True)
class NextStep:
    stage_id: str
    stage_name: str
    kind: str
    requirement: str | None  # minimum qualification, if the transition names one
    transition_id: str


class OfferPageGenerator(DataPageGenerator):
    family = "angebote"
    templates_dir = Path(__file__).parent / "templates"

    def pages(self) -> Iterator[DataPage]:
        red = redaktion()
        next_steps = next_steps_by_stage(red)
        kieze = {row["plr_id"]: row for row in records(load_kieze())}
        resources = offer_resources()
        curated = {o.offer_id: o for o in red.curated_offers}
        for offer in records(offers().sort_values("id")):
            if not self.selected(offer["id"]):
                continue
            kiez = kieze.get(offer["plr_id"], {})
            url = offer_url(offer["id"])
            stage_ids = list(offer["stufen"])
            yield DataPage(
                key=offer["id"],
                url=url,
                title=offer["name"],
                template="offer_pages/offer",
                breadcrumbs=self.crumbs(
                    (self.gettext("Bezirke und Kieze"), BEZIRKE_INDEX_URL),
                    (kiez.get("bez_name", offer["bez_id"]), bezirk_url(offer["bez_id"])),
                    (kiez.get("plr_name", offer["plr_id"]), kiez_url(offer["plr_id"])),
                    (offer["name"], None),
                ),
                edit_path=edit_path(offer, curated),
                context={
                    "offer": offer,
                    "offer_type": red.offer_types.get(offer["art"]),
                    "offer_stages": sorted((red.stages[s] for s in stage_ids if s in red.stages),
                                           key=lambda stage: german_key(stage.name)),
                    "kiez": kiez,
                    "curated": curated.get(offer["id"]),
                    "resource": resources.get(offer["ressource"]),
                    "licence_unverified": licence_unverified(offer["lizenz"]),
                    "osm_url": osm_object_url(offer["id"]),
                    "next_steps": merged_next_steps(stage_ids, next_steps),
                    "schema_type": schema_type(offer["art"]),
                    "jsonld": jsonld_script_body(offer_jsonld(offer, url)),
                    "has_contact": any(offer[k] for k in ("telefon", "email", "website")),
                },
            )


def edit_path(offer: dict, curated: dict) -> str:
    """The file an editor changes: the curated YAML, or the resource CSV of the import."""
    if offer["id"] in curated:
        return repo_path(curated[offer["id"]].file)
    return resource_path(offer["ressource"])


@lru_cache(maxsize=64)
def resource_path(resource: str) -> str:
    return repo_path(DATAPACKAGES / "angebote" / f"{resource}.csv")


def next_steps_by_stage(red: Redaktion) -> dict[str, list[NextStep]]:
    """Outgoing transitions of every stage (from the stage graph), sorted by target name."""
    graph = stage_graph()
    steps: dict[str, list[NextStep]] = {}
    for stage_id in graph.nodes:
        out = []
        for _, target, transition in graph.out_edges(stage_id, data="transition"):
            out.append(NextStep(target, red.stages[target].name, transition.art,
                                transition.voraussetzungen.abschluss, transition.id))
        steps[stage_id] = sorted(out, key=lambda s: (german_key(s.stage_name), s.transition_id))
    return steps


def merged_next_steps(stage_ids: list[str], steps: dict[str, list[NextStep]]) -> list[NextStep]:
    """Next steps of all the offer's stages, once each, without steps into its own stages."""
    seen: set[tuple] = set()
    merged = []
    for stage_id in stage_ids:
        for step in steps.get(stage_id, ()):
            same = (step.stage_id, step.kind, step.requirement)
            if step.stage_id not in stage_ids and same not in seen:
                seen.add(same)
                merged.append(step)
    return sorted(merged, key=lambda s: (german_key(s.stage_name), s.transition_id))
