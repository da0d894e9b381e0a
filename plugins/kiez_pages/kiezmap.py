"""Inline SVG map of a Kiez, its neighbours and its offers, drawn at build time (no tiles/requests).

Coordinates are projected to a local plane (equirectangular around the Kiez centre), simplified
and rounded to whole units of a 400-unit view box, so a map stays a few kilobytes.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from markupsafe import Markup, escape
from shapely import clip_by_rect, simplify
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

VIEW_SIZE = 400  # units of the longer side of the view box
MARGIN = 0.08  # share of the Kiez extent shown around it
SIMPLIFY_UNITS = 1.5  # tolerance of the simplification in view units
SECTOR_MARKS = {"formal": "formal", "nonformal": "nonformal", "informal": "informal"}


@dataclass(frozen=True)
class MapPoint:
    """One offer on the map: position, sector (colour and shape) and its name (tooltip)."""

    lat: float
    lon: float
    sektor: str
    name: str


@dataclass(frozen=True)
class _Frame:
    """Maps lon/lat to view units: x grows east, y grows south."""

    west: float
    north: float
    scale: float  # view units per degree of latitude
    kx: float  # cos(latitude): a degree of longitude is shorter than one of latitude
    width: int
    height: int

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.west) * self.kx * self.scale, (self.north - lat) * self.scale


def _frame(kiez: BaseGeometry) -> _Frame:
    west, south, east, north = kiez.bounds
    kx = math.cos(math.radians((south + north) / 2))
    dx, dy = (east - west) * kx, north - south
    pad = max(dx, dy) * MARGIN
    scale = VIEW_SIZE / (max(dx, dy) + 2 * pad)
    width = round((dx + 2 * pad) * scale)
    height = round((dy + 2 * pad) * scale)
    return _Frame(west - pad / kx, north + pad, scale, kx, width, height)


def _view_box_geometry(frame: _Frame) -> tuple[float, float, float, float]:
    """The view box in lon/lat (west, south, east, north), to clip neighbours to what is seen."""
    east = frame.west + frame.width / frame.scale / frame.kx
    south = frame.north - frame.height / frame.scale
    return frame.west, south, east, frame.north


def _rings(geometry: BaseGeometry) -> Iterable[np.ndarray]:
    polygons = getattr(geometry, "geoms", [geometry])
    for polygon in polygons:
        if polygon.geom_type != "Polygon" or polygon.is_empty:
            continue
        yield np.asarray(polygon.exterior.coords)
        for interior in polygon.interiors:
            yield np.asarray(interior.coords)


def _ring_path(ring: np.ndarray, frame: _Frame) -> str:
    """One ring in whole view units (`frame.xy`, rounded half to even like `round`), repeated
    points dropped; "" when fewer than 4 points remain."""
    x = np.rint((ring[:, 0] - frame.west) * frame.kx * frame.scale).astype(int)
    y = np.rint((frame.north - ring[:, 1]) * frame.scale).astype(int)
    keep = np.ones(len(x), dtype=bool)
    keep[1:] = (x[1:] != x[:-1]) | (y[1:] != y[:-1])
    points = list(zip(x[keep].tolist(), y[keep].tolist(), strict=True))
    if len(points) < 4:
        return ""
    head, *tail = points[:-1] if points[0] == points[-1] else points
    return f"M{head[0]} {head[1]}" + "".join(f"L{x} {y}" for x, y in tail) + "Z"


def path_data(geometries: list[BaseGeometry], frame: _Frame) -> list[str]:
    """SVG path data of each geometry: all its rings, simplified, in whole view units, repeated
    points dropped (the geometries simplified in one call)."""
    simple = simplify(geometries, SIMPLIFY_UNITS / frame.scale, preserve_topology=True)
    return ["".join(_ring_path(ring, frame) for ring in _rings(g)) for g in simple]


def geometry_of(value: dict | BaseGeometry) -> BaseGeometry:
    """A shapely geometry from GeoJSON (or the geometry itself, when made once per build)."""
    return value if isinstance(value, BaseGeometry) else shape(value)


def _mark(point: MapPoint, frame: _Frame) -> str:
    x, y = (round(v) for v in frame.xy(point.lon, point.lat))
    sector = SECTOR_MARKS.get(point.sektor, "formal")
    title = f"<title>{escape(point.name)}</title>"
    if sector == "nonformal":
        return (f'<rect class="m-{sector}" x="{x - 5}" y="{y - 5}" width="10" height="10">'
                f'{title}</rect>')
    if sector == "informal":
        return f'<path class="m-{sector}" d="M{x} {y - 6}l6 11h-12z">{title}</path>'
    return f'<circle class="m-{sector}" cx="{x}" cy="{y}" r="5">{title}</circle>'


def kiez_map_svg(kiez_geojson: dict | BaseGeometry,
                 neighbour_geojson: list[dict | BaseGeometry], points: list[MapPoint],
                 title: str, description: str, svg_id: str = "kiezkarte") -> Markup:
    """The map as inline SVG with `role="img"`, `<title>` and `<desc>` (the text alternative).
    Geometries as GeoJSON or as shapely geometries (`geometry_of`)."""
    kiez = geometry_of(kiez_geojson)
    frame = _frame(kiez)
    west, south, east, north = _view_box_geometry(frame)
    seen = clip_by_rect([geometry_of(g) for g in neighbour_geojson], west, south, east, north)
    kiez_path, *neighbour_paths = path_data([kiez, *seen], frame)
    neighbours = "".join(f'<path d="{d}"/>' for d in neighbour_paths if d)
    marks = "".join(_mark(p, frame) for p in points
                    if west <= p.lon <= east and south <= p.lat <= north)
    return Markup(
        f'<svg class="kiezkarte" id="{svg_id}" role="img"'
        f' viewBox="0 0 {frame.width} {frame.height}"'
        f' aria-labelledby="{svg_id}-t {svg_id}-d" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{svg_id}-t">{escape(title)}</title>'
        f'<desc id="{svg_id}-d">{escape(description)}</desc>'
        f'<g class="kiezkarte__nachbarn">{neighbours}</g>'
        f'<path class="kiezkarte__kiez" d="{kiez_path}"/>'
        f'<g class="kiezkarte__angebote">{marks}</g></svg>'
    )
