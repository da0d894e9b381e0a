"""Supply vs. demand of a Kiez beside its Bezirk and Berlin, as `pathways.analyse` computes it."""

from __future__ import annotations

from dataclasses import dataclass

from datapages_base.i18n import N_

from pathways.analyse import KiezAnalysis

# Indicator ids of pathways.analyse.INDICATORS with their row label on the page (msgids).
LABELS = {
    "kita_plaetze_je_kind_unter_6": N_("Kita-Plätze je Kind unter 6 Jahren"),
    "schueler_je_einwohner_6_18": N_("Schülerinnen und Schüler je Einwohner von 6 bis unter 18"),
    "jfe_plaetze_je_einwohner_6_27": N_("Plätze in Jugendfreizeiteinrichtungen je Einwohner "
                                        "von 6 bis unter 27"),
}


@dataclass(frozen=True)
class SupplyFigure:
    """One ratio for Kiez, Bezirk and Berlin (None = keine Angabe)."""

    label: str
    values: tuple[float | None, float | None, float | None]


def supply_figures(analysis: KiezAnalysis, plr_id: str) -> list[SupplyFigure]:
    found = analysis.supply_demand(plr_id)
    return [SupplyFigure(label, (found[key]["kiez"], found[key]["bezirk"], found[key]["berlin"]))
            for key, label in LABELS.items() if key in found]
