"""Pelican plugin: one page per offer at /angebote/<id>/ (what, for whom, where, source, next)."""

from __future__ import annotations

from pelican import signals

from .generator import OfferPageGenerator


def _generators(pelican) -> type[OfferPageGenerator]:
    return OfferPageGenerator


def register() -> None:
    signals.get_generators.connect(_generators)
