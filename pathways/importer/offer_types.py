"""Offer types (`art`): the vocabulary, source-category → art mapping tables, and derived stages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from pathways.errors import UserError


@dataclass(frozen=True)
class OfferType:
    id: str
    name: str
    sektor: str
    alter_von: int
    alter_bis: int


# schools: schulart → art (schultyp decides first, see school_art)
SCHULART_TO_ART = {
    "Grundschule": "grundschule",
    "Integrierte Sekundarschule": "iss",
    "Gemeinschaftsschule": "gemeinschaftsschule",
    "Gymnasium": "gymnasium",
    'Förderschwerp. "Geistige Entwicklung"': "foerderzentrum",
    'Förderschwerp. "Lernen"': "foerderzentrum",
    'Förderschwerp. "Lernen"u."Geistige Entwickl."': "foerderzentrum",
    "Förderschwerp. einschl. beruflichem Teil": "foerderzentrum",
    "Übrige Förderschwerpunkte": "foerderzentrum",
    "Freie Waldorfschule": "waldorfschule",
    "Kombinierte allgemein bildende Schule": "allgemeinbildende-schule",
    "Kombinierte allg./berufl. Schule": "allgemeinbildende-schule",
    "Oberstufenzentrum": "oberstufenzentrum",
    "Kombinierte berufliche Schule": "oberstufenzentrum",
    "Berufsschule": "berufsschule",
    "Berufsschule mit sonderpäd. Aufgaben": "berufsschule",
    "Berufsfachschule": "berufsfachschule",
    "Fachschule": "fachschule",
    "Fachoberschule": "fachoberschule",
    "Kolleg": "kolleg",
    "Abend-Gymnasium": "kolleg",
    "Volkshochschul-Kolleg": "vhs-kolleg",
    "Volkshochschule": "volkshochschule",
}
FOERDER_SCHULTYP = "Schule mit sonderpädagogischem Förderschwerpunkt"
WILLKOMMEN_NAME = "Willkommensschule"

KITA_TO_ART = {
    "Reguläre Einrichtung": "kita",
    "Heilpädagogische Gruppe": "kita-heilpaedagogisch",
    "Sprachförderung": "kita-sprachfoerderung",
}
JFE_TO_ART = {
    "Jugendfreizeiteinrichtungen (JFE)": "jugendfreizeiteinrichtung",
    "PbS oder ASP oder Kinderfarm": "abenteuerspielplatz-kinderbauernhof",
}
OSM_TO_ART = {
    "bibliothek": "bibliothek",
    "musikschule": "musikschule",
    "kunst_kulturzentrum": "kunst-kulturzentrum",
    "tanzschule": "tanzschule",
    "gemeinschaftszentrum": "nachbarschaftszentrum",
    "soziales_zentrum": "nachbarschaftszentrum",
    "familienzentrum": "familienzentrum",
    "kinder_jugendzentrum": "kinder-jugendzentrum",
    "seniorentreff": "seniorentreff",
}


def school_art(schulart: str, schultyp: str, name: str) -> str:
    """Offer type of a school.

    Förderzentren are recognised by schultyp; among the ISS listed as "Andere Schule" only the
    Willkommensschule (by name) is one – the others are sports schools and stay `iss`.
    """
    if schultyp == FOERDER_SCHULTYP:
        return "foerderzentrum"
    if schulart == "Integrierte Sekundarschule" and WILLKOMMEN_NAME in name:
        return "willkommensschule"
    return lookup(SCHULART_TO_ART, schulart, "schulart")


def lookup(table: dict[str, str], value: str, what: str) -> str:
    try:
        return table[value]
    except KeyError:
        raise UserError(f"Unbekannte {what} „{value}“ in den Quelldaten: bitte in "
                        "pathways/importer/offer_types.py zuordnen") from None


def load_offer_types(vocabulary_file: Path) -> dict[str, OfferType]:
    data = yaml.safe_load(vocabulary_file.read_text(encoding="utf-8"))
    out = {}
    for item in data["angebotsarten"]:
        out[item["id"]] = OfferType(item["id"], item["name"], item["sektor"],
                                    int(item["alter"]["von"]), int(item["alter"]["bis"]))
    return out


def load_stage_offer_types(stages_dir: Path) -> dict[str, list[str]]:
    """stage id → offer types realising it. The one place to swap for pathways.redaktion later."""
    out: dict[str, list[str]] = {}
    for path in sorted(stages_dir.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            out[data["id"]] = [str(a) for a in data.get("angebotsarten") or []]
    return out


def stages_for(art: str, stage_offer_types: dict[str, list[str]]) -> list[str]:
    """offer.stufen = [s.id for s in stages if offer.art in s.angebotsarten], sorted by id."""
    return sorted(sid for sid, arten in stage_offer_types.items() if art in arten)
