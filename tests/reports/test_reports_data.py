"""JSON and JSON Lines: the contract scripts rely on (SPEC sections 2 and 4)."""

from __future__ import annotations

import json

import pytest

from notice_check.reports import UnsupportedFormatError, render_check, render_extraction

ASSERTION_KEYS = {
    "id",
    "practice",
    "polarity",
    "modality",
    "scope",
    "data",
    "location",
    "parties",
    "retention",
    "encryption",
    "conditions",
    "evidence",
}
FINDING_KEYS = {
    "id",
    "verdict",
    "severity",
    "practice",
    "assertion_id",
    "evidence",
    "manifest_refs",
    "message",
}


def test_extraction_json_has_the_spec_fields(extraction):
    out = json.loads(render_extraction(extraction, "json"))
    assert list(out)[:3] == ["tool", "notice", "assertions"]
    assert out["tool"] == {"name": "notice-check", "version": "0.1.0"}
    assert out["notice"] == {
        "source": "notices/example.md",
        "sha256": extraction.document.sha256,
        "language": "en",
        "title": "Example Privacy Notice",
    }
    assert len(out["assertions"]) == 4
    first = out["assertions"][0]
    assert set(first) >= ASSERTION_KEYS
    assert first["practice"] == "storage"
    assert first["scope"] == "exclusive"
    assert first["location"] == {
        "text": "in Japan",
        "mode": "in",
        "regions": ["JP"],
        "countries": ["JP"],
        "open": False,
    }
    assert first["evidence"]["section"] == "Where we store data"
    text = extraction.document.text
    assert text[first["evidence"]["start"] : first["evidence"]["end"]] == first["evidence"]["text"]
    retention = out["assertions"][3]["retention"]
    assert retention == {"text": "for 30 days", "max_days": 30, "until": None, "on_device": False}
    assert out["assertions"][1]["encryption"] == {"kind": "at_rest"}


def test_check_json_has_the_spec_fields(check_result):
    out = json.loads(render_check(check_result, "json"))
    assert list(out)[:5] == ["tool", "notice", "manifest", "summary", "findings"]
    assert out["manifest"] == {
        "source": "manifests/example.yaml",
        "sha256": "0" * 64,
        "organization": "Example Messaging Corp.",
    }
    assert out["summary"] == {
        "contradicted": 1,
        "undisclosed": 1,
        "vague": 0,
        "unverifiable": 0,
        "supported": 1,
    }
    by_verdict = {f["verdict"]: f for f in out["findings"]}
    for finding in out["findings"]:
        assert set(finding) == FINDING_KEYS
    contradicted = by_verdict["contradicted"]
    assert contradicted["severity"] == "high"
    assert contradicted["manifest_refs"][0] == {"section": "stores", "key": "talk_media", "line": 23}
    assert contradicted["assertion_id"] == check_result.assertions[0].id
    undisclosed = by_verdict["undisclosed"]
    assert undisclosed["assertion_id"] is None and undisclosed["evidence"] is None
    assert undisclosed["severity"] == "medium"
    # extension: the assertions the findings cite travel with the report
    assert {a["id"] for a in out["assertions"]} >= {contradicted["assertion_id"]}


def test_json_keeps_non_ascii_text_readable(extraction):
    extraction.assertions[0].evidence.section = "Où nous stockons"
    assert "Où nous stockons" in render_extraction(extraction, "json")


def test_extraction_jsonl_is_one_assertion_per_line(extraction):
    lines = render_extraction(extraction, "jsonl").splitlines()
    assert len(lines) == len(extraction.assertions)
    parsed = [json.loads(line) for line in lines]
    assert [p["id"] for p in parsed] == [a.id for a in extraction.assertions]
    assert all(set(p) >= ASSERTION_KEYS for p in parsed)


def test_check_jsonl_is_one_finding_per_line(check_result):
    lines = render_check(check_result, "jsonl").splitlines()
    parsed = [json.loads(line) for line in lines]
    assert [p["verdict"] for p in parsed] == ["supported", "contradicted", "undisclosed"]


def test_empty_results_render_valid_output(extraction, check_result):
    empty_extraction = type(extraction)(document=extraction.document, assertions=[])
    assert json.loads(render_extraction(empty_extraction, "json"))["assertions"] == []
    assert render_extraction(empty_extraction, "jsonl") == ""
    empty_check = type(check_result)(
        document=check_result.document, assertions=[], manifest=check_result.manifest, findings=[]
    )
    out = json.loads(render_check(empty_check, "json"))
    assert out["findings"] == [] and set(out["summary"].values()) == {0}


def test_html_is_a_check_format(check_result):
    assert render_check(check_result, "html").lower().startswith("<!doctype html>")


def test_unknown_format_is_refused_with_the_choices(extraction):
    with pytest.raises(UnsupportedFormatError, match="unknown format 'xml'.*text, json, jsonl"):
        render_extraction(extraction, "xml")
    with pytest.raises(UnsupportedFormatError):
        render_extraction(extraction, "markdown")  # markdown is a check format only
