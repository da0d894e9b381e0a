"""datapages_base fast paths: rows as Records, and page files written as Pelican's writer would."""

from __future__ import annotations

import math
import sys

import pandas as pd
import pytest
from jinja2 import DictLoader, Environment, UndefinedError
from pelican.writers import FileOverwriteFailedError, Writer

from pathways.load import load_kieze, load_offers

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "plugins"))

from datapages_base import Record, plain_record, records  # noqa: E402
from datapages_base.output import PageFiles, write_output  # noqa: E402
from datapages_base.render import PageRenderer  # noqa: E402


def _same(a: object, b: object) -> bool:
    if isinstance(a, float) and math.isnan(a):
        return isinstance(b, float) and math.isnan(b)
    return type(a) is type(b) and a == b


@pytest.mark.parametrize("load", [load_offers, load_kieze])
def test_records_hold_the_values_of_plain_records(load):
    frame = load()
    expected = [plain_record(row) for row in frame.to_dict("records")]
    got = records(frame)
    assert len(got) == len(expected)
    for want, row in zip(expected, got, strict=True):
        assert list(row) == list(want)
        assert all(_same(row[k], want[k]) for k in want), want["plr_id"]
    assert got[0].plr_id == got[0]["plr_id"]  # fields also as attributes


def test_record_refuses_fields_named_like_dict_methods():
    with pytest.raises(ValueError, match="items"):
        records(pd.DataFrame({"items": [1]}))
    assert Record(a=1).get("a") == 1


def test_pages_are_written_inside_the_output_once(tmp_path):
    writer = Writer(str(tmp_path), settings={})
    write_output(writer, "a/b/index.html", "Grüße –\n")
    assert (tmp_path / "a/b/index.html").read_bytes() == "Grüße –\n".encode()
    with pytest.raises(FileOverwriteFailedError):
        write_output(writer, "a/b/index.html", "other")
    with pytest.raises(RuntimeError, match="break out"):
        write_output(writer, "../outside.html", "x")


def test_batched_pages_are_all_written_after_flush(tmp_path):
    files = PageFiles(Writer(str(tmp_path), settings={}), batch_size=2)
    for n in range(3):
        files.add(f"p{n}/index.html", str(n))
    assert sorted(p.parent.name for p in tmp_path.glob("*/index.html")) == ["p0", "p1"]
    files.flush()
    assert (tmp_path / "p2/index.html").read_text() == "2"


def test_page_renderer_renders_as_template_render():
    env = Environment(autoescape=True, loader=DictLoader({
        "page.html": "{{ a }} {{ b }} {{ c }} {{ g }}",
        "broken.html": "{{ missing.attr }}"}))
    env.globals.update(a="global", g="<global>")
    context = {"a": "context", "b": "context"}
    renderer = PageRenderer(context)
    template = env.get_template("page.html")
    for variables in ({"b": "page <1>", "c": 1}, {"b": "page 2", "c": None}):
        assert renderer.render(template, variables) == template.render(context, **variables)
    with pytest.raises(UndefinedError):
        renderer.render(env.get_template("broken.html"), {})
