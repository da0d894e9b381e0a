"""Precomputed site data: one compact JSON per Kiez plus one shared dictionary, so the browser
only filters (by age, needs, stage, qualification) and never re-plans. Format: docs/PLANNER.md.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from pathways.atomic import replace_directory, write_bytes
from pathways.collation import german_key
from pathways.graph import transitions_out
from pathways.offerview import plain
from pathways.plan import Planner
from pathways.redaktion import SCHOOL_LADDER, satisfies
from pathways.routes import GERMAN_LEVELS, Start, search_routes

FORMAT = "bildungswege-kiez/1"
NEAREST = 6          # nearest offers per stage, any kind
NEAREST_ACCESS = 3   # plus the nearest with known step-free access (ja/teilweise)
NEAREST_FREE = 3     # plus the nearest known to be free of charge


def _dumps(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


class Precomputer:
    def __init__(self, planner: Planner):
        self.p = planner
        self.red = planner.redaktion
        self.layer = planner.layer
        self.stage_ids = sorted(self.red.stages)
        self.transitions = sorted(self.red.transitions, key=lambda t: t.id)
        self.service_ids = sorted(self.red.services)
        self.si = {s: i for i, s in enumerate(self.stage_ids)}
        self.ti = {t.id: i for i, t in enumerate(self.transitions)}
        self.vi = {s: i for i, s in enumerate(self.service_ids)}
        self._counselling: dict[str, dict[str, list[int]]] = {}

    def offers_by_stage(self) -> dict[str, np.ndarray]:
        """Kieze × chosen offer rows per stage (nearest, nearest step-free, nearest free)."""
        offers = self.layer.offers
        access = offers["barrierefrei"].isin(["ja", "teilweise"]).to_numpy()
        free = (offers["kosten"] == "kostenfrei").fillna(False).to_numpy(dtype=bool)
        out = {}
        for sid in self.stage_ids:
            out[sid] = np.concatenate([self.layer.nearest_all(sid, NEAREST),
                                       self.layer.nearest_all(sid, NEAREST_ACCESS, access),
                                       self.layer.nearest_all(sid, NEAREST_FREE, free)], axis=1)
        return out

    def kiez_file(self, pos: int, plr_id: str, bez_id: str, chosen: dict, offer_index: dict,
                  course: list) -> dict:
        offers = {}
        for sid, table in chosen.items():
            entries = _kiez_entries(table, pos, offer_index)
            if entries:
                offers[str(self.si[sid])] = entries
        return {"f": FORMAT, "k": plr_id, "b": bez_id, "l": course, "a": offers,
                "u": self.counselling(bez_id)}

    def counselling(self, bez_id: str) -> dict[str, list[int]]:
        """Per transition number the services responsible in a Bezirk (the same for each of its
        Kieze: worked out once per Bezirk)."""
        if bez_id not in self._counselling:
            found = {}
            for t in self.transitions:
                ids = [self.vi[s.id] for s in self.layer.services_for_bezirk(bez_id, t)]
                if ids:
                    found[str(self.ti[t.id])] = ids
            self._counselling[bez_id] = found
        return self._counselling[bez_id]  # shared by the Bezirk's Kieze: read, never change it

    def life_course(self) -> list:
        course = self.p.life_course
        if course is None:
            return []
        return [[self.si["geburt"], 0]] + [[self.si[h.transition.nach], h.alter]
                                           for h in course.hops]

    def bridges(self) -> dict:
        """Per transition with a school requirement and per lower school qualification held at
        its start: the best route (transition numbers) that reaches the transition's target."""
        out = {}
        for t in self.transitions:
            required = t.voraussetzungen.abschluss
            if not required or required == "keiner":
                continue
            for held in SCHOOL_LADDER:
                quals = frozenset() if held == "keiner" else frozenset({held})
                if satisfies(quals, required):
                    continue
                start = Start(t.von, float(t.alter.von), quals, GERMAN_LEVELS[-1])
                routes = search_routes(self.p.graph, self.red, start, k=1,
                                       targets={t.nach}).get(t.nach)
                out.setdefault(str(self.ti[t.id]), {})[held] = (
                    [self.ti[h.transition.id] for h in routes[0].hops] if routes else None)
        return out

    def by_target_name(self, transitions: list) -> list:
        """Next steps in the order the pages list them: target stage name, German alphabet."""
        return sorted(transitions, key=lambda t: (german_key(self.red.stages[t.nach].name), t.id))

    def shared(self, offer_rows: list[int]) -> dict:
        red, offers = self.red, self.layer.offers
        stages = [{"id": s.id, "n": s.name, "s": s.sektor, "av": s.alter.von, "ab": s.alter.bis,
                   "d": s.dauer_jahre, "q": list(s.abschluesse), "e": s.endstufe}
                  for s in (red.stages[i] for i in self.stage_ids)]
        transitions = []
        for t in self.transitions:
            r = t.voraussetzungen
            transitions.append({"id": t.id, "v": self.si[t.von], "z": self.si[t.nach],
                                "t": t.art, "av": t.alter.von, "ab": t.alter.bis,
                                "rq": r.abschluss, "rs": r.sprachniveau, "rmin": r.alter_min,
                                "rmax": r.alter_max, "ro": r.sonstiges,
                                "c": [self.vi[s] for s in t.beratung if s in self.vi],
                                "sw": t.standardweg})
        services = []
        for sid in self.service_ids:
            s = red.services[sid]
            services.append({"id": s.id, "n": s.name, "g": s.gebiet, "bz": s.bez_id,
                             "w": s.kontakt.website, "t": s.kontakt.telefon,
                             "m": s.kontakt.email, "ad": s.kontakt.adresse,
                             "bf": s.barrierefrei, "sp": list(s.sprachen)})
        offer_list = []
        columns = ("id", "name", "art", "strasse", "plz", "ort", "barrierefrei", "kosten",
                   "sprachen", "alter_von", "alter_bis", "lat", "lon", "website", "lizenz")
        chosen = offers.iloc[list(offer_rows)][list(columns)].astype(object)
        for o in chosen.to_dict("records"):
            offer_list.append({
                "id": o["id"], "n": o["name"], "t": o["art"],
                "ad": ", ".join(str(o[c]) for c in ("strasse", "plz", "ort") if _present(o[c])),
                "bf": o["barrierefrei"], "ko": plain(o["kosten"]), "sp": list(o["sprachen"]),
                "av": plain(o["alter_von"]), "ab": plain(o["alter_bis"]),
                "la": round(float(o["lat"]), 5), "lo": round(float(o["lon"]), 5),
                "w": plain(o["website"]), "li": o["lizenz"]})
        outgoing = transitions_out(self.p.graph)
        return {"f": FORMAT, "stufen": stages, "uebergaenge": transitions,
                "beratung": services, "angebote": offer_list,
                "weiter": {str(self.si[s]): [self.ti[t.id]
                                             for t in self.by_target_name(outgoing[s])]
                           for s in self.stage_ids},
                "bruecken": self.bridges(),
                "ebenen": ["kiez", "nachbar", "bezirk", "berlin"],
                "hinweis": "Entfernungen: Luftlinie vom Kiez-Mittelpunkt, in 10-m-Einheiten"}


def _kiez_tables(layer, chosen: dict[str, np.ndarray]) -> dict[str, tuple[list, list, list]]:
    """Per stage the chosen rows of every Kiez with their tiers and distances in 10 m, as lists
    (looked up for all Kieze at once; -1 pads rows)."""
    tables = {}
    positions = np.arange(len(layer.kieze))[:, None]
    for sid, matrix in chosen.items():
        safe = np.where(matrix >= 0, matrix, 0)
        km = layer.distance_km[positions, safe]
        tables[sid] = (matrix.tolist(), layer.tier[positions, safe].tolist(), km.tolist(),
                       np.rint(km.astype("float64") * 100).astype(int).tolist())
    return tables


def _kiez_entries(table: tuple, pos: int, offer_index: dict) -> list[list[int]]:
    """[offer number, distance in 10 m, tier] of the chosen rows of one Kiez and stage, each row
    once, ordered by (tier, distance, row)."""
    rows, tiers, km, cents = (column[pos] for column in table)
    seen: set[int] = set()
    ranked = []
    for row, tier, distance, cent in zip(rows, tiers, km, cents, strict=True):
        if row >= 0 and row not in seen:
            seen.add(row)
            ranked.append((tier, distance, row, cent))
    ranked.sort()
    return [[offer_index[row], cent, tier] for tier, _, row, cent in ranked]


def _present(value) -> bool:
    return plain(value) is not None


def precompute_data(planner: Planner) -> tuple[dict, dict[str, dict]]:
    """The shared dictionary and the per-Kiez dictionaries (by plr_id) that `precompute` writes,
    in memory (the site build reads them without writing and re-reading files)."""
    pc = Precomputer(planner)
    chosen = pc.offers_by_stage()
    ids = pc.layer.offers["id"].tolist()
    rows = np.unique(np.concatenate([m.ravel() for m in chosen.values()]))
    used = sorted((r for r in rows.tolist() if r >= 0), key=ids.__getitem__)
    offer_index = {r: i for i, r in enumerate(used)}
    course = pc.life_course()
    kieze = pc.layer.kieze
    shared = pc.shared(used)
    tables = _kiez_tables(pc.layer, chosen)
    per_kiez = {plr_id: pc.kiez_file(pos, plr_id, bez_id, tables, offer_index, course)
                for pos, (plr_id, bez_id) in enumerate(zip(kieze["plr_id"], kieze["bez_id"],
                                                           strict=True))}
    return shared, per_kiez


def precompute(planner: Planner, out: Path) -> dict:
    """Write `gemeinsam.json` and `kieze/<plr_id>.json` into `out` (replaced atomically);
    returns sizes for reporting."""
    shared_data, per_kiez = precompute_data(planner)
    sizes = {}
    with replace_directory(out) as staging:
        shared = _dumps(shared_data)
        write_bytes(staging / "gemeinsam.json", shared)
        sizes["gemeinsam.json"] = len(shared)
        for plr_id, kiez in per_kiez.items():
            data = _dumps(kiez)
            write_bytes(staging / "kieze" / f"{plr_id}.json", data)
            sizes[plr_id] = len(data)
    return sizes
