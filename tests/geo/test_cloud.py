"""Cloud regions: provider aliases, codes, human names, zones, multi-regions."""

from __future__ import annotations

import pytest

from notice_check import geo


@pytest.mark.parametrize(
    ("provider", "region", "code", "countries"),
    [
        ("aws", "eu-central-1", "aws:eu-central-1", ("DE",)),
        ("amazon", "ap-south-1", "aws:ap-south-1", ("IN",)),
        ("AWS", "ap-northeast-2", "aws:ap-northeast-2", ("KR",)),
        ("aws", "eu-central-1a", "aws:eu-central-1", ("DE",)),
        ("aws", "Frankfurt", "aws:eu-central-1", ("DE",)),
        ("aws", "Europe (Frankfurt)", "aws:eu-central-1", ("DE",)),
        ("aws", "N. Virginia", "aws:us-east-1", ("US",)),
        ("aws", "cn-northwest-1", "aws:cn-northwest-1", ("CN",)),
        ("aws", "us-gov-west-1", "aws:us-gov-west-1", ("US",)),
        ("aws", "aws-global", "aws:aws-global", ("US",)),
        ("gcp", "europe-west3", "gcp:europe-west3", ("DE",)),
        ("google", "asia-northeast1", "gcp:asia-northeast1", ("JP",)),
        ("Google Cloud", "europe-west3-b", "gcp:europe-west3", ("DE",)),
        ("gcp", "EUROPE-WEST4", "gcp:europe-west4", ("NL",)),
        ("gcp", "us", "gcp:US", ("US",)),
        ("gcp", "nam4", "gcp:NAM4", ("US",)),
        ("gcp", "EUR4", "gcp:EUR4", ("FI", "NL")),
        ("azure", "westeurope", "azure:westeurope", ("NL",)),
        ("microsoft", "West Europe", "azure:westeurope", ("NL",)),
        ("azure", "northeurope", "azure:northeurope", ("IE",)),
        ("azure", "koreacentral", "azure:koreacentral", ("KR",)),
        ("azure", "chinanorth2", "azure:chinanorth2", ("CN",)),
        ("alibaba", "cn-hangzhou", "alibaba:cn-hangzhou", ("CN",)),
        ("aliyun", "ap-southeast-3", "alibaba:ap-southeast-3", ("MY",)),
        ("alibaba", "cn-hongkong", "alibaba:cn-hongkong", ("HK",)),
        ("alibaba", "cn-hangzhou-h", "alibaba:cn-hangzhou", ("CN",)),
        ("oracle", "eu-frankfurt-1", "oracle:eu-frankfurt-1", ("DE",)),
        ("oci", "ap-chuncheon-1", "oracle:ap-chuncheon-1", ("KR",)),
        ("naver", "KR", "naver:KR", ("KR",)),
        ("ncloud", "JPN", "naver:JPN", ("JP",)),
        ("ncloud", "SGN", "naver:SGN", ("SG",)),
        ("naver", "USWN", "naver:USWN", ("US",)),
        ("naver", "DEN", "naver:DEN", ("DE",)),
        ("naver", "HK", "naver:HK", ("HK",)),
    ],
)
def test_cloud_region(provider: str, region: str, code: str, countries: tuple[str, ...]) -> None:
    place = geo.cloud_region(provider, region)
    assert place is not None, (provider, region)
    assert (place.code, place.kind, place.countries) == (code, "cloud_region", countries)


def test_gcp_eu_multi_region_is_the_eu() -> None:
    place = geo.cloud_region("gcp", "EU")
    assert set(place.countries) == set(geo.expand("EU"))
    asia = geo.cloud_region("gcp", "asia")
    assert asia.broad and "JP" in asia.countries


@pytest.mark.parametrize(("provider", "region"), [("aws", "eu-central-9"), ("aws", "westeurope"),
                                                  ("linode", "eu-central"), ("gcp", ""), ("", "eu-central-1")])
def test_unknown_provider_or_region(provider: str, region: str) -> None:
    assert geo.cloud_region(provider, region) is None


def test_provider_aliases() -> None:
    for alias, provider in [("aws", "aws"), ("Amazon Web Services", "aws"), ("GCP", "gcp"), ("google", "gcp"),
                            ("Azure", "azure"), ("microsoft", "azure"), ("Alibaba Cloud", "alibaba"),
                            ("aliyun", "alibaba"), ("Oracle", "oracle"), ("OCI", "oracle"), ("Naver", "naver"),
                            ("ncloud", "naver")]:
        assert geo.cloud_provider(alias) == provider
    assert geo.cloud_provider("hetzner") is None


@pytest.mark.parametrize(
    ("phrase", "code", "country"),
    [
        ("eu-central-1", "aws:eu-central-1", "DE"),
        ("AWS ap-south-1", "aws:ap-south-1", "IN"),
        ("AWS Frankfurt", "aws:eu-central-1", "DE"),
        ("AWS Frankfurt region", "aws:eu-central-1", "DE"),
        ("Azure West Europe region", "azure:westeurope", "NL"),
        ("Google Cloud asia-northeast1 region", "gcp:asia-northeast1", "JP"),
        ("Amazon Web Services Tokyo", "aws:ap-northeast-1", "JP"),
        ("Azure West Europe", "azure:westeurope", "NL"),
        ("westeurope", "azure:westeurope", "NL"),
        ("Google Cloud asia-northeast1", "gcp:asia-northeast1", "JP"),
        ("europe-west3", "gcp:europe-west3", "DE"),
        ("GCP Frankfurt", "gcp:europe-west3", "DE"),
        ("OCI Chuncheon", "oracle:ap-chuncheon-1", "KR"),
        ("Naver Cloud Japan", "naver:JPN", "JP"),
        ("Alibaba Cloud ap-southeast-3", "alibaba:ap-southeast-3", "MY"),
        ("ap-southeast-3", "aws:ap-southeast-3", "ID"),  # bare codes read as AWS
        ("cn-hangzhou", "alibaba:cn-hangzhou", "CN"),
        ("aws:eu-central-1", "aws:eu-central-1", "DE"),
    ],
)
def test_region_names_in_text(phrase: str, code: str, country: str) -> None:
    place = geo.lookup(phrase, cased=True)
    assert place is not None, phrase
    assert (place.code, place.countries) == (code, (country,))


def test_reused_codes_list_every_reading() -> None:
    readings = geo.candidates("ap-southeast-3")
    assert [p.code for p in readings] == ["aws:ap-southeast-3", "alibaba:ap-southeast-3"]
    assert [p.countries for p in readings] == [("ID",), ("MY",)]


def test_region_cities_are_catalogued_in_the_same_country() -> None:
    """Every city a region file names is a known city of the region's country (catches data typos)."""
    checked = 0
    for provider in geo.PROVIDERS:
        data = geo._catalogue._load(f"cloud/{provider}.yaml")
        for region, spec in data["regions"].items():
            if not spec.get("city"):
                continue
            place = geo.lookup(spec["city"])
            assert place is not None and place.kind in ("city", "country"), (provider, region, spec["city"])
            countries = spec.get("country")
            countries = countries if isinstance(countries, list) else [countries]
            assert set(place.countries) <= set(countries), (provider, region, spec["city"])
            checked += 1
    assert checked > 150


def test_region_counts() -> None:
    counts = geo._catalogue.catalogue().counts
    assert counts["regions.aws"] >= 50
    assert counts["regions.gcp"] >= 40
    assert counts["regions.azure"] >= 60
    assert counts["regions.oracle"] >= 40
    assert counts["regions.alibaba"] >= 25
    assert counts["regions.naver"] >= 6
