"""The package copies in the output: same bytes, valid for frictionless, reproducible zips."""

from __future__ import annotations

import io
import zipfile

import pytest
from frictionless import Package as FrictionlessPackage
from frictionless import system


def test_copies_are_byte_identical(site, packages):
    for package in packages:
        for name in package.files:
            copy = site / "daten" / package.name / name
            assert copy.read_bytes() == (package.folder / name).read_bytes(), copy


@pytest.mark.parametrize("name", ["kieze", "angebote", "monitoring"])
def test_copied_package_validates_with_frictionless(site, name):
    descriptor = site / "daten" / name / "datapackage.json"
    with system.use_context(trusted=True):
        report = FrictionlessPackage(str(descriptor)).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def test_zip_holds_exactly_the_package_files(site, packages):
    for package in packages:
        with zipfile.ZipFile(site / "daten" / f"{package.name}.zip") as archive:
            assert archive.namelist() == list(package.files)
            for info in archive.infolist():
                assert info.date_time == (1980, 1, 1, 0, 0, 0)
                assert archive.read(info) == (package.folder / info.filename).read_bytes()


def test_build_twice_gives_the_same_bytes(site, site_again, packages):
    names = [f"{p.name}.zip" for p in packages] + ["catalog.ttl", "catalog.jsonld"]
    for name in names:
        assert (site / "daten" / name).read_bytes() == (site_again / "daten" / name).read_bytes()


def test_zip_validates_as_a_package(site, tmp_path):
    data = (site / "daten" / "kieze.zip").read_bytes()
    zipfile.ZipFile(io.BytesIO(data)).extractall(tmp_path)
    with system.use_context(trusted=True):
        assert FrictionlessPackage(str(tmp_path / "datapackage.json")).validate().valid
