"""Pelican plugin: one page per Kiez (/kiez/<plr_id>/), its pathway JSON and the Kiez finder index.

See docs/KIEZ_PAGES.md.
"""

from .generator import register

__all__ = ["register"]
