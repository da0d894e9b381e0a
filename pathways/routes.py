"""Search over states (stage, qualifications held, age) of the stage graph: routes from where a
person is now to every stage they can reach, fewest years first, up to k routes per stage.

A qualification a stage awards (`abschluesse`) is added when the person passes through it, so a
missing requirement is bridged by a detour through a stage that awards it.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable
from dataclasses import dataclass
from itertools import count

import networkx as nx

from pathways.graph import transitions_out
from pathways.redaktion import Redaktion, Stage, Transition, satisfies

GERMAN_LEVELS = ("A0", "A1", "A2", "B1", "B2", "C1", "C2")


@dataclass(frozen=True)
class Start:
    """Where the search begins: the stage a person is at, their age and what they hold."""

    stage: str
    alter: float
    abschluesse: frozenset[str] = frozenset()
    deutsch: str | None = None  # A0..C2; None = not stated


@dataclass(frozen=True)
class Hop:
    """One transition taken on a route, with the person's situation when taking it."""

    transition: Transition
    alter: float                  # age when entering the target stage
    abschluesse_vorher: frozenset[str]
    erworben: tuple[str, ...]     # qualifications the target stage adds (new ones only)
    offen: tuple[str, ...]        # requirements the planner cannot confirm (to be checked)
    unerfuellt: bool              # the required qualification is not held at the start


@dataclass(frozen=True)
class Route:
    hops: tuple[Hop, ...]
    jahre: float                  # years from now until entering the last stage

    @property
    def unerfuellt(self) -> int:
        """Requirements the person does not meet today (reached through a bridge step)."""
        return sum(h.unerfuellt for h in self.hops)

    @property
    def offen(self) -> int:
        return sum(len(h.offen) for h in self.hops)

    @property
    def ziel(self) -> str:
        return self.hops[-1].transition.nach


@dataclass
class _Label:
    key: tuple
    seq: int
    stage: str
    quals: frozenset[str]
    leave_min: float
    leave_max: float
    hops: tuple[Hop, ...]


def german_rank(level: str) -> int:
    return GERMAN_LEVELS.index(level)


def entry_age(transition: Transition, target: Stage, leave_min: float,
              leave_max: float) -> float | None:
    """Earliest age at which the person can enter `target` (None: the ages never fit).

    The person may wait in the current stage until `leave_max` (its age limit) for the target's
    minimum age; hard limits are the target stage's age range and the transition's alter_min/max.
    """
    req = transition.voraussetzungen
    lo = max(leave_min, target.alter.von, req.alter_min or 0)
    hi = min(leave_max, target.alter.bis, req.alter_max if req.alter_max is not None else math.inf)
    return lo if lo <= hi else None


def open_requirements(transition: Transition, deutsch: str | None) -> tuple[str, ...] | None:
    """Requirements the planner cannot confirm, as German text; None if German is known too low."""
    req = transition.voraussetzungen
    items = []
    if req.sprachniveau:
        if deutsch is None:
            items.append(f"Deutschkenntnisse mindestens {req.sprachniveau} (bitte prüfen)")
        elif german_rank(deutsch) < german_rank(req.sprachniveau):
            return None
    if req.sonstiges:
        items.append(req.sonstiges)
    return tuple(items)


def _stay(stage: Stage, entered: float) -> tuple[float, float]:
    """Ages between which a person who entered `stage` at `entered` can leave it.

    A stage whose age range is no longer than its duration is a school span (e.g. Gemeinschafts-
    schule 6–16, 10 years): joining it late ends with the span, not `dauer_jahre` later.
    """
    dauer = stage.dauer_jahre or 0
    leave_min = entered + dauer
    span_end = float(stage.alter.bis)
    if span_end - stage.alter.von <= dauer:
        leave_min = max(entered, min(leave_min, span_end))
    return leave_min, max(leave_min, span_end)


RankFn = Callable[[tuple, Hop, float, float], tuple]


def fewest_years(previous: tuple, hop: Hop, waited: float, start_age: float) -> tuple:
    """The planner's order: years until entering the stage, unmet requirements, hops."""
    return (round(hop.alter - start_age, 6), previous[1] + hop.unerfuellt, previous[2] + 1)


def search_routes(graph: nx.MultiDiGraph, redaktion: Redaktion, start: Start,
                  k: int = 3, rank: RankFn = fewest_years,
                  targets: set[str] | None = None) -> dict[str, list[Route]]:
    """Up to k routes to every reachable stage, best first by `rank` (default: fewest years,
    then fewest open requirements, then fewest hops).

    Routes never visit a stage twice. Each (stage, qualifications) state is expanded at most k
    times, which bounds the search on graphs with cycles. With `targets`, the search stops as
    soon as each target has k routes.
    """
    stages = redaktion.stages
    seq = count()
    first = stages[start.stage]
    leave_max = max(start.alter, float(first.alter.bis))
    first_label = _Label((0,) * 3, next(seq), start.stage, start.abschluesse, start.alter,
                         leave_max, ())
    heap = [(first_label.key, first_label.seq, first_label)]
    expanded: dict[tuple[str, frozenset], int] = {}
    routes: dict[str, list[Route]] = {}
    missing = set(targets) if targets is not None else None
    outgoing = graph.graph.get("outgoing") or _outgoing(graph)
    while heap:
        label = heapq.heappop(heap)[2]
        if label.hops:
            found = routes.setdefault(label.stage, [])
            if len(found) < k:
                found.append(Route(label.hops, label.hops[-1].alter - start.alter))
                if missing is not None and len(found) == k:
                    missing.discard(label.stage)
                    if not missing:
                        break
        state = (label.stage, label.quals)
        if expanded.get(state, 0) >= k:
            continue
        expanded[state] = expanded.get(state, 0) + 1
        visited = {start.stage} | {h.transition.nach for h in label.hops}
        for transition in outgoing[label.stage]:
            if transition.nach in visited:
                continue
            nxt = _follow(label, transition, stages[transition.nach], start, next(seq), rank)
            if nxt is not None:
                heapq.heappush(heap, (nxt.key, nxt.seq, nxt))
    return routes


def _outgoing(graph: nx.MultiDiGraph) -> dict[str, list[Transition]]:
    """Outgoing transitions per stage, cached on the graph (graphs are not changed after
    building)."""
    graph.graph["outgoing"] = transitions_out(graph)
    return graph.graph["outgoing"]


def _follow(label: _Label, transition: Transition, target: Stage, start: Start,
            seq: int, rank: RankFn) -> _Label | None:
    if not satisfies(label.quals, transition.voraussetzungen.abschluss):
        return None
    offen = open_requirements(transition, start.deutsch)
    if offen is None:
        return None
    alter = entry_age(transition, target, label.leave_min, label.leave_max)
    if alter is None:
        return None
    new = tuple(sorted(set(target.abschluesse) - label.quals))
    unmet = not satisfies(start.abschluesse, transition.voraussetzungen.abschluss)
    hop = Hop(transition, alter, label.quals, new, offen, unmet)
    hops = (*label.hops, hop)
    key = rank(label.key, hop, alter - label.leave_min, start.alter)
    leave_min, leave_max = _stay(target, alter)
    return _Label(key, seq, target.id, label.quals | set(new), leave_min, leave_max, hops)


def any_route(outgoing: dict[str, list[Transition]], redaktion: Redaktion, start: Start,
              targets: set[str], removed: frozenset[str] = frozenset(),
              banned: str | None = None) -> list[str] | None:
    """Transition ids of one age- and qualification-feasible route from `start` into any of
    `targets` (breadth-first, stages may repeat), avoiding the stages `removed` and transition
    `banned`; None if there is none. `outgoing` is `graph.transitions_out(graph)`."""
    stages = redaktion.stages
    first = stages[start.stage]
    begin = (start.stage, start.abschluesse, start.alter)
    windows = {begin: (start.alter, max(start.alter, float(first.alter.bis)))}
    parent: dict[tuple, tuple | None] = {begin: None}
    queue = [begin]
    for state in queue:
        stage, quals, _ = state
        if stage in targets and parent[state] is not None:
            return _transitions_back(parent, state)
        leave_min, leave_max = windows[state]
        for t in outgoing[stage]:
            nach = t.nach
            if nach in removed or t.id == banned:
                continue
            if not satisfies(quals, t.voraussetzungen.abschluss):
                continue
            if open_requirements(t, start.deutsch) is None:
                continue
            alter = entry_age(t, stages[nach], leave_min, leave_max)
            if alter is None:
                continue
            nxt = (nach, quals | set(stages[nach].abschluesse), alter)
            if nxt not in parent:
                parent[nxt] = (state, t.id)
                windows[nxt] = _stay(stages[nach], alter)
                queue.append(nxt)
    return None


def _transitions_back(parent: dict, state: tuple) -> list[str]:
    ids = []
    while parent[state] is not None:
        state, tid = parent[state]
        ids.append(tid)
    return ids[::-1]
