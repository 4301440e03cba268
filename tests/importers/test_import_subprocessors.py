"""Sub-processor lists: the documented CSV, a Markdown page and an HTML table."""

from __future__ import annotations

from pathlib import Path

import pytest

from notice_check.errors import InputError
from notice_check.manifest import loads_manifest
from notice_check.manifest.importers import dump_manifest, import_subprocessors

FIXTURES = Path(__file__).parent / "fixtures"


def _imported(path):
    result = import_subprocessors(path)
    return result, loads_manifest(dump_manifest(result.manifest), source=str(path))


def test_csv_rows_record_by_record():
    result, m = _imported(FIXTURES / "subprocessors.csv")
    assert [(e.key, e.country, e.relationship) for e in m.entities] == [
        ("acme_hosting_gmbh", "DE", "sub_processor"),
        ("globex_support_ltd_in", "IN", "sub_processor"),
        ("globex_support_ltd_ph", "PH", "sub_processor"),
        ("initech_analytics", "US", "processor"),
        ("umbrella_cloud", None, "sub_processor"),
        ("hooli_mail_ie", "IE", "sub_processor"),
        ("hooli_mail_us", "US", "sub_processor"),
    ]
    # storage rows: a store in a location the sub-processor operates
    acme = m.store("acme_hosting_gmbh_store")
    assert m.store_countries(acme) == ["DE"] and m.place(acme.location).operator == "acme_hosting_gmbh"
    assert acme.categories == ["user.account", "user.content"] and acme.purpose == "Hosting of the production database"
    assert m.store_countries(m.store("hooli_mail_store")) == ["IE", "US"]
    # other rows: accesses, one per country
    accesses = {a.key: a for a in m.accesses}
    assert sorted(accesses) == ["globex_support_ltd_in_access", "globex_support_ltd_ph_access",
                                "initech_analytics_access", "umbrella_cloud_access"]
    assert accesses["globex_support_ltd_ph_access"].categories == ["user.contact"]  # "contact details"
    assert accesses["globex_support_ltd_ph_access"].access_mode == "support"
    assert accesses["initech_analytics_access"].categories_unknown is True
    assert accesses["umbrella_cloud_access"].evidence == [{"source": "subprocessors", "file": "subprocessors.csv",
                                                          "ref": "line 5"}]
    assert m.entity("umbrella_cloud").location_text == "Worldwide"
    assert result.unresolved == ["line 5: Umbrella Cloud: location 'Worldwide' is not a country; not guessed"]
    assert result.unknown_categories == ["accesses.initech_analytics_access (line 4: Initech Analytics)"]


def test_markdown_tables_with_and_without_a_location_column():
    result, m = _imported(FIXTURES / "subprocessors.md")
    assert [(e.key, e.name, e.country) for e in m.entities] == [
        ("acme_hosting_gmbh", "Acme Hosting GmbH", "DE"),
        ("globex_support_in", "Globex Support", "IN"),  # link markup removed
        ("globex_support_ph", "Globex Support", "PH"),
        ("initech_analytics", "Initech Analytics", None),  # "EU" is not one country
        ("vandelay_industries", "Vandelay Industries", "US"),  # country from the address
        ("soylent_ltd", "Soylent Ltd", None),
    ]
    assert {a.evidence[0]["ref"] for a in m.accesses} == {"line 11", "line 12", "line 13", "line 17", "line 18"}
    assert m.accesses[0].purpose == "Infrastructure"
    assert m.entity("vandelay_industries").evidence[0]["ref"] == "line 17"  # name and country split at <br>
    assert len(result.unresolved) == 2 and len(result.unknown_categories) == 6


def test_html_table():
    _, m = _imported(FIXTURES / "subprocessors.html")
    assert [(e.key, e.country) for e in m.entities] == [("acme_hosting_gmbh", "DE"), ("initech_analytics", "US")]
    assert [a.evidence[0]["ref"] for a in m.accesses] == ["line 6", "line 7"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("a.csv", "name,purpose,countries\nAcme,Hosting,DE\n",
         r"a\.csv:1: missing columns data categories, access mode"),
        ("b.csv", "", r"b\.csv:1: the CSV is empty"),
        ("c.csv", "name,purpose,countries,data categories,access mode\nAcme,x,DE,,teleport\n",
         r"c\.csv:2: access mode 'teleport' is not one of"),
        ("d.md", "# Nothing here\n\nJust text.\n", r"d\.md: no Markdown table"),
    ],
)
def test_bad_lists_are_one_line_naming_file_and_place(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        import_subprocessors(path)
