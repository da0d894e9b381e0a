"""Pelican plugin: one page per offer at /angebote/<id>/ (what, for whom, where, source, next)."""

from __future__ import annotations

from datapages_base.forked import wait_forked
from pelican import signals

from .generator import OfferPageGenerator


def _generators(pelican) -> type[OfferPageGenerator]:
    return OfferPageGenerator


def register() -> None:
    signals.get_generators.connect(_generators)
    signals.finalized.connect(wait_forked)  # the share of the pages written in a forked process
