"""Number formats of the data pages in the UI language (German: "3.419", "0,46", "12,3 %");
a missing value reads "keine Angabe" (translated), never 0."""

from __future__ import annotations

from functools import lru_cache

from babel import Locale
from jinja2 import Environment, pass_environment

from .i18n import Gettext, env_ui_lang, with_gettext
from .text import KEINE_ANGABE, is_missing


def _untranslated(text: str) -> str:
    return text


@lru_cache(maxsize=8)
def separators(ui_lang: str) -> tuple[str, str]:
    """(group, decimal) separator of the UI language from CLDR: ("." , ",") for German."""
    symbols = Locale.parse(ui_lang.replace("-", "_")).number_symbols
    symbols = symbols.get("latn", symbols)
    return symbols["group"], symbols["decimal"]


def _localised(english_format: str, ui_lang: str) -> str:
    group, point = separators(ui_lang)
    return english_format.replace(",", "\0").replace(".", point).replace("\0", group)


def whole_number(value: object, gettext: Gettext = _untranslated, ui_lang: str = "de") -> str:
    """3419 -> "3.419"."""
    return gettext(KEINE_ANGABE) if is_missing(value) else _localised(f"{int(value):,}", ui_lang)


def decimal(value: object, digits: int = 2, gettext: Gettext = _untranslated,
            ui_lang: str = "de") -> str:
    """0.4567 -> "0,46"."""
    if is_missing(value):
        return gettext(KEINE_ANGABE)
    return _localised(f"{float(value):,.{digits}f}", ui_lang)


def percent(value: object, gettext: Gettext = _untranslated, ui_lang: str = "de") -> str:
    """12.345 -> "12,3 %"."""
    if is_missing(value):
        return gettext(KEINE_ANGABE)
    return f"{decimal(value, 1, ui_lang=ui_lang)}\u00a0%"


def years(value: object, gettext: Gettext = _untranslated, ui_lang: str = "de") -> str:
    """3.0 -> "3", 3.5 -> "3,5" (ages in the pathway)."""
    if is_missing(value):
        return gettext(KEINE_ANGABE)
    number = float(value)
    return str(int(number)) if number.is_integer() else decimal(number, 1, ui_lang=ui_lang)


@pass_environment
def decimal_separator(env: Environment) -> str:
    """Template global: the UI language's decimal sign (for numbers the browser formats)."""
    return separators(env_ui_lang(env))[1]


GLOBALS = {"decimal_separator": decimal_separator}
FILTERS = {name: with_gettext(func, ui_lang=True) for name, func in
           {"zahl": whole_number, "dezimal": decimal, "prozent": percent, "jahre": years}.items()}
