"""The default life course: one route from birth to old age through the stage graph.

An editorial decision: the transitions flagged `standardweg: true` (see `standardweg.py`, checked
by `bildungswege check`). Only while the content has no valid flagged path, it falls back to the
route to a stage of old age with the fewest non-regular transitions and the least waiting time.
"""

from __future__ import annotations

import networkx as nx

from pathways.graph import ROOT_STAGE
from pathways.redaktion import Redaktion
from pathways.routes import Hop, Route, Start, search_routes, walk
from pathways.standardweg import standard_path

OLD_AGE = 60  # a stage "of old age" starts at this age or later (stage alter.von)


def _regular_with_least_waiting(previous: tuple, hop: Hop, waited: float,
                                start_age: float) -> tuple:
    irregular = 0 if hop.transition.art == "regulaer" else 1
    return (previous[0] + irregular, round(previous[1] + waited, 6), previous[2] + 1)


def old_age_stages(redaktion: Redaktion) -> list[str]:
    """Stages of old age: their typical age starts at OLD_AGE or later."""
    return sorted(s.id for s in redaktion.stages.values() if s.alter.von >= OLD_AGE)


def default_life_course(graph: nx.MultiDiGraph, redaktion: Redaktion) -> Route | None:
    """The default route from `geburt` (age 0) to old age; None if the content has none yet."""
    if ROOT_STAGE not in redaktion.stages:
        return None
    editorial = editorial_life_course(redaktion)
    if editorial is not None:
        return editorial
    routes = search_routes(graph, redaktion, Start(ROOT_STAGE, 0.0, deutsch="C2"), k=1,
                           rank=_regular_with_least_waiting)
    ends = [routes[s][0] for s in old_age_stages(redaktion) if s in routes]
    if not ends:
        return None
    return min(ends, key=lambda r: (_cost(r), r.ziel))


def editorial_life_course(redaktion: Redaktion) -> Route | None:
    """The flagged path from `geburt` (age 0), if it is valid and its ages fit; else None."""
    path = standard_path(redaktion)
    if not path.valid:
        return None
    return walk(redaktion, Start(ROOT_STAGE, 0.0, deutsch="C2"), list(path.chain))


def _cost(route: Route) -> tuple:
    irregular = sum(h.transition.art != "regulaer" for h in route.hops)
    return irregular, len(route.hops)


def stage_at_age(course: Route, alter: float) -> str:
    """The last stage on the course entered before `alter` that is not an end stage.

    At the exact age of a transition the person is still in the stage they are leaving: a
    16-year-old with an MSA is finishing Sek I and asks where to go next.
    """
    current = ROOT_STAGE
    for hop in course.hops:
        if hop.alter < alter and hop is not course.hops[-1]:
            current = hop.transition.nach
    return current
