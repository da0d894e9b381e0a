"""Which Planungsräume share a boundary: simplified LOR polygons compared with a tolerance."""

from __future__ import annotations

import math

import shapely
from shapely import STRtree
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

# The simplified polygons have gaps/overlaps of up to ~2 m (SOURCES.md section 2).
TOLERANCE_M = 3.0
# A pair counts as neighbours when their boundaries run together for at least this long;
# shorter contacts are corner touches (a buffered corner yields up to ~2 x tolerance).
MIN_SHARED_M = 10.0

_LAT0 = 52.5
_M_PER_DEG_LAT = 111_320.0
_M_PER_DEG_LON = _M_PER_DEG_LAT * math.cos(math.radians(_LAT0))


def to_local_metres(geom: BaseGeometry) -> BaseGeometry:
    """Equirectangular projection around 52.5°N: good to well under 1 % across Berlin."""
    return shapely.transform(geom, lambda xy: (xy - (13.4, _LAT0)) * (_M_PER_DEG_LON,
                                                                       _M_PER_DEG_LAT))


def shared_boundaries(features: list[dict]) -> list[tuple[str, str, int]]:
    """(plr_id, neighbour_id, shared boundary length in whole metres), both directions, sorted."""
    ids = [f["properties"]["plr_id"] for f in features]
    polygons = [to_local_metres(shape(f["geometry"])) for f in features]
    buffered = [p.buffer(TOLERANCE_M) for p in polygons]
    tree = STRtree(buffered)
    pairs: list[tuple[str, str, int]] = []
    for i, j in zip(*tree.query(buffered, predicate="intersects"), strict=True):
        if i >= j:
            continue
        length = _shared_length(polygons[i], buffered[i], polygons[j], buffered[j])
        if length >= MIN_SHARED_M:
            metres = round(length)
            pairs.append((ids[i], ids[j], metres))
            pairs.append((ids[j], ids[i], metres))
    return sorted(pairs)


def _shared_length(a: BaseGeometry, a_buf: BaseGeometry, b: BaseGeometry,
                   b_buf: BaseGeometry) -> float:
    """Mean of 'boundary of A near B' and 'boundary of B near A', so the value is symmetric."""
    return (a.boundary.intersection(b_buf).length + b.boundary.intersection(a_buf).length) / 2
