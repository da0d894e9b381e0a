"""Marker for German UI texts written in Python: `N_("…")` stays German here; `babel.cfg` extracts
the marked texts into the site's gettext catalogues, and the site translates them (docs/I18N.md)."""

from __future__ import annotations


def N_(text: str) -> str:  # noqa: N802 - the usual gettext name, a keyword of `pybabel extract`
    """The text itself (gettext_noop): only marks it for extraction."""
    return text
