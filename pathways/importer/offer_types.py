"""Mapping tables from each source's own categories to the offer types (`art`) of the vocabulary."""

from __future__ import annotations

from pathways.errors import UserError

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
