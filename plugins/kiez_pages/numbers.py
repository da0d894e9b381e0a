"""German number formats for the Kiez pages; a missing value reads "keine Angabe", never 0."""

from __future__ import annotations

from datapages_base.text import KEINE_ANGABE, is_missing


def whole_number(value: object) -> str:
    """3419 -> "3.419"."""
    return KEINE_ANGABE if is_missing(value) else f"{int(value):,}".replace(",", ".")


def decimal(value: object, digits: int = 2) -> str:
    """0.4567 -> "0,46"."""
    if is_missing(value):
        return KEINE_ANGABE
    return f"{float(value):,.{digits}f}".replace(",", "\u2009").replace(".", ",").replace(
        "\u2009", ".")


def percent(value: object) -> str:
    """12.345 -> "12,3 %"."""
    return KEINE_ANGABE if is_missing(value) else f"{decimal(value, 1)}\u00a0%"


def years(value: object) -> str:
    """3.0 -> "3", 3.5 -> "3,5" (ages in the pathway)."""
    if is_missing(value):
        return KEINE_ANGABE
    number = float(value)
    return str(int(number)) if number.is_integer() else decimal(number, 1)


FILTERS = {"zahl": whole_number, "dezimal": decimal, "prozent": percent, "jahre": years}
