"""Display of file sizes, counts and reference dates on the /daten/ pages, in the UI language."""

from __future__ import annotations

from babel.numbers import format_decimal
from datapages_base import KEINE_ANGABE
from datapages_base.i18n import N_, Gettext, with_gettext

# Up to this many reference dates are listed one by one; more are shown as a range.
LISTED_DATES = 3


def _untranslated(text: str) -> str:
    return text


def number(value: int, gettext: Gettext = _untranslated, ui_lang: str = "de") -> str:
    """12345 -> "12.345" (German grouping; the UI language's grouping)."""
    return format_decimal(value, locale=ui_lang)


def file_size(size: int, gettext: Gettext = _untranslated, ui_lang: str = "de") -> str:
    """Bytes in a readable unit with the exact count: "703.463 Bytes (687 KiB)"."""
    exact = gettext(N_("{anzahl} Bytes")).format(anzahl=number(size, ui_lang=ui_lang))
    for unit, factor in (("MiB", 1024**2), ("KiB", 1024)):
        if size >= factor:
            return f"{exact} ({format_decimal(round(size / factor, 1), locale=ui_lang)} {unit})"
    return exact


def reference_dates(dates: tuple[str, ...], gettext: Gettext = _untranslated,
                    ui_lang: str = "de") -> str:
    """The "Stand" of a resource as the data gives it; a long series as first–last and count."""
    if not dates:
        return gettext(KEINE_ANGABE)
    if len(dates) <= LISTED_DATES:
        return ", ".join(dates)
    return gettext(N_("{erster} bis {letzter} ({anzahl} Stichtage)")).format(
        erster=dates[0], letzter=dates[-1], anzahl=len(dates))


FILTERS = {name: with_gettext(func, ui_lang=True) for name, func in
           {"number": number, "file_size": file_size, "reference_dates": reference_dates}.items()}
