"""Each malformed editor file of the corpus, dropped into a copy of the real tree, is reported
at its exact line and column with the expected code and German message."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys

import pytest

from pathways.check.command import collect_problems
from pathways.paths import DATAPACKAGES

from .conftest import CORPUS, make_tree

with (CORPUS / "expectations.csv").open(encoding="utf-8", newline="") as _fh:
    EXPECTATIONS = list(csv.DictReader(_fh))
CASES = sorted({row["case"] for row in EXPECTATIONS})


def _int(text: str) -> int | None:
    return int(text) if text else None


def _drop(tree, case: str) -> str:
    """Copy the corpus file into the tree; return its project-relative path."""
    folder = next(r["folder"] for r in EXPECTATIONS if r["case"] == case)
    target = tree / "datapackages" / "redaktion" / folder / f"{case}.yaml"
    target.parent.mkdir(exist_ok=True)
    shutil.copyfile(CORPUS / f"{case}.yaml", target)
    return f"datapackages/redaktion/{folder}/{case}.yaml"


def test_corpus_is_large_enough():
    assert len(CASES) >= 30
    assert {p.stem for p in CORPUS.glob("*.yaml")} == set(CASES)


@pytest.mark.parametrize("case", CASES)
def test_bad_file_is_reported_at_its_line(case, tmp_path, baseline):
    # Offer files may name a packaged offer (`lage_von`): their tree has the offers package.
    folder = next(r["folder"] for r in EXPECTATIONS if r["case"] == case)
    tree = make_tree(tmp_path, offers=folder == "angebote")
    shown = _drop(tree, case)
    new = set(collect_problems(tree, packages=False)) - baseline
    for row in (r for r in EXPECTATIONS if r["case"] == case):
        matches = [p for p in new if p.file == shown and p.code == row["code"]
                   and p.line == _int(row["line"]) and p.column == _int(row["column"])]
        assert matches, f"{case}: expected {row}, got {[p.format() for p in new]}"
        assert any(row["text"] in p.message for p in matches), [p.message for p in matches]
        assert all(p.hint for p in matches), "every problem tells the editor what to do"
    # One bad file must not make problems appear elsewhere.
    assert {p.file for p in new} == {shown}, [p.format() for p in new]


# Cases named after a real file, which they replace with several mistakes at once. Their
# expectations list every problem: a broken file must neither hide its other mistakes (the rules
# run on its well-formed fields) nor make problems appear in the files that refer to it, nor in
# the offers package (derived `stufen`).
EXACT_CASES = ("kita", "kita--grundschule", "jugendamt-kita-gutschein")


@pytest.mark.parametrize("case", EXACT_CASES)
def test_broken_real_file_reports_exactly_its_own_problems(case, tmp_path, baseline):
    folder = next(r["folder"] for r in EXPECTATIONS if r["case"] == case)
    assert (DATAPACKAGES / "redaktion" / folder / f"{case}.yaml").is_file(), "replaces a real file"
    tree = make_tree(tmp_path, offers=True)
    shown = _drop(tree, case)
    new = set(collect_problems(tree, packages=False)) - baseline
    want = {(shown, _int(r["line"]), _int(r["column"]), r["code"])
            for r in EXPECTATIONS if r["case"] == case}
    assert {(p.file, p.line, p.column, p.code) for p in new} == want, \
        [p.format() for p in new]


def test_wrong_extension_is_not_silently_ignored(tree, baseline):
    target = tree / "datapackages/redaktion/stufen/wrong-extension.yml"
    shutil.copyfile(CORPUS / "wrong-extension.yml", target)
    new = set(collect_problems(tree, packages=False)) - baseline
    assert [(p.file, p.code) for p in new] == [
        ("datapackages/redaktion/stufen/wrong-extension.yml", "unexpected-file")]


def test_file_too_large(tree, baseline):
    target = tree / "datapackages/redaktion/stufen/riesig.yaml"
    target.write_text("id: riesig\nbeschreibung: >-\n" + "  bla bla bla bla\n" * 20000,
                      encoding="utf-8")
    new = set(collect_problems(tree, packages=False)) - baseline
    assert [(p.file, p.code) for p in new] == [
        ("datapackages/redaktion/stufen/riesig.yaml", "file-too-large")]


def test_broken_required_stage_does_not_cascade(tree, baseline):
    """A syntax error in geburt.yaml is one problem, not 'geburt missing' plus unknown ids."""
    target = tree / "datapackages/redaktion/stufen/geburt.yaml"
    target.write_text("id: geburt\nname: [Geburt\n", encoding="utf-8")
    new = set(collect_problems(tree, packages=False)) - baseline
    assert {p.code for p in new} == {"yaml-syntax"}
    assert {p.file for p in new} == {"datapackages/redaktion/stufen/geburt.yaml"}


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pathways.cli", "check", *args],
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("case", ["alias-bomb", "not-utf8", "unknown-key-typo",
                                  "krippe--nirgendwo", "offer-outside-berlin"])
def test_cli_reports_corpus_case(case, tree):
    shown = _drop(tree, case)
    result = _cli("--root", str(tree), "--ohne-pakete")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    for row in (r for r in EXPECTATIONS if r["case"] == case):
        where = ":".join(x for x in (shown, row["line"], row["column"]) if x)
        line = next((ln for ln in result.stdout.splitlines() if ln.startswith(where + ": ")), "")
        assert row["text"] in line, result.stdout


def test_cli_json_has_the_documented_fields(tree):
    _drop(tree, "unknown-key-typo")
    result = _cli("--root", str(tree), "--ohne-pakete", "--format", "json")
    assert result.returncode == 1
    rows = json.loads(result.stdout)
    assert rows and all(set(r) == {"file", "line", "column", "field", "code", "message", "hint"}
                        for r in rows)
    typo = next(r for r in rows if r["code"] == "unknown-field")
    assert typo["file"].endswith("stufen/unknown-key-typo.yaml")
    assert (typo["line"], typo["column"], typo["field"]) == (6, 1, "beschriebung")
    assert "Meinten Sie `beschreibung`?" in typo["hint"]
