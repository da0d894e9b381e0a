"""Pelican plugin: one page per Kiez (/kiez/<plr_id>/), its pathway JSON and the Kiez finder index.

See docs/KIEZ_PAGES.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Sibling plugins (datapages_base) are imported as top-level packages from plugins/.
_PLUGINS_DIR = str(Path(__file__).resolve().parents[1])
if _PLUGINS_DIR not in sys.path:
    sys.path.append(_PLUGINS_DIR)

from .generator import register  # noqa: E402

__all__ = ["register"]
