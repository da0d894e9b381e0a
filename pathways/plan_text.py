"""Render a plan (format bildungswege-plan/1) as plain German text for the terminal."""

from __future__ import annotations

from pathways.kiezlayer import TIER_LABELS

ART_LABELS = {"regulaer": "regulär", "alternativ": "alternativ",
              "zweiter-bildungsweg": "zweiter Bildungsweg", "wiedereinstieg": "Wiedereinstieg",
              "begleitend": "begleitend"}


def _num(value) -> str:
    return "keine Angabe" if value is None else f"{value:g}".replace(".", ",")


def _years(value: float) -> str:
    if value == 0:
        return "sofort möglich"
    return f"in {_num(value)} {'Jahr' if value == 1 else 'Jahren'}"


def _requirements(req: dict) -> str:
    parts = []
    if req["abschluss"] and req["abschluss"] != "keiner":
        parts.append(f"Abschluss mindestens {req['abschluss']}")
    if req["sprachniveau"]:
        parts.append(f"Deutsch {req['sprachniveau']}")
    if req["alter_min"] is not None:
        parts.append(f"ab {req['alter_min']} Jahren")
    if req["alter_max"] is not None:
        parts.append(f"bis {req['alter_max']} Jahre")
    if req["sonstiges"]:
        parts.append(req["sonstiges"])
    return "; ".join(parts) if parts else "keine"


def _offer_line(offer: dict) -> str:
    address = ", ".join(p for p in (offer["strasse"], offer["plz"], offer["ort"]) if p)
    kosten = offer["kosten"] or "keine Angabe"
    return (f"      – {offer['name']} ({_num(offer['km'])} km Luftlinie, "
            f"{TIER_LABELS[offer['ebene']]}){': ' + address if address else ''}; "
            f"barrierefrei: {offer['barrierefrei']}; Kosten: {kosten}")


def _service_line(service: dict) -> str:
    contact = [v for v in (service["kontakt"]["telefon"], service["kontakt"]["email"],
                           service["kontakt"]["website"]) if v]
    return f"      – {service['name']}" + (f": {', '.join(contact)}" if contact else "")


def _step_lines(number: int, step: dict) -> list[str]:
    t, st = step["uebergang"], step["station"]
    dauer = st["dauer_jahre"]
    lines = [
        f"  {number}. {st['name']} – ab {_num(step['alter'])} Jahren"
        f"{f', Dauer etwa {_years(dauer)}' if dauer else ''}"
        f" ({ART_LABELS[t['art']]}; typisches Alter beim Wechsel "
        f"{t['typisches_alter']['von']}–{t['typisches_alter']['bis']})",
        f"     Voraussetzungen: {_requirements(t['voraussetzungen'])}",
    ]
    if not step["abschluss_erfuellt"]:
        lines.append(f"     Heute noch nicht erfüllt: {t['voraussetzungen']['abschluss']} – "
                     f"erreichbar über den Zwischenschritt „{step['abschluss_durch']}“.")
    if step["sprachniveau_durch"]:
        lines.append(f"     Deutschkenntnisse {t['voraussetzungen']['sprachniveau']}: erreichbar "
                     f"über den Zwischenschritt „{step['sprachniveau_durch']}“.")
    for item in step["offen"]:
        lines.append(f"     Bitte klären: {item}")
    if step["erworben"]:
        lines.append(f"     Hier erreichbar: {', '.join(step['erworben'])}")
    if st["sprachniveau_erreicht"]:
        lines.append(f"     Hier erreichbar: Deutsch {st['sprachniveau_erreicht']}")
    if step["bruecke"]:
        lines.append("     (Zwischenschritt)")
    lines.append("     Angebote in der Nähe:" if step["angebote"]
                 else "     Angebote: keine Angabe in unseren Daten")
    lines += [_offer_line(o) for o in step["angebote"]]
    lines.append("     Beratung:" if step["beratung"]
                 else "     Beratung: keine zuständige Beratung hinterlegt")
    lines += [_service_line(s) for s in step["beratung"]]
    return lines


def render_text(plan: dict) -> str:
    kiez, req = plan["kiez"], plan["anfrage"]
    head = (f"Bildungswege für {kiez['name']} ({kiez['plr_id']}, Bezirk {kiez['bez_name']}), "
            f"Alter {_num(req['alter'])}, Ausgangspunkt: {req['von_name']} ({req['von']})"
            f"{' (angenommen nach dem Standard-Lebenslauf)' if req['von_angenommen'] else ''}")
    lines = [head, plan["rangfolge"], plan["entfernung"] + ".", *plan["hinweise"], ""]
    title = "Weg" if plan["modus"] == "ziel" else "Nächster Schritt"
    for way in plan["wege"]:
        goal = way["schritte"][-1]["station"]["name"]
        lines.append(f"{title} {way['rang']}: → {goal}, {_years(way['jahre'])} "
                     f"(heute nicht erfüllte Voraussetzungen: {way['unerfuellte_voraussetzungen']},"
                     f" zu klären: {way['zu_pruefen']})")
        for number, step in enumerate(way["schritte"], start=1):
            lines += _step_lines(number, step)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
