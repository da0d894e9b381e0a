"""Plain-German display of file sizes, counts and reference dates on the /daten/ pages."""

from __future__ import annotations

from babel.numbers import format_decimal
from datapages_base import KEINE_ANGABE

# Up to this many reference dates are listed one by one; more are shown as a range.
LISTED_DATES = 3


def number(value: int) -> str:
    """12345 -> "12.345" (German grouping)."""
    return format_decimal(value, locale="de_DE")


def file_size(size: int) -> str:
    """Bytes in a readable unit with the exact count: "703.463 Bytes (687 KiB)"."""
    exact = f"{number(size)} Bytes"
    for unit, factor in (("MiB", 1024**2), ("KiB", 1024)):
        if size >= factor:
            return f"{exact} ({format_decimal(round(size / factor, 1), locale='de_DE')} {unit})"
    return exact


def reference_dates(dates: tuple[str, ...]) -> str:
    """The "Stand" of a resource as the data gives it; a long series as first–last and count."""
    if not dates:
        return KEINE_ANGABE
    if len(dates) <= LISTED_DATES:
        return ", ".join(dates)
    return f"{dates[0]} bis {dates[-1]} ({len(dates)} Stichtage)"


FILTERS = {"number": number, "file_size": file_size, "reference_dates": reference_dates}
