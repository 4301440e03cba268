"""Loading manifests: records with their lines, YAML/JSON parity, and one file:line error per problem."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from notice_check.errors import ManifestError
from notice_check.manifest import (
    Manifest,
    load_manifest,
    loads_manifest,
    summarize,
    validate_manifest,
)

FIXTURES = Path(__file__).parent / "fixtures"
FULL_YAML = FIXTURES / "valid" / "full.yaml"
FULL_JSON = FIXTURES / "valid" / "full.json"
INVALID = FIXTURES / "invalid"
SECTIONS = ("categories", "entities", "locations", "stores", "accesses", "disclosures")


def yaml_record_line(path: Path, key: str) -> int:
    """The line where the record with this key starts, read from the text independently of the loader."""
    pattern = re.compile(rf"^\s*-\s+(?:\{{\s*)?key:\s*{re.escape(key)}\s*(?:[,}}]|$)")
    for n, line in enumerate(path.read_text().splitlines(), 1):
        if pattern.match(line):
            return n
    raise AssertionError(f"no record {key} in {path}")


def json_record_line(path: Path, key: str) -> int:
    lines = path.read_text().splitlines()
    for n, line in enumerate(lines):
        if f'"key": "{key}"' in line:
            while not lines[n].rstrip().endswith("{"):
                n -= 1
            return n + 1
    raise AssertionError(f"no record {key} in {path}")


def strip_lines(data):
    if isinstance(data, dict):
        return {k: strip_lines(v) for k, v in data.items() if k != "line"}
    if isinstance(data, list):
        return [strip_lines(v) for v in data]
    return data


# ------------------------------------------------------------------ the full example


@pytest.fixture(scope="module")
def full() -> Manifest:
    return load_manifest(FULL_YAML)


def test_full_manifest_loads_every_section(full):
    assert summarize(full) == {"categories": 5, "entities": 7, "locations": 4, "stores": 6, "accesses": 3,
                               "disclosures": 3}
    assert full.manifest_version == 1
    assert full.organization.name == "Example Messaging Corp."
    assert full.organization.country == "JP"
    assert str(full.as_of) == "2021-03-01"
    assert (full.coverage.stores, full.coverage.accesses, full.coverage.disclosures) == (
        "complete", "complete", "partial")
    assert full.source == str(FULL_YAML)
    assert full.sha256 == hashlib.sha256(FULL_YAML.read_bytes()).hexdigest()
    assert full.info()["organization"] == "Example Messaging Corp."


@pytest.mark.parametrize("section", SECTIONS[1:])
def test_every_record_has_its_line(full, section):
    for rec in getattr(full, section):
        assert rec.line == yaml_record_line(FULL_YAML, rec.key), (section, rec.key)


def test_category_extension_lines(full):
    assert [c.line for c in full.categories] == [
        yaml_record_line(FULL_YAML, c.key) for c in full.categories]


def test_store_fields(full):
    media = full.store("talk_media")
    assert media.location == "kr_dc"
    assert media.categories == ["user.content.private.message.media"]
    assert (media.encryption.at_rest, media.encryption.in_transit, media.encryption.end_to_end) == (
        True, True, False)
    assert (media.retention, media.retention_days, media.retention_indefinite) == ("P30D", 30, False)
    assert media.evidence == [{"source": "terraform", "ref": "module.media.bucket"}]
    accounts = full.store("accounts")
    assert (accounts.retention_days, accounts.retention_indefinite) == (None, True)
    assert full.store("reports").retention_days == 90
    assert full.store("server_logs").retention_days == 180
    assert full.store("notes").retention_days == 365
    assert full.store("talk_text").replicas == ["aws_tokyo"]


def test_cloud_regions_resolve_to_countries(full):
    tokyo, frankfurt = full.place("aws_tokyo"), full.place("aws_frankfurt")
    assert (tokyo.provider, tokyo.region, tokyo.country) == ("aws", "ap-northeast-1", "JP")
    assert frankfurt.country == "DE"
    assert full.place("kr_dc").countries == ["KR"]
    assert full.store_countries(full.store("talk_text")) == ["JP"]  # location JP + replica in AWS Tokyo
    assert full.store_countries(full.store("notes")) == ["DE"]


REGION_CASES = [
    # provider, region as written -> provider id, canonical region, country, countries
    ("aws", "eu-west-1", "aws", "eu-west-1", "IE", ["IE"]),
    ("aws", "ap-south-1", "aws", "ap-south-1", "IN", ["IN"]),
    ("Amazon", "eu-central-1a", "aws", "eu-central-1", "DE", ["DE"]),  # alias and availability zone
    ("gcp", "europe-west3", "gcp", "europe-west3", "DE", ["DE"]),
    ("azure", "Japan East", "azure", "japaneast", "JP", ["JP"]),
    ("naver", "KR", "naver", "KR", "KR", ["KR"]),
]


@pytest.mark.parametrize(("provider", "region", "pid", "canonical", "country", "countries"), REGION_CASES)
def test_cloud_region_resolution(provider, region, pid, canonical, country, countries):
    m = loads_manifest(f"manifest_version: 1\nlocations:\n  - {{key: r, provider: {provider}, region: {region}}}\n")
    place = m.place("r")
    assert (place.provider, place.region, place.country, place.countries) == (pid, canonical, country, countries)


def test_multi_region_keeps_every_country_and_no_single_country():
    m = loads_manifest("manifest_version: 1\nlocations:\n  - {key: eu, provider: gcp, region: EU}\n"
                       "stores:\n  - {key: s, location: eu}\n")
    place = m.place("eu")
    assert place.country is None
    assert {"DE", "FR", "NL", "IE"} <= set(place.countries)
    assert "US" not in place.countries
    assert set(m.store_countries(m.store("s"))) == set(place.countries)


def test_country_given_with_region_must_agree_and_is_kept():
    m = loads_manifest("manifest_version: 1\nlocations:\n  - {key: r, provider: aws, region: eu-west-1, "
                       "country: IE}\n")
    assert m.place("r").country == "IE"


def test_unknown_cloud_provider(tmp_path):
    with pytest.raises(ManifestError) as info:
        loads_manifest("manifest_version: 1\nlocations:\n  - key: r\n    provider: hetzner-ish\n"
                       "    region: fsn1\n", source="infra.yaml")
    assert str(info.value) == "infra.yaml:4: locations[0] (r): unknown cloud provider 'hetzner-ish'"


def test_country_names_and_alpha3_normalise_to_alpha2():
    m = loads_manifest("manifest_version: 1\nentities:\n  - {key: a, country: Japan}\n  - {key: b, country: kor}\n")
    assert [e.country for e in m.entities] == ["JP", "KR"]


def test_disclosure_and_access_fields(full):
    ads = next(d for d in full.disclosures if d.key == "ads")
    police = next(d for d in full.disclosures if d.key == "police")
    hosting = next(d for d in full.disclosures if d.key == "hosting")
    assert (ads.sale, police.sale, hosting.sale) == ("unknown", False, False)
    assert police.trigger == "legal_process"
    moderation = next(a for a in full.accesses if a.key == "moderation")
    assert moderation.categories == []
    assert full.access_categories(moderation) == ["user.content.private.report", "user.content.public"]
    assert full.entity("mod_vendor").relationship == "sub_processor"


def test_manifest_taxonomy_knows_extensions_and_aliases(full):
    tx = full.taxonomy()
    assert tx.known("user.content.private.message.media")
    assert tx.covers("user.content.private", "user.content.private.message.media")
    assert tx.covers("user.content.private.message", "user.content.private.message.media")
    assert tx.categories_for("photos and videos sent in chats") == ["user.content.private.message.media"]
    assert tx.categories_for("your notes") == ["user.content.private.notes"]
    assert tx.categories_for("connection addresses") == ["user.device.ip_address"]
    # a manifest built in code gets the same taxonomy lazily
    rebuilt = Manifest(categories=full.categories)
    assert rebuilt.taxonomy().categories_for("chat media") == ["user.content.private.message.media"]


def test_json_equivalent_loads_same_records_with_json_lines(full):
    js = load_manifest(FULL_JSON)
    assert strip_lines(js.model_dump(exclude={"source", "sha256"})) == strip_lines(
        full.model_dump(exclude={"source", "sha256"}))
    for section in SECTIONS[1:]:
        for rec in getattr(js, section):
            assert rec.line == json_record_line(FULL_JSON, rec.key), (section, rec.key)
    assert js.sha256 != full.sha256


def test_loads_manifest_from_text():
    m = loads_manifest("manifest_version: 1\nlocations:\n  - {key: x, country: kr}\n", source="inline.yaml")
    assert m.place("x").country == "KR"
    assert m.place("x").line == 3
    j = loads_manifest(json.dumps({"manifest_version": 1, "locations": [{"key": "x", "country": "KR"}]}),
                       fmt="json")
    assert j.place("x").country == "KR"


def test_extra_fields_are_kept_and_x_sections_allowed():
    m = loads_manifest(
        "manifest_version: 1\nx-owner: privacy-team\n"
        "locations:\n  - {key: x, country: JP, kind: datacenter}\n")
    assert m.place("x").model_extra == {"kind": "datacenter"}


def test_coverage_defaults_and_shorthand():
    assert loads_manifest("manifest_version: 1\n").coverage.stores == "partial"
    m = loads_manifest("manifest_version: 1\ncoverage: complete\n")
    assert (m.coverage.stores, m.coverage.accesses, m.coverage.disclosures) == ("complete",) * 3


# ------------------------------------------------------------------ one fixture per violation

INVALID_CASES = [
    ("yaml_syntax.yaml", 4, "YAML syntax error: expected ',' or '}'"),
    ("yaml_duplicate_key.yaml", 5, "duplicate key 'country'"),
    ("top_not_mapping.yaml", 1, "a manifest must be a mapping of sections"),
    ("version_missing.yaml", 1, "manifest_version is missing"),
    ("version_wrong.yaml", 2, "manifest_version must be 1, got 2"),
    ("unknown_top_level.yaml", 4, "unknown top-level key 'store' (did you mean 'stores'?)"),
    ("duplicate_record_key.yaml", 7, "stores[2] (accounts): duplicate key 'accounts' in stores "
                                     "(first declared on line 5)"),
    ("store_location_undeclared.yaml", 15,
     "stores[2] (talk_media): location 'kr_dcx' is not declared in locations"),
    ("store_location_missing.yaml", 5, "stores[0] (accounts): location is missing"),
    ("store_replica_undeclared.yaml", 9, "stores[0] (accounts): replicas[1] 'us_backup' is not declared in "
                                         "locations"),
    ("access_accessor_undeclared.yaml", 9,
     "accesses[0] (dev): accessor 'sh_dev' is not declared in entities"),
    ("access_store_undeclared.yaml", 11, "accesses[0] (dev): store 'acounts' is not declared in stores "
                                         "(did you mean 'accounts'?)"),
    ("disclosure_recipient_undeclared.yaml", 6,
     "disclosures[1] (ads): recipient 'ad_partner' is not declared in entities"),
    ("location_operator_undeclared.yaml", 7, "locations[0] (kr_dc): operator 'navre' is not declared in "
                                             "entities (did you mean 'naver'?)"),
    ("bad_country.yaml", 5, "entities[0] (naver): country 'ZZ' is not an ISO 3166-1 alpha-2 country code"),
    ("unknown_region.yaml", 4,
     "locations[1] (aws_nowhere): unknown region 'ap-northeast-9' for provider 'aws'"),
    ("region_without_provider.yaml", 3, "locations[0] (tokyo): provider is missing"),
    ("location_without_place.yaml", 4, "locations[1] (somewhere): a location needs a country, or a provider "
                                       "and region"),
    ("country_region_mismatch.yaml", 6, "locations[0] (aws_tokyo): country KR does not match aws "
                                        "ap-northeast-1 (JP)"),
    ("bad_duration.yaml", 8, "stores[0] (logs): retention '30 days' is not a duration"),
    ("unknown_category.yaml", 9, "stores[0] (accounts): unknown data category 'user.contct.email' "
                                 "(did you mean 'user.contact.email'?)"),
    ("extension_unknown_parent.yaml", 5, "categories[1] (user.content.private.message.media): parent "
                                         "'user.content.privat.message' is not a fideslang category"),
    ("extension_missing_parent.yaml", 3, "categories[0] (user.content.private.notes): parent is missing"),
    ("extension_bad_aliases.yaml", 5, "categories[0] (user.content.private.notes): aliases must be a list"),
    ("bad_relationship.yaml", 4, "entities[1] (vendor): relationship 'contractor' is not one of self, "
                                 "affiliate, processor"),
    ("bad_sale.yaml", 8, "disclosures[0] (ads): sale must be true, false or unknown, got 'yes'"),
    ("bad_trigger.yaml", 5,
     "disclosures[0] (police): trigger 'subpoena' is not one of legal_process, voluntary"),
    ("bad_coverage.yaml", 4, "coverage.accesses must be 'complete' or 'partial', got 'full'"),
    ("coverage_unknown_section.yaml", 2, "coverage: unknown section 'storage' (did you mean 'stores'?)"),
    ("bad_as_of.yaml", 3, "as_of must be a date like 2021-03-01, got 'March 2021'"),
    ("organization_no_name.yaml", 2, "organization.name is missing"),
    ("field_typo.yaml", 7, "stores[0] (accounts): unknown field 'categores' (did you mean 'categories'?)"),
    ("encryption_unknown_field.yaml", 8, "stores[0] (talk): unknown encryption field 'e2e' "
                                         "(did you mean 'end_to_end'?)"),
    ("encryption_not_bool.yaml", 8, "stores[0] (talk): encryption.at_rest must be true or false, got 'yes'"),
    ("record_without_key.yaml", 4, "locations[1]: key is missing"),
    ("section_not_list.yaml", 2, "locations must be a list of records, got a mapping"),
    ("loader_field.yaml", 5, "stores[0] (logs): field 'retention_days' is set by the loader"),
    ("json_syntax.json", 5, "JSON syntax error: Expecting value"),
    ("json_duplicate_key.json", 6, "duplicate key 'country' in the object starting on line 4"),
    ("json_reference.json", 9, "stores[0] (talk_media): location 'kr_dc' is not declared in locations"),
    ("empty.yaml", None, "manifest is empty"),
]


@pytest.mark.parametrize(("name", "line", "fragment"), INVALID_CASES, ids=[c[0] for c in INVALID_CASES])
def test_invalid_fixture_reports_file_line_and_problem(name, line, fragment):
    path = INVALID / name
    with pytest.raises(ManifestError) as info:
        load_manifest(path)
    err = info.value
    assert err.source == str(path)
    assert err.line == line
    assert fragment in err.message
    rendered = str(err)
    assert "\n" not in rendered
    prefix = f"{path}:{line}: " if line is not None else f"{path}: "
    assert rendered.startswith(prefix)
    assert err.exit_code == 2
    # validate_manifest agrees and reports exactly this one problem
    problems = validate_manifest(path)
    assert [(p.line, p.message) for p in problems] == [(err.line, err.message)]


def test_every_invalid_fixture_is_covered():
    assert {p.name for p in INVALID.iterdir()} == {c[0] for c in INVALID_CASES} | {"several_problems.yaml"}


def test_spec_example_message_renders_exactly(tmp_path):
    path = INVALID / "store_location_undeclared.yaml"
    with pytest.raises(ManifestError) as info:
        load_manifest(path)
    assert str(info.value) == (f"{path}:15: stores[2] (talk_media): location 'kr_dcx' is not declared in "
                               "locations (did you mean 'kr_dc'?)")


def test_several_problems_all_listed_first_raised():
    path = INVALID / "several_problems.yaml"
    problems = validate_manifest(path)
    assert [p.line for p in problems] == [5, 6, 7]
    assert "location 'nowhere'" in problems[0].message
    assert "retention 'soon'" in problems[1].message
    assert "unknown data category 'user.nope'" in problems[2].message
    with pytest.raises(ManifestError) as info:
        load_manifest(path)
    assert info.value.line == 5
    assert str(info.value).endswith("(+2 more problems)")
    assert "\n" not in str(info.value)
    assert len(info.value.errors) == 3


def test_valid_manifest_has_no_problems():
    assert validate_manifest(FULL_YAML) == []
    assert validate_manifest(FULL_JSON) == []


# ------------------------------------------------------------------ files that are not manifests


def test_missing_file(tmp_path):
    path = tmp_path / "nope.yaml"
    with pytest.raises(ManifestError, match="manifest file not found") as info:
        load_manifest(path)
    assert str(info.value) == f"{path}: manifest file not found"
    assert [e.message for e in validate_manifest(path)] == ["manifest file not found"]


def test_directory(tmp_path):
    with pytest.raises(ManifestError, match="is a directory"):
        load_manifest(tmp_path)


def test_binary_file(tmp_path):
    path = tmp_path / "infra.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(ManifestError, match="not a text file") as info:
        load_manifest(path)
    assert "\n" not in str(info.value)


def test_non_utf8_file_names_line(tmp_path):
    path = tmp_path / "infra.yaml"
    path.write_bytes("manifest_version: 1\norganization: {name: Soci\u00e9t\u00e9}\n".encode("latin-1"))
    with pytest.raises(ManifestError, match="not UTF-8 text") as info:
        load_manifest(path)
    assert info.value.line == 2


def test_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "infra.json"
    text = '{"manifest_version": 1, "organization": {"name": "Soci\u00e9t\u00e9"}}'
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert load_manifest(path).organization.name == "Soci\u00e9t\u00e9"


def test_empty_file(tmp_path):
    path = tmp_path / "infra.yaml"
    path.write_text("")
    with pytest.raises(ManifestError, match="empty"):
        load_manifest(path)


def test_json_rejects_what_only_yaml_allows(tmp_path):
    path = tmp_path / "infra.json"
    path.write_text('{"manifest_version": 1, "locations": [{"key": "x", "country": "JP"},]}')
    with pytest.raises(ManifestError, match="JSON syntax error"):
        load_manifest(path)


def test_unknown_extension_is_sniffed(tmp_path):
    path = tmp_path / "infra.manifest"
    path.write_text('{"manifest_version": 1,\n "stores": [{"key": "s", "location": "nowhere"}]}')
    with pytest.raises(ManifestError) as info:
        load_manifest(path)
    assert info.value.line == 2
    assert "location 'nowhere'" in info.value.message
