"""fides importer: systems, datasets, declarations, custom categories and the legacy transfers field."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from notice_check.errors import InputError
from notice_check.manifest import loads_manifest
from notice_check.manifest.importers import dump_manifest, import_fides

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def fides():
    result = import_fides(FIXTURES / "fides.yml")
    text = dump_manifest(result.manifest)
    return result, loads_manifest(text, source="fides.yml"), yaml.safe_load(text)


def test_organization_and_custom_categories(fides):
    _, manifest, _ = fides
    assert manifest.organization.name == "Example Messaging Corp."
    assert [(c.key, c.parent) for c in manifest.categories] == [("user.content.private.message",
                                                                "user.content.private")]


def test_systems_become_entities_with_their_role(fides):
    _, manifest, _ = fides
    assert manifest.entity("chat_backend").relationship == "self"  # Controller
    assert manifest.entity("support_desk").relationship == "processor"
    assert manifest.entity("chat_backend").evidence == [{"source": "fides", "file": "fides.yml",
                                                         "ref": "system.chat_backend"}]


def test_system_with_an_arn_is_a_store_in_its_region(fides):
    _, manifest, _ = fides
    store = manifest.store("chat_backend_store")
    assert manifest.store_countries(store) == ["JP"]
    assert store.categories == ["user.content.private.message", "user.contact.phone_number",
                                "user.device.cookie_id"]  # 'not.a.category' dropped
    assert store.evidence[0]["ref"] == "system.chat_backend.fidesctl_meta.resource_id"


def test_legacy_third_country_transfers_are_accesses_from_each_country(fides):
    _, manifest, _ = fides
    by_country = {manifest.entity(a.accessor).country: a for a in manifest.accesses}
    assert sorted(by_country) == ["IN", "KR", "US"]  # KOR, USA (system), IND (dataset): alpha-3 -> alpha-2
    assert by_country["KR"].categories == manifest.store("chat_backend_store").categories
    assert by_country["IN"].categories == ["user.contact"]
    assert by_country["IN"].evidence[0]["ref"] == "dataset.legacy_crm.third_country_transfers"


def test_third_party_declaration_is_a_disclosure(fides):
    _, manifest, _ = fides
    [disclosure] = manifest.disclosures
    assert manifest.entity(disclosure.recipient).name == "AdNetwork Inc."
    assert manifest.entity(disclosure.recipient).relationship == "third_party"
    assert disclosure.categories == ["user.device.cookie_id"]  # shared_categories
    assert disclosure.purpose == "marketing.advertising.third_party"
    assert disclosure.sale == "unknown"


def test_dataset_with_a_location_is_a_store_and_one_without_is_listed(fides):
    result, manifest, _ = fides
    warehouse = manifest.store("analytics_warehouse")
    assert manifest.store_countries(warehouse) == ["DE"]
    assert warehouse.categories == ["user.device.ip_address", "user.location.imprecise"]  # nested fields
    assert warehouse.retention_days == 400
    assert manifest.store("legacy_crm") is None
    assert result.unresolved == ["dataset.legacy_crm: fides does not say where it is stored; no store imported"]
    assert any("90 days" in n for n in result.notes)


def test_not_a_fides_file(tmp_path):
    path = tmp_path / "x.yml"
    path.write_text("stores: []\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a fides manifest"):
        import_fides(path)
    path.write_text("system: [\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"x\.yml:\d+: not valid YAML"):
        import_fides(path)
