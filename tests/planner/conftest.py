"""Shared fixtures: one planner built from the committed data (expensive, built once)."""

import pytest

from pathways.plan import default_planner

# Real Kieze, two per Bezirk (first and middle Planungsraum by id), from datapackages/kieze.
KIEZE = ["01100101", "01200625", "02100101", "02300419", "03100101", "03400831", "04100101",
         "04400727", "05100101", "05200423", "06100101", "06200423", "07100101", "07400825",
         "08100101", "08200624", "09100101", "09300922", "10100101", "10200421", "11100101",
         "11300721", "12100101", "12400619"]


@pytest.fixture(scope="session")
def planner():
    return default_planner()
