"""The stage graph: stages as nodes, transitions as edges (a networkx MultiDiGraph), invariants."""

from __future__ import annotations

from dataclasses import asdict

import networkx as nx

from pathways.redaktion import Redaktion

ROOT_STAGE = "geburt"


def build_stage_graph(redaktion: Redaktion) -> nx.MultiDiGraph:
    """Every stage a node (attributes = its fields, `stage` = the record); every transition an edge.

    Edges are keyed by transition id; transitions naming an unknown stage are left out (check
    reports them), so the graph only ever contains known stages.
    """
    graph = nx.MultiDiGraph()
    for stage in sorted(redaktion.stages.values(), key=lambda s: s.id):
        graph.add_node(stage.id, stage=stage, **_shallow(stage))
    for transition in sorted(redaktion.transitions, key=lambda t: t.id):
        if transition.von in graph and transition.nach in graph:
            graph.add_edge(transition.von, transition.nach, key=transition.id,
                           transition=transition, **_shallow(transition))
    return graph


def unreachable_from(graph: nx.MultiDiGraph, root: str = ROOT_STAGE) -> list[str]:
    """Stages no path leads to from `root` (all stages if `root` itself is missing), sorted."""
    if root not in graph:
        return sorted(graph.nodes)
    reachable = nx.descendants(graph, root) | {root}
    return sorted(set(graph.nodes) - reachable)


def dead_ends(graph: nx.MultiDiGraph) -> list[str]:
    """Stages without an outgoing transition that are not marked `endstufe: true`, sorted."""
    return sorted(node for node, data in graph.nodes(data=True)
                  if graph.out_degree(node) == 0 and not data.get("endstufe", False))


def _shallow(record) -> dict:
    """Top-level fields of a record as attributes (nested records become dicts)."""
    return {key: value for key, value in asdict(record).items() if key != "id"}



def transitions_out(graph: nx.MultiDiGraph) -> dict[str, list]:
    """Outgoing transitions per stage, sorted by id (a plain dict: fast for repeated searches)."""
    return {node: sorted((t for _, _, t in graph.out_edges(node, data="transition")),
                         key=lambda t: t.id) for node in graph.nodes}
