"""Groups and their membership over time: what "the EU" or "the EEA" covered on a given day."""

from __future__ import annotations

import datetime as dt

import pytest

from notice_check import geo

EU27 = {"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT",
        "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"}
OUTERMOST_AND_ALAND = {"AX", "GF", "GP", "MF", "MQ", "RE", "YT"}


def test_uk_in_the_eu_before_brexit_not_after() -> None:
    assert "GB" in geo.expand("EU", on=dt.date(2019, 6, 1))
    assert "GB" in geo.expand("EU", on=dt.date(2020, 1, 31))
    assert "GB" not in geo.expand("EU", on=dt.date(2020, 2, 1))
    assert "GB" not in geo.expand("EU", on=dt.date(2021, 6, 1))


def test_uk_in_the_eea_until_the_end_of_the_transition() -> None:
    assert "GB" in geo.expand("EEA", on=dt.date(2020, 6, 1))
    assert "GB" in geo.expand("EEA", on=dt.date(2020, 12, 31))
    assert "GB" not in geo.expand("EEA", on=dt.date(2021, 1, 1))


def test_eu_today_is_the_27_with_their_separately_coded_parts() -> None:
    assert set(geo.expand("EU")) == EU27 | OUTERMOST_AND_ALAND
    assert set(geo.lookup("EU").countries) == EU27 | OUTERMOST_AND_ALAND


def test_eea_is_eu_plus_iceland_liechtenstein_norway() -> None:
    assert set(geo.expand("EEA")) == EU27 | OUTERMOST_AND_ALAND | {"IS", "LI", "NO"}
    assert "CH" not in geo.expand("EEA")


@pytest.mark.parametrize(
    ("group", "country", "before", "on"),
    [
        ("EU", "HR", dt.date(2013, 6, 30), dt.date(2013, 7, 1)),
        ("EU", "PL", dt.date(2004, 4, 30), dt.date(2004, 5, 1)),
        ("EU", "AT", dt.date(1994, 12, 31), dt.date(1995, 1, 1)),
        ("EEA", "HR", dt.date(2014, 4, 11), dt.date(2014, 4, 12)),
        ("EEA", "LI", dt.date(1995, 4, 30), dt.date(1995, 5, 1)),
        ("ASEAN", "TL", dt.date(2025, 10, 25), dt.date(2025, 10, 26)),
    ],
)
def test_accession_dates(group: str, country: str, before: dt.date, on: dt.date) -> None:
    assert country not in geo.expand(group, on=before)
    assert country in geo.expand(group, on=on)


def test_efta_history() -> None:
    assert set(geo.expand("EFTA")) == {"CH", "IS", "LI", "NO"}
    assert "GB" in geo.expand("EFTA", on=dt.date(1970, 1, 1))
    assert "AT" in geo.expand("EFTA", on=dt.date(1994, 12, 31))
    assert "AT" not in geo.expand("EFTA", on=dt.date(1995, 1, 1))


def test_eu_adequacy_for_the_us_follows_the_court() -> None:
    assert "US" in geo.expand("EU-adequacy", on=dt.date(2018, 1, 1))  # Privacy Shield
    assert "US" not in geo.expand("EU-adequacy", on=dt.date(2021, 1, 1))  # after Schrems II
    assert "US" in geo.expand("EU-adequacy", on=dt.date(2024, 1, 1))  # Data Privacy Framework
    assert "KR" in geo.expand("EU-adequacy", on=dt.date(2022, 1, 1))
    assert "GB" in geo.expand("EU-adequacy", on=dt.date(2022, 1, 1))


def test_europe_is_not_the_eu() -> None:
    europe = set(geo.expand("Europe"))
    assert europe >= EU27
    assert {"CH", "NO", "GB", "IS", "UA", "RS"} <= europe
    assert not {"JP", "US", "TR", "RE"} & europe
    place = geo.lookup("Europe")
    assert place.kind == "group" and place.broad


@pytest.mark.parametrize(
    ("phrase", "code", "inside", "outside"),
    [
        ("Asia", "Asia", {"JP", "CN", "IN", "SG", "SA"}, {"AU", "DE"}),
        ("APAC", "APAC", {"JP", "AU", "NZ", "IN", "SG"}, {"SA", "DE", "US"}),
        ("Asia-Pacific", "APAC", {"KR"}, {"GB"}),
        ("North America", "North America", {"US", "CA", "MX"}, {"BR"}),
        ("Latin America", "Latin America", {"MX", "BR", "AR", "CL"}, {"US", "ES"}),
        ("LATAM", "Latin America", {"CO"}, {"CA"}),
        ("Middle East", "Middle East", {"AE", "SA", "IL", "QA"}, {"IN", "GR"}),
        ("EMEA", "EMEA", {"DE", "AE", "ZA", "EG"}, {"JP", "US"}),
        ("the Nordics", "Nordics", {"SE", "NO", "DK", "FI", "IS"}, {"DE"}),
        ("Greater China", "Greater China", {"CN", "HK", "MO", "TW"}, {"JP"}),
        ("Benelux", "Benelux", {"BE", "NL", "LU"}, {"DE"}),
        ("worldwide", "World", {"US", "JP", "ZA", "XK"}, set()),
    ],
)
def test_broad_regions(phrase: str, code: str, inside: set[str], outside: set[str]) -> None:
    place = geo.lookup(phrase)
    assert place is not None and place.code == code
    members = set(geo.expand(place.code))
    assert inside <= members
    assert not outside & members


def test_broad_flag_only_on_loose_regions() -> None:
    for code in ["Europe", "Asia", "APAC", "North America", "Latin America", "Middle East", "World"]:
        assert geo.lookup(code).broad, code
    for code in ["EU", "EEA", "EFTA", "ASEAN", "Nordics"]:
        assert not geo.lookup(code).broad, code


def test_uk_and_switzerland_are_countries() -> None:
    assert geo.lookup("the UK").kind == "country"
    assert geo.lookup("Switzerland").kind == "country"


@pytest.mark.parametrize(
    ("code", "expected"),
    [("JP", ["JP"]), ("Frankfurt", ["DE"]), ("US-VA", ["US"]), ("aws:eu-central-1", ["DE"]),
     ("Korean", ["KR"]), ("the United States", ["US"]), ("gcp:EUR4", ["FI", "NL"])],
)
def test_expand_places(code: str, expected: list[str]) -> None:
    assert geo.expand(code) == expected


def test_gcp_eu_multi_region_follows_eu_membership() -> None:
    assert "GB" in geo.expand("gcp:EU", on=dt.date(2019, 6, 1))
    assert "GB" not in geo.expand("gcp:EU", on=dt.date(2021, 6, 1))


def test_expand_unknown_raises() -> None:
    with pytest.raises(geo.UnknownPlaceError, match="Atlantis"):
        geo.expand("Atlantis")
