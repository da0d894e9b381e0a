"""Rules of the stage graph: reachable from birth, no dead ends, ages consistent along each edge."""

from __future__ import annotations

from pathways.errors import Problem
from pathways.graph import ROOT_STAGE, build_stage_graph, dead_ends, unreachable_from
from pathways.redaktion import Redaktion


def check_graph(red: Redaktion) -> list[Problem]:
    if ROOT_STAGE not in red.stages:
        return []  # reported as a missing required stage; every stage would be "unreachable"
    problems = [] if _edges_unknown(red) else _reach_problems(red)
    return problems + _into_birth(red) + _age_jumps(red)


def _reach_problems(red: Redaktion) -> list[Problem]:
    """Stages not reachable from birth, and dead ends; not judged for a broken stage file whose
    id is unknown (unreadable or malformed: its node is a placeholder named after the file)."""
    graph = build_stage_graph(red)
    problems = []
    for sid in unreachable_from(graph):
        if red.field_unknown(red.stages[sid], "id"):
            continue
        problems.append(red.problem(
            red.stages[sid].file, "/id", "stage-unreachable",
            f"Die Station `{sid}` ist von `{ROOT_STAGE}` aus über keinen Übergang erreichbar.",
            field="id", hint=f"Legen Sie in `uebergaenge/` einen Übergang mit `nach: {sid}` an, "
            "dessen Startstation erreichbar ist."))
    for sid in dead_ends(graph):
        if red.field_unknown(red.stages[sid], "id") \
                or red.field_unknown(red.stages[sid], "endstufe"):
            continue
        problems.append(red.problem(
            red.stages[sid].file, "/id", "stage-dead-end",
            f"Von der Station `{sid}` führt kein Übergang weiter.",
            field="endstufe", hint=f"Legen Sie einen Übergang mit `von: {sid}` an oder setzen "
            "Sie `endstufe: true`, wenn hier ein Bildungsweg enden darf."))
    return problems


def _edges_unknown(red: Redaktion) -> bool:
    """Does a transition leave its edge unknown (`von` or `nach` malformed, missing or naming no
    stage – reported in its own file)? Then reachability and dead ends are not judged: they
    would be follow-ups of that file."""
    return any(t.von not in red.stages or t.nach not in red.stages for t in red.transitions)


def _into_birth(red: Redaktion) -> list[Problem]:
    return [red.problem(t.file, "/nach", "transition-to-root",
                        f"Kein Übergang darf zur Station `{ROOT_STAGE}` führen.", field="nach",
                        hint="`geburt` ist der Anfang jedes Bildungswegs.")
            for t in red.transitions if t.nach == ROOT_STAGE]


def _age_jumps(red: Redaktion) -> list[Problem]:
    """A transition's typical age must touch the age range of its start or of its target stage."""
    problems = []
    for t in red.transitions:
        von, nach = red.stages.get(t.von), red.stages.get(t.nach)
        if von is None or nach is None or not all(
                _judgeable(age) for age in (t.alter, von.alter, nach.alter)):
            continue
        if not (t.alter.overlaps(von.alter) or t.alter.overlaps(nach.alter)):
            problems.append(red.problem(
                t.file, "/alter", "age-inconsistent",
                f"Das typische Alter beim Übergang ({t.alter.von}–{t.alter.bis}) passt weder zu "
                f"`{t.von}` ({von.alter.von}–{von.alter.bis}) noch zu `{t.nach}` "
                f"({nach.alter.von}–{nach.alter.bis}).", field="alter",
                hint="Prüfen Sie die Altersangaben des Übergangs und der beiden Stationen."))
    return problems


def _judgeable(age) -> bool:
    """An age range that is known and not inverted (that one is reported in its own file)."""
    return age is not None and age.von <= age.bis
