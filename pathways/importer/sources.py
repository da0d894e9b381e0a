"""The raw Berlin files we use: origin, licence as stated, and copying them into the project."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from pathways import atomic
from pathways.errors import UserError

RAW_FILES = (
    "SOURCES.md",
    "bezirke.csv",
    "bezirke.geojson",
    "lor_2021_prognoseraeume.csv",
    "lor_2021_prognoseraeume.geojson",
    "lor_2021_bezirksregionen.csv",
    "lor_2021_bezirksregionen.geojson",
    "lor_2021_planungsraeume.csv",
    "lor_2021_planungsraeume.geojson",
    "schulen_2024-25.csv",
    "kitas_2026-01.csv",
    "jugendfreizeiteinrichtungen_2022-12.csv",
    "osm_lernorte.csv",
    "einwohner_lor_2024-12-31.csv",
    "einwohner_lor_zeitreihe.csv",
    "mss_2021_planungsraeume.csv",
    "schulen_schueler_zeitreihe.csv",
)


@dataclass(frozen=True)
class Licence:
    name: str          # lower-case id (Frictionless pattern)
    title: str
    path: str | None = None


CC_BY_3_DE = Licence("cc-by-3.0-de",
                     "Creative Commons Namensnennung 3.0 Deutschland (CC BY 3.0 DE)",
                     "https://creativecommons.org/licenses/by/3.0/de/")
CC_BY_4 = Licence("cc-by-4.0", "Creative Commons Namensnennung 4.0 International (CC BY 4.0)",
                  "https://creativecommons.org/licenses/by/4.0/")
DL_DE_ZERO = Licence("dl-de-zero-2.0",
                     "Datenlizenz Deutschland – Zero – Version 2.0 (nicht verifiziert)",
                     "https://www.govdata.de/dl-de/zero-2-0")
ODBL = Licence("odbl-1.0", "Open Data Commons Open Database License (ODbL) 1.0",
               "https://opendatacommons.org/licenses/odbl/1-0/")
UNKNOWN = Licence("unknown", "Lizenz unbekannt (nicht verifiziert)")


@dataclass(frozen=True)
class Dataset:
    """One source dataset as SOURCES.md describes it; `id` is what offer rows carry as `quelle`."""

    id: str
    origins: tuple[tuple[str, str], ...]   # (title, url) pairs, as in SOURCES.md
    licence: Licence
    licence_text: str                      # licence as the source states it
    row_licence: str                       # short form for the `lizenz` column
    attribution: str
    stand: str


def _gh(repo: str, commit: str, path: str = "") -> str:
    return f"https://github.com/{repo}/tree/{commit}/{path}".rstrip("/")


AFS = "Amt für Statistik Berlin-Brandenburg"
SENBJF = "Senatsverwaltung für Bildung, Jugend und Familie Berlin"
OSM_ATTRIBUTION = "© OpenStreetMap contributors"

LOR = Dataset(
    id="lor_2021",
    origins=(
        ("Lebensweltlich orientierte Räume (LOR) 2021 – Planungsräume, Bezirksregionen, "
         "Prognoseräume (Amt für Statistik Berlin-Brandenburg / Geoportal Berlin, WFS "
         "s_lor_plr_2021, s_lor_bzr_2021, s_lor_pgr_2021), Shapefiles via ODIS",
         _gh("Lucky-0ne/geodata_berlin", "dac839d3f1892c0188ad306bc5fd36c51804133e",
             "main/python_package/geodata_berlin/data")),
    ),
    licence=CC_BY_3_DE,
    licence_text=("CC BY 3.0 DE, Namensnennung „Amt für Statistik Berlin-Brandenburg“ – so in den "
                  "GDI-Berlin-Metadaten der LOR-2021-Prognoseräume; für Planungsräume und "
                  "Bezirksregionen angenommen (nicht verifiziert); das Quell-Repository nennt "
                  "keine Lizenz"),
    row_licence="CC BY 3.0 DE (nicht verifiziert)",
    attribution=f"{AFS} (LOR 2021, Geoportal Berlin)",
    stand="2021-01-01",
)
POPULATION_REPO = ("open-data-product/open-data-product-berlin-lor-population-source-aligned",
                   "01cb355b72ce171cd3aab50816a1a1fb6e8099f2")
EINWOHNER_2024 = Dataset(
    id="einwohner_lor_2024-12-31",
    origins=(("Statistischer Bericht A I 16 – hj 2/24 „Einwohnerinnen und Einwohner im Land Berlin "
              "am 31. Dezember 2024“, LOR-Tabellen T1–T3 (Amt für Statistik Berlin-Brandenburg)",
              _gh(*POPULATION_REPO, "data/03-gold/berlin-lor-population-2024-02-csv")),),
    licence=CC_BY_3_DE,
    licence_text="CC BY 3.0 DE, Amt für Statistik Berlin-Brandenburg (laut Quell-Repository)",
    row_licence="CC BY 3.0 DE",
    attribution=AFS,
    stand="2024-12-31",
)
EINWOHNER_ZEITREIHE = Dataset(
    id="einwohner_lor_zeitreihe",
    origins=(("Statistische Berichte A I 16 – hj 1/yy und hj 2/yy, Einwohnerinnen und Einwohner "
              "im Land Berlin, 30.06.2015 bis 31.12.2024 (Amt für Statistik Berlin-Brandenburg)",
              _gh(*POPULATION_REPO, "data/03-gold")),),
    licence=CC_BY_3_DE,
    licence_text="CC BY 3.0 DE, Amt für Statistik Berlin-Brandenburg (laut Quell-Repository)",
    row_licence="CC BY 3.0 DE",
    attribution=AFS,
    stand="2015-06-30 bis 2024-12-31",
)
MSS_2021 = Dataset(
    id="mss_2021_planungsraeume",
    origins=(("Monitoring Soziale Stadtentwicklung 2021 (Senatsverwaltung für Stadtentwicklung, "
              "Bauen und Wohnen), FIS-Broker WFS s_IndexInd_MSS2021_homogen, "
              "s_Indizes_MSS2021_homogen, s_KontextInd_MSS2021_homogen",
              _gh("tesch-ch/berlin_PLR_data", "f5550dd05f8451a5e4e1863749c2d274b3e93d79",
                  "data/monitoring_soziale_stadtentwicklung_2021/raw")),),
    licence=UNKNOWN,
    licence_text="im Quell-Repository nicht angegeben – Lizenz unbekannt (nicht verifiziert)",
    row_licence=UNKNOWN.title,
    attribution="Senatsverwaltung für Stadtentwicklung, Bauen und Wohnen Berlin",
    stand="2020-12-31",
)
SCHULEN = Dataset(
    id="schulen_2024-25",
    origins=(("Schulen, Schuljahr 2024/25 (Senatsverwaltung für Bildung, Jugend und Familie, "
              "GDI Berlin WFS schulen)",
              "https://github.com/webeet-io/layered-populate-data-pool-da/blob/"
              "ea48abf782678364f608b9ccd47a17e07ef73dc5/berlin_schools(EPSG23833).geojson"),),
    licence=DL_DE_ZERO,
    licence_text=("dl-de/zero-2-0 laut Lizenzhinweis des Quell-Repositorys "
                  "(schools/sources/lizenzen.txt); die Open-Data-Seite der SenBJF nennt CC BY 4.0 "
                  "– nicht verifiziert, welche gilt; Namensnennung SenBJF"),
    row_licence="dl-de/zero-2.0 (nicht verifiziert)",
    attribution=SENBJF,
    stand="2024/25",
)
KITAS = Dataset(
    id="kitas_2026-01",
    origins=(("Kitas in Berlin / Kitaliste (Senatsverwaltung für Bildung, Jugend und Familie)",
              _gh("open-data-product/open-data-product-berlin-daycare-centers-source-aligned",
                  "0c6c9fbf9f7067bdc10082c9b8930a1122f1bd9e",
                  "data/03-gold/berlin-daycare-centers-2026-07-csv")),),
    licence=CC_BY_3_DE,
    licence_text=("CC BY 3.0 DE („CC-BY-3.0-Namensnennung“), SenBJF, laut Quell-Repository "
                  "(die Open-Data-Seite der SenBJF nennt CC BY 4.0 – nicht verifiziert)"),
    row_licence="CC BY 3.0 DE",
    attribution=SENBJF,
    stand="2026-01",
)
JFE = Dataset(
    id="jugendfreizeiteinrichtungen_2022-12",
    origins=(("Jugendfreizeiteinrichtungen (Senatsverwaltung für Bildung, Jugend und Familie, "
              "WFS gdi.berlin.de/services/wfs/jfe)",
              _gh("tesch-ch/berlin_PLR_data", "f5550dd05f8451a5e4e1863749c2d274b3e93d79",
                  "data/jugendfreizeiteinrichtungen/raw")),),
    licence=UNKNOWN,
    licence_text="im Quell-Repository nicht angegeben – Lizenz unbekannt (nicht verifiziert)",
    row_licence=UNKNOWN.title,
    attribution=SENBJF,
    stand="2022-12",
)
OSM = Dataset(
    id="osm_lernorte",
    origins=(
        ("OpenStreetMap, Bibliotheken (Overpass-Auszug node[amenity=library], Release 2025-09, "
         "open-lifeworlds)",
         _gh("open-lifeworlds/open-lifeworlds-data-product-berlin-lor-points-of-interest",
             "3efca9ce5487823c131f0009793c06d950689a4a",
             "data/03-gold/berlin-lor-points-of-interest-details-geojson")),
        ("OpenStreetMap, Gemeinschafts-, Kultur-, Sozial-, Jugend-, Familien- und Seniorenzentren, "
         "Musik- und Tanzschulen (osmnx-Auszug 2025-09-30, webeet-io)",
         _gh("webeet-io/layered-populate-data-pool-da", "f8a02f345ecff380599afdb9c0c82b185a119d90",
             "clubs/sources")),
    ),
    licence=ODBL,
    licence_text="Open Database License (ODbL) 1.0 – © OpenStreetMap contributors",
    row_licence="ODbL 1.0, © OpenStreetMap contributors",
    attribution=OSM_ATTRIBUTION,
    stand="2025-09",
)
SCHUELER = Dataset(
    id="schulen_schueler_zeitreihe",
    origins=(("Schuldaten SVZ_Fakt5 – Schüler und Lehrkräfte je Schule 2023/24 und 2024/25 "
              "(Senatsverwaltung für Bildung, Jugend und Familie, bildungsstatistik.berlin.de)",
              _gh("jvr1980/schoolnossa", "f685437a4904d445e57f0d690e2577afa904b875",
                  "data_berlin/raw")),),
    licence=UNKNOWN,
    licence_text=("Lizenz der Quellseite nicht erfasst; das Repository nennt „License: "
                  "Private/Internal Use“ – Lizenz unbekannt (nicht verifiziert)"),
    row_licence=UNKNOWN.title,
    attribution=SENBJF,
    stand="2023/24, 2024/25",
)
REDAKTION = Dataset(
    id="redaktion",
    origins=(("Redaktion Bildungswege Berlin: gepflegte Angebote (datapackages/redaktion/angebote)",
              "datapackages/redaktion/angebote"),),
    licence=CC_BY_4,
    licence_text="CC BY 4.0, Bildungswege Berlin; wo die Lage aus OpenStreetMap übernommen wurde "
                 "(Feld lizenz), gilt für die Koordinaten: © OpenStreetMap contributors, ODbL 1.0",
    row_licence="CC BY 4.0",
    attribution="Bildungswege Berlin (Redaktion)",
    stand="siehe Feld stand",
)


def copy_raw_sources(source_dir: Path | None, dest_dir: Path) -> Path:
    """Copy RAW_FILES from `source_dir` into `dest_dir` (only changed files) and return dest_dir.

    Without `source_dir` (or when it does not exist) the committed copies in `dest_dir` are used.
    """
    if source_dir is not None and source_dir.is_dir():
        missing = [name for name in RAW_FILES if not (source_dir / name).is_file()]
        if missing:
            raise UserError(f"{source_dir}: Rohdatei(en) fehlen: {', '.join(missing)}")
        for name in RAW_FILES:
            data = (source_dir / name).read_bytes()
            target = dest_dir / name
            if not target.is_file() or target.read_bytes() != data:
                atomic.write_bytes(target, data)
    missing = [name for name in RAW_FILES if not (dest_dir / name).is_file()]
    if missing:
        raise UserError(f"{dest_dir}: Rohdatei(en) fehlen: {', '.join(missing)} "
                        "(mit --from VERZEICHNIS die Quelldaten angeben)")
    return dest_dir


def read_csv(raw_dir: Path, name: str) -> list[dict[str, str]]:
    """Rows of a raw CSV as dicts of str; whitespace around values is normalised, nothing else."""
    with (raw_dir / name).open(encoding="utf-8", newline="") as fh:
        return [{k: " ".join(v.split()) for k, v in row.items()} for row in csv.DictReader(fh)]
