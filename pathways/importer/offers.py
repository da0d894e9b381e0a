"""Package `angebote`: one offers table per licence (schools, Kitas, JFE, OSM, curated)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pathways.errors import ProblemsFound, UserError
from pathways.importer import curated, offer_types, osm_rule
from pathways.importer.kieze import bez_id_field, bzr_id_field, plr_id_field
from pathways.importer.offer_schema import offer_schema
from pathways.importer.package import (
    Row,
    csv_bytes,
    data_package,
    field,
    json_bytes,
    table_schema,
    tabular_resource,
)
from pathways.importer.sources import JFE, KITAS, LOR, OSM, REDAKTION, SCHULEN, read_csv
from pathways.redaktion import Redaktion, load_redaktion

SCHEMA_PATH = "angebot.schema.json"
EDITOR_FOLDERS_USED = ("vokabular", "stufen", "angebote")
OSM_WHEELCHAIR = {"yes": "ja", "limited": "teilweise", "no": "nein", "": "unbekannt"}
JFE_TRAEGER_ART = {"öffentlicher Träger": "öffentlich", "freier Träger": "frei"}
SCHOOL_TRAEGER_ART = {"öffentlich": "öffentlich", "privat": "privat"}


@dataclass(frozen=True)
class Context:
    """What every row builder needs: the editors' records (types, stages) and the Kiez ids."""

    red: Redaktion
    plr_ids: frozenset[str]

    def base_row(self, art: str, plr_id: str) -> Row:
        """Fields every offer derives from its type and Kiez."""
        t = self.red.offer_types[art]
        return {"art": art, "stufen": self.red.stages_for_art(art), "sektor": t.sektor,
                "alter_von": t.alter.von, "alter_bis": t.alter.bis,
                "plr_id": plr_id, "bzr_id": plr_id[:6], "bez_id": plr_id[:2],
                "barrierefrei": "unbekannt", "sprachen": [], "kosten": None, "plaetze": None}


def build(raw_dir: Path, redaktion_dir: Path,
          kieze_rows: list[Row]) -> tuple[dict, dict[str, bytes]]:
    ctx = Context(load_editor_records(redaktion_dir), frozenset(r["plr_id"] for r in kieze_rows))
    schema = offer_schema(sorted(ctx.red.offer_types))
    osm_rows, excluded = osm_offers(raw_dir, ctx)
    tables = [
        ("schulen", "Schulen", SCHULEN, school_offers(raw_dir, ctx),
         "Alle 925 allgemein- und berufsbildenden Schulen aus dem Schulverzeichnis "
         "(öffentlich und privat, Schuljahr 2024/25). art aus schulart/schultyp; öffentliche "
         "Schulen sind nach § 50 Abs. 1 SchulG Berlin unentgeltlich (kosten = kostenfrei, "
         "außer Volkshochschulen)."),
        ("kitas", "Kitas", KITAS, kita_offers(raw_dir, ctx),
         "Alle 2.893 Kindertageseinrichtungen der Kitaliste (Stand Januar 2026) mit genehmigten "
         "Plätzen."),
        ("jugendfreizeit", "Jugendfreizeiteinrichtungen", JFE, jfe_offers(raw_dir, ctx),
         "Alle 407 Jugendfreizeiteinrichtungen, pädagogisch betreuten Spielplätze, "
         "Abenteuerspielplätze und Kinderbauernhöfe (Stand Dezember 2022). Lizenz unbekannt "
         "(nicht verifiziert)."),
        ("osm-lernorte", "Lernorte aus OpenStreetMap", OSM, osm_rows,
         "Non-formale und informelle Lernorte aus OpenStreetMap (ODbL 1.0, © OpenStreetMap "
         "contributors; eigene Datenbank unter ODbL). Nicht aufgenommen werden Objekte der "
         "Kategorie gemeinschaftszentrum, die " + osm_rule_text(excluded) + "."),
        ("redaktion", "Redaktionell gepflegte Angebote", REDAKTION,
         curated.curated_rows(ctx.red, ctx.plr_ids, ctx.base_row),
         "Von der Redaktion gepflegte Angebote aus datapackages/redaktion/angebote/*.yaml "
         "(CC BY 4.0, Bildungswege Berlin)."),
    ]
    files = {SCHEMA_PATH: json_bytes(schema)}
    resources = []
    for name, title, dataset, rows, description in tables:
        _check_kiez_ids(name, rows, ctx)
        files[f"{name}.csv"] = csv_bytes(schema["fields"], sorted(rows, key=lambda r: r["id"]))
        resources.append(tabular_resource(name, title, description, [dataset], SCHEMA_PATH))
    ref_fields = [plr_id_field(unique=True), bzr_id_field(), bez_id_field(),
                  field("plr_name", "string", "Name des Planungsraums", required=True)]
    files["planungsraeume.csv"] = csv_bytes(ref_fields, kieze_rows)
    resources.append(tabular_resource(
        "planungsraeume", "Planungsräume (Kopie aus dem Paket kieze)",
        "Schreibgeschützte Kopie der Planungsraum-IDs aus kieze/planungsraeume, damit der "
        "Fremdschlüssel plr_id innerhalb dieses Pakets geprüft werden kann (Frictionless "
        "unterstützt keine paketübergreifenden Fremdschlüssel). Nicht bearbeiten.",
        [LOR], table_schema(ref_fields, ["plr_id"])))
    descriptor = data_package(
        "angebote", "Bildungsangebote in Berlin",
        "Schulen, Kitas, Jugendfreizeiteinrichtungen, Lernorte aus OpenStreetMap und "
        "redaktionell gepflegte Angebote in einem gemeinsamen Schema (angebot.schema.json), "
        "eine Ressource je Lizenz.", resources)
    return descriptor, files


def osm_rule_text(excluded: Counter) -> str:
    parts = [f"{osm_rule.REASONS[key]}: {excluded.get(key, 0)}" for key in osm_rule.REASONS]
    return "nach ihren OSM-Tags keine Lernorte sind – " + "; ".join(parts)


def _check_kiez_ids(name: str, rows: list[Row], ctx: Context) -> None:
    unknown = sorted({r["plr_id"] for r in rows} - ctx.plr_ids)
    if unknown:
        raise UserError(f"Ressource {name}: unbekannte plr_id {', '.join(unknown[:5])}")


def load_editor_records(redaktion_dir: Path) -> Redaktion:
    """Offer types, stages and curated offers; problems in those files stop the import."""
    red = load_redaktion(redaktion_dir)
    relevant = [p for p in red.problems
                if any(f"/{part}/" in f"/{p.file}" for part in EDITOR_FOLDERS_USED)]
    if relevant:
        raise ProblemsFound(relevant)
    return red


def _join(*parts: str) -> str | None:
    text = " ".join(p for p in parts if p)
    return text or None


def _or_none(value: str) -> str | None:
    return value or None


def school_offers(raw: Path, ctx: Context) -> list[Row]:
    rows = []
    for r in read_csv(raw, "schulen_2024-25.csv"):
        art = offer_types.school_art(r["schulart"], r["schultyp"], r["name"])
        traeger_art = offer_types.lookup(SCHOOL_TRAEGER_ART, r["traeger"], "Trägerart")
        free = traeger_art == "öffentlich" and art != "volkshochschule"
        rows.append({**ctx.base_row(art, r["plr_id"]),
                     "id": f"schule-{r['bsn']}", "name": r["name"],
                     "strasse": _join(r["strasse"], r["hausnr"]), "plz": _or_none(r["plz"]),
                     "ort": r["ortsteil"] or "Berlin", "lat": r["lat"], "lon": r["lon"],
                     "traeger": None, "traeger_art": traeger_art,
                     "telefon": _or_none(r["telefon"]), "email": _or_none(r["email"]),
                     "website": _or_none(r["internet"]),
                     "kosten": "kostenfrei" if free else None,
                     "quelle": SCHULEN.id, "lizenz": SCHULEN.row_licence,
                     "stand": f"Schuljahr {r['schuljahr']}"})
    return rows


def kita_offers(raw: Path, ctx: Context) -> list[Row]:
    rows = []
    for r in read_csv(raw, "kitas_2026-01.csv"):
        art = offer_types.lookup(offer_types.KITA_TO_ART, r["einrichtungsart"], "Einrichtungsart")
        rows.append({**ctx.base_row(art, r["plr_id"]),
                     "id": f"kita-{r['kita_nr']}", "name": r["name"],
                     "strasse": _or_none(r["strasse"]), "plz": _or_none(r["plz"]), "ort": "Berlin",
                     "lat": r["lat"], "lon": r["lon"],
                     "traeger": _or_none(r["traeger_name"]), "traeger_art": None,
                     "telefon": _or_none(r["telefon"]), "email": None, "website": None,
                     "plaetze": int(r["plaetze"]) if r["plaetze"] else None,
                     "quelle": KITAS.id, "lizenz": KITAS.row_licence, "stand": KITAS.stand})
    return rows


def jfe_offers(raw: Path, ctx: Context) -> list[Row]:
    rows = []
    for r in read_csv(raw, "jugendfreizeiteinrichtungen_2022-12.csv"):
        art = offer_types.lookup(offer_types.JFE_TO_ART, r["art"], "JFE-Art")
        rows.append({**ctx.base_row(art, r["plr_id"]),
                     "id": f"jfe-{r['einrichtung_nr']}", "name": r["name"],
                     "strasse": _join(r["strasse"], r["hausnr"] + r["adresszusatz"]),
                     "plz": _or_none(r["plz"]), "ort": "Berlin", "lat": r["lat"], "lon": r["lon"],
                     "traeger": _or_none(r["traeger_name"]),
                     "traeger_art": offer_types.lookup(JFE_TRAEGER_ART, r["traeger_art"],
                                                       "Trägerart"),
                     "telefon": _or_none(r["telefon"]), "email": None,
                     "website": _or_none(r["internet"]),
                     "plaetze": int(r["plaetze"]) if r["plaetze"] else None,
                     "quelle": JFE.id, "lizenz": JFE.row_licence, "stand": JFE.stand})
    return rows


def osm_offers(raw: Path, ctx: Context) -> tuple[list[Row], Counter]:
    rows, excluded = [], Counter()
    for r in read_csv(raw, "osm_lernorte.csv"):
        reason = osm_rule.exclusion_reason(r["category"], r["osm_subtyp"])
        if reason:
            excluded[reason] += 1
            continue
        art = offer_types.lookup(offer_types.OSM_TO_ART, r["category"], "OSM-Kategorie")
        rows.append({**ctx.base_row(art, r["plr_id"]),
                     "id": f"osm-{r['osm_type']}-{r['osm_id']}", "name": r["name"],
                     "strasse": _or_none(r["strasse"]), "plz": _or_none(r["plz"]), "ort": "Berlin",
                     "lat": r["lat"], "lon": r["lon"],
                     "traeger": _or_none(r["betreiber"]), "traeger_art": None,
                     "telefon": None, "email": None, "website": _or_none(r["website"]),
                     "barrierefrei": offer_types.lookup(OSM_WHEELCHAIR, r["wheelchair"],
                                                        "wheelchair-Angabe"),
                     "quelle": OSM.id, "lizenz": OSM.row_licence, "stand": r["stand"]})
    return rows, excluded
