"""`notice-check manifest import` and `manifest merge` through the real typer app."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from notice_check.cli.app import app
from notice_check.manifest import load_manifest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_import_to_stdout_with_summary_on_stderr(runner):
    result = runner.invoke(app, ["manifest", "import", "terraform", str(FIXTURES / "plan.json"),
                                 "--categories", str(FIXTURES / "mapping.yaml")])
    assert result.exit_code == 0, result.stderr
    data = yaml.safe_load(result.stdout)
    assert list(data) == ["manifest_version", "locations", "stores"]
    assert list(data["stores"][0])[:3] == ["key", "name", "location"]
    err = result.stderr.splitlines()
    assert err[0].endswith("imported 0 categories, 0 entities, 15 locations, 16 stores, 0 accesses, 0 disclosures")
    assert "categories unknown (6; tag them data_categories or pass --categories):" in err
    assert any("Atlantis Central" in line for line in err)


def test_import_output_file_is_a_valid_manifest(runner, tmp_path):
    out = tmp_path / "subs.yaml"
    result = runner.invoke(app, ["manifest", "import", "subprocessors", str(FIXTURES / "subprocessors.md"),
                                 "--output", str(out)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    m = load_manifest(out)
    assert len(m.entities) == 6 and m.entities[0].name == "Acme Hosting GmbH"
    check = runner.invoke(app, ["manifest", "validate", str(out)])
    assert check.exit_code == 0, check.stderr


def test_merge_command(runner, tmp_path):
    stores = tmp_path / "stores.yaml"
    runner.invoke(app, ["manifest", "import", "fides", str(FIXTURES / "fides.yml"), "-o", str(stores)])
    result = runner.invoke(app, ["manifest", "merge", str(stores), str(FIXTURES / "disclosures.yaml")])
    assert result.exit_code == 0, result.stderr
    data = yaml.safe_load(result.stdout)
    assert [d["key"] for d in data["disclosures"]] == ["chat_backend_to_adnetwork_inc", "police"]
    assert result.stderr.startswith(f"{stores}, {FIXTURES / 'disclosures.yaml'}: merged 1 categories, 8 entities")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["terraform", "missing.json"], "missing.json: no such Terraform JSON file"),
        (["subprocessors", "HERE/subprocessors.csv", "--categories", "HERE/mapping.yaml"],
         "--categories applies to terraform imports only"),
        (["terraform", "HERE/fides.yml"], "fides.yml:1: not valid JSON"),
        (["teleport", "HERE/plan.json"], "'teleport' is not one of"),
    ],
)
def test_bad_input_is_one_error_line_and_exit_2(runner, args, expected):
    args = [a.replace("HERE", str(FIXTURES)) for a in args]
    result = runner.invoke(app, ["manifest", "import", *args])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "Traceback" not in result.stderr
    assert expected in lines[0]


def test_merge_needs_two_files(runner):
    result = runner.invoke(app, ["manifest", "merge", str(FIXTURES / "disclosures.yaml")])
    assert result.exit_code == 2 and "at least two" in result.stderr
