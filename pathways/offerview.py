"""JSON-ready records of stages, transitions, counselling services and offers (shared by the
planner output and the precomputed site data, so both describe things the same way).
"""

from __future__ import annotations

import pandas as pd

from pathways.kiezlayer import OfferHit
from pathways.redaktion import CounsellingService, Stage, Transition

OFFER_FIELDS = ("id", "name", "art", "strasse", "plz", "ort", "telefon", "website",
                "barrierefrei", "kosten", "alter_von", "alter_bis", "quelle", "lizenz")


def plain(value):
    """pandas missing values → None; numpy scalars → Python numbers."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    return value.item() if hasattr(value, "item") else value


def stage_record(stage: Stage) -> dict:
    return {"id": stage.id, "name": stage.name, "sektor": stage.sektor,
            "alter": {"von": stage.alter.von, "bis": stage.alter.bis},
            "dauer_jahre": stage.dauer_jahre, "abschluesse": list(stage.abschluesse),
            "sprachniveau_erreicht": stage.sprachniveau_erreicht}


def requirements_record(transition: Transition) -> dict:
    req = transition.voraussetzungen
    return {"abschluss": req.abschluss, "sprachniveau": req.sprachniveau,
            "alter_min": req.alter_min, "alter_max": req.alter_max, "sonstiges": req.sonstiges}


def transition_record(transition: Transition) -> dict:
    return {"id": transition.id, "von": transition.von, "nach": transition.nach,
            "art": transition.art,
            "typisches_alter": {"von": transition.alter.von, "bis": transition.alter.bis},
            "voraussetzungen": requirements_record(transition)}


def service_record(service: CounsellingService) -> dict:
    k = service.kontakt
    return {"id": service.id, "name": service.name, "gebiet": service.gebiet,
            "bez_id": service.bez_id, "sprachen": list(service.sprachen),
            "barrierefrei": service.barrierefrei,
            "kontakt": {"website": k.website, "telefon": k.telefon, "email": k.email,
                        "adresse": k.adresse}}


def offer_record(offers: pd.DataFrame, hit: OfferHit) -> dict:
    row = offers.iloc[hit.row]
    record = {name: plain(row[name]) for name in OFFER_FIELDS}
    record["sprachen"] = list(row["sprachen"])
    record["ebene"] = hit.tier
    record["km"] = hit.km
    return record
