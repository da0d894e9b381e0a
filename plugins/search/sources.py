"""The data the search indexes, read through the model (pathways), never from raw files."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from pathways.paths import DATAPACKAGES
from pathways.redaktion import Stage, load_redaktion

from .documents import Places


@dataclass(frozen=True)
class SearchInputs:
    offers: list[dict]
    stages: list[Stage]
    type_names: dict[str, str]
    places: Places


def _csv(path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def load_places() -> Places:
    kieze = DATAPACKAGES / "kieze"
    plr = _csv(kieze / "planungsraeume.csv")
    bzr = dict(_csv(kieze / "bezirksregionen.csv")[["bzr_id", "bzr_name"]].values)
    pgr = dict(_csv(kieze / "prognoseraeume.csv")[["pgr_id", "pgr_name"]].values)
    bez = _csv(kieze / "bezirke.csv")
    return Places(
        kiez_names=dict(zip(plr.plr_id, plr.plr_name, strict=True)),
        region_of_kiez={p: bzr[b] for p, b in zip(plr.plr_id, plr.bzr_id, strict=True)},
        prognoseraum_of_kiez={p: pgr[g] for p, g in zip(plr.plr_id, plr.pgr_id, strict=True)},
        bezirk_names=dict(zip(bez.bez_id, bez.bez_name, strict=True)),
    )


def load_offers() -> list[dict]:
    package = DATAPACKAGES / "angebote"
    frames = [_csv(package / f"{name}.csv")
              for name in ("schulen", "kitas", "jugendfreizeit", "osm-lernorte", "redaktion")]
    return pd.concat(frames, ignore_index=True).to_dict("records")


def load_search_inputs() -> SearchInputs:
    red = load_redaktion()
    return SearchInputs(
        offers=load_offers(),
        stages=sorted(red.stages.values(), key=lambda s: s.id),
        type_names={t.id: t.name for t in red.offer_types.values()},
        places=load_places(),
    )
