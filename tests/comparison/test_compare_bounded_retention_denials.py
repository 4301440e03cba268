"""A retention denial that bounds the time without a period is not "we do not keep it".

"We do not permanently retain chat data" and "we do not retain your information for longer than the period the
law prescribes" were read as "it does not keep" the data and contradicted by every store with a period. The
first is supported by finite periods; the second names no period, so it is unverifiable; a store that keeps
the data indefinitely contradicts both. A plain "we do not keep your messages" is still contradicted.
"""

from __future__ import annotations

import pytest
from comparison_builders import judged, manifest

from notice_check.comparison import compare
from notice_check.extraction import extract_sentences
from notice_check.models import Sentence

MESSAGES = {"key": "user.content.private.message", "parent": "user.content.private", "aliases": ["messages"]}


def _retention(findings_of, text):
    return findings_of("line-2021", text, "retention")


def test_not_permanently_is_supported_by_finite_periods(findings_of):
    [finding] = _retention(findings_of, "We do not permanently retain your messages on our servers.")
    assert finding.verdict == "supported"
    assert "does not keep your messages indefinitely" in finding.message


def test_a_bound_with_no_period_is_unverifiable(findings_of):
    for text in ("We do not retain your information for longer than the time period prescribed by law.",
                 "Your voice recordings are not retained after the transcript is generated."):
        [finding] = _retention(findings_of, text)
        assert finding.verdict == "unverifiable", text
        assert "only for a limited time" in finding.message


def test_a_plain_denial_is_still_contradicted(findings_of):
    [finding] = _retention(findings_of, "We do not keep your messages.")
    assert finding.verdict == "contradicted"


@pytest.mark.parametrize("text", [
    "We do not permanently retain your messages on our servers.",
    "We do not retain your messages for longer than the law requires.",
])
def test_a_store_kept_indefinitely_contradicts_a_bound(text):
    kept = manifest(categories=[MESSAGES], locations=[{"key": "jp", "country": "JP"}],
                    stores=[{"key": "messages", "location": "jp", "categories": [MESSAGES["key"]],
                             "retention_indefinite": True}])
    [a] = [a for a in extract_sentences([Sentence(text=text, start=0, end=len(text))]) if a.practice == "retention"]
    finding = judged(compare([a], kept), a)
    assert finding.verdict == "contradicted"
    assert "indefinitely" in finding.message
