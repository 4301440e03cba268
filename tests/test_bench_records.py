"""The hand-kept records the benchmarks read must stay well-formed: a typo would silently skew a figure."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from notice_check.models import PRACTICES

BENCH = Path(__file__).resolve().parents[1] / "bench"


def test_opp115_adjudications_are_well_formed():
    data = yaml.safe_load((BENCH / "opp115_adjudicated.yml").read_text(encoding="utf-8"))
    items = data["items"]
    keys = [(i["segment"], i["label"]) for i in items]
    assert len(keys) == len(set(keys)), "a segment is judged twice for one label"
    for item in items:
        assert set(item) == {"segment", "label", "verdict", "why"}, item
        assert re.fullmatch(r"\d+_[\w.-]+#\d+", item["segment"]), item
        assert item["label"] in {"retention", "encryption", "transfer", "sharing", "sharing:deny", "sale (kw)",
                                 "law_enforcement"}, item
        assert item["verdict"] in {"claim", "error"}, item
        assert 10 <= len(item["why"]) <= 120, item  # a short note in our words, never quoted notice text
    sampled = [i for i in items if i["label"] == "sharing"]
    assert len(sampled) <= data["sharing_population"]


def test_real_notice_audit_is_well_formed():
    data = yaml.safe_load((BENCH / "real_audit.yml").read_text(encoding="utf-8"))
    items = data["items"]
    assert len({i["id"] for i in items}) == len(items), "a claim is judged twice"
    for note in data["samples"].values():  # a note, or a sample of another corpus than OTA
        assert isinstance(note, str) or (
            set(note) == {"corpus", "note"} and note["corpus"] in {"ota", "mapp", "c3pa"}), note
    for item in items:
        assert set(item) == {"id", "sentence", "sample", "practice", "verdict", "why"}, item
        assert re.fullmatch(r"[0-9a-f]{12}", item["id"]) and re.fullmatch(r"[0-9a-f]{12}", item["sentence"]), item
        assert item["sample"] in data["samples"], item
        assert item["practice"] in PRACTICES, item
        assert item["verdict"] in {"correct", "detail", "wrong"}, item
        assert 10 <= len(item["why"]) <= 100, item  # a short note in our words, never quoted notice text
    # a held-out sample never draws from a sentence an earlier sample read
    first = {i["sentence"] for i in items if i["sample"] == min(data["samples"])}
    assert not any(i["sentence"] in first for i in items if i["sample"] != min(data["samples"]))


def test_cross_check_readings_are_well_formed():
    items = yaml.safe_load((BENCH / "cross_check_judged.yml").read_text(encoding="utf-8"))["items"]
    keys = [(i["sentence"], i["practice"], i["manifest"]) for i in items]
    assert len(keys) == len(set(keys)), "a finding is read twice"
    manifests = {p.name for p in (BENCH.parent / "corpora" / "examples").iterdir()}
    for item in items:
        assert set(item) == {"sentence", "practice", "manifest", "verdict", "why"}, item
        assert re.fullmatch(r"[0-9a-f]{12}", item["sentence"]), item
        assert item["manifest"] in manifests, item
        assert item["verdict"] in (True, False), item
        assert 10 <= len(item["why"]) <= 100, item  # the reader's words, never quoted notice text


def test_tosdr_case_expectations_are_well_formed():
    cases = yaml.safe_load((BENCH / "tosdr_cases.yml").read_text(encoding="utf-8"))["cases"]
    labels = [c["label"] for c in cases.values()]
    assert len(labels) == len(set(labels)), "two cases print under one label"
    for key, case in cases.items():
        assert re.fullmatch(r"[a-z0-9_]+", key), key  # the case name as bench/tosdr.py keys it
        assert set(case) <= {"label", "expect", "contrary", "added"} and {"label", "expect"} <= set(case), key
        assert case.get("added", 2) >= 2, key  # the first round's cases carry no "added": they fix the halves
        for rule in (case["expect"], case.get("contrary")):
            if rule is None:
                continue
            assert set(rule) <= {"practices", "polarity", "period", "legal_condition", "party", "category"}, key
            assert rule["practices"] and set(rule["practices"]) <= set(PRACTICES), key
            assert rule.get("polarity", "any") in {"affirm", "deny", "any"}, key
