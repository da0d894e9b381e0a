"""Package `monitoring`: population per LOR level (2015–2024), MSS 2021, pupils per school."""

from __future__ import annotations

from pathlib import Path

from pathways.errors import UserError
from pathways.importer.kieze import BEZ_PATTERN, plr_id_field
from pathways.importer.package import (
    Row,
    csv_bytes,
    data_package,
    field,
    table_schema,
    tabular_resource,
)
from pathways.importer.sources import (
    EINWOHNER_2024,
    EINWOHNER_ZEITREIHE,
    MSS_2021,
    SCHUELER,
    read_csv,
)

EBENEN = ["berlin", "bezirk", "prognoseraum", "bezirksregion", "planungsraum"]
AGE_BANDS = {
    "unter_6": "unter 6 Jahren", "6_15": "6 bis unter 15 Jahren", "15_18": "15 bis unter 18 Jahren",
    "18_27": "18 bis unter 27 Jahren", "27_45": "27 bis unter 45 Jahren",
    "45_55": "45 bis unter 55 Jahren", "55_65": "55 bis unter 65 Jahren",
    "65_plus": "65 Jahren und älter",
}
POPULATION_COUNTS = {
    "einwohner": "Einwohnerinnen und Einwohner insgesamt (Einwohnerregister)",
    "deutsche": "Deutsche",
    "deutsche_ohne_migh": "Deutsche ohne Migrationshintergrund",
    "deutsche_mit_migh": "Deutsche mit Migrationshintergrund",
    "auslaender": "Ausländerinnen und Ausländer",
    "mit_migh": "Einwohner mit Migrationshintergrund (registergestützt, MigraPro)",
    "weiblich": "Weibliche Einwohner",
    **{f"alter_{k}": f"Einwohner im Alter von {v}" for k, v in AGE_BANDS.items()},
    **{f"migh_alter_{k}": f"Einwohner mit Migrationshintergrund im Alter von {v}"
       for k, v in AGE_BANDS.items()},
}
SNAPSHOT = "2024-12-31"


def build(raw_dir: Path) -> tuple[dict, dict[str, bytes]]:
    tables = [
        _einwohner(raw_dir),
        _mss(raw_dir),
        _schulen_schueler(raw_dir),
    ]
    files, resources = {}, []
    for name, title, description, datasets, fields, pk, rows in tables:
        files[f"{name}.csv"] = csv_bytes(fields, rows)
        resources.append(tabular_resource(name, title, description, datasets,
                                          table_schema(fields, pk)))
    descriptor = data_package(
        "monitoring", "Monitoring: Bevölkerung, soziale Lage und Schulen in Berlin",
        "Einwohner nach Altersgruppen je LOR-Ebene (Halbjahre 2015–2024), Monitoring Soziale "
        "Stadtentwicklung 2021 je Planungsraum und Schüler/Lehrkräfte je Schule "
        "(2023/24, 2024/25). Fehlende Werte bleiben leer, nie 0.", resources)
    return descriptor, files


def _einwohner(raw: Path):
    series = read_csv(raw, "einwohner_lor_zeitreihe.csv")
    _check_snapshot_in_series(read_csv(raw, "einwohner_lor_2024-12-31.csv"), series)
    fields = [
        field("stichtag", "date", "Stichtag (30.06. oder 31.12.)", required=True),
        field("ebene", "string", "LOR-Ebene; bis 31.12.2020 nur berlin und bezirk (alte LOR-"
              "Gliederung 2006), ab 30.06.2021 alle Ebenen der LOR 2021", required=True,
              enum=EBENEN),
        field("id", "string", "LOR-ID der Ebene (2, 4, 6 oder 8 Stellen); leer für Berlin",
              pattern="^([0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{8})$"),
        *[field(name, "integer", desc, required=True, minimum=0)
          for name, desc in POPULATION_COUNTS.items()],
    ]
    rows = [{k: (int(v) if k in POPULATION_COUNTS else v or None) for k, v in r.items()}
            for r in series]
    rows.sort(key=lambda r: (r["stichtag"], EBENEN.index(r["ebene"]), r["id"] or ""))
    description = (
        "Einwohner mit Hauptwohnsitz nach Altersgruppen, Staatsangehörigkeit und "
        "Migrationshintergrund je Stichtag und LOR-Ebene, halbjährlich 30.06.2015–31.12.2024 "
        f"(Stichtag {SNAPSHOT} identisch mit der Einzeltabelle, beim Import geprüft). Vor 2021 nur "
        "Berlin und Bezirke, weil die kleinräumigen IDs der alten LOR nicht zu LOR 2021 passen. "
        "Altersgruppen „von … bis unter …“ Jahren; Namen über die ID aus dem Paket kieze.")
    return ("einwohner", "Einwohner nach LOR-Ebene (2015–2024)", description,
            [EINWOHNER_ZEITREIHE, EINWOHNER_2024], fields, ["stichtag", "ebene", "id"], rows)


def _check_snapshot_in_series(snapshot: list[dict], series: list[dict]) -> None:
    """The two files must agree on 31.12.2024; otherwise the series is not trustworthy."""
    by_key = {(r["ebene"], r["id"]): r for r in series if r["stichtag"] == SNAPSHOT}
    for r in snapshot:
        other = by_key.get((r["ebene"], r["id"]))
        if other is None or any(other[c] != r[c] for c in POPULATION_COUNTS):
            raise UserError(f"einwohner_lor_2024-12-31.csv und einwohner_lor_zeitreihe.csv "
                            f"weichen ab ({r['ebene']} {r['id'] or 'Berlin'})")
    if len(by_key) != len(snapshot):
        raise UserError("einwohner_lor_zeitreihe.csv: Zeilenzahl am 31.12.2024 weicht ab")


MSS_INDICATORS = {
    "s1": "Arbeitslosigkeit (SGB II und III), Anteil in %",
    "s3": "Transferbezug (SGB II und XII), Anteil in %",
    "s4": "Kinderarmut (SGB II, unter 15 Jahren), Anteil in %",
    "d1": "Veränderung Arbeitslosigkeit 2018–2020 in %-Punkten",
    "d3": "Veränderung Transferbezug 2018–2020 in %-Punkten",
    "d4": "Veränderung Kinderarmut 2018–2020 in %-Punkten",
}
MSS_CONTEXT = {
    "ki_01": "Jugendarbeitslosigkeit", "ki_02": "Alleinerziehende Haushalte",
    "ki_03": "Altersarmut", "ki_04": "Kinder und Jugendliche mit Migrationshintergrund",
    "ki_05": "Einwohner mit Migrationshintergrund", "ki_16": "Ausländer",
    "ki_06": "Veränderung des Ausländeranteils", "ki_17": "Nicht-EU-Ausländer",
    "ki_07": "Ausländische Transferbeziehende", "ki_09": "Einwohner in einfacher Wohnlage",
    "ki_10": "Wohndauer über 5 Jahre", "ki_11": "Wanderungsvolumen",
    "ki_12": "Wanderungssaldo", "ki_13": "Wanderungssaldo von Kindern unter 6 Jahren",
}


def _mss(raw: Path):
    invalid_hint = "; leer bei ungültigen Planungsräumen"
    fields = [
        plr_id_field(unique=True),
        field("plr_name", "string", "Name des Planungsraums, wie im MSS 2021", required=True),
        field("bez_id", "string", "Bezirk", required=True, pattern=BEZ_PATTERN),
        field("zeit", "string", "Datenstand als JJJJMM (202012 = 31.12.2020)", required=True,
              pattern="^[0-9]{6}$"),
        field("ew", "integer", "Einwohner am 31.12.2020", required=True, minimum=0),
        field("gueltig", "string", "Gültigkeit der Indexwerte (ungültig: unter 300 Einwohner "
              "oder Ausreißer)", required=True,
              enum=["gültig", "ungültig (EW unter 300)", "ungültig (Ausreißer)"]),
        *[field(k, "number", v + invalid_hint) for k, v in MSS_INDICATORS.items()],
        field("si_n", "integer", "Statusindex (1 hoch … 4 sehr niedrig)" + invalid_hint,
              enum=[1, 2, 3, 4]),
        field("si_v", "string", "Statusindex als Text" + invalid_hint,
              enum=["hoch", "mittel", "niedrig", "sehr niedrig"]),
        field("di_n", "integer", "Dynamikindex (1 positiv, 3 stabil, 5 negativ)" + invalid_hint,
              enum=[1, 3, 5]),
        field("di_v", "string", "Dynamikindex als Text" + invalid_hint,
              enum=["positiv", "stabil", "negativ"]),
        field("sdi", "string", "Gesamtindex Status/Dynamik (Kurzform, z. B. 2-)" + invalid_hint,
              pattern="^[1-4](\\+|-|\\+/-)$"),
        field("sdi_n", "integer", "Gesamtindex Status/Dynamik als Zahl (Status × 10 + Dynamik)"
              + invalid_hint, minimum=11, maximum=45),
        field("sdi_v", "string", "Gesamtindex Status/Dynamik als Text" + invalid_hint),
        *[field(k, "number", f"Kontextindikator: {v} (in %)" + invalid_hint)
          for k, v in MSS_CONTEXT.items()],
    ]
    integers = {"ew", "si_n", "di_n", "sdi_n"}
    rows = [{k: (int(v) if k in integers and v else v or None) for k, v in r.items()}
            for r in read_csv(raw, "mss_2021_planungsraeume.csv")]
    rows.sort(key=lambda r: r["plr_id"])
    return ("mss_2021", "Monitoring Soziale Stadtentwicklung 2021 je Planungsraum",
            "Index- und Kontextindikatoren des MSS 2021 (Daten 31.12.2020) für alle 542 "
            "Planungsräume. Bei 6 ungültigen Planungsräumen sind alle Indikatoren leer (nicht 0). "
            "Lizenz unbekannt (nicht verifiziert).",
            [MSS_2021], fields, ["plr_id"], rows)


def _schulen_schueler(raw: Path):
    fields = [
        field("bsn", "string", "Berliner Schulnummer (BSN)", required=True,
              pattern="^[0-9]{2}[A-Z][0-9]{2}$"),
        field("schuljahr", "string", "Schuljahr", required=True, enum=["2023/24", "2024/25"]),
        field("name", "string", "Name der Schule laut Statistik", required=True),
        field("schueler_gesamt", "integer", "Schülerinnen und Schüler (m/w/d)", required=True,
              minimum=0),
        field("lehrkraefte_gesamt", "integer", "Lehrkräfte (m/w/d); leer = in der Quelle kein "
              "Wert", minimum=0),
    ]
    rows: list[Row] = []
    for r in read_csv(raw, "schulen_schueler_zeitreihe.csv"):
        rows.append({"bsn": r["bsn"], "schuljahr": r["schuljahr"], "name": r["name"],
                     "schueler_gesamt": int(r["schueler_gesamt"]),
                     "lehrkraefte_gesamt": int(r["lehrkraefte_gesamt"])
                     if r["lehrkraefte_gesamt"] else None})
    rows.sort(key=lambda r: (r["bsn"], r["schuljahr"]))
    return ("schulen_schueler", "Schüler und Lehrkräfte je Schule (2023/24, 2024/25)",
            "Schülerinnen, Schüler und Lehrkräfte je öffentlicher und privater Schule. Eine "
            "fehlende Zeile heißt „nicht im Export“, nicht null Schüler. Join über bsn mit "
            "angebote/schulen (id = schule-<bsn>). Lizenz unbekannt (nicht verifiziert).",
            [SCHUELER], fields, ["bsn", "schuljahr"], rows)
