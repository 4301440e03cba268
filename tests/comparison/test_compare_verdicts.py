"""The shape of the comparator's answer: order, ids, summary, --fail-on levels, input left untouched."""

from __future__ import annotations

import random

import pytest
from comparison_builders import claim, manifest

from notice_check.comparison import CHECKS, compare, severity_at_least, summarize
from notice_check.errors import NoticeCheckError
from notice_check.models import PRACTICES, VERDICTS, Finding


def scene():
    m = manifest(
        country="JP",
        entities=[{"key": "adco", "name": "AdCo", "country": "US", "relationship": "advertiser"}],
        locations=[{"key": "tokyo", "country": "JP"}, {"key": "seoul", "country": "KR"}],
        stores=[
            {"key": "accounts", "location": "tokyo", "categories": ["user.account"], "retention_days": 30},
            {"key": "media", "location": "seoul", "categories": ["user.content"], "retention_days": 30},
        ],
        disclosures=[{"key": "ads", "recipient": "adco", "categories": ["user.device"], "sale": True}],
    )
    assertions = [
        claim("retention", "We delete data after 30 days.", data="data", max_days=30, start=300),
        claim("storage", "Your data is stored in Japan.", regions=["JP"], start=100),
        claim("sale", "We do not sell your data.", polarity="deny", start=200),
        claim("encryption", "We encrypt your data.", start=400),
    ]
    return assertions, m


def test_findings_come_in_severity_then_offset_then_line_order_whatever_the_input_order() -> None:
    assertions, m = scene()
    findings = compare(assertions, m)
    assert [(f.verdict, f.practice) for f in findings] == [
        ("contradicted", "storage"),  # offset 100
        ("contradicted", "sale"),  # offset 200
        ("undisclosed", "transfer"),  # the ad partner in the US
        ("undisclosed", "sharing"),
        ("unverifiable", "encryption"),
        ("supported", "retention"),
    ]
    for seed in range(5):
        shuffled = assertions[:]
        random.Random(seed).shuffle(shuffled)
        assert [f.id for f in compare(shuffled, m)] == [f.id for f in findings]


def test_every_finding_is_finalised_with_a_stable_id_and_severity() -> None:
    assertions, m = scene()
    first, second = compare(assertions, m), compare(assertions, m)
    assert [f.model_dump() for f in first] == [f.model_dump() for f in second]
    assert len({f.id for f in first}) == len(first)
    for f in first:
        assert f.id.startswith("f-") and f.severity and f.message.endswith(".")
        assert (f.evidence is None) == (f.verdict == "undisclosed")


def test_assertions_without_ids_get_one_and_the_input_is_not_modified() -> None:
    assertions, m = scene()
    bare = [a.model_copy(update={"id": ""}) for a in assertions]
    findings = compare(bare, m)
    assert all(a.id == "" for a in bare)
    judged_ids = {f.assertion_id for f in findings if f.evidence is not None}
    assert judged_ids == {a.id for a in assertions}


def test_summary_counts_every_verdict() -> None:
    assertions, m = scene()
    summary = summarize(compare(assertions, m))
    assert list(summary) == list(VERDICTS)
    assert summary == {"contradicted": 2, "undisclosed": 2, "vague": 0, "unverifiable": 1, "supported": 1}
    assert summarize([]) == dict.fromkeys(VERDICTS, 0)


def _finding(verdict: str) -> Finding:
    return Finding(verdict=verdict, practice="storage", message="x").finalise()


@pytest.mark.parametrize(
    ("verdicts", "level", "fails"),
    [
        (["contradicted"], "contradicted", True),
        (["undisclosed", "vague"], "contradicted", False),
        (["undisclosed"], "undisclosed", True),
        (["vague"], "undisclosed", False),
        (["vague"], "vague", True),
        (["unverifiable", "supported"], "vague", False),
        (["contradicted"], "none", False),
    ],
)
def test_severity_at_least_follows_fail_on_levels(verdicts, level, fails) -> None:
    assert severity_at_least([_finding(v) for v in verdicts], level) is fails


def test_unknown_fail_on_level_is_an_error() -> None:
    with pytest.raises(NoticeCheckError, match="fail-on"):
        severity_at_least([], "high")


def test_every_practice_has_a_check() -> None:
    assert set(CHECKS) == set(PRACTICES)


def test_two_claims_of_one_sentence_with_the_same_outcome_are_both_reported() -> None:
    m = manifest(
        country="JP",
        locations=[{"key": "tokyo", "country": "JP"}],
        stores=[
            {
                "key": "db",
                "location": "tokyo",
                "categories": ["user"],
                "encryption": {"at_rest": True, "in_transit": True},
            }
        ],
    )
    sentence = "All data is encrypted at rest and in transit."
    at_rest = claim("encryption", sentence, data="all data", encryption="at_rest")
    in_transit = claim("encryption", sentence, data="all data", encryption="in_transit")
    findings = [f for f in compare([at_rest, in_transit], m) if f.practice == "encryption"]
    assert sorted(f.assertion_id for f in findings) == sorted([at_rest.id, in_transit.id])
    assert len({f.id for f in findings}) == 2 and {f.verdict for f in findings} == {"supported"}
    assert [f.id for f in compare([in_transit, at_rest], m) if f.practice == "encryption"] == [f.id for f in findings]
    twice = [f for f in compare([at_rest, at_rest], m) if f.practice == "encryption"]
    assert len(twice) == 1  # the same claim twice is reported once
