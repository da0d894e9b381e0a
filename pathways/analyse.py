"""Kiez analysis for Bildungsmanagement: offer gaps, transitions without counselling, supply vs.
demand (compared with Bezirk and Berlin) and critical transitions of the Kiez's life course.

Missing data stays None (CSV: empty, site: "keine Angabe"), never 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from pathways import load
from pathways.graph import ROOT_STAGE, transitions_out
from pathways.lifecourse import old_age_stages
from pathways.plan import Planner
from pathways.routes import GERMAN_LEVELS, Start, any_route

NEAR_TIERS = 1  # "reachable" for gaps and the Kiez graph: in the Kiez (0) or a neighbour (1)
AGE_GROUPS = {
    "unter_6": ("alter_unter_6",),
    "6_18": ("alter_6_15", "alter_15_18"),
    "6_27": ("alter_6_15", "alter_15_18", "alter_18_27"),
}
# indicator -> (supply column, age group)
INDICATORS = {
    "kita_plaetze_je_kind_unter_6": ("kita_plaetze", "unter_6"),
    "schueler_je_einwohner_6_18": ("schueler", "6_18"),
    "jfe_plaetze_je_einwohner_6_27": ("jfe_plaetze", "6_27"),
}


def _ratio(supply, demand) -> float | None:
    if supply is None or demand is None or pd.isna(supply) or pd.isna(demand) or demand == 0:
        return None
    return round(float(supply) / float(demand), 4)


class KiezAnalysis:
    """Computes the analysis for any Kiez; the shared inputs are prepared once."""

    def __init__(self, planner: Planner):
        self.planner = planner
        self.red = planner.redaktion
        self.layer = planner.layer
        self._critical_cache: dict[frozenset, tuple[bool, list[str]]] = {}

    # -- supply and demand ----------------------------------------------------------------
    @cached_property
    def supply(self) -> pd.DataFrame:
        """Per Kiez: Kita places, pupils (latest school year), JFE places; None = no data."""
        offers = self.layer.offers
        kieze = self.layer.kieze[["plr_id", "bez_id"]].set_index("plr_id")
        kita = offers[offers["ressource"] == "kitas"].groupby("plr_id")["plaetze"].sum(min_count=1)
        jfe = offers[offers["ressource"] == "jugendfreizeit"].groupby("plr_id")["plaetze"].sum(
            min_count=1)
        stats = load.load_school_stats()
        latest = stats[stats["schuljahr"] == stats["schuljahr"].max()]
        pupils = latest.set_index("schule-" + latest["bsn"])["schueler_gesamt"]
        schools = offers[offers["ressource"] == "schulen"][["id", "plr_id"]].copy()
        schools["schueler"] = schools["id"].map(pupils)
        by_kiez = schools.groupby("plr_id")["schueler"]
        frame = kieze.assign(
            kita_plaetze=kita.reindex(kieze.index).fillna(0).astype("Int64"),
            jfe_plaetze=jfe.reindex(kieze.index).fillna(0).astype("Int64"),
            schueler=by_kiez.sum(min_count=1).reindex(kieze.index).fillna(0).astype("Int64"),
            schulen_ohne_schuelerzahl=by_kiez.apply(lambda s: int(s.isna().sum()))
            .reindex(kieze.index).fillna(0).astype("Int64"),
        )
        # A Kiez whose schools are not all counted has no reliable pupil figure.
        frame.loc[frame["schulen_ohne_schuelerzahl"] > 0, "schueler"] = pd.NA
        frame["schueler_bekannt"] = schools.groupby("plr_id")["schueler"].sum().reindex(
            kieze.index).fillna(0)
        return frame

    @cached_property
    def population(self) -> dict[str, pd.DataFrame]:
        pop = load.load_population()
        out = {}
        for level, key in (("planungsraum", "plr_id"), ("bezirk", "bez_id"), ("berlin", None)):
            frame = pop[pop["ebene"] == level].copy()
            frame.index = frame["id"] if key else ["berlin"]
            out[level] = pd.DataFrame({g: frame[list(cols)].sum(axis=1, min_count=len(cols))
                                       for g, cols in AGE_GROUPS.items()})
        return out

    @cached_property
    def area_ratios(self) -> dict[str, dict[str, float | None]]:
        """Indicators for each Bezirk and Berlin (pupils: all schools with a figure)."""
        s = self.supply
        totals = {"kita_plaetze": s["kita_plaetze"], "jfe_plaetze": s["jfe_plaetze"],
                  "schueler": s["schueler_bekannt"]}
        out: dict[str, dict[str, float | None]] = {}
        for name, (column, group) in INDICATORS.items():
            by_bez = totals[column].groupby(s["bez_id"]).sum()
            bez_pop = self.population["bezirk"][group]
            out[name] = {bez: _ratio(by_bez.get(bez), bez_pop.get(bez)) for bez in by_bez.index}
            out[name]["berlin"] = _ratio(totals[column].sum(),
                                         self.population["berlin"][group]["berlin"])
        return out

    def supply_demand(self, plr_id: str) -> dict:
        row = self.supply.loc[plr_id]
        pop = self.population["planungsraum"]
        out = {}
        for name, (column, group) in INDICATORS.items():
            value = row[column]
            demand = pop[group].get(plr_id)
            out[name] = {
                "angebot": None if pd.isna(value) else int(value),
                "nachfrage": None if demand is None or pd.isna(demand) else int(demand),
                "kiez": _ratio(value, demand),
                "bezirk": self.area_ratios[name].get(row["bez_id"]),
                "berlin": self.area_ratios[name]["berlin"],
            }
        return out

    # -- graph ------------------------------------------------------------------------------
    def gaps(self, plr_id: str) -> list[str]:
        """Stages realised by offers that have none in the Kiez or a neighbouring Kiez."""
        tiers = self.layer.best_tier.loc[plr_id]
        return sorted(sid for sid, stage in self.red.stages.items()
                      if stage.angebotsarten and tiers[sid] > NEAR_TIERS)

    @cached_property
    def _uncounselled_by_bezirk(self) -> dict[str, list[str]]:
        """Counselling is matched by Bezirk, so transitions without it are the same Bezirk-wide."""
        first_kiez = self.layer.kieze.groupby("bez_id")["plr_id"].first()
        return {bez: sorted(t.id for t in self.red.transitions
                            if not self.layer.services_for(plr_id, t))
                for bez, plr_id in first_kiez.items()}

    def without_counselling(self, plr_id: str) -> list[str]:
        return self._uncounselled_by_bezirk[self.layer.kiez(plr_id)["bez_id"]]

    def life_course_critical(self, plr_id: str) -> tuple[bool, list[str]]:
        """(does a life course from birth to old age exist on the Kiez layer, its critical
        transitions). The Kiez layer drops stages that need offers but have none nearby."""
        removed = frozenset(self.gaps(plr_id))
        if removed not in self._critical_cache:
            self._critical_cache[removed] = self._critical(removed)
        return self._critical_cache[removed]

    def _critical(self, removed: frozenset[str]) -> tuple[bool, list[str]]:
        """A transition is critical when no feasible route to old age is left without it; only
        transitions on one feasible route can be critical, so only those are tested."""
        start = Start(ROOT_STAGE, 0.0, deutsch=GERMAN_LEVELS[-1])
        targets = set(old_age_stages(self.red)) - removed
        route = any_route(self._outgoing, self.red, start, targets, removed)
        if route is None:
            return False, []
        return True, sorted({t for t in route if any_route(
            self._outgoing, self.red, start, targets, removed, banned=t) is None})

    @cached_property
    def _outgoing(self) -> dict:
        return transitions_out(self.planner.graph)

    def kiez(self, plr_id: str) -> dict:
        k = self.layer.kiez(plr_id)
        feasible, critical = self.life_course_critical(plr_id)
        return {
            "plr_id": plr_id, "plr_name": k["plr_name"], "bez_id": k["bez_id"],
            "bez_name": k["bez_name"],
            "stufen_ohne_angebot_nah": self.gaps(plr_id),
            "stufen_ohne_angebotsdaten": sorted(s.id for s in self.red.stages.values()
                                                if not s.angebotsarten),
            "uebergaenge_ohne_beratung": self.without_counselling(plr_id),
            "angebot_nachfrage": self.supply_demand(plr_id),
            "schulen_ohne_schuelerzahl": int(self.supply.loc[plr_id,
                                                             "schulen_ohne_schuelerzahl"]),
            "lebenslauf_moeglich": feasible,
            "kritische_uebergaenge": critical,
        }


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    description: str


TABLE_COLUMNS = (
    Column("plr_id", "string", "Planungsraum (LOR 2021)"),
    Column("plr_name", "string", "Name des Planungsraums"),
    Column("bez_id", "string", "Bezirk"),
    Column("stufen_ohne_angebot_nah", "string",
           "Stationen ohne Angebot im Kiez und in den Nachbarkiezen (Kennungen, Komma)"),
    Column("anzahl_stufen_ohne_angebot_nah", "integer", "Anzahl dieser Stationen"),
    Column("uebergaenge_ohne_beratung", "string",
           "Übergänge ohne für den Kiez zuständige Beratung (Kennungen, Komma)"),
    Column("anzahl_uebergaenge_ohne_beratung", "integer", "Anzahl dieser Übergänge"),
    *(Column(f"{name}_{level}", "number", f"{name.replace('_', ' ')} ({level})")
      for name in INDICATORS for level in ("kiez", "bezirk", "berlin")),
    Column("kita_plaetze", "integer", "genehmigte Kita-Plätze im Kiez"),
    Column("kinder_unter_6", "integer", "Einwohner unter 6 Jahren (31.12.2024)"),
    Column("schueler", "integer",
           "Schülerinnen und Schüler der Schulen im Kiez (neuestes Schuljahr); leer, wenn für "
           "eine Schule keine Zahl vorliegt"),
    Column("einwohner_6_18", "integer", "Einwohner 6 bis unter 18 Jahre"),
    Column("jfe_plaetze", "integer", "Plätze in Jugendfreizeiteinrichtungen im Kiez"),
    Column("einwohner_6_27", "integer", "Einwohner 6 bis unter 27 Jahre"),
    Column("lebenslauf_moeglich", "boolean",
           "Gibt es im Kiez-Graphen einen Weg von der Geburt bis ins Alter?"),
    Column("kritische_uebergaenge", "string",
           "Übergänge, ohne die kein Lebenslauf bis ins Alter mehr möglich wäre (Komma)"),
)


def table_row(record: dict) -> dict:
    """One flat CSV row of a Kiez record (the columns of TABLE_COLUMNS)."""
    sd = record["angebot_nachfrage"]
    row = {
        "plr_id": record["plr_id"], "plr_name": record["plr_name"], "bez_id": record["bez_id"],
        "stufen_ohne_angebot_nah": ",".join(record["stufen_ohne_angebot_nah"]),
        "anzahl_stufen_ohne_angebot_nah": len(record["stufen_ohne_angebot_nah"]),
        "uebergaenge_ohne_beratung": ",".join(record["uebergaenge_ohne_beratung"]),
        "anzahl_uebergaenge_ohne_beratung": len(record["uebergaenge_ohne_beratung"]),
    }
    for name in INDICATORS:
        for level in ("kiez", "bezirk", "berlin"):
            row[f"{name}_{level}"] = sd[name][level]
    row.update({
        "kita_plaetze": sd["kita_plaetze_je_kind_unter_6"]["angebot"],
        "kinder_unter_6": sd["kita_plaetze_je_kind_unter_6"]["nachfrage"],
        "schueler": sd["schueler_je_einwohner_6_18"]["angebot"],
        "einwohner_6_18": sd["schueler_je_einwohner_6_18"]["nachfrage"],
        "jfe_plaetze": sd["jfe_plaetze_je_einwohner_6_27"]["angebot"],
        "einwohner_6_27": sd["jfe_plaetze_je_einwohner_6_27"]["nachfrage"],
        "lebenslauf_moeglich": record["lebenslauf_moeglich"],
        "kritische_uebergaenge": ",".join(record["kritische_uebergaenge"]),
    })
    return row


def analyse_all(analysis: KiezAnalysis) -> pd.DataFrame:
    rows = [table_row(analysis.kiez(p)) for p in analysis.layer.kieze["plr_id"]]
    return pd.DataFrame(rows, columns=[c.name for c in TABLE_COLUMNS])
