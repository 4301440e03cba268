"""`check --format sarif` on every worked example, through the command line, validated against the OASIS schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from notice_check.cli.app import app

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-2.1.0.json"
EXAMPLES = sorted(p for p in (ROOT / "corpora" / "examples").iterdir() if p.is_dir())


@pytest.fixture(scope="module")
def validator():
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema (test extra) validates SARIF")
    if not SCHEMA.exists():
        print(f"skipped: SARIF schema not found at {SCHEMA}")
        pytest.skip(f"SARIF schema not found at {SCHEMA}")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_sarif_of_each_worked_example_is_valid(example: Path, validator) -> None:
    [notice] = [p for p in example.iterdir() if p.stem == "notice"]
    runner = CliRunner()
    args = ["check", str(notice), "-m", str(example / "manifest.yaml"), "--fail-on", "none"]
    sarif = runner.invoke(app, [*args, "--format", "sarif"])
    assert sarif.exit_code == 0, sarif.output
    log = json.loads(sarif.stdout)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
    findings = json.loads(runner.invoke(app, [*args, "--format", "json"]).stdout)["findings"]
    results = log["runs"][0]["results"]
    assert len(results) == len(findings) > 0
    assert [r["partialFingerprints"]["noticeCheckFinding/v1"] for r in results] == [f["id"] for f in findings]
    for result, finding in zip(results, findings, strict=True):
        if finding["evidence"] is not None:  # located in the notice file as written
            region = result["locations"][0]["physicalLocation"]["region"]
            lines = notice.read_text(encoding="utf-8").splitlines()
            assert region["startLine"] >= 1 and region["startLine"] <= len(lines)
