"""Plain-German labels for coded values of the data model (one place for every page family).

The labels are gettext msgids (`N_`): the page filters show them in the UI language.
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale
from jinja2 import Environment, pass_environment

from .i18n import N_, env_ui_lang, label_filter

TRANSITION_KINDS = {
    "regulaer": N_("regulärer Weg"),
    "alternativ": N_("alternativer Weg"),
    "zweiter-bildungsweg": N_("Zweiter Bildungsweg"),
    "wiedereinstieg": N_("Wiedereinstieg"),
    "begleitend": N_("begleitend"),
}
QUALIFICATIONS = {
    "keiner": N_("kein Abschluss nötig"),
    "BBR": N_("Berufsbildungsreife (BBR)"),
    "eBBR": N_("erweiterte Berufsbildungsreife (eBBR)"),
    "MSA": N_("Mittlerer Schulabschluss (MSA)"),
    "FHR": N_("Fachhochschulreife (FHR)"),
    "AHR": N_("Allgemeine Hochschulreife (Abitur)"),
    "BERUF": N_("abgeschlossene Berufsausbildung"),
}
SECTORS = {
    "formal": N_("formale Bildung (mit Abschluss)"),
    "nonformal": N_("non-formale Bildung (organisiert, ohne staatlichen Abschluss)"),
    "informal": N_("informelles Lernen"),
}
ACCESSIBILITY = {
    "ja": N_("barrierefrei (rollstuhlgerecht)"),
    "teilweise": N_("teilweise barrierefrei"),
    "nein": N_("nicht barrierefrei"),
    "unbekannt": N_("unbekannt"),
}
COSTS = {"kostenfrei": N_("kostenfrei"), "kostenpflichtig": N_("kostenpflichtig")}


@lru_cache(maxsize=512)
def language_name(code: str, ui_lang: str = "de") -> str:
    """Name of an ISO 639-1 language code in the UI language ("tr" -> "Türkisch"); else the code."""
    return Locale.parse(ui_lang.replace("-", "_")).languages.get(code, code)


@pass_environment
def _language_filter(env: Environment, code: object) -> object:
    return language_name(code, env_ui_lang(env)) if isinstance(code, str) else code


def translated_labels(labels: dict[str, str], gettext) -> dict[str, str]:
    """A label table in the UI language (for JSON the browser shows)."""
    return {code: gettext(text) for code, text in labels.items()}


LABEL_FILTERS = {
    "transition_kind": label_filter(TRANSITION_KINDS),
    "qualification": label_filter(QUALIFICATIONS),
    "sector": label_filter(SECTORS),
    "accessibility": label_filter(ACCESSIBILITY),
    "cost": label_filter(COSTS),
    "language": _language_filter,
}
