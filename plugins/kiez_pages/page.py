"""The template context of one Kiez page: place, neighbours, map, offers, key figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from gettext import NullTranslations

from datapages_base import SECTORS as SECTOR_NAMES
from datapages_base import urls
from markupsafe import Markup

from pathways.collation import german_key

from .figures import MssStatus, Population, kiez_mss, kiez_population
from .inputs import KiezInputs
from .kiezmap import MapPoint, kiez_map_svg
from .pathway import SHARED_JSON, PathwayView, pathway_view
from .supply import supply_figures

GERMAN = NullTranslations()  # the source language: texts as written


@dataclass(frozen=True)
class Place:
    """A linked Kiez (neighbour list)."""

    plr_id: str
    name: str
    url: str
    bezirk: str


@dataclass(frozen=True)
class MapOffer:
    """An offer of the Kiez as listed beside the map (the map's text alternative)."""

    id: str
    name: str
    art: str
    sektor: str
    url: str


def kiez_record(inputs: KiezInputs, plr_id: str) -> dict:
    row = inputs.kiez_rows[plr_id]
    return {key: row[key] for key in ("plr_id", "plr_name", "bzr_id", "bzr_name", "pgr_id",
                                      "pgr_name", "bez_id", "bez_name")}


def neighbour_places(inputs: KiezInputs, plr_id: str) -> list[Place]:
    places = []
    for other in inputs.neighbour_ids.get(plr_id, []):
        row = inputs.kiez_rows[other]
        places.append(Place(other, row["plr_name"], urls.kiez_url(other), row["bez_name"]))
    return sorted(places, key=lambda p: (german_key(p.name), p.plr_id))


def _offers_in(inputs: KiezInputs, plr_id: str) -> list:
    return inputs.offer_rows_by_kiez.get(plr_id, [])


def map_offers(inputs: KiezInputs, plr_id: str) -> list[MapOffer]:
    type_names = {t.id: t.name for t in inputs.redaktion.offer_types.values()}
    return [
        MapOffer(row.id, row.name, type_names.get(row.art, row.art), row.sektor,
                 urls.offer_url(row.id))
        for row in _offers_in(inputs, plr_id)
    ]


def map_description(kiez: dict, neighbours: list[Place], offers: list[MapOffer],
                    ui: NullTranslations = GERMAN) -> str:
    """The map's text alternative in the UI language (`ui`: the UI catalogue)."""
    counts = {s: sum(1 for o in offers if o.sektor == s) for s in SECTOR_NAMES}
    by_sector = "; ".join(f"{ui.gettext(SECTOR_NAMES[s])}: {n}" for s, n in counts.items() if n)
    outline = ui.gettext("Umriss des Kiezes {kiez} mit {n} angrenzenden Kiezen (hell).").format(
        kiez=kiez["plr_name"], n=len(neighbours))
    if not offers:
        return " ".join((outline, ui.gettext("Im Kiez liegt kein Angebot aus unseren Daten.")))
    marks = ui.ngettext(
        "Zeichen für {n} Angebot im Kiez ({sektoren}); dasselbe Angebot steht in der Liste neben "
        "der Karte.",
        "Zeichen für {n} Angebote im Kiez ({sektoren}); dieselben Angebote stehen in der Liste "
        "neben der Karte.", len(offers)).format(n=len(offers), sektoren=by_sector)
    return " ".join((outline, marks))


def kiez_map(inputs: KiezInputs, kiez: dict, neighbours: list[Place],
             offers: list[MapOffer], ui: NullTranslations = GERMAN) -> Markup:
    plr_id = kiez["plr_id"]
    points = [MapPoint(float(r.lat), float(r.lon), r.sektor, r.name)
              for r in _offers_in(inputs, plr_id)]
    return kiez_map_svg(
        inputs.geometries[plr_id],
        [inputs.geometries[p.plr_id] for p in neighbours if p.plr_id in inputs.geometries],
        points,
        title=ui.gettext("Karte: Kiez {kiez} und seine Angebote").format(kiez=kiez["plr_name"]),
        description=map_description(kiez, neighbours, offers, ui),
    )


def pathway_json_url(plr_id: str) -> str:
    return f"/data/kiez/{plr_id}.json"


@dataclass(frozen=True)
class KiezPage:
    kiez: dict
    url: str
    neighbours: list[Place]
    offers: list[MapOffer]
    map_svg: Markup
    population: Population
    mss: MssStatus
    pathway: PathwayView | None = None
    supply: list = field(default_factory=list)
    json_url: str | None = None
    shared_json_url: str = field(default_factory=lambda: pathway_json_url(SHARED_JSON))


def kiez_page(inputs: KiezInputs, plr_id: str,
              ui: NullTranslations = GERMAN) -> KiezPage:
    """The page context; `ui` is the UI catalogue for the texts made here (the map's)."""
    kiez = kiez_record(inputs, plr_id)
    neighbours = neighbour_places(inputs, plr_id)
    offers = map_offers(inputs, plr_id)
    return KiezPage(
        kiez=kiez,
        url=urls.kiez_url(plr_id),
        neighbours=neighbours,
        offers=offers,
        map_svg=kiez_map(inputs, kiez, neighbours, offers, ui),
        population=kiez_population(inputs.population, kiez, inputs.population_rows),
        mss=kiez_mss(inputs.mss, plr_id, inputs.mss_rows),
        supply=supply_figures(inputs.analysis, plr_id),
        pathway=pathway_view(inputs.precomputed, plr_id),
        json_url=pathway_json_url(plr_id),
    )
