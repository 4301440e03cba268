"""Retention values of a manifest -> whole days (months 30 days, years 365)."""

from __future__ import annotations

import pytest

from notice_check.manifest import iso_duration_days, parse_retention


@pytest.mark.parametrize(("text", "days"), [
    ("P30D", 30), ("P6M", 180), ("P1Y", 365), ("P2W", 14), ("P1Y6M", 545), ("P1M15D", 45),
    ("p14d", 14), ("P0D", 0), ("PT24H", 1), ("PT36H", 2), ("PT1S", 1), ("P1DT12H", 2),
    ("P1.5Y", 548), ("P0,5M", 15),
])
def test_iso_durations(text, days):
    assert iso_duration_days(text) == days


@pytest.mark.parametrize("text", ["P", "PT", "30D", "P30", "PD", "P-1D", "P1H", "P1Y1Y", "one month", ""])
def test_bad_iso_durations(text):
    with pytest.raises(ValueError, match="ISO 8601"):
        iso_duration_days(text)


@pytest.mark.parametrize(("value", "expected"), [
    ("P30D", (30, False)), (90, (90, False)), ("90", (90, False)), (0, (0, False)),
    ("indefinite", (None, True)), ("Indefinite", (None, True)), ("P6M", (180, False)),
])
def test_parse_retention(value, expected):
    assert parse_retention(value) == expected


@pytest.mark.parametrize("value", ["30 days", "forever", "soon", True, 1.5, -3, "", None, [30], {"days": 30}])
def test_parse_retention_rejects(value):
    with pytest.raises(ValueError) as info:
        parse_retention(value)
    assert "\n" not in str(info.value)
    if value == -3:
        assert "negative" in str(info.value)
    else:
        assert "P30D" in str(info.value)
