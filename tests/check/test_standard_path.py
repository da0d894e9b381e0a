"""The editorial standard path (`standardweg: true`): one chain from `geburt` to an end stage with
fitting ages; each broken variant of the real tree is reported at the `standardweg` line."""

from __future__ import annotations

from pathways.check.command import collect_problems

UEBERGAENGE = "datapackages/redaktion/uebergaenge"


def _new(tree, baseline):
    return {(p.file, p.code, p.line) for p in set(collect_problems(tree, packages=False))
            - baseline}


def _flag(path, value: str) -> None:
    text = path.read_text(encoding="utf-8")
    if "standardweg:" in text:
        text = text.replace("standardweg: true", f"standardweg: {value}")
    else:
        text = text.replace("\nart: ", f"\nstandardweg: {value}\nart: ", 1)
    path.write_text(text, encoding="utf-8")


def test_real_tree_has_a_valid_standard_path(baseline):
    assert not {p for p in baseline if p.code.startswith("standardweg")}


def test_branch_is_reported_on_each_flagged_transition(tree, baseline):
    _flag(tree / UEBERGAENGE / "iss--gymnasiale-oberstufe.yaml", "true")
    new = _new(tree, baseline)
    assert {(f, c) for f, c, _ in new} == {
        (f"{UEBERGAENGE}/iss--duale-ausbildung.yaml", "standardweg-branch"),
        (f"{UEBERGAENGE}/iss--gymnasiale-oberstufe.yaml", "standardweg-branch")}
    assert all(line for _, _, line in new)


def test_open_end_is_reported_on_the_last_flagged_transition(tree, baseline):
    _flag(tree / UEBERGAENGE / "ruhestand--seniorenbildung.yaml", "false")
    assert {(f, c) for f, c, _ in _new(tree, baseline)} == {
        (f"{UEBERGAENGE}/erwerbsleben--ruhestand.yaml", "standardweg-open-end")}


def test_requirement_the_path_does_not_meet_is_reported(tree, baseline):
    # After ISS and duale Ausbildung nobody holds the AHR: the chain cannot be walked here.
    target = tree / UEBERGAENGE / "duale-ausbildung--erwerbsleben.yaml"
    target.write_text(target.read_text(encoding="utf-8").replace(
        "abschluss: BERUF", "abschluss: AHR"), encoding="utf-8")
    assert _new(tree, baseline) == {
        (f"{UEBERGAENGE}/duale-ausbildung--erwerbsleben.yaml", "standardweg-age", 6)}


def test_ages_that_do_not_fit_are_reported(tree, baseline):
    target = tree / UEBERGAENGE / "erwerbsleben--ruhestand.yaml"
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("alter: {von: 60, bis: 67}",
                                   "voraussetzungen:\n  alter_max: 50\nalter: {von: 60, bis: 67}"),
                      encoding="utf-8")
    new = {(f, c) for f, c, _ in _new(tree, baseline)}
    assert (f"{UEBERGAENGE}/erwerbsleben--ruhestand.yaml", "standardweg-age") in new
    assert {f for f, _ in new} == {f"{UEBERGAENGE}/erwerbsleben--ruhestand.yaml"}
