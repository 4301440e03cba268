"""`merge`: Terraform stores + sub-processor accessors + a hand-written disclosures file make one manifest."""

from __future__ import annotations

from pathlib import Path

import pytest

from notice_check.errors import ManifestError
from notice_check.manifest import loads_manifest
from notice_check.manifest.importers import dump_manifest, import_subprocessors, import_terraform, merge_manifests

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def parts(tmp_path):
    stores = tmp_path / "stores.yaml"
    stores.write_text(dump_manifest(import_terraform(FIXTURES / "state.json").manifest), encoding="utf-8")
    accessors = tmp_path / "accessors.yaml"
    accessors.write_text(dump_manifest(import_subprocessors(FIXTURES / "subprocessors.csv").manifest),
                         encoding="utf-8")
    return stores, accessors, FIXTURES / "disclosures.yaml"


def test_merge_keeps_every_record_and_reports_conflicts(parts):
    result = merge_manifests(list(parts))
    m = loads_manifest(dump_manifest(result.manifest), source="merged")
    assert m.organization.name == "Example Messaging Corp." and m.organization.country == "JP"
    assert m.coverage.disclosures == "complete" and m.coverage.stores == "partial"
    assert len(m.stores) == 7 + 2 and len(m.accesses) == 4 and [d.key for d in m.disclosures] == ["police"]
    assert m.store_countries(m.store("aws_s3_bucket_uploads")) == ["IE", "US"]
    assert m.disclosures[0].evidence == [{"source": "manual", "ref": "transparency-report-2024"}]
    acme = m.entity("acme_hosting_gmbh")
    assert acme.relationship == "sub_processor"  # the first file wins ...
    assert acme.evidence[0]["file"] == "subprocessors.csv"  # ... and keeps its evidence
    [conflict] = [n for n in result.notes if n.startswith("conflict")]
    assert "entities.acme_hosting_gmbh.relationship is 'processor'" in conflict and "disclosures.yaml" in conflict


def test_same_record_twice_is_kept_once_with_lists_joined(tmp_path):
    a = tmp_path / "a.yaml"
    a.write_text("manifest_version: 1\nlocations: [{key: jp, country: JP}]\n"
                 "stores:\n  - {key: s, location: jp, categories_unknown: true, evidence: [{source: x, ref: a}]}\n",
                 encoding="utf-8")
    b = tmp_path / "b.yaml"
    b.write_text("manifest_version: 1\nlocations: [{key: jp, country: JP}, {key: kr, country: KR}]\n"
                 "stores:\n  - {key: s, location: jp, replicas: [kr], categories: [user.contact],"
                 " retention: P30D, evidence: [{source: x, ref: b}]}\n",
                 encoding="utf-8")
    result = merge_manifests([a, b])
    m = loads_manifest(dump_manifest(result.manifest), source="merged")
    [store] = m.stores
    assert store.categories == ["user.contact"] and not hasattr(store, "categories_unknown")
    assert store.replicas == ["kr"] and store.retention_days == 30
    assert [e["ref"] for e in store.evidence] == ["a", "b"]
    assert [loc.key for loc in m.locations] == ["jp", "kr"] and result.notes == []


def test_a_reference_may_be_declared_by_another_input_but_not_by_none(tmp_path):
    ents = tmp_path / "entities.yaml"
    ents.write_text("manifest_version: 1\nentities: [{key: ads, name: Ad Co, country: US}]\n", encoding="utf-8")
    disc = tmp_path / "disc.yaml"
    disc.write_text("manifest_version: 1\ndisclosures: [{key: d, recipient: ads, categories: [user.device]}]\n",
                    encoding="utf-8")
    m = loads_manifest(dump_manifest(merge_manifests([ents, disc]).manifest))
    assert m.disclosures[0].recipient == "ads"
    with pytest.raises(ManifestError, match=r"disc\.yaml: disclosures d: recipient 'ads' is not declared"):
        merge_manifests([disc, tmp_path / "disc.yaml"])


def test_a_broken_input_is_reported_with_its_file_and_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("manifest_version: 1\nlocations:\n  - {key: x, country: Narnia}\n", encoding="utf-8")
    with pytest.raises(ManifestError, match=r"bad\.yaml:3: .*Narnia"):
        merge_manifests([FIXTURES / "disclosures.yaml", bad])


def test_yaml_flow_mapping_input_is_read_as_yaml(tmp_path):
    flow = tmp_path / "flow.yaml"
    flow.write_text("{manifest_version: 1, locations: [{key: jp, country: JP}]}\n", encoding="utf-8")
    m = loads_manifest(dump_manifest(merge_manifests([flow, FIXTURES / "disclosures.yaml"]).manifest))
    assert [loc.key for loc in m.locations] == ["jp"] and m.organization.name == "Example Messaging Corp."
