"""The catalogue files themselves: they load, they are fast to load, bad data is reported clearly."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import pytest

from notice_check import geo
from notice_check.geo import _catalogue


def test_counts() -> None:
    counts = _catalogue.catalogue().counts
    assert counts["countries"] >= 249  # every ISO 3166-1 code, plus Kosovo
    assert counts["cities"] >= 150
    assert counts["states"] >= 50
    assert counts["groups"] >= 10


def test_catalogue_is_cached() -> None:
    assert geo.gazetteer() is geo.gazetteer()
    assert _catalogue.catalogue() is _catalogue.catalogue()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of the package's data folder to break on purpose."""
    source = resources.files("notice_check.geo").joinpath("data")
    target = tmp_path / "data"
    shutil.copytree(str(source), target)
    return target


def test_copy_of_the_data_builds_the_same(data_copy: Path) -> None:
    assert _catalogue.build(data_copy).counts == _catalogue.catalogue().counts


def test_unknown_country_code_in_data_is_reported(data_copy: Path) -> None:
    places = data_copy / "places.yaml"
    text = places.read_text(encoding="utf-8")
    places.write_text(text.replace("  Frankfurt: {country: DE,", "  Frankfurt: {country: ZZ,"), encoding="utf-8")
    with pytest.raises(_catalogue.GeoDataError) as err:
        _catalogue.build(data_copy)
    assert str(err.value) == f"{places}: cities.Frankfurt: unknown country code 'ZZ'"


def test_bad_membership_period_is_reported(data_copy: Path) -> None:
    groups = data_copy / "groups.yaml"
    text = groups.read_text(encoding="utf-8")
    groups.write_text(text.replace("GB: 1973-01-01..2020-01-31", "GB: 1973-01-01-2020-01-31"), encoding="utf-8")
    with pytest.raises(_catalogue.GeoDataError, match=r"groups.yaml: EU.GB: bad membership period"):
        _catalogue.build(data_copy)


def test_broken_yaml_is_reported(data_copy: Path) -> None:
    aws = data_copy / "cloud" / "aws.yaml"
    aws.write_text("regions: {us-east-1: [\n", encoding="utf-8")
    with pytest.raises(_catalogue.GeoDataError, match=r"aws.yaml: not valid YAML"):
        _catalogue.build(data_copy)


def test_every_listed_ambiguous_form_exists_and_is_flagged() -> None:
    data = _catalogue._load("countries.yaml")
    listed = [(code, form) for code, spec in data.items() if isinstance(spec, dict)
              for form in spec.get("ambiguous") or []]
    assert len(listed) >= 15
    for code, form in listed:
        place = geo.lookup(form)
        assert place is not None and place.code == code and place.ambiguous, (code, form)
