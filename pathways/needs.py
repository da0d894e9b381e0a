"""Needs and wishes of a person (accessibility, language, cost) and how they filter and order
offers: known matches first, unknown kept and labelled "unbekannt", known mismatches dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from pathways.errors import UserError

# Needs a person can state, with the offer field that answers them (None: no data on offers yet).
NEEDS = {
    "barrierefrei": ("stufenloser Zugang (z. B. Rollstuhl)", "barrierefrei"),
    "gebaerdensprache": ("Gebärdensprache", None),
    "leichte-sprache": ("Leichte Sprache", None),
    "kinderbetreuung": ("Kinderbetreuung während des Angebots", None),
}
# Needs answered by stages, not offers: a stage with `bedarf: <need>` is meant for people with
# this need (ranked first when it is stated, after the other next steps when it is not).
STAGE_NEEDS = {
    "alphabetisierung": "Lesen und Schreiben lernen (Alphabetisierung)",
}
ACCESS_ORDER = {"ja": 0, "teilweise": 1, "unbekannt": 2}  # "nein" is dropped
COST_ORDER = {"kostenfrei": 0}                              # unknown = 1, kostenpflichtig dropped


@dataclass(frozen=True)
class Wishes:
    bedarf: tuple[str, ...] = ()
    sprache: str | None = None
    kostenlos: bool = False

    def notes(self) -> list[str]:
        """German notes on needs the data cannot answer (shown with every plan)."""
        return [f"Zu „{NEEDS[n][0]}“ enthalten die Angebotsdaten noch keine Angaben; "
                "alle Angebote gelten dafür als „unbekannt“." for n in self.bedarf
                if n in NEEDS and NEEDS[n][1] is None]


def parse_needs(values: list[str] | tuple[str, ...] | None) -> tuple[str, ...]:
    """Validated, sorted, de-duplicated need ids; UserError (German) for unknown ones."""
    needs = sorted({v.strip() for v in values or () if v.strip()})
    unknown = [n for n in needs if n not in NEEDS and n not in STAGE_NEEDS]
    if unknown:
        raise UserError(f"Unbekannter Bedarf: {', '.join(unknown)}. Möglich sind: "
                        f"{', '.join([*NEEDS, *STAGE_NEEDS])}.")
    return tuple(needs)


def filter_offers(offers: pd.DataFrame, rows: np.ndarray, alter: float | None,
                  wishes: Wishes) -> np.ndarray:
    """Offer rows (already nearest first) that fit the age and wishes, best match first.

    Known mismatches (no step-free access, costs money, other language only) are dropped; unknown
    values are kept, after the known matches. The order is otherwise stable (nearest first).
    """
    if rows.size == 0:
        return rows
    keep = np.ones(rows.size, dtype=bool)
    if alter is not None:
        von = offers["alter_von"].to_numpy(dtype="float64", na_value=np.nan)[rows]
        bis = offers["alter_bis"].to_numpy(dtype="float64", na_value=np.nan)[rows]
        keep &= ~(von > alter) & ~(bis < alter)
    keys: list[np.ndarray] = []
    if "barrierefrei" in wishes.bedarf:
        access = offers["barrierefrei"].to_numpy()[rows]
        keep &= access != "nein"
        keys.append(np.array([ACCESS_ORDER.get(a, 2) for a in access]))
    if wishes.kostenlos:
        cost = offers["kosten"].to_numpy(dtype=object, na_value=None)[rows]
        keep &= cost != "kostenpflichtig"
        keys.append(np.array([COST_ORDER.get(c, 1) for c in cost]))
    if wishes.sprache:
        langs = offers["sprachen"].to_numpy()[rows]
        known = np.array([len(v) > 0 for v in langs])
        speaks = np.array([wishes.sprache in v for v in langs])
        keep &= speaks | ~known
        keys.append(np.where(speaks, 0, 1))
    order = np.arange(rows.size)
    if keys:
        order = np.lexsort((order, *reversed(keys)))
    return rows[order][keep[order]]
