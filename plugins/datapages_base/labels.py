"""Plain-German labels for coded values of the data model (one place for every page family)."""

from __future__ import annotations

from functools import lru_cache

from babel import Locale

TRANSITION_KINDS = {
    "regulaer": "regulärer Weg",
    "alternativ": "alternativer Weg",
    "zweiter-bildungsweg": "Zweiter Bildungsweg",
    "wiedereinstieg": "Wiedereinstieg",
    "begleitend": "begleitend",
}
QUALIFICATIONS = {
    "keiner": "kein Abschluss nötig",
    "BBR": "Berufsbildungsreife (BBR)",
    "eBBR": "erweiterte Berufsbildungsreife (eBBR)",
    "MSA": "Mittlerer Schulabschluss (MSA)",
    "FHR": "Fachhochschulreife (FHR)",
    "AHR": "Allgemeine Hochschulreife (Abitur)",
    "BERUF": "abgeschlossene Berufsausbildung",
}
SECTORS = {
    "formal": "formale Bildung (mit Abschluss)",
    "nonformal": "non-formale Bildung (organisiert, ohne staatlichen Abschluss)",
    "informal": "informelles Lernen",
}
ACCESSIBILITY = {
    "ja": "barrierefrei (rollstuhlgerecht)",
    "teilweise": "teilweise barrierefrei",
    "nein": "nicht barrierefrei",
    "unbekannt": "unbekannt",
}
COSTS = {"kostenfrei": "kostenfrei", "kostenpflichtig": "kostenpflichtig"}


@lru_cache(maxsize=256)
def language_name(code: str) -> str:
    """German name of an ISO 639-1 language code ("tr" -> "Türkisch"); the code if unknown."""
    return Locale("de").languages.get(code, code)


def label(mapping: dict[str, str], value: object) -> object:
    """Jinja filter helper: the label of a coded value, the value itself if it has none."""
    return mapping.get(value, value) if isinstance(value, str) else value


LABEL_FILTERS = {
    "transition_kind": lambda v: label(TRANSITION_KINDS, v),
    "qualification": lambda v: label(QUALIFICATIONS, v),
    "sector": lambda v: label(SECTORS, v),
    "accessibility": lambda v: label(ACCESSIBILITY, v),
    "language": language_name,
}
