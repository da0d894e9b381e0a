"""The inline SVG maps of all 542 Kieze: well-formed, small, every offer of the Kiez marked."""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET

from kiez_pages.kiezmap import VIEW_SIZE, MapPoint, kiez_map_svg

from pathways import load

SVG = "{http://www.w3.org/2000/svg}"


def test_every_kiez_map_is_small_well_formed_and_marks_its_offers():
    shapes = {f["properties"]["plr_id"]: f["geometry"]
              for f in load.load_geometry("planungsraeume")["features"]}
    neighbours = load.load_neighbours().groupby("plr_id")["nachbar_plr_id"].apply(list)
    offers = load.load_offers()
    by_kiez = dict(list(offers.groupby("plr_id")))
    sizes = []
    for plr_id, shape in sorted(shapes.items()):
        here = by_kiez.get(plr_id, offers.iloc[0:0])
        points = [MapPoint(r.lat, r.lon, r.sektor, r.name) for r in here.itertuples()]
        svg = str(kiez_map_svg(shape, [shapes[n] for n in neighbours.get(plr_id, [])], points,
                               title=f"Karte {plr_id}", description="Beschreibung"))
        root = ET.fromstring(svg)
        width, height = (int(v) for v in root.get("viewBox").split()[2:])
        assert max(width, height) == VIEW_SIZE
        kiez_path = root.find(f"{SVG}path[@class='kiezkarte__kiez']").get("d")
        assert kiez_path.startswith("M") and "." not in kiez_path  # whole units only
        marks = list(root.find(f"{SVG}g[@class='kiezkarte__angebote']"))
        assert len(marks) == len(points), plr_id  # offers of a Kiez lie inside its view
        sizes.append(len(gzip.compress(svg.encode())))
    assert len(sizes) == 542
    assert max(sizes) < 3_000, f"größte Karte {max(sizes)} Bytes gzip"
