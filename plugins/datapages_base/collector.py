"""Python's cycle collector during the build: paused while long-lived data is made, then frozen.

The build makes hundreds of thousands of small objects (tables, index terms) that live until it
ends and hold no reference cycles worth collecting; scanning them again and again while they grow
costs about a fifth of the CPU. Frozen objects are skipped by later collections (and by forked
parts, whose copy-on-write pages then stay shared).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def long_lived_objects() -> Iterator[None]:
    """Make objects without the cycle collector running, then freeze everything made so far."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
    freeze_long_lived()


def freeze_long_lived() -> None:
    """Move every object made so far out of the cycle collector's reach."""
    gc.freeze()
