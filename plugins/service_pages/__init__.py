"""Pelican plugin: counselling services, a page each at /beratung/<id>/ and the list /beratung/."""

from __future__ import annotations

from pelican import signals

from .generator import ServicePageGenerator


def _generators(pelican) -> type[ServicePageGenerator]:
    return ServicePageGenerator


def register() -> None:
    signals.get_generators.connect(_generators)
