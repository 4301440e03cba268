"""Terraform importer: hand-written plan, state and raw .tfstate files, checked record by record after a
round trip through our own manifest loader."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from notice_check.errors import InputError
from notice_check.manifest import loads_manifest
from notice_check.manifest.importers import dump_manifest, import_terraform

FIXTURES = Path(__file__).parent / "fixtures"


def _imported(name: str, **kw):
    result = import_terraform(FIXTURES / name, **kw)
    text = dump_manifest(result.manifest)
    return result, loads_manifest(text, source=name), yaml.safe_load(text)


@pytest.fixture(scope="module")
def plan():
    return _imported("plan.json")


@pytest.fixture(scope="module")
def mapped():
    return _imported("plan.json", mapping=FIXTURES / "mapping.yaml")


def _store(manifest, key):
    store = manifest.store(key)
    assert store is not None, f"no store {key}: {[s.key for s in manifest.stores]}"
    return store


def test_plan_imports_every_resolvable_store_and_nothing_else(plan):
    _, manifest, _ = plan
    assert [s.key for s in manifest.stores] == [
        "aws_s3_bucket_media", "aws_s3_bucket_media_replica", "aws_s3_bucket_logs", "aws_db_instance_accounts",
        "aws_dynamodb_table_sessions", "aws_cloudwatch_log_group_app", "aws_cloudwatch_log_group_audit",
        "google_storage_bucket_eu_archive", "google_storage_bucket_dual", "google_storage_bucket_custom",
        "google_sql_database_instance_main", "google_bigquery_dataset_analytics", "azurerm_storage_account_docs",
        "azurerm_storage_account_local", "azurerm_log_analytics_workspace_ops", "eu_aws_s3_bucket_exports",
    ]  # no IAM role, no data source, no S3 settings as stores, no unresolved region


def test_s3_bucket_with_settings_in_separate_resources(plan):
    _, manifest, raw = plan
    media = _store(manifest, "aws_s3_bucket_media")
    assert manifest.place(media.location).region == "ap-northeast-1"
    assert manifest.store_countries(media) == ["JP"]  # replica in ap-northeast-3 (Osaka) is JP too
    assert [manifest.place(r).region for r in media.replicas] == ["ap-northeast-3"]
    assert media.categories == ["user.content.private", "user.contact.email"]  # 'not.a.key' dropped
    assert media.encryption.at_rest is True
    assert media.retention == "P30D" and media.retention_days == 30  # disabled 900-day rule ignored
    refs = [e["ref"] for e in media.evidence]
    assert refs == ["aws_s3_bucket.media", "aws_s3_bucket_lifecycle_configuration.media",
                    "aws_s3_bucket_server_side_encryption_configuration.media",
                    "aws_s3_bucket_replication_configuration.media"]
    assert all(e == {"source": "terraform", "file": "plan.json", "ref": e["ref"]} for e in media.evidence)
    replica = _store(manifest, "aws_s3_bucket_media_replica")
    assert manifest.place(replica.location).region == "ap-northeast-3"  # aliased provider "aws.dr"
    assert next(s for s in raw["stores"] if s["key"] == "aws_s3_bucket_media")["name"] == "example-media"


def test_settings_of_a_new_bucket_follow_configuration_references(plan):
    """In a plan a new bucket's name is "known after apply": its settings name it by reference only."""
    _, manifest, _ = plan
    logs = _store(manifest, "aws_s3_bucket_logs")
    assert logs.retention_days == 14 and logs.categories == ["system.operations"]
    assert [manifest.place(r).region for r in logs.replicas] == ["ap-northeast-3"]  # destination by reference
    assert len(logs.evidence) == 4


def test_rds_dynamodb_and_log_groups(plan):
    _, manifest, raw = plan
    rds = _store(manifest, "aws_db_instance_accounts")
    assert manifest.store_countries(rds) == ["JP"]  # availability zone ap-northeast-1a
    assert rds.encryption.at_rest is True and rds.retention is None
    assert next(s for s in raw["stores"] if s["key"] == rds.key)["backup_retention"] == "P7D"
    assert rds.categories == [] and getattr(rds, "categories_unknown", None) is True
    sessions = _store(manifest, "aws_dynamodb_table_sessions")
    assert manifest.store_countries(sessions) == ["JP", "US", "IE"]  # replicas us-west-2, eu-west-1
    app = _store(manifest, "aws_cloudwatch_log_group_app")
    assert app.retention_days == 90 and not app.retention_indefinite
    audit = _store(manifest, "aws_cloudwatch_log_group_audit")
    assert audit.retention == "indefinite" and audit.retention_indefinite  # retention_in_days = 0


def test_gcp_multi_dual_and_custom_regions(plan):
    _, manifest, _ = plan
    eu = _store(manifest, "google_storage_bucket_eu_archive")
    countries = manifest.store_countries(eu)
    assert {"DE", "FR", "IE", "NL"} <= set(countries) and "US" not in countries and "GB" not in countries
    assert eu.categories == ["user.content.private", "system.operations"]  # from a dashed GCP label
    assert eu.retention_days == 365  # Delete rule on age
    assert sorted(manifest.store_countries(_store(manifest, "google_storage_bucket_dual"))) == ["FI", "NL"]
    custom = _store(manifest, "google_storage_bucket_custom")
    assert manifest.store_countries(custom) == ["JP", "SG"]  # data_locations, not all of "ASIA"
    sql = _store(manifest, "google_sql_database_instance_main")
    assert manifest.store_countries(sql) == ["KR"] and sql.encryption.at_rest is True
    bq = _store(manifest, "google_bigquery_dataset_analytics")
    assert manifest.store_countries(bq) == ["US"]
    assert bq.retention_days == 60 and bq.categories == ["user.device.ip_address"]


def test_azure_geo_redundancy_adds_the_paired_region(plan):
    _, manifest, _ = plan
    docs = _store(manifest, "azurerm_storage_account_docs")
    assert manifest.place(docs.location).region == "westeurope"  # "West Europe" normalised
    assert manifest.store_countries(docs) == ["NL", "IE"]  # RAGRS -> North Europe
    assert docs.categories == ["user.content"]
    local = _store(manifest, "azurerm_storage_account_local")
    assert local.replicas == [] and manifest.store_countries(local) == ["JP"]  # LRS
    ops = _store(manifest, "azurerm_log_analytics_workspace_ops")
    assert manifest.store_countries(ops) == ["KR"] and ops.retention_days == 30


def test_module_resource_takes_its_module_provider_region(plan):
    _, manifest, _ = plan
    exports = _store(manifest, "eu_aws_s3_bucket_exports")
    assert manifest.place(exports.location).region == "eu-central-1"
    assert exports.evidence[0]["ref"] == "module.eu.aws_s3_bucket.exports"


def test_unresolved_regions_are_listed_not_guessed(plan):
    result, manifest, _ = plan
    assert len(result.unresolved) == 2
    assert any("azurerm_mssql_database.billing" in u and "Atlantis Central" in u for u in result.unresolved)
    # its provider region is a reference (var.region): never the root provider's ap-northeast-1
    assert any(u.startswith("module.eu.aws_s3_bucket.dynamic[0]") for u in result.unresolved)
    assert not any("billing" in s.key or "dynamic" in s.key for s in manifest.stores)


def test_summary_lists_unknown_categories_and_dropped_tags(plan):
    result, _, _ = plan
    lines = result.summary_lines()
    assert lines[0].endswith("imported 0 categories, 0 entities, 15 locations, 16 stores, 0 accesses, "
                             "0 disclosures")
    assert len(result.unknown_categories) == 10
    assert "  stores.aws_db_instance_accounts (aws_db_instance.accounts)" in lines
    assert any("not.a.key" in n for n in result.notes)


def test_mapping_file_fills_untagged_stores_and_tags_win(mapped):
    result, manifest, _ = mapped
    assert _store(manifest, "aws_db_instance_accounts").categories == ["user.account", "user.financial"]
    assert _store(manifest, "aws_cloudwatch_log_group_audit").categories == ["system.operations",
                                                                           "user.device.ip_address"]
    assert _store(manifest, "eu_aws_s3_bucket_exports").categories == ["user.content.public"]
    assert _store(manifest, "aws_s3_bucket_media").categories == ["user.content.private", "user.contact.email"]
    assert len(result.unknown_categories) == 6


def test_state_from_terraform_show(tmp_path):
    result, manifest, raw = _imported("state.json")
    uploads = _store(manifest, "aws_s3_bucket_uploads")
    assert manifest.store_countries(uploads) == ["IE", "US"]  # inline replication_configuration
    assert uploads.retention_days == 180  # whole-bucket rule; the tmp/ rule and the disabled one ignored
    assert uploads.categories == ["user.content"]  # tags_all
    billing = _store(manifest, "aws_db_instance_billing")
    assert manifest.store_countries(billing) == ["IN"]  # from the ARN
    assert billing.encryption.at_rest is False
    assert next(s for s in raw["stores"] if s["key"] == "aws_db_instance_billing")["backup_retention"] == "P35D"
    api = _store(manifest, "aws_cloudwatch_log_group_api")
    assert manifest.store_countries(api) == ["BR"] and api.retention_indefinite  # no retention: never expires
    events = _store(manifest, "aws_dynamodb_table_events")
    assert manifest.store_countries(events) == ["CA"] and events.encryption.at_rest is True
    backups = _store(manifest, "google_storage_bucket_backups")
    assert manifest.store_countries(backups) == ["JP"] and backups.retention is None  # prefix-only rule
    assert any("somebody-elses-bucket" in u for u in result.unresolved)
    assert manifest.store_countries(_store(manifest, "aws_s3_bucket_offsite")) == ["IE"]


def test_raw_tfstate_v4():
    result, manifest, _ = _imported("raw.tfstate")
    media = _store(manifest, "azurerm_storage_account_media")
    assert manifest.store_countries(media) == ["JP"] and [manifest.place(r).region for r in media.replicas] == [
        "japanwest"]  # GZRS
    prod = _store(manifest, "logs_google_bigquery_dataset_events_prod")
    assert manifest.store_countries(prod) == ["GB"]
    assert prod.evidence[0]["ref"] == 'module.logs.google_bigquery_dataset.events["prod"]'
    assert any("mars-north1" in u for u in result.unresolved)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json at all", "not valid JSON"),
        ('{"format_version": "1.0"}', "not a Terraform plan or state"),
        ("[1, 2]", "not a Terraform plan or state"),
    ],
)
def test_bad_input_is_one_line_naming_the_file(tmp_path, content, message):
    path = tmp_path / "in.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as err:
        import_terraform(path)
    assert str(err.value).startswith(str(path)) and message in str(err.value)
    assert "\n" not in str(err.value)


def test_bad_mapping_names_the_pattern(tmp_path):
    path = tmp_path / "map.yaml"
    path.write_text(json.dumps({"aws_*": ["user.nope"]}), encoding="utf-8")
    with pytest.raises(InputError, match=r"pattern 'aws_\*': 'user.nope' is not a fideslang"):
        import_terraform(FIXTURES / "plan.json", mapping=path)
