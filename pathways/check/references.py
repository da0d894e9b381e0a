"""Cross-file rules: every id an editor names must exist, age ranges make sense, places are real."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from pathways.errors import Problem
from pathways.redaktion import Redaktion, display_path

# The import and the planner rely on these stages (DATA_MODEL.md).
REQUIRED_STAGES = (
    "geburt familienbildung kindertagespflege krippe kita grundschule willkommensklasse "
    "foerderzentrum iss gymnasium gemeinschaftsschule gymnasiale-oberstufe berufliches-gymnasium "
    "berufsvorbereitung duale-ausbildung berufsfachschule fachoberschule berufsoberschule "
    "fachschule-aufstiegsfortbildung hochschule duales-studium studium-ohne-abitur abendschule "
    "kolleg schulabschluss-vhs integrationskurs alphabetisierung sprachkurs "
    "berufliche-weiterbildung umschulung erwerbsleben volkshochschule musikschule jugendfreizeit "
    "kulturelle-bildung bibliothek nachbarschaftszentrum freiwilligendienst ehrenamt "
    "seniorenbildung seniorenstudium"
).split()
_TRANSITION_ID = re.compile(r"^(?P<von>.+?)--(?P<nach>.+?)(-(?P<n>[2-9]|[1-9][0-9]+))?$")


def check_references(red: Redaktion, plr_ids: set[str] | None,
                     bez_ids: set[str] | None) -> list[Problem]:
    """All reference and plausibility rules; Kiez rules are skipped if the package is missing."""
    return [
        *_required_stages(red),
        *_age_ranges(red),
        *_stage_offer_types(red),
        *_transition_ends(red),
        *_transition_ids(red),
        *_transition_services(red),
        *_transition_requirement_ages(red),
        *_service_areas(red, bez_ids),
        *_curated_offers(red, plr_ids),
    ]


def unknown_id(red: Redaktion, file: str, pointer: str, field: str, what: str, value: str,
               known: Iterable[str], folder: str) -> Problem:
    """`value` names nothing: say so, and suggest the closest existing id."""
    close = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.6)
    hint = f"Meinten Sie `{close[0]}`? " if close else ""
    hint += f"Gültige Kennungen stehen in `{folder}`."
    return red.problem(file, pointer, f"unknown-{what}",
                       f"Unbekannte Kennung `{value}`: {_WHAT[what]} gibt es nicht.",
                       field=field, hint=hint)


_WHAT = {
    "stage": "eine solche Station",
    "offer-type": "eine solche Angebotsart",
    "service": "eine solche Beratung",
    "kiez": "einen solchen Planungsraum (Kiez)",
    "bezirk": "einen solchen Bezirk",
    "offer": "ein solches Angebot in den Datenpaketen",
}


def _required_stages(red: Redaktion) -> list[Problem]:
    known = red.known_ids("stufen")
    return [Problem(display_path(red.root / "stufen" / f"{sid}.yaml", red.project_root), None,
                    None, "missing-stage", f"Die Pflicht-Station `{sid}` fehlt.",
                    hint="Import und Planer brauchen diese Station (siehe docs/DATA_MODEL.md); "
                         "legen Sie die Datei an.")
            for sid in REQUIRED_STAGES if sid not in known]


def _age_ranges(red: Redaktion) -> list[Problem]:
    items = [(s.file, "/alter", s.alter) for s in red.stages.values()]
    items += [(t.file, "/alter", t.alter) for t in red.transitions]
    items += [(o.file, f"/angebotsarten/{i}/alter", o.alter)
              for i, o in enumerate(red.offer_types.values())]
    problems = [_inverted(red, file, pointer, age.von, age.bis, "alter")
                for file, pointer, age in items if age is not None and age.von > age.bis]
    for offer in red.curated_offers:
        if offer.alter_von is not None and offer.alter_bis is not None \
                and offer.alter_von > offer.alter_bis:
            problems.append(_inverted(red, offer.file, "/alter_von", offer.alter_von,
                                      offer.alter_bis, "alter_von"))
    for t in red.transitions:
        req = t.voraussetzungen
        if None not in (req.alter_min, req.alter_max) and req.alter_min > req.alter_max:
            problems.append(_inverted(red, t.file, "/voraussetzungen/alter_min", req.alter_min,
                                      req.alter_max, "voraussetzungen.alter_min"))
    return problems


def _inverted(red: Redaktion, file: str, pointer: str, low: int, high: int,
              field: str) -> Problem:
    return red.problem(file, pointer, "age-inverted",
                       f"Die Altersangabe ist vertauscht: „von“ {low} ist größer als „bis“ {high}.",
                       field=field, hint="Tauschen Sie die beiden Zahlen.")


def _stage_offer_types(red: Redaktion) -> list[Problem]:
    if not red.offer_types:
        return []  # vocabulary missing or broken: reported once there, not at every stage
    problems = []
    for stage in red.stages.values():
        for index, art in enumerate(stage.angebotsarten):
            if art not in red.offer_types:
                problems.append(unknown_id(red, stage.file, f"/angebotsarten/{index}",
                                           f"angebotsarten[{index + 1}]", "offer-type", art,
                                           red.offer_types, "vokabular/angebotsarten.yaml"))
    return problems


def _transition_ends(red: Redaktion) -> list[Problem]:
    stage_ids = red.known_ids("stufen")
    problems = []
    for t in red.transitions:
        for end in ("von", "nach"):
            value = getattr(t, end)
            if value is not None and value not in stage_ids:
                problems.append(unknown_id(red, t.file, f"/{end}", end, "stage", value,
                                           red.stages, "stufen/"))
        if t.von == t.nach and t.von is not None:
            problems.append(red.problem(t.file, "/nach", "transition-loop",
                                        "Der Übergang führt zur selben Station zurück.",
                                        field="nach", hint="`von` und `nach` müssen verschieden "
                                        "sein."))
    return problems


def _transition_ids(red: Redaktion) -> list[Problem]:
    """The id is `<von>--<nach>` – judged only when id, `von` and `nach` are known and name
    stages (else renaming the id after a typo in `von` would be the wrong advice)."""
    stage_ids = red.known_ids("stufen")
    problems = []
    for t in red.transitions:
        if red.field_unknown(t, "id") or t.von not in stage_ids or t.nach not in stage_ids:
            continue
        match = _TRANSITION_ID.match(t.id)
        if not match or (match["von"], match["nach"]) != (t.von, t.nach):
            problems.append(red.problem(
                t.file, "/id", "transition-id",
                f"Die Kennung `{t.id}` passt nicht zu von `{t.von}` und nach `{t.nach}`.",
                field="id", hint=f"Die Kennung lautet `{t.von}--{t.nach}` (für eine weitere Art "
                f"`{t.von}--{t.nach}-2`)."))
    return problems


def _transition_services(red: Redaktion) -> list[Problem]:
    service_ids = red.known_ids("beratung")
    return [unknown_id(red, t.file, f"/beratung/{i}", f"beratung[{i + 1}]", "service", sid,
                       red.services, "beratung/")
            for t in red.transitions for i, sid in enumerate(t.beratung)
            if sid not in service_ids]


def _transition_requirement_ages(red: Redaktion) -> list[Problem]:
    problems = []
    for t in (t for t in red.transitions if t.alter is not None):
        req = t.voraussetzungen
        if req.alter_min is not None and req.alter_min > t.alter.bis:
            problems.append(red.problem(
                t.file, "/voraussetzungen/alter_min", "age-requirement",
                f"Das Mindestalter {req.alter_min} liegt über dem typischen Alter beim Übergang "
                f"({t.alter.von}–{t.alter.bis}).", field="voraussetzungen.alter_min",
                hint="Prüfen Sie `alter` und `voraussetzungen.alter_min`."))
        if req.alter_max is not None and req.alter_max < t.alter.von:
            problems.append(red.problem(
                t.file, "/voraussetzungen/alter_max", "age-requirement",
                f"Das Höchstalter {req.alter_max} liegt unter dem typischen Alter beim Übergang "
                f"({t.alter.von}–{t.alter.bis}).", field="voraussetzungen.alter_max",
                hint="Prüfen Sie `alter` und `voraussetzungen.alter_max`."))
    return problems


def _service_areas(red: Redaktion, bez_ids: set[str] | None) -> list[Problem]:
    problems = []
    for s in red.services.values():
        if s.gebiet == "berlin" and s.bez_id is not None:
            problems.append(red.problem(s.file, "/bez_id", "bezirk-without-area",
                                        "`bez_id` ist angegeben, aber `gebiet` ist `berlin`.",
                                        field="bez_id", hint="Setzen Sie `gebiet: bezirk` oder "
                                        "löschen Sie `bez_id`."))
        elif s.bez_id is not None and bez_ids is not None and s.bez_id not in bez_ids:
            problems.append(unknown_id(red, s.file, "/bez_id", "bez_id", "bezirk", s.bez_id,
                                       bez_ids, "datapackages/kieze (bezirke)"))
    return problems


def _curated_offers(red: Redaktion, plr_ids: set[str] | None) -> list[Problem]:
    problems = []
    for o in red.curated_offers:
        if red.offer_types and o.art is not None and o.art not in red.offer_types:
            problems.append(unknown_id(red, o.file, "/art", "art", "offer-type", o.art,
                                       red.offer_types, "vokabular/angebotsarten.yaml"))
        if plr_ids is not None and o.plr_id is not None and o.plr_id not in plr_ids:
            problems.append(unknown_id(red, o.file, "/plr_id", "plr_id", "kiez", o.plr_id,
                                       plr_ids, "datapackages/kieze (planungsraeume)"))
    return problems

