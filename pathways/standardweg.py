"""The editorial default life course: the transitions flagged `standardweg: true`, followed from
`geburt` one flagged transition per stage (used by `lifecourse` and checked by `check`)."""

from __future__ import annotations

from dataclasses import dataclass

from pathways.graph import ROOT_STAGE
from pathways.redaktion import Redaktion, Transition


@dataclass(frozen=True)
class StandardPath:
    """The flagged chain from `geburt` and what is wrong with the flags (empty: a valid chain)."""

    chain: tuple[Transition, ...]
    branches: dict[str, tuple[Transition, ...]]  # stage -> its several flagged transitions
    detached: tuple[Transition, ...]             # flagged, but not reached from geburt
    ends_at_end_stage: bool

    @property
    def valid(self) -> bool:
        return bool(self.chain) and not self.branches and not self.detached \
            and self.ends_at_end_stage


def flagged(redaktion: Redaktion) -> list[Transition]:
    """Flagged transitions between known stages, sorted by id."""
    return sorted((t for t in redaktion.transitions if t.standardweg
                   and t.von in redaktion.stages and t.nach in redaktion.stages),
                  key=lambda t: t.id)


def standard_path(redaktion: Redaktion) -> StandardPath:
    """Follow the flags from `geburt` until a stage has none, several, or was already visited."""
    by_stage: dict[str, list[Transition]] = {}
    for t in flagged(redaktion):
        by_stage.setdefault(t.von, []).append(t)
    branches = {s: tuple(ts) for s, ts in by_stage.items() if len(ts) > 1}
    chain: list[Transition] = []
    stage, seen = ROOT_STAGE, {ROOT_STAGE}
    while len(by_stage.get(stage, ())) == 1 and by_stage[stage][0].nach not in seen:
        chain.append(by_stage[stage][0])
        stage = chain[-1].nach
        seen.add(stage)
    reached = _reached_by_flags(by_stage)
    detached = tuple(t for ts in by_stage.values() for t in ts if t.von not in reached)
    end = redaktion.stages.get(stage)
    return StandardPath(tuple(chain), branches, tuple(sorted(detached, key=lambda t: t.id)),
                        end is not None and end.endstufe)


def _reached_by_flags(by_stage: dict[str, list[Transition]]) -> set[str]:
    """Stages reached from `geburt` over flagged transitions (all branches followed)."""
    reached, todo = {ROOT_STAGE}, [ROOT_STAGE]
    while todo:
        for t in by_stage.get(todo.pop(), ()):
            if t.nach not in reached:
                reached.add(t.nach)
                todo.append(t.nach)
    return reached
