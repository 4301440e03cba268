"""The cloud catalogue against outside sources: botocore (required) and research tables (optional).

botocore is the AWS SDK's own list of regions: every region it knows must resolve. The tables under
../shared/corpora/cloud-regions/ are third-party research data (not shipped); they are only read
here, to find regions our catalogue lacks, and the test skips when they are absent.
"""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path

import pytest

from notice_check import geo

botocore_loaders = pytest.importorskip("botocore.loaders", reason="botocore (test extra) is not installed")
botocore_exceptions = pytest.importorskip("botocore.exceptions")

# a region code inside an endpoint key such as "fips-us-gov-west-1" or "bedrock-runtime-eu-west-3"
_REGION_IN_KEY = re.compile(r"(?<![a-z])(?:us|eu|eusc|ap|sa|ca|me|af|il|mx|cn)(?:-[a-z]+)+-\d+(?![\d])")


def _botocore_regions() -> dict[str, str]:
    """Region code -> description, from the endpoints data and (when present) the partitions data."""
    loader = botocore_loaders.create_loader()
    regions: dict[str, str] = {}
    for name in ("endpoints", "partitions"):
        try:
            data = loader.load_data(name)
        except botocore_exceptions.DataNotFoundError:
            continue
        for partition in data["partitions"]:
            for region, info in partition.get("regions", {}).items():
                regions.setdefault(region, (info or {}).get("description", ""))
            for service in partition.get("services", {}).values():
                for key in service.get("endpoints", {}):
                    for match in _REGION_IN_KEY.finditer(key):
                        regions.setdefault(match.group(0), "")
    return regions


def test_every_botocore_region_is_catalogued() -> None:
    regions = _botocore_regions()
    assert len(regions) >= 35
    missing = sorted(r for r in regions if geo.cloud_region("aws", r) is None)
    assert not missing, f"AWS regions in botocore but not in data/cloud/aws.yaml: {missing}"


def test_botocore_descriptions_agree_with_our_countries() -> None:
    """'Asia Pacific (Taipei)' must be in Taiwan: the place in brackets resolves to our country."""
    checked = 0
    for region, description in _botocore_regions().items():
        match = re.search(r"\(([^)]+)\)", description)
        if not match:
            continue
        place = geo.lookup(match.group(1))
        if place is None or place.kind == "group":
            continue
        ours = geo.cloud_region("aws", region)
        assert ours is not None
        assert set(place.countries) <= set(ours.countries), (region, description, ours.countries)
        checked += 1
    assert checked >= 30


CORPUS = Path(os.environ.get("NOTICE_CHECK_CLOUD_CORPUS",
                             Path(__file__).resolve().parents[3] / "shared/corpora/cloud-regions"))

# Rows of the research tables we knowingly disagree with, and why.
KNOWN_DISAGREEMENTS = {
    ("aws", "ap-east-2"): "botocore describes ap-east-2 as Asia Pacific (Taipei)",
    ("alibaba", "me-east-1"): "Alibaba's me-east-1 is Dubai; Riyadh is me-central-1",
}
# The tables file Hong Kong and Macau under China; ISO 3166-1 and notices keep them apart.
_SAME = {"CN": {"CN", "HK", "MO"}}


def _corpus_rows() -> list[tuple[str, str, str, str]]:
    """(table, provider, region, country alpha-2) for each row that names a region and a country."""
    if not CORPUS.is_dir():
        pytest.skip(f"research tables not found at {CORPUS}; set NOTICE_CHECK_CLOUD_CORPUS to run this check")
    rows = []
    for provider in ("aws", "azure", "gcp", "oracle"):
        path = CORPUS / "dgl-cloud-regions" / provider / "data.csv"
        if path.is_file():
            with path.open(encoding="utf-8") as handle:
                for row in csv.DictReader(handle):
                    tld = (row.get("country_tld") or "").strip().upper()
                    if row.get("region") and tld:
                        rows.append((path.name, provider, row["region"], {"UK": "GB"}.get(tld, tld)))
    names = {"Amazon Web Services": "aws", "Microsoft Azure": "azure", "Google Cloud": "gcp",
             "Oracle Cloud": "oracle", "Alibaba Cloud": "alibaba"}
    path = CORPUS / "agonza05-cloudregioncodes" / "regions.derived.csv"
    if path.is_file():
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                provider = names.get(row.get("provider", ""))
                region = (row.get("region") or "").strip()
                if provider and region and region != "null":
                    code = geo.country_code(row.get("country") or "")
                    assert code is not None, f"country name we cannot read: {row.get('country')!r}"
                    rows.append((path.name, provider, region, code))
    if not rows:
        pytest.skip(f"no readable tables in {CORPUS}")
    return rows


@pytest.mark.parametrize("provider", ["aws", "gcp", "azure", "oracle", "alibaba"])
def test_research_tables_find_no_gaps(provider: str) -> None:
    problems = []
    for table, prov, region, country in _corpus_rows():
        if prov != provider or (prov, region) in KNOWN_DISAGREEMENTS:
            continue
        place = geo.cloud_region(prov, region)
        if place is None:
            problems.append(f"{table}: {region} missing")
        elif not set(place.countries) & _SAME.get(country, {country}):
            problems.append(f"{table}: {region} is {country} there, {place.countries} here")
    print(f"{provider}: checked against {CORPUS}")
    assert not problems, "\n".join(problems)
