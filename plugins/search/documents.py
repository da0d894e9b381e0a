"""Search documents: what is indexed (fields) and what a result shows (display, facets).

One `SearchDoc` per offer, stage, Kiez and Bezirk, built from the data model's records; URLs are
the ones the page generators use.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .compounds import compound_parts

# Indexed fields and their boosts (tuned by tests/search/test_ranking.py on real data).
FIELDS: dict[str, int] = {"name": 10, "art": 8, "ort": 3, "bezirk": 3, "teile": 2, "text": 1}

KIND_LABELS = {"angebot": "Angebot", "stufe": "Bildungsstation", "kiez": "Kiez", "bezirk": "Bezirk"}


@dataclass(frozen=True)
class SearchDoc:
    url: str
    kind: str  # angebot | stufe | kiez | bezirk
    name: str
    type_label: str
    fields: dict[str, list[str]]
    kiez: str | None = None
    bez_id: str | None = None
    sektor: str | None = None
    alter: tuple[int | None, int | None] | None = None  # None: no age given
    barrierefrei: str | None = None
    sort_key: tuple = field(default=(), compare=False)


@dataclass(frozen=True)
class Places:
    """LOR names needed to describe where something is."""

    kiez_names: Mapping[str, str]  # plr_id -> plr_name
    region_of_kiez: Mapping[str, str]  # plr_id -> bzr_name
    prognoseraum_of_kiez: Mapping[str, str]  # plr_id -> pgr_name
    bezirk_names: Mapping[str, str]  # bez_id -> bez_name


def _text(value) -> str:
    if value is None or value != value:  # None or NaN
        return ""
    return str(value).strip()


def _place_name(ort) -> str:
    """The Ortsteil; "Berlin" (no Ortsteil known) says nothing in a Berlin-wide search."""
    text = _text(ort)
    return "" if text == "Berlin" else text


def _age(von, bis) -> tuple[int | None, int | None] | None:
    """(von, bis) in whole years, a missing limit None; None if neither is given."""
    years = tuple(None if _text(v) == "" else int(float(v)) for v in (von, bis))
    return None if years == (None, None) else years


def _with_parts(fields: dict[str, list[str]]) -> dict[str, list[str]]:
    fields["teile"] = compound_parts(fields["name"] + fields["art"])
    return {name: [t for t in fields.get(name, []) if t] for name in FIELDS}


def offer_doc(offer: Mapping, type_names: Mapping[str, str], places: Places) -> SearchDoc:
    """One offer (a row of the offers table as a mapping)."""
    plr_id = _text(offer.get("plr_id"))
    bez_id = _text(offer.get("bez_id")) or plr_id[:2]
    type_label = type_names.get(offer["art"], offer["art"])
    fields = {
        "name": [_text(offer["name"])],
        "art": [type_label],
        "ort": [places.kiez_names.get(plr_id, ""), places.region_of_kiez.get(plr_id, ""),
                places.prognoseraum_of_kiez.get(plr_id, ""), _place_name(offer.get("ort")),
                _text(offer.get("plz"))],
        "bezirk": [places.bezirk_names.get(bez_id, "")],
        "text": [_text(offer.get("strasse")), _text(offer.get("traeger"))],
    }
    return SearchDoc(
        url=f"/angebote/{offer['id']}/", kind="angebot", name=_text(offer["name"]),
        type_label=type_label, fields=_with_parts(fields),
        kiez=places.kiez_names.get(plr_id), bez_id=bez_id or None,
        sektor=_text(offer.get("sektor")) or None,
        alter=_age(offer.get("alter_von"), offer.get("alter_bis")),
        barrierefrei=_text(offer.get("barrierefrei")) or "unbekannt",
        sort_key=(1, offer["art"], bez_id, plr_id, _text(offer["name"]), offer["id"]),
    )


def stage_doc(stage) -> SearchDoc:
    """One stage (pathways.redaktion.Stage)."""
    fields = {"name": [stage.name], "art": [KIND_LABELS["stufe"]], "text": [stage.beschreibung]}
    return SearchDoc(
        url=f"/stufen/{stage.id}/", kind="stufe", name=stage.name,
        type_label=KIND_LABELS["stufe"], fields=_with_parts(fields), sektor=stage.sektor,
        alter=(stage.alter.von, stage.alter.bis), sort_key=(0, "stufe", stage.id),
    )


def kiez_doc(plr_id: str, places: Places) -> SearchDoc:
    bez_id = plr_id[:2]
    fields = {
        "name": [places.kiez_names[plr_id]], "art": [KIND_LABELS["kiez"]],
        "ort": [places.region_of_kiez.get(plr_id, ""), places.prognoseraum_of_kiez.get(plr_id, "")],
        "bezirk": [places.bezirk_names.get(bez_id, "")],
    }
    return SearchDoc(
        url=f"/kiez/{plr_id}/", kind="kiez", name=places.kiez_names[plr_id],
        type_label=KIND_LABELS["kiez"], fields=_with_parts(fields),
        kiez=places.kiez_names[plr_id], bez_id=bez_id, sort_key=(0, "kiez", plr_id),
    )


def bezirk_doc(bez_id: str, places: Places) -> SearchDoc:
    name = places.bezirk_names[bez_id]
    fields = {"name": [name], "art": [KIND_LABELS["bezirk"]], "bezirk": [name]}
    return SearchDoc(
        url=f"/bezirk/{bez_id}/", kind="bezirk", name=name, type_label=KIND_LABELS["bezirk"],
        fields=_with_parts(fields), bez_id=bez_id, sort_key=(0, "bezirk", bez_id),
    )


def all_documents(offers: Iterable[Mapping], stages: Iterable, type_names: Mapping[str, str],
                  places: Places) -> list[SearchDoc]:
    """Every document, in a stable order that keeps similar documents together (short refs are
    positions in this list, and result details are chunked along it)."""
    docs = [bezirk_doc(b, places) for b in places.bezirk_names]
    docs += [kiez_doc(p, places) for p in places.kiez_names]
    docs += [stage_doc(s) for s in stages]
    docs += [offer_doc(o, type_names, places) for o in offers]
    return sorted(docs, key=lambda d: d.sort_key)
