"""Search over states (stage, qualifications held, age) of the stage graph: routes from where a
person is now to every stage they can reach, fewest years first, up to k routes per stage.

A qualification a stage awards (`abschluesse`) is added when the person passes through it, so a
missing requirement is bridged by a detour through a stage that awards it. The same holds for
German: a stage's `sprachniveau_erreicht` (e.g. Integrationskurs → B1) raises the level the person
is known to have, which bridges a transition's `sprachniveau`.
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
    unerfuellt: bool              # a required qualification or German level is missing today
    deutsch_vorher: int = 0       # German level known before this hop (rank in GERMAN_LEVELS)
    deutsch_nachher: int = 0      # ... and after passing through the target stage


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
    deutsch: int = 0              # German level known so far (rank in GERMAN_LEVELS)


def german_rank(level: str) -> int:
    return GERMAN_LEVELS.index(level)


def start_german(start: Start) -> int:
    """The German level known at the start as a rank (A0 = 0 when not stated)."""
    return german_rank(start.deutsch) if start.deutsch is not None else 0


def german_after(stage: Stage, known: int) -> int:
    """Known German level after passing through `stage` (raised by `sprachniveau_erreicht`)."""
    if stage.sprachniveau_erreicht is None:
        return known
    return max(known, german_rank(stage.sprachniveau_erreicht))


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


def open_requirements(transition: Transition, deutsch: str | None,
                      known: int | None = None) -> tuple[str, ...] | None:
    """Requirements the planner cannot confirm, as German text; None if German is known too low.

    `deutsch` is what the person stated (None: not stated); `known` the level reached on the way
    so far (a rank, at least the stated one). A level reached on the way counts as met; above it,
    an unstated level stays "bitte prüfen" and a stated one blocks the transition.
    """
    req = transition.voraussetzungen
    items = []
    if req.sprachniveau:
        stated = german_rank(deutsch) if deutsch is not None else 0
        reached = max(stated, known or 0)
        if reached >= german_rank(req.sprachniveau):
            pass
        elif deutsch is None:
            items.append(f"Deutschkenntnisse mindestens {req.sprachniveau} (bitte prüfen)")
        else:
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


def _no_time_there(stage: Stage, entered: float, leave_min: float) -> bool:
    """A stage with a duration that would be left the moment it is entered (joining a school span
    at its very end) is no real step: it would hand out its qualifications in 0 years."""
    return bool(stage.dauer_jahre) and leave_min <= entered


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
                         leave_max, (), german_after(first, start_german(start)))
    heap = [(first_label.key, first_label.seq, first_label)]
    expanded: dict[tuple[str, frozenset, int], int] = {}
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
        state = (label.stage, label.quals, label.deutsch)
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


def walk(redaktion: Redaktion, start: Start, transitions: list[Transition]) -> Route | None:
    """The route that takes exactly `transitions` in order from `start`, with the same age,
    qualification and German rules as the search; None where a step is not possible (wrong start
    stage, a requirement not met, or ages that do not fit)."""
    stages = redaktion.stages
    first = stages[start.stage]
    label = _Label((0,) * 3, 0, start.stage, start.abschluesse, start.alter,
                   max(start.alter, float(first.alter.bis)), (),
                   german_after(first, start_german(start)))
    for transition in transitions:
        if transition.von != label.stage or transition.nach not in stages:
            return None
        label = _follow(label, transition, stages[transition.nach], start, 0, fewest_years)
        if label is None:
            return None
    if not label.hops:
        return None
    return Route(label.hops, label.hops[-1].alter - start.alter)


def _outgoing(graph: nx.MultiDiGraph) -> dict[str, list[Transition]]:
    """Outgoing transitions per stage, cached on the graph (graphs are not changed after
    building)."""
    graph.graph["outgoing"] = transitions_out(graph)
    return graph.graph["outgoing"]


def _follow(label: _Label, transition: Transition, target: Stage, start: Start,
            seq: int, rank: RankFn) -> _Label | None:
    if not satisfies(label.quals, transition.voraussetzungen.abschluss):
        return None
    offen = open_requirements(transition, start.deutsch, label.deutsch)
    if offen is None:
        return None
    alter = entry_age(transition, target, label.leave_min, label.leave_max)
    if alter is None:
        return None
    leave_min, leave_max = _stay(target, alter)
    if _no_time_there(target, alter, leave_min):
        return None
    new = tuple(sorted(set(target.abschluesse) - label.quals))
    deutsch = german_after(target, label.deutsch)
    hop = Hop(transition, alter, label.quals, new, offen, unmet_today(transition, start),
              label.deutsch, deutsch)
    hops = (*label.hops, hop)
    key = rank(label.key, hop, alter - label.leave_min, start.alter)
    return _Label(key, seq, target.id, label.quals | set(new), leave_min, leave_max, hops,
                  deutsch)


def unmet_today(transition: Transition, start: Start) -> bool:
    """Does the person miss a requirement of `transition` today (qualification, or a stated German
    level below the one required)? Such a requirement is met only through a bridge step."""
    req = transition.voraussetzungen
    if not satisfies(start.abschluesse, req.abschluss):
        return True
    return (req.sprachniveau is not None and start.deutsch is not None
            and german_rank(start.deutsch) < german_rank(req.sprachniveau))


def any_route(outgoing: dict[str, list[Transition]], redaktion: Redaktion, start: Start,
              targets: set[str], removed: frozenset[str] = frozenset(),
              banned: str | None = None) -> list[str] | None:
    """Transition ids of one age- and qualification-feasible route from `start` into any of
    `targets` (breadth-first, stages may repeat), avoiding the stages `removed` and transition
    `banned`; None if there is none. `outgoing` is `graph.transitions_out(graph)`."""
    stages = redaktion.stages
    first = stages[start.stage]
    begin = (start.stage, start.abschluesse, start.alter,
             german_after(first, start_german(start)))
    windows = {begin: (start.alter, max(start.alter, float(first.alter.bis)))}
    parent: dict[tuple, tuple | None] = {begin: None}
    queue = [begin]
    for state in queue:
        stage, quals, _, deutsch = state
        if stage in targets and parent[state] is not None:
            return _transitions_back(parent, state)
        leave_min, leave_max = windows[state]
        for t in outgoing[stage]:
            nach = t.nach
            if nach in removed or t.id == banned:
                continue
            if not satisfies(quals, t.voraussetzungen.abschluss):
                continue
            if open_requirements(t, start.deutsch, deutsch) is None:
                continue
            alter = entry_age(t, stages[nach], leave_min, leave_max)
            if alter is None:
                continue
            window = _stay(stages[nach], alter)
            if _no_time_there(stages[nach], alter, window[0]):
                continue
            nxt = (nach, quals | set(stages[nach].abschluesse), alter,
                   german_after(stages[nach], deutsch))
            if nxt not in parent:
                parent[nxt] = (state, t.id)
                windows[nxt] = window
                queue.append(nxt)
    return None


def _transitions_back(parent: dict, state: tuple) -> list[str]:
    ids = []
    while parent[state] is not None:
        state, tid = parent[state]
        ids.append(tid)
    return ids[::-1]
