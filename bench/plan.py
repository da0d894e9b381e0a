"""Benchmark the planner: precompute all 542 Kieze and time single in-process plan calls.

Reference in the same run: a plain networkx BFS (single-source shortest paths) over the same stage
graph, so the plan time can be read as "× one graph traversal". Run: .venv/bin/python bench/plan.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pathways import load  # noqa: E402
from pathways.plan import Planner, plan_pathways  # noqa: E402
from pathways.precompute import precompute  # noqa: E402
from pathways.redaktion import load_redaktion  # noqa: E402

TARGET_PRECOMPUTE_S = 10.0
TARGET_PLAN_MS = 20.0
QUERIES = [
    dict(alter=16, von="iss", abschluss="MSA"),
    dict(alter=16, von="iss", abschluss="keiner", ziel="berufsfachschule"),
    dict(alter=25, von="neu-in-berlin", deutsch="A0", ziel="erwerbsleben"),
    dict(alter=45, von="erwerbsleben", abschluss="MSA,BERUF"),
    dict(alter=67, von="ruhestand"),
    dict(alter=2, bedarf=("barrierefrei",)),
]


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def main() -> int:
    (_, load_s) = timed(lambda: (load.load_offers(), load.load_kieze(), load.load_neighbours()))
    red, red_s = timed(load_redaktion)
    planner, build_s = timed(lambda: Planner(red))
    with tempfile.TemporaryDirectory() as tmp:
        sizes, pre_s = timed(lambda: precompute(planner, Path(tmp) / "out"))
    kieze = list(planner.layer.kieze["plr_id"])
    plan_ms = []
    for i, plr in enumerate(kieze[::9]):
        query = QUERIES[i % len(QUERIES)]
        _, s = timed(lambda plr=plr, query=query: plan_pathways(plr, planner=planner, **query))
        plan_ms.append(s * 1000)
    bfs_ms = []
    for _ in range(200):
        _, s = timed(lambda: nx.single_source_shortest_path(planner.graph, "geburt"))
        bfs_ms.append(s * 1000)
    median_plan, median_bfs = statistics.median(plan_ms), statistics.median(bfs_ms)
    per_kiez = [v for k, v in sizes.items() if k != "gemeinsam.json"]
    print(f"stage graph: {planner.graph.number_of_nodes()} stages, "
          f"{planner.graph.number_of_edges()} transitions; offers: {len(planner.layer.offers)}")
    print(f"load data packages: {load_s:.2f} s; load editor YAML: {red_s:.2f} s; "
          f"build graph + Kiez layer: {build_s:.2f} s")
    print(f"precompute 542 Kieze (after build): {pre_s:.2f} s "
          f"(target ≤ {TARGET_PRECOMPUTE_S:.0f} s incl. load+build: "
          f"{load_s + red_s + build_s + pre_s:.2f} s)")
    print(f"per-Kiez file: max {max(per_kiez)} B, median {statistics.median(per_kiez):.0f} B; "
          f"gemeinsam.json {sizes['gemeinsam.json']} B")
    print(f"plan (in-process, {len(plan_ms)} calls): median {median_plan:.1f} ms, "
          f"max {max(plan_ms):.1f} ms (target median ≤ {TARGET_PLAN_MS:.0f} ms)")
    print(f"reference networkx single_source_shortest_path: median {median_bfs:.3f} ms; "
          f"plan / BFS = {median_plan / median_bfs:.0f}×")
    ok = (load_s + red_s + build_s + pre_s) <= TARGET_PRECOMPUTE_S and median_plan <= TARGET_PLAN_MS
    print("targets met" if ok else "TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
