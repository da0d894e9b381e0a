"""The one Table Schema `angebot` shared by every offers resource (fields as in DATA_MODEL.md)."""

from __future__ import annotations

from pathways.importer.kieze import BEZ_PATTERN, BZR_PATTERN, PLR_PATTERN
from pathways.importer.package import field, foreign_key, table_schema

ID_PATTERN = (r"^(schule-[0-9]{2}[A-Z][0-9]{2}|kita-[0-9]{8}|jfe-[0-9]{8}"
              r"|osm-(node|way|relation)-[1-9][0-9]*|redaktion-[a-z0-9]+(-[a-z0-9]+)*)$")
STAGE_ID = "[a-z0-9]+(-[a-z0-9]+)*"
# Checked against the data; values are kept as published (see docs/IMPORT.md for oddities).
PHONE_PATTERN = r"^[+(0-9][0-9A-Za-zÄÖÜäöüß +()/.,;:&\-–]*$"
EMAIL_PATTERN = r"^[^@\s,;]+@[^@\s,;]+(, [^@\s,;]+@[^@\s,;]+)*$"
WEBSITE_PATTERN = r"^(https?:?//|www\.)\S+( \([^()]+\))?$"
PLZ_PATTERN = "^1[0-4][0-9]{3}$"
BBOX = {"lat": (52.33, 52.68), "lon": (13.08, 13.77)}
SEKTOREN = ["formal", "nonformal", "informal"]
BARRIEREFREI = ["ja", "nein", "teilweise", "unbekannt"]
KOSTEN = ["kostenfrei", "kostenpflichtig"]
TRAEGER_ARTEN = ["öffentlich", "frei", "privat"]


def offer_schema(offer_type_ids: list[str]) -> dict:
    fields = [
        field("id", "string", "Stabile ID mit Quellpräfix: schule-<BSN>, kita-<Einrichtungsnr.>, "
              "jfe-<Einrichtungsnr.>, osm-<node|way|relation>-<OSM-ID>, redaktion-<id>",
              required=True, unique=True, pattern=ID_PATTERN),
        field("name", "string", "Name des Angebots, wie in der Quelle", required=True),
        field("art", "string", "Angebotsart (ID aus redaktion/vokabular/angebotsarten.yaml)",
              required=True, enum=offer_type_ids),
        field("stufen", "list", "Bildungsstationen, die dieses Angebot verwirklicht (abgeleitet: "
              "alle Stationen, deren angebotsarten die art enthalten); leer = keine",
              delimiter=",", itemType="string"),
        field("sektor", "string", "Bildungssektor der Angebotsart", required=True, enum=SEKTOREN),
        field("alter_von", "integer", "Typisches Mindestalter (Jahre) der Angebotsart, nicht "
              "des einzelnen Angebots; leer = keine Angabe", minimum=0, maximum=120),
        field("alter_bis", "integer", "Typisches Höchstalter (Jahre) der Angebotsart, nicht "
              "des einzelnen Angebots; leer = keine Angabe", minimum=0, maximum=120),
        field("strasse", "string", "Straße und Hausnummer, wie in der Quelle"),
        field("plz", "string", "Postleitzahl", pattern=PLZ_PATTERN),
        field("ort", "string", "Ortsteil (wo die Quelle ihn nennt), sonst Berlin", required=True),
        field("lat", "number", "Geografische Breite (WGS84), wie in der Quelle", required=True,
              minimum=BBOX["lat"][0], maximum=BBOX["lat"][1]),
        field("lon", "number", "Geografische Länge (WGS84), wie in der Quelle", required=True,
              minimum=BBOX["lon"][0], maximum=BBOX["lon"][1]),
        field("plr_id", "string", "Planungsraum (Kiez), Fremdschlüssel auf kieze/planungsraeume",
              required=True, pattern=PLR_PATTERN),
        field("bzr_id", "string", "Bezirksregion (aus plr_id abgeleitet)", required=True,
              pattern=BZR_PATTERN),
        field("bez_id", "string", "Bezirk (aus plr_id abgeleitet)", required=True,
              pattern=BEZ_PATTERN),
        field("traeger", "string", "Träger bzw. Betreiber, wie in der Quelle; leer = keine Angabe"),
        field("traeger_art", "string", "Art des Trägers: öffentlich, frei (freier Träger) oder "
              "privat (Schule in freier Trägerschaft); leer = keine Angabe", enum=TRAEGER_ARTEN),
        field("telefon", "string", "Telefon, wie veröffentlicht (nur Leerraum normalisiert)",
              pattern=PHONE_PATTERN),
        field("email", "string", "E-Mail, wie veröffentlicht", pattern=EMAIL_PATTERN),
        field("website", "string", "Website, wie veröffentlicht (nicht geprüft)",
              pattern=WEBSITE_PATTERN),
        field("barrierefrei", "string", "Barrierefreiheit (OSM wheelchair yes/limited/no); "
              "unbekannt, wenn die Quelle nichts sagt – unbekannt heißt nicht nein",
              required=True, enum=BARRIEREFREI),
        field("sprachen", "list", "Angebotssprachen (ISO 639-1); leer = keine Angabe",
              delimiter=",", itemType="string"),
        field("kosten", "string", "Kosten, nur wo belegt (öffentliche Schulen: § 50 Abs. 1 "
              "SchulG Berlin); leer = keine Angabe", enum=KOSTEN),
        field("plaetze", "integer", "Genehmigte Plätze (Kitas, Jugendfreizeiteinrichtungen); "
              "leer = keine Angabe", minimum=0),
        field("quelle", "string", "Quelldatensatz (Datei in datapackages/_sources/berlin bzw. "
              "redaktion)", required=True),
        field("lizenz", "string", "Lizenz, wie von der Quelle angegeben", required=True),
        field("stand", "string", "Stand (Bezugsdatum) der Quelle; leer = keine Angabe (nur bei "
              "redaktionellen Angeboten, deren Quelle kein Datum nennt)"),
    ]
    return table_schema(fields, ["id"], [foreign_key("plr_id", "planungsraeume", "plr_id")])
