"""The real `bildungswege` CLI: exit codes, German messages, no tracebacks, JSON format."""

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from .conftest import KIEZE

SCHEMA = json.loads((Path(__file__).parents[2] / "docs" / "plan.schema.json").read_text(
    encoding="utf-8"))


def run(*args):
    return subprocess.run([sys.executable, "-m", "pathways.cli", *args], capture_output=True,
                          text=True, timeout=120)


@pytest.mark.parametrize("args, message", [
    (["--kiez", "99999999", "--alter", "30"], "Unbekannter Kiez"),
    (["--kiez", "Nirgendwo-Platz", "--alter", "30"], "Unbekannter Kiez"),
    (["--kiez", KIEZE[0], "--alter", "70", "--von", "ruhestand", "--ziel", "grundschule"],
     "nicht erreichbar"),
    (["--kiez", KIEZE[0], "--alter", "40", "--von", "kita"], "Widersprüchliche Angaben"),
    (["--kiez", KIEZE[0], "--alter", "200"], "nicht möglich"),
    (["--kiez", KIEZE[0], "--alter", "20", "--ziel", "mond"], "Unbekannte Station"),
    (["--kiez", KIEZE[0], "--alter", "20", "--bedarf", "fliegen"], "Unbekannter Bedarf"),
])
def test_bad_input_exits_2_with_german_message(args, message):
    result = run("plan", *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_ambiguous_name_lists_candidates():
    result = run("plan", "--kiez", "Schloßstraße", "--alter", "30")
    assert result.returncode == 2
    assert "mehrdeutig" in result.stderr
    assert "04300414" in result.stderr and result.stderr.count("Bezirk") >= 2


def test_unique_name_resolves():
    result = run("plan", "--kiez", "Stralauer Kiez", "--alter", "16", "--von", "iss",
                 "--abschluss", "MSA")
    assert result.returncode == 0, result.stderr
    assert "Luftlinie" in result.stdout and "Reihenfolge" in result.stdout


def test_json_output_is_stable_and_schema_valid():
    args = ["plan", "--kiez", KIEZE[3], "--alter", "16", "--von", "iss", "--abschluss",
            "keiner", "--ziel", "berufsfachschule", "--bedarf", "barrierefrei", "--format",
            "json"]
    first, second = run(*args), run(*args)
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    data = json.loads(first.stdout)
    jsonschema.validate(data, SCHEMA)
    assert data["format"] == "bildungswege-plan/1"
    assert first.stdout == json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def test_explore_json_is_schema_valid():
    result = run("plan", "--kiez", KIEZE[5], "--alter", "2", "--format", "json")
    assert result.returncode == 0, result.stderr
    jsonschema.validate(json.loads(result.stdout), SCHEMA)
