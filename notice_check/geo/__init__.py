"""Geography: place names in notices and manifests -> ISO 3166-1 alpha-2 countries.

The catalogue (countries, demonyms, groups with membership dates, cities, states, cloud regions)
is data in `data/*.yaml`, read once per process. Everything here is a dictionary look-up.

    lookup("the United States")   -> Place("US", ("US",), "country", "United States")
    lookup("Korean")              -> Place("KR", ("KR",), "demonym", "South Korea")
    lookup("eu-central-1")        -> Place("aws:eu-central-1", ("DE",), "cloud_region", ...)
    expand("EU", on=date(2019, 6, 1))  -> [..., "GB", ...]
    cloud_region("google", "europe-west3") -> Place("gcp:europe-west3", ("DE",), ...)
    country_code("Republic of Korea") -> "KR";  country_name("KR") -> "South Korea"
"""

from __future__ import annotations

import datetime as dt
import re

from notice_check.geo._catalogue import (
    PROVIDERS,
    GeoDataError,
    Place,
    catalogue,
    group_members,
    letters,
    norm,
)

__all__ = [
    "PROVIDERS",
    "GeoDataError",
    "Place",
    "UnknownPlaceError",
    "candidates",
    "cloud_provider",
    "cloud_region",
    "country_code",
    "country_name",
    "expand",
    "gazetteer",
    "lookup",
]


class UnknownPlaceError(GeoDataError, LookupError):
    """A code handed to `expand` or `country_name` that the catalogue does not know."""


def _readings(phrase: str) -> list[Place]:
    cat = catalogue()
    text = phrase.strip()
    exact = cat.by_code.get(text)
    if ":" in text:
        provider, _, region = text.partition(":")
        place = cloud_region(provider, region)
        return [place] if place else []
    key = norm(text)
    readings = cat.index.get(key)
    if readings is None and key.endswith("."):
        readings = cat.index.get(key[:-1])
    if readings is None and key and not key.endswith("."):
        readings = cat.index.get(key + ".")
    if readings is None and key.endswith(" region"):  # "AWS Frankfurt region", "Azure West Europe region"
        readings = cat.index.get(key[: -len(" region")])
    readings = list(readings or [])
    if exact is not None and exact not in readings:
        readings.insert(0, exact)
    if not readings and text.isupper() and text.isalpha():
        # ISO codes are accepted when written as codes (upper case): "DE", "DEU"; never "de"
        a2 = text if len(text) == 2 and text in cat.names else cat.alpha3.get(text)
        if a2:
            readings.append(cat.by_code[a2])
    return readings


def _case_ok(phrase: str, place: Place) -> bool:
    cat = catalogue()
    text = phrase.strip()
    if cat.by_code.get(text) == place:
        return True
    text = _ARTICLE.sub("", text)
    key = norm(text).rstrip(".")
    exact = cat.exact.get(key) or cat.exact.get(key + ".")
    if exact and key not in cat.free and key + "." not in cat.free and letters(text) not in exact:
        return False
    if place.ambiguous:
        first = next((ch for ch in text if ch.isalpha()), "")
        return first.isupper()
    return True


_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")


def lookup(phrase: str, *, cased: bool = False) -> Place | None:
    """The place a phrase names, or None: case-, accent- and article-insensitive exact look-up.

    Accepts names, abbreviations, demonyms, group names, cities, states, cloud region codes and
    names, and the codes of Place ("JP", "EU", "US-VA", "aws:eu-central-1"). Bare ISO codes are
    accepted only in capitals ("DE", "DEU"). With `cased=True` the phrase must also be written as
    running text needs it: abbreviations in capitals ("US", not "us") and ambiguous words
    capitalised ("Chad", not "chad"); the extractor passes the matched span's text with cased=True.
    """
    readings = _readings(phrase)
    if not readings:
        return None
    place = readings[0]
    if cased and not _case_ok(phrase, place):
        return None
    return place


def candidates(phrase: str) -> tuple[Place, ...]:
    """Every reading of a phrase, the one `lookup` returns first ("Georgia": GE, then US-GA;
    "ap-southeast-3": AWS Jakarta, then Alibaba Kuala Lumpur)."""
    return tuple(_readings(phrase))


def gazetteer(*, cased: bool = False) -> dict[str, Place]:
    """Surface form -> Place, for a spaCy PhraseMatcher on the LOWER attribute.

    Default keys are lower case without a leading "the" ("united states", "eu-central-1",
    "frankfurt am main", "aws frankfurt"), with and without accents ("türkiye", "turkiye") and with
    straight and curly apostrophes. With `cased=True` the keys are the forms as written ("U.S.",
    "Washington, D.C.", "People's Republic of China"): build the patterns from those, with
    `nlp.make_doc(form)`, because spaCy's tokenizer splits "D.C." and "d.c." differently and only the
    written form tokenises like the text. Keep the longest of overlapping matches
    (`spacy.util.filter_spans`): "People's Republic of China" contains "Republic of China"
    (Taiwan), "Papua New Guinea" contains "Guinea".

    A LOWER match is only a candidate. Confirm it with `lookup(span.text, cased=True)`, which
    rejects what needs its written case:
      - one-word forms with two or more capitals: abbreviations and codes such as "US", "U.S.",
        "UK", "EU", "EEA", "UAE", "PRC", "ROK", "APAC", "LatAm", "NY" ("us", "eu" are words);
      - forms whose Place is `ambiguous` ("Chad", "Jersey", "Georgia", "Turkey", "Polish",
        "Victoria", "Santiago", "Reunion"): they need a capital and, for the extractor, a place
        context ("stored in Georgia", not "Georgia said").
    Bare cloud region codes resolve to AWS when another provider reuses the code; a provider named
    with the code ("Alibaba Cloud ap-southeast-3") is its own, longer form.
    """
    cat = catalogue()
    return cat.surface if cased else cat.gazetteer


def country_code(value: str) -> str | None:
    """ISO alpha-2 for an alpha-2 or alpha-3 code (any case), a numeric code, or a country's name.

    For structured fields (the manifest's `country:`): groups, cities and demonyms are not
    countries and give None, as does anything unknown. "UK" and "EL" (EU usage) are accepted.
    """
    cat = catalogue()
    text = value.strip()
    upper = text.upper()
    if len(text) == 2 and upper in cat.names:
        return upper
    if upper in cat.code_aliases:
        return cat.code_aliases[upper]
    if len(text) == 3 and upper in cat.alpha3:
        return cat.alpha3[upper]
    if text.isdigit() and text.zfill(3) in cat.numeric:
        return cat.numeric[text.zfill(3)]
    place = next((p for p in _readings(text) if p.kind == "country"), None)
    return place.code if place else None


def cloud_provider(name: str) -> str | None:
    """The provider id ("aws", "gcp", "azure", "alibaba", "oracle", "naver") for a name or alias."""
    return catalogue().providers.get(norm(name))


_ZONE = (re.compile(r"^(.+\d)[a-z]$"), re.compile(r"^(.+)-[a-z]$"))


def cloud_region(provider: str, region: str) -> Place | None:
    """The place of a provider's region (code, display name or city), or None if either is unknown.

    Provider aliases: aws/amazon, gcp/google, azure/microsoft, alibaba/aliyun, oracle/oci,
    naver/ncloud. Availability-zone names resolve to their region ("eu-central-1a",
    "europe-west3-b", "cn-hangzhou-h").
    """
    cat = catalogue()
    pid = cloud_provider(provider)
    if pid is None:
        return None
    keys = cat.regions[pid]
    key = norm(region)
    place = cat.region_codes[pid].get(region.strip().lower()) or keys.get(key)
    if place is None:
        for zone in _ZONE:
            match = zone.match(key)
            if match and match.group(1) in cat.region_codes[pid]:
                return cat.region_codes[pid][match.group(1)]
    return place


def expand(code: str, on: dt.date | None = None) -> list[str]:
    """ISO alpha-2 codes a region covers on a date (default today): groups by their membership
    then ("EU" on 2019-06-01 includes GB, on 2021-06-01 it does not); anything else its countries.

    `code` is a Place code ("EU", "JP", "Frankfurt", "aws:eu-central-1") or any phrase `lookup`
    knows. Raises UnknownPlaceError for anything else.
    """
    cat = catalogue()
    on = on or dt.date.today()
    if code in cat.groups:
        return group_members(cat, code, on)
    place = cat.by_code.get(code) or lookup(code)
    if place is None:
        raise UnknownPlaceError(f"unknown place or region code {code!r}")
    group = cat.place_group.get(place.code)
    if group is not None:
        return group_members(cat, group, on)
    return list(place.countries)


def country_name(code: str) -> str:
    """A friendly name for messages: "KR" -> "South Korea", "EU" -> "European Union"."""
    cat = catalogue()
    if code in cat.names:
        return cat.names[code]
    if code in cat.groups:
        return cat.groups[code].name
    place = cat.by_code.get(code)
    if place is None:
        raise UnknownPlaceError(f"unknown place or region code {code!r}")
    return place.name
