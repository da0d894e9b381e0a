"""Rules of the editorial default life course (`standardweg: true`) and of stage durations."""

from __future__ import annotations

from pathways.errors import Problem
from pathways.graph import ROOT_STAGE
from pathways.redaktion import Redaktion
from pathways.routes import Start, walk
from pathways.standardweg import flagged, standard_path


def check_standard_path(red: Redaktion) -> list[Problem]:
    """The flagged transitions form one path from `geburt` to an end stage, with fitting ages."""
    if ROOT_STAGE not in red.stages or not flagged(red) or _flags_unknown(red):
        return []
    path = standard_path(red)
    problems = []
    for stage, transitions in sorted(path.branches.items()):
        ids = ", ".join(f"`{t.id}`" for t in transitions)
        for t in transitions:
            problems.append(red.problem(
                t.file, "/standardweg", "standardweg-branch",
                f"Von der Station `{stage}` sind mehrere Übergänge als Standardweg markiert "
                f"({ids}).", field="standardweg",
                hint="Der Standard-Lebenslauf ist ein einziger Weg: markieren Sie je Station "
                "höchstens einen Übergang mit `standardweg: true`."))
    for t in path.detached:
        problems.append(red.problem(
            t.file, "/standardweg", "standardweg-detached",
            f"Der Übergang `{t.id}` ist als Standardweg markiert, aber der Standardweg von "
            f"`{ROOT_STAGE}` aus erreicht die Station `{t.von}` nicht.", field="standardweg",
            hint="Markieren Sie die Übergänge, die von `geburt` bis hierher führen, oder "
            "entfernen Sie `standardweg: true`."))
    if not path.branches and not path.detached:
        problems += _chain_problems(red, path)
    return problems


def _flags_unknown(red: Redaktion) -> bool:
    """Is a transition perhaps part of the path although it cannot be followed (its flag
    malformed, or flagged with an end that names no stage)? Then every judgement of the path
    could be a follow-up of that file's own problems."""
    return any(red.field_unknown(t, "standardweg")
               or (t.standardweg and (t.von not in red.stages or t.nach not in red.stages))
               for t in red.transitions)


def _chain_problems(red: Redaktion, path) -> list[Problem]:
    stages = [red.stages.get(sid) for t in path.chain for sid in (t.von, t.nach)]
    if not path.chain or any(red.is_partial(r) for r in [*path.chain, *stages] if r):
        return []  # ages and ends of a broken file are not known: judged once it is mended
    last = path.chain[-1]
    if not path.ends_at_end_stage:
        return [red.problem(
            last.file, "/standardweg", "standardweg-open-end",
            f"Der Standardweg endet mit `{last.id}` bei `{last.nach}`, einer Station ohne "
            "`endstufe: true`.", field="standardweg",
            hint="Markieren Sie den nächsten Übergang bis zu einer Endstation (z. B. "
            "Seniorenbildung) mit `standardweg: true`.")]
    for length in range(1, len(path.chain) + 1):
        if walk(red, Start(ROOT_STAGE, 0.0, deutsch="C2"), list(path.chain[:length])) is None:
            t = path.chain[length - 1]
            return [red.problem(
                t.file, "/standardweg", "standardweg-age",
                f"Auf dem Standardweg passt der Übergang `{t.id}` nicht: Alter oder "
                "Abschluss aus den vorherigen Stationen erfüllen seine Voraussetzungen nicht.",
                field="standardweg",
                hint="Prüfen Sie Alter, Dauer und Abschlüsse der Stationen auf dem Standardweg "
                "und die Voraussetzungen dieses Übergangs.")]
    return []


def check_durations(red: Redaktion) -> list[Problem]:
    """A stage that awards a qualification needs a duration (else it is a 0-year bridge)."""
    return [red.problem(
        s.file, "/abschluesse", "qualification-without-duration",
        f"Die Station `{s.id}` vergibt Abschlüsse ({', '.join(s.abschluesse)}), hat aber keine "
        "Dauer.", field="dauer_jahre",
        hint="Tragen Sie `dauer_jahre` ein (typische Dauer mit Quelle); ohne Dauer würde der "
        "Planer den Abschluss in 0 Jahren vergeben.")
        for s in sorted(red.stages.values(), key=lambda s: s.id)
        if s.abschluesse and s.dauer_jahre is None and not red.field_unknown(s, "dauer_jahre")]
