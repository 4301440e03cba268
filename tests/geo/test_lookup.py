"""Names as notices write them -> the right place, and the words that must not become places."""

from __future__ import annotations

import pycountry
import pytest

from notice_check import geo


@pytest.mark.parametrize(
    ("phrase", "code", "kind"),
    [
        ("the United States", "US", "country"),
        ("United States of America", "US", "country"),
        ("the US", "US", "country"),
        ("U.S.", "US", "country"),
        ("U.S", "US", "country"),
        ("USA", "US", "country"),
        ("the UK", "GB", "country"),
        ("Great Britain", "GB", "country"),
        ("South Korea", "KR", "country"),
        ("Republic of Korea", "KR", "country"),
        ("Korea", "KR", "country"),
        ("Korea, Republic of", "KR", "country"),
        ("North Korea", "KP", "country"),
        ("DPRK", "KP", "country"),
        ("Russia", "RU", "country"),
        ("Vietnam", "VN", "country"),
        ("Viet Nam", "VN", "country"),
        ("Taiwan", "TW", "country"),
        ("Hong Kong", "HK", "country"),
        ("Hong Kong SAR", "HK", "country"),
        ("Macau", "MO", "country"),
        ("Macao", "MO", "country"),
        ("Mainland China", "CN", "country"),
        ("the PRC", "CN", "country"),
        ("People's Republic of China", "CN", "country"),
        ("People\u2019s Republic of China", "CN", "country"),
        ("Czech Republic", "CZ", "country"),
        ("Czechia", "CZ", "country"),
        ("Türkiye", "TR", "country"),
        ("Turkiye", "TR", "country"),
        ("Turkey", "TR", "country"),
        ("the Netherlands", "NL", "country"),
        ("Holland", "NL", "country"),
        ("UAE", "AE", "country"),
        ("United Arab Emirates", "AE", "country"),
        ("Ivory Coast", "CI", "country"),
        ("Côte d'Ivoire", "CI", "country"),
        ("Cote d\u2019Ivoire", "CI", "country"),
        ("Switzerland", "CH", "country"),
        ("Norway", "NO", "country"),
        ("Eswatini", "SZ", "country"),
        ("Swaziland", "SZ", "country"),
        ("The Gambia", "GM", "country"),
        ("Bosnia & Herzegovina", "BA", "country"),
        ("St. Lucia", "LC", "country"),
        ("Saint Kitts and Nevis", "KN", "country"),
        ("Kosovo", "XK", "country"),
        ("  the   united   STATES ", "US", "country"),
        ("DE", "DE", "country"),
        ("DEU", "DE", "country"),
    ],
)
def test_country_names(phrase: str, code: str, kind: str) -> None:
    place = geo.lookup(phrase)
    assert place is not None, phrase
    assert (place.code, place.kind) == (code, kind)
    assert place.countries == (code,)


@pytest.mark.parametrize(
    ("phrase", "code", "countries"),
    [
        ("Japanese", "JP", ("JP",)),
        ("Korean", "KR", ("KR",)),
        ("South Korean", "KR", ("KR",)),
        ("North Korean", "KP", ("KP",)),
        ("American", "US", ("US",)),
        ("British", "GB", ("GB",)),
        ("Dutch", "NL", ("NL",)),
        ("Swiss", "CH", ("CH",)),
        ("Chinese", "CN", ("CN",)),
        ("Taiwanese", "TW", ("TW",)),
        ("Emirati", "AE", ("AE",)),
        ("Filipino", "PH", ("PH",)),
        ("Vietnamese", "VN", ("VN",)),
        ("Indian", "IN", ("IN",)),
        ("Irish", "IE", ("IE",)),
    ],
)
def test_demonyms_map_to_countries(phrase: str, code: str, countries: tuple[str, ...]) -> None:
    place = geo.lookup(phrase)
    assert place is not None
    assert (place.code, place.kind, place.countries) == (code, "demonym", countries)


def test_european_is_europe_not_the_eu() -> None:
    european = geo.lookup("European")
    assert european is not None and european.kind == "demonym"
    assert european.code == "Europe" and european.broad
    assert {"CH", "NO", "GB", "UA"} <= set(european.countries)
    eu = geo.lookup("European Union")
    assert eu is not None and eu.code == "EU" and not eu.broad
    assert "CH" not in eu.countries and "NO" not in eu.countries


@pytest.mark.parametrize(
    ("phrase", "code", "kind", "country"),
    [
        ("Frankfurt", "Frankfurt", "city", "DE"),
        ("Frankfurt am Main", "Frankfurt", "city", "DE"),
        ("Dublin", "Dublin", "city", "IE"),
        ("Zürich", "Zurich", "city", "CH"),
        ("Zurich", "Zurich", "city", "CH"),
        ("Bengaluru", "Bangalore", "city", "IN"),
        ("Bangalore", "Bangalore", "city", "IN"),
        ("Chuncheon", "Chuncheon", "city", "KR"),
        ("Busan", "Busan", "city", "KR"),
        ("Ho Chi Minh City", "Ho Chi Minh City", "city", "VN"),
        ("Saigon", "Ho Chi Minh City", "city", "VN"),
        ("Sao Paulo", "São Paulo", "city", "BR"),
        ("São Paulo", "São Paulo", "city", "BR"),
        ("The Hague", "The Hague", "city", "NL"),
        ("Tel-Aviv", "Tel Aviv", "city", "IL"),
        ("Montréal", "Montreal", "city", "CA"),
        ("Kuala Lumpur", "Kuala Lumpur", "city", "MY"),
        ("Johor", "MY-01", "state", "MY"),
        ("Virginia", "US-VA", "state", "US"),
        ("N. Virginia", "US-VA", "state", "US"),
        ("Northern Virginia", "US-VA", "state", "US"),
        ("Oregon", "US-OR", "state", "US"),
        ("Ohio", "US-OH", "state", "US"),
        ("California", "US-CA", "state", "US"),
        ("Iowa", "US-IA", "state", "US"),
        ("Silicon Valley", "US-CA", "state", "US"),
        ("State of Georgia", "US-GA", "state", "US"),
        ("Scotland", "GB-SCT", "state", "GB"),
        ("Bavaria", "DE-BY", "state", "DE"),
        ("Ningxia", "CN-NX", "state", "CN"),
    ],
)
def test_cities_and_states(phrase: str, code: str, kind: str, country: str) -> None:
    place = geo.lookup(phrase)
    assert place is not None, phrase
    assert (place.code, place.kind, place.countries) == (code, kind, (country,))


def test_city_catalogue_is_large_enough() -> None:
    cities = {p.code for p in geo.gazetteer().values() if p.kind == "city"}
    assert len(cities) >= 150


@pytest.mark.parametrize(
    "word", ["Chad", "Jersey", "Guinea", "Turkey", "Niger", "Jordan", "Mali", "Oman", "Togo", "Peru",
             "Panama", "Georgia", "Polish", "Victoria", "Santiago", "Reunion", "Congo"],
)
def test_words_that_are_also_common_words_are_ambiguous(word: str) -> None:
    place = geo.lookup(word)
    assert place is not None and place.ambiguous, word
    assert geo.lookup(word, cased=True) is not None
    assert geo.lookup(word.lower(), cased=True) is None


@pytest.mark.parametrize("phrase", ["Türkiye", "Republic of Georgia", "Japan", "China", "Germany", "Frankfurt"])
def test_unambiguous_names_are_not_flagged(phrase: str) -> None:
    place = geo.lookup(phrase)
    assert place is not None and not place.ambiguous
    assert geo.lookup(phrase.lower(), cased=True) == place


def test_georgia_has_two_readings_country_first() -> None:
    readings = geo.candidates("Georgia")
    assert [(p.code, p.kind) for p in readings[:2]] == [("GE", "country"), ("US-GA", "state")]
    assert readings[0].ambiguous
    atlanta = geo.lookup("Georgia, USA")
    assert atlanta is not None and atlanta.countries == ("US",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("US", "US"), ("U.S.", "US"), ("the US", "US"), ("us", None), ("Us", None), ("EU", "EU"),
     ("eu", None), ("UK", "GB"), ("uk", None), ("EEA", "EEA"), ("APAC", "APAC"), ("apac", None),
     ("united states", "US"), ("UNITED STATES", "US"), ("CHAD", "TD")],
)
def test_cased_lookup_keeps_abbreviations_in_capitals(text: str, expected: str | None) -> None:
    place = geo.lookup(text, cased=True)
    assert (place.code if place else None) == expected
    assert geo.lookup(text) is not None  # case-insensitive look-up still finds it


def test_iso_codes_only_in_capitals() -> None:
    assert geo.lookup("IN") is not None and geo.lookup("IN").code == "IN"
    assert geo.lookup("in") is None
    assert geo.lookup("de") is None
    assert geo.lookup("and") is None  # Andorra's alpha-3, lower case


def test_unknown_phrases() -> None:
    for phrase in ["", "   ", "Atlantis", "our servers", "worldwide-ish"]:
        assert geo.lookup(phrase) is None


def test_every_iso_country_is_found_by_its_names_and_codes() -> None:
    for country in pycountry.countries:
        for name in {country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)}:
            if name:
                place = geo.lookup(name)
                assert place is not None and country.alpha_2 in place.countries, name
        assert geo.country_code(country.alpha_2) == country.alpha_2
        assert geo.country_code(country.alpha_3.lower()) == country.alpha_2
        assert geo.country_code(country.numeric) == country.alpha_2


@pytest.mark.parametrize(
    ("value", "code"),
    [("JP", "JP"), ("jp", "JP"), ("JPN", "JP"), ("392", "JP"), ("Japan", "JP"), ("UK", "GB"),
     ("EL", "GR"), ("United Kingdom", "GB"), ("Republic of Korea", "KR"), ("Korea", "KR"),
     ("South Korea", "KR"), ("the Netherlands", "NL"), ("Türkiye", "TR"), ("XK", "XK"),
     ("EU", None), ("Europe", None), ("Frankfurt", None), ("Korean", None), ("ZZ", None), ("", None)],
)
def test_country_code(value: str, code: str | None) -> None:
    assert geo.country_code(value) == code


@pytest.mark.parametrize(
    ("code", "name"),
    [("KR", "South Korea"), ("KP", "North Korea"), ("US", "United States"), ("GB", "United Kingdom"),
     ("TW", "Taiwan"), ("VN", "Vietnam"), ("RU", "Russia"), ("IR", "Iran"), ("MO", "Macau"),
     ("CZ", "Czechia"), ("EU", "European Union"), ("EEA", "European Economic Area"),
     ("aws:eu-central-1", "AWS eu-central-1: Europe (Frankfurt)"), ("US-VA", "Virginia")],
)
def test_country_name(code: str, name: str) -> None:
    assert geo.country_name(code) == name


def test_country_name_of_unknown_code_raises() -> None:
    with pytest.raises(geo.UnknownPlaceError, match="ZZ"):
        geo.country_name("ZZ")


def test_place_codes_round_trip() -> None:
    """Every Place's code looks up to that place again (the comparator stores codes)."""
    for place in set(geo.gazetteer().values()):
        again = geo.lookup(place.code)
        assert again is not None and again.code == place.code, place.code
        assert geo.expand(place.code)
