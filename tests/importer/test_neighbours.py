"""Neighbours: symmetric, no self pairs, and no Kiez without a neighbour."""

from __future__ import annotations

from collections import Counter

from .helpers import read_rows


def test_neighbours_are_symmetric_with_equal_lengths(imported):
    rows = read_rows(imported / "kieze" / "nachbarn.csv")
    pairs = {(r["plr_id"], r["nachbar_plr_id"]): r["grenze_m"] for r in rows}
    assert len(pairs) == len(rows)
    for (a, b), metres in pairs.items():
        assert a != b
        assert pairs[(b, a)] == metres


def test_every_kiez_has_at_least_one_neighbour(imported):
    kieze = {r["plr_id"] for r in read_rows(imported / "kieze" / "planungsraeume.csv")}
    counts = Counter(r["plr_id"] for r in read_rows(imported / "kieze" / "nachbarn.csv"))
    assert set(counts) == kieze
    assert min(counts.values()) >= 1


def test_kieze_of_one_bezirksregion_are_connected_through_neighbours(imported):
    """A plausibility check on real geometry: Bezirksregionen are contiguous areas."""
    kieze = read_rows(imported / "kieze" / "planungsraeume.csv")
    neighbours = read_rows(imported / "kieze" / "nachbarn.csv")
    edges = {(r["plr_id"], r["nachbar_plr_id"]) for r in neighbours}
    by_region: dict[str, set[str]] = {}
    for k in kieze:
        by_region.setdefault(k["bzr_id"], set()).add(k["plr_id"])
    disconnected = []
    for region, members in by_region.items():
        start = next(iter(members))
        seen, todo = {start}, [start]
        while todo:
            current = todo.pop()
            for other in members - seen:
                if (current, other) in edges:
                    seen.add(other)
                    todo.append(other)
        if seen != members:
            disconnected.append(region)
    assert disconnected == []
