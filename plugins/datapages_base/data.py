"""The model, loaded once per build and shared by every page family (loading takes ~0.7 s)."""

from __future__ import annotations

from functools import lru_cache

import networkx as nx
import pandas as pd

from pathways.graph import build_stage_graph
from pathways.load import load_offers
from pathways.redaktion import Redaktion, load_redaktion


@lru_cache(maxsize=1)
def redaktion() -> Redaktion:
    """The editors' records (stages, transitions, services, offer types, curated offers)."""
    return load_redaktion()


@lru_cache(maxsize=1)
def stage_graph() -> nx.MultiDiGraph:
    return build_stage_graph(redaktion())


@lru_cache(maxsize=1)
def offers() -> pd.DataFrame:
    """All offers (`pathways.load.load_offers`), one frame for every family: read, never change."""
    return load_offers()
