"""SARIF 2.1.0: valid against the OASIS schema, one result per finding, located in the notice file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from notice_check.reports import render_check
from notice_check.reports.sarif import locate

SCHEMA = Path(__file__).resolve().parents[3] / "shared" / "schemas" / "sarif-2.1.0.json"

NOTICE_HTML = """<!doctype html>
<html><head><title>Example Privacy Notice</title></head>
<body>
<h2>Where we store data</h2>
<p>All user data is stored on servers located in <b>Japan</b>
   and encrypted&nbsp;at rest.</p>
<p>We may share your contact details with our affiliates, such as NAVER Corp.</p>
</body></html>
"""


def _sarif(check_result, notice_text=None) -> dict:
    return json.loads(render_check(check_result, "sarif", notice_text=notice_text))


def test_sarif_validates_against_the_oasis_schema(check_result):
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema (test extra) validates SARIF")
    if not SCHEMA.exists():
        pytest.skip(f"SARIF schema not found at {SCHEMA}")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    for notice_text in (None, NOTICE_HTML):
        jsonschema.Draft4Validator(schema).validate(_sarif(check_result, notice_text))


def test_one_result_per_finding_with_rule_kind_and_level(check_result):
    run = _sarif(check_result)["runs"][0]
    assert run["tool"]["driver"]["name"] == "notice-check"
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert rules == ["contradicted", "undisclosed", "vague", "unverifiable", "supported"]
    results = run["results"]
    assert len(results) == len(check_result.findings)
    by_rule = {r["ruleId"]: r for r in results}
    assert by_rule["contradicted"]["level"] == "error" and by_rule["contradicted"]["kind"] == "fail"
    assert by_rule["undisclosed"]["level"] == "warning"
    assert by_rule["supported"]["kind"] == "pass" and by_rule["supported"]["level"] == "none"
    for result, finding in zip(results, check_result.findings, strict=True):
        assert result["partialFingerprints"]["noticeCheckFinding/v1"] == finding.id
        assert rules[result["ruleIndex"]] == result["ruleId"]
    assert run["properties"]["summary"]["contradicted"] == 1


def test_sentence_is_located_in_the_file_as_written(check_result):
    results = _sarif(check_result, NOTICE_HTML)["runs"][0]["results"]
    contradicted = next(r for r in results if r["ruleId"] == "contradicted")
    location = contradicted["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "notices/example.md"
    region = location["region"]
    # the sentence starts on line 5 after "<p>" and runs across markup to line 6
    assert (region["startLine"], region["startColumn"]) == (5, 4)
    assert region["endLine"] == 6
    assert region["snippet"]["text"].startswith("All user data is stored")
    related = contradicted["relatedLocations"]
    assert related[0]["physicalLocation"]["artifactLocation"]["uri"] == "manifests/example.yaml"
    assert related[0]["physicalLocation"]["region"] == {"startLine": 23}
    assert related[0]["message"]["text"] == "stores.talk_media"


def test_without_the_file_the_region_is_in_the_cleaned_text(check_result):
    results = _sarif(check_result)["runs"][0]["results"]
    contradicted = next(r for r in results if r["ruleId"] == "contradicted")
    region = contradicted["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endLine"]) == (2, 1, 2)


def test_undisclosed_findings_point_at_the_manifest(check_result):
    results = _sarif(check_result)["runs"][0]["results"]
    undisclosed = next(r for r in results if r["ruleId"] == "undisclosed")
    location = undisclosed["locations"][0]
    assert location["physicalLocation"]["artifactLocation"]["uri"] == "manifests/example.yaml"
    assert "region" not in location["physicalLocation"]  # that ref has no line
    assert location["message"]["text"] == "accesses.sh_dev_access"


def test_locate_tolerates_markup_and_falls_back_to_the_first_words():
    text = "x\n<p>We **never** sell your <a href='/d'>data</a> &amp; never will.</p>"
    start, end = locate("We never sell your data & never will.", text)
    assert text[start:end].startswith("We **never**") and text[start:end].endswith("never will")
    # a Markdown link target sits in the file, not in the sentence
    md = "Intro.\n\nSee our [cookie policy](https://example.com/cookies) for the details of cookies."
    start, end = locate("See our cookie policy for the details of cookies.", md)
    assert md[start:end] == "See our [cookie policy](https://example.com/cookies) for the details of cookies"
    # text the file does not hold word for word: the first words still place the finding
    span = locate("See our cookie policy, which explains everything else.", md)
    assert span is not None and md[span[0] : span[1]] == "See our [cookie policy"
    assert locate("Nothing like this sentence.", md) is None
