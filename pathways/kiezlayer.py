"""The Kiez layer: for every Kiez and stage the offers that realise it, nearest first, in tiers
Kiez → neighbouring Kieze → Bezirk → Berlin, with straight-line ("Luftlinie") km from the centroid.

Built once, vectorised over all 542 Kieze × all offers (numpy), then queried cheaply.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from pathways.redaktion import CounsellingService, Redaktion, Transition
from pathways.uitext import N_

TIERS = ("kiez", "nachbar", "bezirk", "berlin")
TIER_LABELS = {
    "kiez": N_("im Kiez"),
    "nachbar": N_("im Nachbarkiez"),
    "bezirk": N_("im Bezirk"),
    "berlin": N_("berlinweit"),
}
NO_TIER = len(TIERS)  # marks "no offer at all"
DISTANCE_NOTE = N_("Entfernung in km Luftlinie vom Mittelpunkt des Kiezes")
EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray,
                 lon2: np.ndarray) -> np.ndarray:
    """Great-circle (straight-line) distance in km; arrays broadcast against each other. Worked
    out in place: for all Kieze × all offers each step would otherwise allocate a large array."""
    lat1, lon1, lat2, lon2 = (np.radians(np.array(a, dtype="float64", ndmin=1))
                              for a in (lat1, lon1, lat2, lon2))
    a = _squared_half_sine(np.subtract(lat2, lat1))
    cosines = np.multiply(np.cos(lat1), np.cos(lat2))
    cosines *= _squared_half_sine(np.subtract(lon2, lon1))
    a += cosines
    np.sqrt(a, out=a)
    np.arcsin(a, out=a)
    a *= 2 * EARTH_RADIUS_KM
    return a


def _squared_half_sine(delta: np.ndarray) -> np.ndarray:
    """sin(delta / 2) ** 2, overwriting `delta`."""
    delta /= 2
    np.sin(delta, out=delta)
    np.square(delta, out=delta)
    return delta


@dataclass(frozen=True)
class OfferHit:
    """One offer as seen from one Kiez: its row in the offers table, tier and distance."""

    row: int
    tier: str
    km: float


class KiezLayer:
    """Offers per Kiez and stage; counselling per Kiez and transition.

    `kieze` and `offers` are the frames of `pathways.load`; `neighbours` the pairs table.
    """

    def __init__(self, redaktion: Redaktion, kieze: pd.DataFrame, neighbours: pd.DataFrame,
                 offers: pd.DataFrame):
        self.redaktion = redaktion
        self.kieze = kieze.sort_values("plr_id").reset_index(drop=True)
        self.offers = offers.reset_index(drop=True)
        self.kiez_index = pd.Index(self.kieze["plr_id"])
        self.distance_km = haversine_km(
            self.kieze["lat"].to_numpy()[:, None], self.kieze["lon"].to_numpy()[:, None],
            self.offers["lat"].to_numpy()[None, :], self.offers["lon"].to_numpy()[None, :],
        ).astype("float32")
        self.tier = self._tiers(neighbours)
        self.stage_rows = self._stage_rows()

    # -- construction ---------------------------------------------------------------------
    def _tiers(self, neighbours: pd.DataFrame) -> np.ndarray:
        n = len(self.kieze)
        offer_kiez = self.kiez_index.get_indexer(self.offers["plr_id"])
        adjacency = np.zeros((n, n + 1), dtype=bool)  # last column: offers outside any Kiez
        a = self.kiez_index.get_indexer(neighbours["plr_id"])
        b = self.kiez_index.get_indexer(neighbours["nachbar_plr_id"])
        ok = (a >= 0) & (b >= 0)
        adjacency[a[ok], b[ok]] = True
        self.adjacency = adjacency[:, :n]
        tier = np.full((n, len(offer_kiez)), 3, dtype="int8")  # berlin; nearer tiers overwrite
        tier[self._same_bezirk()] = 2
        tier[adjacency[:, offer_kiez]] = 1
        tier[np.arange(n)[:, None] == offer_kiez[None, :]] = 0
        return tier

    def _same_bezirk(self) -> np.ndarray:
        """Kieze × offers: does the offer lie in the Kiez's Bezirk? (Bezirk ids compared as small
        integer codes, not as strings.)"""
        code = {b: i for i, b in enumerate(sorted(set(self.kieze["bez_id"])))}
        kiez = np.array([code[b] for b in self.kieze["bez_id"]])
        offer = np.array([code.get(b, -1) for b in self.offers["bez_id"]])
        return kiez[:, None] == offer[None, :]

    def _stage_rows(self) -> dict[str, np.ndarray]:
        """Offer rows per stage by the one rule: offer.art in stage.angebotsarten."""
        art = self.offers["art"].to_numpy()
        return {sid: np.flatnonzero(np.isin(art, list(stage.angebotsarten)))
                for sid, stage in sorted(self.redaktion.stages.items())}

    # -- queries --------------------------------------------------------------------------
    def kiez_position(self, plr_id: str) -> int:
        pos = self.kiez_index.get_indexer([plr_id])[0]
        if pos < 0:
            raise KeyError(plr_id)
        return int(pos)

    def kiez(self, plr_id: str) -> pd.Series:
        return self.kieze.iloc[self.kiez_position(plr_id)]

    def neighbours_of(self, plr_id: str) -> list[str]:
        row = self.adjacency[self.kiez_position(plr_id)]
        return sorted(self.kieze["plr_id"].to_numpy()[row].tolist())

    def ranked_rows(self, plr_id: str, stage_id: str) -> np.ndarray:
        """Offer rows of a stage for one Kiez, ordered by (tier, distance, offer id)."""
        rows = self.stage_rows.get(stage_id, np.empty(0, dtype=int))
        if rows.size == 0:
            return rows
        pos = self.kiez_position(plr_id)
        order = np.lexsort((rows, self.distance_km[pos, rows], self.tier[pos, rows]))
        return rows[order]

    def hits(self, plr_id: str, rows: np.ndarray) -> list[OfferHit]:
        pos = self.kiez_position(plr_id)
        return [OfferHit(int(r), TIERS[self.tier[pos, r]],
                         round(float(self.distance_km[pos, r]), 2)) for r in rows]

    def nearest(self, plr_id: str, stage_id: str, limit: int = 5) -> list[OfferHit]:
        return self.hits(plr_id, self.ranked_rows(plr_id, stage_id)[:limit])

    def nearest_all(self, stage_id: str, limit: int, mask: np.ndarray | None = None) -> np.ndarray:
        """For every Kiez (rows, in plr_id order) the `limit` nearest offer rows of a stage by
        (tier, distance, row); -1 pads Kieze with fewer offers. `mask` selects offers (bool per
        offer row)."""
        rows = self.stage_rows.get(stage_id, np.empty(0, dtype=int))
        if mask is not None:
            rows = rows[mask[rows]]
        n = len(self.kieze)
        if rows.size == 0:
            return np.full((n, 0), -1, dtype=int)
        key = (self.tier[:, rows].astype("float64") * 1e4 + self.distance_km[:, rows]
               + rows[None, :] * 1e-9)
        take = min(limit, rows.size)
        part = np.argpartition(key, take - 1, axis=1)[:, :take]
        order = np.take_along_axis(part, np.argsort(np.take_along_axis(key, part, axis=1),
                                                    axis=1), axis=1)
        return rows[order]

    @cached_property
    def best_tier(self) -> pd.DataFrame:
        """Kieze × stages: the nearest tier with an offer (0 Kiez … 3 Berlin, 4 = none)."""
        columns = {}
        for sid, rows in self.stage_rows.items():
            columns[sid] = (self.tier[:, rows].min(axis=1) if rows.size
                            else np.full(len(self.kieze), NO_TIER, dtype="int8"))
        return pd.DataFrame(columns, index=self.kiez_index)

    def services_for(self, plr_id: str, transition: Transition) -> list[CounsellingService]:
        """Counselling services of a transition responsible for this Kiez (Berlin-wide, or the
        Kiez's Bezirk), in the order the editors listed them."""
        return self.services_for_bezirk(self.kiez(plr_id)["bez_id"], transition)

    def services_for_bezirk(self, bez_id: str,
                            transition: Transition) -> list[CounsellingService]:
        services = (self.redaktion.services.get(sid) for sid in transition.beratung)
        return [s for s in services
                if s is not None and (s.gebiet == "berlin" or s.bez_id == bez_id)]


def build_kiez_layer(redaktion: Redaktion | None = None) -> KiezLayer:
    """The layer from the committed data packages and editor YAML."""
    from pathways import load
    from pathways.redaktion import load_redaktion

    red = redaktion if redaktion is not None else load_redaktion()
    return KiezLayer(red, load.load_kieze(), load.load_neighbours(), load.load_offers())
