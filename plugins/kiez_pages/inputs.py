"""Everything the Kiez pages read, loaded once per build from `pathways` (no rule computed here)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pandas as pd
from datapages_base import redaktion as shared_redaktion
from datapages_base.collector import long_lived_objects
from shapely.geometry.base import BaseGeometry

from pathways import load
from pathways.analyse import KiezAnalysis
from pathways.collation import german_key
from pathways.kiezlayer import KiezLayer
from pathways.plan import Planner
from pathways.redaktion import Redaktion

from .figures import first_rows, population_rows
from .kiezmap import geometry_of
from .pathway import Precomputed, load_precomputed

# Columns of an offer that the map and the list beside it show.
MAP_COLUMNS = ("plr_id", "id", "name", "art", "sektor", "lat", "lon")


@dataclass
class KiezInputs:
    """Tables of the data packages and the editor records, indexed for per-Kiez look-ups."""

    redaktion: Redaktion
    kieze: pd.DataFrame
    neighbours: pd.DataFrame
    offers: pd.DataFrame
    population: pd.DataFrame
    mss: pd.DataFrame
    geometry: dict

    @cached_property
    def kiez_rows(self) -> dict[str, dict]:
        return {row["plr_id"]: row for row in self.kieze.to_dict("records")}

    @cached_property
    def neighbour_ids(self) -> dict[str, list[str]]:
        pairs = self.neighbours.sort_values(["plr_id", "nachbar_plr_id"])
        ids: dict[str, list[str]] = {}
        for plr_id, other in zip(pairs["plr_id"], pairs["nachbar_plr_id"], strict=True):
            ids.setdefault(plr_id, []).append(other)
        return ids

    @cached_property
    def offer_rows_by_kiez(self) -> dict[str, list]:
        """The offers per Kiez as row tuples of `MAP_COLUMNS`, by name and id (`itertuples` once
        per build, over the columns the pages show only), in German alphabetical order."""
        rows: dict[str, list] = {}
        ordered = self.offers[list(MAP_COLUMNS)].sort_values(["plr_id", "id"])
        for row in ordered.itertuples(index=False):
            rows.setdefault(row.plr_id, []).append(row)
        for kiez_rows in rows.values():
            kiez_rows.sort(key=lambda row: (german_key(row.name), row.id))
        return rows

    @cached_property
    def population_rows(self) -> dict:
        return population_rows(self.population)

    @cached_property
    def mss_rows(self) -> dict:
        return first_rows(self.mss, "plr_id")

    @cached_property
    def shapes(self) -> dict[str, dict]:
        return {f["properties"]["plr_id"]: f["geometry"] for f in self.geometry["features"]}

    @cached_property
    def geometries(self) -> dict[str, BaseGeometry]:
        """`shapes` as shapely geometries, made once per build (each is drawn on several maps)."""
        return {plr_id: geometry_of(g) for plr_id, g in self.shapes.items()}

    @cached_property
    def layer(self) -> KiezLayer:
        return KiezLayer(self.redaktion, self.kieze, self.neighbours, self.offers)

    @cached_property
    def planner(self) -> Planner:
        return Planner(self.redaktion, self.layer)

    @cached_property
    def precomputed(self) -> Precomputed:
        return load_precomputed(self.planner)

    @cached_property
    def analysis(self) -> KiezAnalysis:
        return KiezAnalysis(self.planner)

    def make_tables(self) -> None:
        """Make every per-build table now (each is otherwise made when a page first needs it)."""
        for name in ("kiez_rows", "neighbour_ids", "offer_rows_by_kiez", "population_rows",
                     "mss_rows", "geometries", "precomputed", "analysis"):
            getattr(self, name)


def load_kiez_inputs() -> KiezInputs:
    """The inputs with all their tables made (see `KiezInputs.make_tables`)."""
    with long_lived_objects():
        inputs = KiezInputs(
            redaktion=shared_redaktion(),
            kieze=load.load_kieze(),
            neighbours=load.load_neighbours(),
            offers=load.load_offers(),
            population=load.load_population(),
            mss=load.load_mss(),
            geometry=load.load_geometry("planungsraeume"),
        )
        inputs.make_tables()
    return inputs
