"""The browser's age filter (search-core.js `passes`) on open and half-open age ranges."""

import json
import shutil
import subprocess

import pytest
from search_helpers import ROOT

CORE = ROOT / "theme" / "static" / "js" / "search-core.js"


def passes(records: list[dict], age: int) -> list[bool]:
    """Run search-core.js `passes` in node for each record with the filter alter=age."""
    script = (f"const core = require({json.dumps(str(CORE))});"
              f"const records = {json.dumps(records)};"
              f"console.log(JSON.stringify(records.map(r => core.passes(r, {{alter: {age}}}))));")
    done = subprocess.run([shutil.which("node") or "node", "-e", script],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


@pytest.mark.parametrize(("von", "bis", "age", "expected"), [
    (6, 12, 8, True), (6, 12, 13, False), (6, 12, 5, False),
    (18, None, 40, True), (18, None, 17, False),   # "ab 18 Jahren"
    (None, 16, 3, True), (None, 16, 17, False),    # "bis 16 Jahre"
    (None, None, 30, False),                       # no age given: not shown for an age
])
def test_age_filter_reads_missing_limits_as_open(von, bis, age, expected):
    assert passes([{"alter_von": von, "alter_bis": bis}], age) == [expected]
