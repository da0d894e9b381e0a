"""The Kiez's pathway data from `pathways.precompute`: packed per Kiez for the browser, and turned
into the server-rendered default life course (readable and printable without JavaScript).

Nothing is planned here: routes, offers, counselling and bridges are the planner's; this module
only looks entries up by their indexes and attaches display labels.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import urlsplit

from datapages_base import (
    ACCESSIBILITY,
    QUALIFICATIONS,
    TRANSITION_KINDS,
    language_name,
    offer_url,
    service_url,
    stage_url,
)
from datapages_base.i18n import N_, Gettext
from datapages_base.labels import translated_labels

from pathways.collation import german_key
from pathways.kiezlayer import DISTANCE_NOTE, TIER_LABELS, TIERS
from pathways.needs import ACCESS_ORDER, COST_ORDER
from pathways.plan import Planner
from pathways.precompute import precompute_data
from pathways.redaktion import SCHOOL_LADDER

SHARED_FILE = "gemeinsam.json"
# Keys of the shared file a Kiez's browser JSON carries along (all but the offers, which are
# reduced to those the Kiez refers to).
SHARED_KEYS = ("stufen", "uebergaenge", "beratung", "weiter", "bruecken", "ebenen", "hinweis")


@dataclass(frozen=True)
class Precomputed:
    """The planner's precomputed data: one shared dictionary and one small file per Kiez."""

    shared: dict
    kieze: dict[str, dict]

    @cached_property
    def transitions_by_stages(self) -> dict[tuple[int, int], list[int]]:
        """Transition numbers by (from stage, to stage), in their order."""
        found: dict[tuple[int, int], list[int]] = {}
        for i, t in enumerate(self.shared["uebergaenge"]):
            found.setdefault((t["v"], t["z"]), []).append(i)
        return found

    @cached_property
    def offer_members(self) -> dict[int, str]:
        """The JSON member `"<number>":<offer>` of shared offers by number, made when first asked
        for (an offer is in the files of many Kieze)."""
        return {}

    @cached_property
    def view_memo(self) -> dict:
        """Entries of the server-rendered view made once per build (the same on many pages)."""
        return {}


def load_precomputed(planner: Planner) -> Precomputed:
    """The planner's precomputation, in memory (the same data `bildungswege precompute` writes)."""
    shared, kieze = precompute_data(planner)
    return Precomputed(shared, kieze)


def need_orders() -> dict:
    """How needs order offers (pathways.needs): rank per value, None = a known mismatch (hidden),
    values not listed = unknown (kept, labelled "unbekannt")."""
    return {
        "barrierefrei": {**ACCESS_ORDER, "nein": None},
        "kostenlos": {**COST_ORDER, "kostenpflichtig": None, "": max(COST_ORDER.values()) + 1},
    }


def _german(text: str) -> str:
    return text


def requirements_text(abschluss: str | None, sprachniveau: str | None, alter_min: int | None,
                      alter_max: int | None, sonstiges: str | None,
                      gettext: Gettext = _german) -> str:
    """A transition's requirements in plain words ("keine besonderen genannt" if none);
    `sonstiges` is the editors' German text (data)."""
    parts = []
    if abschluss and abschluss != "keiner":
        qualification = gettext(QUALIFICATIONS[abschluss]) if abschluss in QUALIFICATIONS \
            else abschluss
        parts.append(gettext(N_("Abschluss: {abschluss}")).format(abschluss=qualification))
    if sprachniveau:
        parts.append(gettext(N_("Deutsch mindestens auf Niveau {niveau}")).format(
            niveau=sprachniveau))
    if alter_min is not None:
        parts.append(gettext(N_("ab {von} Jahren")).format(von=alter_min))
    if alter_max is not None:
        parts.append(gettext(N_("höchstens {bis} Jahre alt")).format(bis=alter_max))
    if sonstiges:
        parts.append(sonstiges)
    return "; ".join(parts) if parts else gettext(N_("keine besonderen genannt"))


def display_texts(shared: dict, site_url: str = "", gettext: Gettext = _german,
                  ui_lang: str = "de") -> dict:
    """Labels and URL patterns the browser shows (from datapages_base and pathways.kiezlayer),
    in the UI language."""
    codes = sorted({code for offer in shared["angebote"] for code in offer["sp"]})
    return {
        "ebenen": [gettext(TIER_LABELS[t]) for t in TIERS],
        "arten": translated_labels(TRANSITION_KINDS, gettext),
        "abschluesse": [[q, gettext(QUALIFICATIONS[q])] for q in SCHOOL_LADDER],
        "barrierefrei": translated_labels(ACCESSIBILITY, gettext),
        "sprachen": sorted(([c, language_name(c, ui_lang)] for c in codes),
                           key=lambda p: german_key(p[1])),
        "entfernung": gettext(DISTANCE_NOTE),
        "voraussetzungen": [requirements_text(t["rq"], t["rs"], t["rmin"], t["rmax"], t["ro"],
                                              gettext)
                            for t in shared["uebergaenge"]],
        "urls": {"angebot": site_url + offer_url("{id}"), "stufe": site_url + stage_url("{id}"),
                 "beratung": site_url + service_url("{id}")},
    }


SHARED_JSON = "gemeinsam"  # /data/kiez/gemeinsam.json: tables every Kiez page shares (cached)


def shared_browser_json(data: Precomputed, texts: dict) -> dict:
    """The tables all Kiez pages share: stages, transitions, counselling, next steps, bridges,
    how needs order offers, and display texts (fetched once, then cached by the browser)."""
    return {
        **{key: data.shared[key] for key in SHARED_KEYS},
        "f": data.shared["f"],
        "bedarf": need_orders(),
        "texte": texts,
    }


def stable_json(value) -> str:
    """Compact, stable JSON (same input → same bytes)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _used_offers(kiez: dict) -> list[int]:
    return sorted({entry[0] for entries in kiez["a"].values() for entry in entries})


def browser_json(data: Precomputed, plr_id: str) -> dict:
    """The Kiez's own precomputed file plus the offers it refers to (and no others)."""
    kiez = data.kieze[plr_id]
    offers = data.shared["angebote"]
    return {**kiez, "angebote": {str(i): offers[i] for i in _used_offers(kiez)}}


def browser_json_text(data: Precomputed, plr_id: str) -> str:
    """`stable_json(browser_json(data, plr_id))`, with each offer's JSON made once per build."""
    kiez = data.kieze[plr_id]
    members = data.offer_members
    offers = data.shared["angebote"]
    entries = []
    for i in sorted(_used_offers(kiez), key=str):  # sort_keys orders "10" before "9"
        if i not in members:
            members[i] = f"{stable_json(str(i))}:{stable_json(offers[i])}"
        entries.append(members[i])
    parts = {key: stable_json(value) for key, value in kiez.items()}
    parts["angebote"] = "{" + ",".join(entries) + "}"
    return "{" + ",".join(f"{stable_json(key)}:{parts[key]}" for key in sorted(parts)) + "}"


# -- server-rendered view -------------------------------------------------------------------


@dataclass(frozen=True)
class OfferEntry:
    id: str
    name: str
    art: str
    ebene: str
    km: float
    barrierefrei: str
    kosten: str | None
    adresse: str


@dataclass(frozen=True)
class ServiceEntry:
    id: str
    name: str
    gebiet: str
    bez_id: str | None
    website: str | None
    telefon: str | None
    email: str | None
    adresse: str | None

    @property
    def website_host(self) -> str | None:
        return urlsplit(self.website).hostname if self.website else None


@dataclass(frozen=True)
class TransitionEntry:
    id: str
    art: str
    nach_id: str
    nach_name: str
    typisches_alter: tuple[int, int]
    abschluss: str | None
    sprachniveau: str | None
    alter_min: int | None
    alter_max: int | None
    sonstiges: str | None
    beratung: tuple[ServiceEntry, ...]

    def requirements(self, gettext: Gettext = _german) -> str:
        """Jinja filter `requirements` (generator.py): the requirements in the UI language."""
        return requirements_text(self.abschluss, self.sprachniveau, self.alter_min,
                                 self.alter_max, self.sonstiges, gettext)


@dataclass(frozen=True)
class CourseStep:
    stage_id: str
    name: str
    sektor: str
    alter: float
    stufe_alter: tuple[int, int]
    wege_hierher: tuple[TransitionEntry, ...]
    angebote: tuple[OfferEntry, ...]
    weiter: tuple[TransitionEntry, ...]


@dataclass
class PathwayView:
    steps: list[CourseStep]
    services: list[ServiceEntry] = field(default_factory=list)


def _offer(data: Precomputed, entry: list) -> OfferEntry:
    index, distance, tier = entry
    o = data.shared["angebote"][index]
    return OfferEntry(o["id"], o["n"], o["t"], TIER_LABELS[TIERS[tier]], distance / 100,
                      o["bf"], o["ko"], o["ad"])


def _service(data: Precomputed, index: int) -> ServiceEntry:
    s = data.shared["beratung"][index]
    return ServiceEntry(s["id"], s["n"], s["g"], s["bz"], s["w"], s["t"], s["m"], s["ad"])


def _transition(data: Precomputed, kiez: dict, index: int) -> TransitionEntry:
    service_ids = tuple(kiez["u"].get(str(index), []))
    key = ("transition", index, service_ids)
    entry = data.view_memo.get(key)
    if entry is None:
        t = data.shared["uebergaenge"][index]
        target = data.shared["stufen"][t["z"]]
        services = tuple(_service(data, s) for s in service_ids)
        entry = TransitionEntry(t["id"], t["t"], target["id"], target["n"], (t["av"], t["ab"]),
                                t["rq"], t["rs"], t["rmin"], t["rmax"], t["ro"], services)
        data.view_memo[key] = entry
    return entry


def _transitions_between(data: Precomputed, von: int, nach: int) -> list[int]:
    return data.transitions_by_stages.get((von, nach), [])


def pathway_view(data: Precomputed, plr_id: str) -> PathwayView:
    """The default life course of the Kiez, step by step, with offers and next steps."""
    kiez = data.kieze[plr_id]
    steps = []
    previous = None
    for stage_index, age in kiez["l"]:
        stage = data.shared["stufen"][stage_index]
        incoming = (_transitions_between(data, previous, stage_index)
                    if previous is not None else [])
        steps.append(CourseStep(
            stage_id=stage["id"], name=stage["n"], sektor=stage["s"], alter=age,
            stufe_alter=(stage["av"], stage["ab"]),
            wege_hierher=tuple(_transition(data, kiez, i) for i in incoming),
            angebote=tuple(_offer(data, e) for e in kiez["a"].get(str(stage_index), [])),
            weiter=tuple(_transition(data, kiez, i)
                         for i in data.shared["weiter"].get(str(stage_index), [])),
        ))
        previous = stage_index
    return PathwayView(steps, kiez_services(data, plr_id))


def kiez_services(data: Precomputed, plr_id: str) -> list[ServiceEntry]:
    """Counselling services responsible for this Kiez (as the planner assigned them to its
    transitions): the Bezirk's own services first, then Berlin-wide ones, each by name."""
    kiez = data.kieze[plr_id]
    found = {s for ids in kiez["u"].values() for s in ids}
    services = [_service(data, i) for i in found]
    return sorted(services, key=lambda s: (s.gebiet != "bezirk", german_key(s.name), s.id))
