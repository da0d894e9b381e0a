"""Pelican plugin: a page per stage at /stufen/<id>/ and the overview /stufen/."""

from __future__ import annotations

from pelican import signals

from .generator import StagePageGenerator


def _generators(pelican) -> type[StagePageGenerator]:
    return StagePageGenerator


def register() -> None:
    signals.get_generators.connect(_generators)
