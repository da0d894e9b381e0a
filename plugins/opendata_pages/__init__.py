"""Pelican plugin: the open-data section /daten/ (pages, package copies, zips, DCAT catalogue)."""

from __future__ import annotations

from pelican import signals

from .generator import OpenDataGenerator


def _generators(pelican) -> type[OpenDataGenerator]:
    return OpenDataGenerator


def register() -> None:
    signals.get_generators.connect(_generators)
