"""Pelican plugin: the 12 Bezirk pages /bezirk/<bez_id>/ and the overview /bezirk/."""

from __future__ import annotations

from pelican import signals

from .generator import BezirkPageGenerator


def _generators(pelican) -> type[BezirkPageGenerator]:
    return BezirkPageGenerator


def register() -> None:
    signals.get_generators.connect(_generators)
