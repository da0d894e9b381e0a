"""The planner: ranked pathways from where a person is now (Kiez, age, stage, qualifications,
needs) to a goal stage, or the possible next steps, as a stable JSON-ready dict.

Format `bildungswege-plan/1` is documented in docs/PLANNER.md; `plan_text.py` renders it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property, lru_cache

import networkx as nx

from pathways.errors import UserError
from pathways.graph import build_stage_graph
from pathways.kiezlayer import DISTANCE_NOTE, KiezLayer, build_kiez_layer
from pathways.kiezname import resolve_kiez
from pathways.lifecourse import default_life_course, stage_at_age
from pathways.needs import Wishes, filter_offers, parse_needs
from pathways.offerview import offer_record, service_record, stage_record, transition_record
from pathways.redaktion import QUALIFICATIONS, Redaktion, satisfies
from pathways.routes import GERMAN_LEVELS, Route, Start, german_rank, search_routes

FORMAT = "bildungswege-plan/1"
OFFERS_PER_STEP = 5
MAX_K = 10
EXTRA_CANDIDATES = 4
ART_ORDER = ("regulaer", "alternativ", "zweiter-bildungsweg", "wiedereinstieg", "begleitend")
RANKING_TEXT = (
    "Reihenfolge: zuerst die Wege mit den wenigsten Jahren bis zum Ziel; bei Gleichstand die mit "
    "den wenigsten Voraussetzungen, die Sie heute noch nicht erfüllen (sie brauchen einen "
    "Zwischenschritt, z. B. einen Schulabschluss auf dem zweiten Bildungsweg); dann Wege über "
    "Stationen für einen Bedarf, den Sie angegeben haben (z. B. Alphabetisierung), vor Wegen ohne "
    "solche Stationen und zuletzt Wege über Stationen für einen Bedarf, den Sie nicht angegeben "
    "haben; dann, wenn Sie wenig Deutsch angegeben haben, Wege mit einem Deutschkurs, der Ihr "
    "Sprachniveau hebt (z. B. Integrationskurs bis B1), zuerst; dann reguläre vor "
    "alternativen Wegen, zweitem Bildungsweg, Wiedereinstieg und begleitenden Angeboten; zuletzt "
    "die Wege mit den nächsten Angeboten (Summe der Luftlinien-Entfernungen zum jeweils nächsten "
    "passenden Angebot)."
)


class Planner:
    """Everything a plan needs, built once: editor content, stage graph, Kiez layer."""

    def __init__(self, redaktion: Redaktion, layer: KiezLayer | None = None):
        self.redaktion = redaktion
        self.graph: nx.MultiDiGraph = build_stage_graph(redaktion)
        self.layer = layer if layer is not None else build_kiez_layer(redaktion)

    @cached_property
    def life_course(self) -> Route | None:
        return default_life_course(self.graph, self.redaktion)


@lru_cache(maxsize=1)
def default_planner() -> Planner:
    from pathways.redaktion import load_redaktion

    return Planner(load_redaktion())


@dataclass(frozen=True)
class Request:
    plr_id: str
    alter: float
    von: str
    von_angenommen: bool
    abschluesse: frozenset[str]
    ziel: str | None
    wishes: Wishes
    deutsch: str | None
    k: int


def plan_pathways(kiez: str, alter: float, von: str | None = None,
                  abschluss: str | list[str] | None = None, ziel: str | None = None,
                  bedarf: tuple[str, ...] | list[str] = (), sprache: str | None = None,
                  kostenlos: bool = False, k: int = 3, deutsch: str | None = None,
                  planner: Planner | None = None) -> dict:
    """Up to k ranked pathways (or, without `ziel`, the possible next steps) as a JSON-ready dict.

    Raises UserError (German message) for unknown or contradictory input and unreachable goals.
    """
    planner = planner or default_planner()
    request = _validate(planner, kiez, alter, von, abschluss, ziel, bedarf, sprache, kostenlos,
                        k, deutsch)
    start = Start(request.von, request.alter, request.abschluesse, request.deutsch)
    if request.ziel is not None:
        # Search a few more than k: the search orders by years and unmet requirements only, the
        # final ranking also by kind and distance, so the best k are chosen from a wider set.
        routes = search_routes(planner.graph, planner.redaktion, start,
                               k=request.k + EXTRA_CANDIDATES, targets={request.ziel})
        chosen = routes.get(request.ziel, [])
        if not chosen:
            raise UserError(_unreachable_message(planner, request))
    else:
        following = _next_stages(planner, request.von)
        routes = search_routes(planner.graph, planner.redaktion, start, k=1,
                               targets=set(following))
        chosen = [routes[nach][0] for nach in following if nach in routes]
        if not chosen:
            raise UserError(f"Von „{planner.redaktion.stages[request.von].name}“ aus gibt es mit "
                            f"{_age(request.alter)} Jahren keinen möglichen nächsten Schritt.")
    ways = [_pathway(planner, request, route) for route in chosen]
    ways.sort(key=lambda w: (w["jahre"], w["unerfuellte_voraussetzungen"],
                             _need_rank(planner, request, w), _german_rank(planner, request, w),
                             ART_ORDER.index(w["schritte"][0]["uebergang"]["art"]), _km_key(w),
                             [s["station"]["id"] for s in w["schritte"]]))
    ways = ways if request.ziel is None else ways[:request.k]
    for rank, way in enumerate(ways, start=1):
        way["rang"] = rank
    return {
        "format": FORMAT,
        "anfrage": _request_record(planner, request),
        "kiez": _kiez_record(planner.layer, request.plr_id),
        "modus": "ziel" if request.ziel else "naechste-schritte",
        "rangfolge": RANKING_TEXT,
        "entfernung": DISTANCE_NOTE,
        "hinweise": request.wishes.notes(),
        "wege": ways,
    }


# -- validation ---------------------------------------------------------------------------------
def _validate(planner: Planner, kiez, alter, von, abschluss, ziel, bedarf, sprache, kostenlos,
              k, deutsch) -> Request:
    stages = planner.redaktion.stages
    plr_id = resolve_kiez(planner.layer.kieze, str(kiez))
    try:
        alter = float(alter)
    except (TypeError, ValueError):
        raise UserError(f"Das Alter „{alter}“ ist keine Zahl.") from None
    if not 0 <= alter <= 120 or math.isnan(alter):
        raise UserError(f"Das Alter {alter:g} ist nicht möglich (erlaubt: 0 bis 120 Jahre).")
    quals = _parse_qualifications(abschluss)
    for name, value in (("--von", von), ("--ziel", ziel)):
        if value is not None and value not in stages:
            raise UserError(f"Unbekannte Station „{value}“ ({name}). Bekannte Stationen: "
                            f"{', '.join(sorted(stages))}.")
    assumed = von is None
    if assumed:
        course = planner.life_course
        if course is None:
            raise UserError("Bitte --von angeben: Es gibt noch keinen Standard-Lebenslauf.")
        von = stage_at_age(course, alter)
    stage = stages[von]
    if not assumed and not stage.alter.contains(alter):
        raise UserError(f"Widersprüchliche Angaben: Die Station „{stage.name}“ ({von}) ist für "
                        f"{stage.alter.von}–{stage.alter.bis} Jahre, angegeben ist ein Alter von "
                        f"{_age(alter)} Jahren.")
    if ziel is not None and ziel == von:
        raise UserError(f"Widersprüchliche Angaben: Ziel und Ausgangspunkt sind beide „{ziel}“.")
    if deutsch is not None and deutsch not in GERMAN_LEVELS:
        raise UserError(f"Unbekanntes Sprachniveau „{deutsch}“ (--deutsch). Möglich: "
                        f"{', '.join(GERMAN_LEVELS)}.")
    if not isinstance(k, int) or not 1 <= k <= MAX_K:
        raise UserError(f"-k muss eine ganze Zahl von 1 bis {MAX_K} sein.")
    if sprache is not None and not (len(sprache) == 2 and sprache.isalpha()):
        raise UserError(f"Unbekannter Sprachcode „{sprache}“: bitte zwei Buchstaben nach "
                        "ISO 639-1, z. B. de, en, tr, ar.")
    wishes = Wishes(parse_needs(bedarf), sprache.lower() if sprache else None, bool(kostenlos))
    return Request(plr_id, alter, von, assumed, quals, ziel, wishes, deutsch, k)


def _parse_qualifications(abschluss) -> frozenset[str]:
    if abschluss is None:
        return frozenset()
    items = abschluss.split(",") if isinstance(abschluss, str) else list(abschluss)
    items = {i.strip() for i in items if i.strip()}
    unknown = sorted(items - set(QUALIFICATIONS))
    if unknown:
        raise UserError(f"Unbekannter Abschluss: {', '.join(unknown)}. Möglich: "
                        f"{', '.join(QUALIFICATIONS)} (mehrere mit Komma, z. B. MSA,BERUF).")
    if "keiner" in items and len(items) > 1:
        raise UserError("Widersprüchliche Angaben: „keiner“ zusammen mit einem Abschluss.")
    return frozenset(items - {"keiner"})


def _unreachable_message(planner: Planner, request: Request) -> str:
    stages = planner.redaktion.stages
    ziel = stages[request.ziel]
    text = (f"Das Ziel „{ziel.name}“ ({request.ziel}) ist von „{stages[request.von].name}“ aus "
            f"mit {_age(request.alter)} Jahren nicht erreichbar")
    if request.alter > ziel.alter.bis:
        text += f" – die Station ist für {ziel.alter.von}–{ziel.alter.bis} Jahre"
    return text + "."


def _next_stages(planner: Planner, von: str) -> list[str]:
    return sorted({nach for _, nach in planner.graph.out_edges(von)})


def _age(value: float) -> str:
    return f"{value:g}"


# -- records ------------------------------------------------------------------------------------
def _pathway(planner: Planner, request: Request, route: Route) -> dict:
    steps = [_step(planner, request, route, index) for index in range(len(route.hops))]
    nearest = [s["angebote"][0]["km"] for s in steps if s["angebote"]]
    return {
        "rang": 0,
        "ziel": route.ziel,
        "jahre": round(route.jahre, 2),
        "unerfuellte_voraussetzungen": route.unerfuellt,
        "zu_pruefen": route.offen,
        "naechste_angebote_km": round(sum(nearest), 2) if nearest else None,
        "schritte": steps,
    }


def _step(planner: Planner, request: Request, route: Route, index: int) -> dict:
    red, layer = planner.redaktion, planner.layer
    hop = route.hops[index]
    t = hop.transition
    after = hop.abschluesse_vorher | set(hop.erworben)
    later = route.hops[index + 1:]
    bridge = any(not satisfies(hop.abschluesse_vorher, r) and satisfies(after, r)
                 for r in (h.transition.voraussetzungen.abschluss for h in later)) or any(
        hop.deutsch_vorher < german_rank(r) <= hop.deutsch_nachher
        for r in (h.transition.voraussetzungen.sprachniveau for h in later) if r) or (
        request.ziel is None and index < len(route.hops) - 1)
    rows = filter_offers(layer.offers, layer.ranked_rows(request.plr_id, t.nach), hop.alter,
                         request.wishes)[:OFFERS_PER_STEP]
    required = t.voraussetzungen.abschluss
    earned_by = None
    if required and not satisfies(request.abschluesse, required):
        earned_by = next((h.transition.nach for h in route.hops[:index]
                          if satisfies(h.abschluesse_vorher | set(h.erworben), required)), None)
    language_by = None
    needed = t.voraussetzungen.sprachniveau
    if needed and hop.deutsch_vorher >= german_rank(needed) and (
            request.deutsch is None or german_rank(request.deutsch) < german_rank(needed)):
        language_by = next((h.transition.nach for h in route.hops[:index]
                            if h.deutsch_nachher >= german_rank(needed)), None)
    return {
        "uebergang": transition_record(t),
        "station": stage_record(red.stages[t.nach]),
        "alter": round(hop.alter, 2),
        "abschluesse_vorher": sorted(hop.abschluesse_vorher),
        "erworben": list(hop.erworben),
        "abschluss_erfuellt": earned_by is None,
        "abschluss_durch": earned_by,
        "sprachniveau_durch": language_by,
        "offen": list(hop.offen),
        "bruecke": bridge,
        "angebote": [offer_record(layer.offers, h) for h in layer.hits(request.plr_id, rows)],
        "beratung": [service_record(s) for s in layer.services_for(request.plr_id, t)],
    }


def _need_rank(planner: Planner, request: Request, way: dict) -> int:
    """0: the way passes a stage for a need the person stated; 1: no stage for a special need;
    2: a stage for a need not stated (e.g. a literacy course for someone who did not ask)."""
    needs = {planner.redaktion.stages[s["station"]["id"]].bedarf for s in way["schritte"]} - {None}
    if needs & set(request.wishes.bedarf):
        return 0
    return 2 if needs else 1


def _german_rank(planner: Planner, request: Request, way: dict) -> int:
    """0: the person stated their German and the way raises it (a language course); else 1."""
    if request.deutsch is None:
        return 1
    stated = german_rank(request.deutsch)
    reached = (planner.redaktion.stages[s["station"]["id"]].sprachniveau_erreicht
               for s in way["schritte"])
    return 0 if any(r is not None and german_rank(r) > stated for r in reached) else 1


def _km_key(way: dict) -> float:
    km = way["naechste_angebote_km"]
    return math.inf if km is None else km


def _request_record(planner: Planner, request: Request) -> dict:
    return {
        "kiez": request.plr_id,
        "alter": request.alter,
        "von": request.von,
        "von_name": planner.redaktion.stages[request.von].name,
        "von_angenommen": request.von_angenommen,
        "abschluesse": sorted(request.abschluesse),
        "ziel": request.ziel,
        "bedarf": list(request.wishes.bedarf),
        "sprache": request.wishes.sprache,
        "kostenlos": request.wishes.kostenlos,
        "deutsch": request.deutsch,
        "k": request.k,
    }


def _kiez_record(layer: KiezLayer, plr_id: str) -> dict:
    row = layer.kiez(plr_id)
    return {"plr_id": plr_id, "name": row["plr_name"], "bzr_id": row["bzr_id"],
            "bzr_name": row["bzr_name"], "bez_id": row["bez_id"], "bez_name": row["bez_name"],
            "nachbarn": layer.neighbours_of(plr_id)}
