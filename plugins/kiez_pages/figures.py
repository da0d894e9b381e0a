"""Key figures of a Kiez beside its Bezirk and Berlin: population by age band and MSS 2021.

Only what the monitoring package states; a missing value stays None ("keine Angabe" on the page).
Supply/demand ratios (Kita places per child …) come from `pathways.analyse`, see `supply.py`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd
from datapages_base.i18n import N_

from pathways import paths

AGE_BANDS = (
    ("alter_unter_6", N_("unter 6")),
    ("alter_6_15", N_("6 bis unter 15")),
    ("alter_15_18", N_("15 bis unter 18")),
    ("alter_18_27", N_("18 bis unter 27")),
    ("alter_27_45", N_("27 bis unter 45")),
    ("alter_45_55", N_("45 bis unter 55")),
    ("alter_55_65", N_("55 bis unter 65")),
    ("alter_65_plus", N_("65 und älter")),
)


@dataclass(frozen=True)
class AreaPopulation:
    """Population of one area: total and persons per age band (None where the data has none)."""

    label: str
    einwohner: int | None
    bands: tuple[int | None, ...]

    def share(self, index: int) -> float | None:
        """Share of an age band in percent, None if a count is missing or the area is empty."""
        count = self.bands[index]
        if count is None or not self.einwohner:
            return None
        return 100 * count / self.einwohner


@dataclass(frozen=True)
class Population:
    stichtag: str
    bands: tuple[str, ...]
    areas: tuple[AreaPopulation, ...]  # Kiez, Bezirk, Berlin
    source: dict

    @property
    def rows(self) -> tuple[tuple[str, tuple[tuple[int | None, float | None], ...]], ...]:
        """Per age band its label and, per area, (persons, share in percent): the table's rows."""
        return tuple((label, tuple((area.bands[i], area.share(i)) for area in self.areas))
                     for i, label in enumerate(self.bands))


@dataclass(frozen=True)
class MssStatus:
    """MSS 2021 of one Kiez; `valid` is False where the source marks it invalid (no values)."""

    valid: bool
    gueltigkeit: str
    status: str | None
    dynamik: str | None
    gesamt: str | None
    source: dict


def _int(value) -> int | None:
    return None if pd.isna(value) else int(value)


def _resource_meta(package: str, resource: str, root: Path | None = None) -> dict:
    """Title, licence (as stated) and attribution of a data package resource."""
    return dict(_resource_meta_cached(package, resource, root or paths.DATAPACKAGES))


@lru_cache(maxsize=16)
def _resource_meta_cached(package: str, resource: str, root: Path) -> tuple:
    descriptor = json.loads((root / package / "datapackage.json").read_text(encoding="utf-8"))
    found = next(r for r in descriptor["resources"] if r["name"] == resource)
    licences = ", ".join(lic.get("title", lic.get("name", "")) for lic in found.get("licenses", []))
    return (("titel", found.get("title", resource)), ("lizenz", licences),
            ("urheber", found.get("attribution", "")))


def _german_date(iso: str) -> str:
    """"2024-12-31" -> "31.12.2024"."""
    year, month, day = iso.split("-")
    return f"{day}.{month}.{year}"


AreaKey = tuple[str, str | None]


def population_rows(frame: pd.DataFrame) -> dict[AreaKey, dict]:
    """The first row (as a dict) of each (ebene, id), and of each ebene under (ebene, None):
    looked up per Kiez instead of filtering the table 3 × 542 times."""
    first: dict[AreaKey, int] = {}
    for position, (ebene, area_id) in enumerate(zip(frame["ebene"], frame["id"], strict=True)):
        first.setdefault((ebene, area_id), position)
        first.setdefault((ebene, None), position)
    return _records_at(frame, first)


def first_rows(frame: pd.DataFrame, column: str) -> dict[object, dict]:
    """The first row (as a dict) for each value of `column`."""
    first: dict[object, int] = {}
    for position, value in enumerate(frame[column]):
        first.setdefault(value, position)
    return _records_at(frame, first)


def _records_at(frame: pd.DataFrame, positions: dict[object, int]) -> dict[object, dict]:
    """The rows at `positions` (key -> row number) as dicts, converted in one go."""
    wanted = sorted(set(positions.values()))
    by_position = dict(zip(wanted, frame.iloc[wanted].to_dict("records"), strict=True))
    return {key: by_position[position] for key, position in positions.items()}


def _area(rows: dict[AreaKey, dict], ebene: str, area_id: str | None,
          label: str) -> AreaPopulation:
    row = rows.get((ebene, area_id))
    if row is None:
        return AreaPopulation(label, None, tuple(None for _ in AGE_BANDS))
    return AreaPopulation(label, _int(row["einwohner"]), tuple(_int(row[c]) for c, _ in AGE_BANDS))


def kiez_population(population: pd.DataFrame, kiez: dict,
                    rows: dict[AreaKey, dict] | None = None) -> Population:
    """Age bands of the Kiez, its Bezirk and Berlin at the population table's Stichtag
    (`rows`: `population_rows(population)`, built once per build)."""
    rows = population_rows(population) if rows is None else rows
    areas = (
        _area(rows, "planungsraum", kiez["plr_id"], kiez["plr_name"]),
        _area(rows, "bezirk", kiez["bez_id"], kiez["bez_name"]),
        _area(rows, "berlin", None, "Berlin"),
    )
    stichtag = _german_date(str(population["stichtag"].iloc[0])) if len(population) else ""
    return Population(stichtag, tuple(label for _, label in AGE_BANDS), areas,
                      _resource_meta("monitoring", "einwohner"))


def kiez_mss(mss: pd.DataFrame, plr_id: str,
             rows: dict[object, dict] | None = None) -> MssStatus:
    """MSS 2021 status, dynamics and overall index of one Kiez, as the source words them
    (`rows`: `first_rows(mss, "plr_id")`, built once per build)."""
    source = _resource_meta("monitoring", "mss_2021")
    row = (first_rows(mss, "plr_id") if rows is None else rows).get(plr_id)
    if row is None:
        return MssStatus(False, N_("nicht im Datensatz"), None, None, None, source)

    def text(column: str) -> str | None:
        return None if pd.isna(row[column]) else str(row[column])

    valid = str(row["gueltig"]) == "gültig"
    return MssStatus(valid, str(row["gueltig"]), text("si_v"), text("di_v"), text("sdi_v"), source)
