"""The data the search indexes, read through the model (pathways.load, pathways.redaktion)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from datapages_base import redaktion

from pathways.load import load_bezirke, load_kieze, load_offers
from pathways.redaktion import Stage

from .documents import Places


@dataclass(frozen=True)
class SearchInputs:
    offers: list[dict]
    stages: list[Stage]
    type_names: dict[str, str]
    places: Places


def load_places() -> Places:
    kieze = load_kieze()
    bezirke = load_bezirke()
    return Places(
        kiez_names=dict(zip(kieze.plr_id, kieze.plr_name, strict=True)),
        region_of_kiez=dict(zip(kieze.plr_id, kieze.bzr_name, strict=True)),
        prognoseraum_of_kiez=dict(zip(kieze.plr_id, kieze.pgr_name, strict=True)),
        bezirk_names=dict(zip(bezirke.bez_id, bezirke.bez_name, strict=True)),
    )


def offer_records() -> list[dict]:
    """Offers as plain dicts; missing values are None."""
    offers = load_offers().astype(object)
    return offers.where(pd.notna(offers), None).to_dict("records")


def load_search_inputs() -> SearchInputs:
    red = redaktion()
    return SearchInputs(
        offers=offer_records(),
        stages=sorted(red.stages.values(), key=lambda s: s.id),
        type_names={t.id: t.name for t in red.offer_types.values()},
        places=load_places(),
    )
