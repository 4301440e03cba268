"""A period that runs from the reader's request is no cap on how long data is kept.

"We will delete your data within 30 days of receiving your deletion request" was read as "keeps your data for at
most 30 days", which any store keeping data longer than 30 days then contradicted. The days run from the request,
which the manifest's periods (counted from collection) cannot place. Found by probing the shipped examples with
wording common in notices written for the GDPR and the CCPA.
"""

from __future__ import annotations

import pytest
from comparison_builders import claim, judged, message_store

from notice_check.comparison import compare
from notice_check.document import load_document
from notice_check.extraction import extract


@pytest.mark.parametrize("text", [
    "We will delete your data within 30 days of receiving your deletion request.",
    "Upon your request, we will delete your personal data within 30 days.",
    "We erase your messages within 30 days after a verified request.",
    "We provide a copy of the personal data retained within 30 (thirty) days upon your request.",
])
def test_days_after_a_request_are_no_cap(findings_of, text):
    found = findings_of("retention-encryption", text, "retention")
    assert [f.verdict for f in found] == ["unverifiable"]
    assert "deletion request" in found[0].message


@pytest.mark.parametrize("text", [
    "We keep your data for 30 days, or delete it sooner upon your request.",
    "We delete your messages after 30 days.",
])
def test_a_cap_with_an_earlier_deletion_on_request_stays_a_cap(verdicts_of, text):
    assert verdicts_of("retention-encryption", text, "retention") == ["contradicted"]


def test_keeping_data_with_no_fixed_period_does_not_break_deletion_on_request() -> None:
    """A store that keeps data indefinitely keeps it until someone deletes it: no counter-example."""
    m = message_store(retention_indefinite=True)
    asked = claim("retention", "We delete your messages within 30 days of your request.", data="your messages",
                  max_days=30, until="deletion_request")
    assert judged(compare([asked], m), asked).verdict == "unverifiable"
    closed = claim("retention", "We keep your messages until you delete your account.", data="your messages",
                   until="account_deletion")
    assert judged(compare([closed], m), closed).verdict == "contradicted"


def test_a_request_named_as_data_is_no_event():
    """ "date and time of the request" in a list of logged data is what is stored, not when it is deleted."""
    text = b"These data are stored in the log files of our web server: date and time of the request (time stamp)."
    found = extract(load_document("-", data=text))
    assert found and not any(a.retention and a.retention.until for a in found)


def test_deletion_on_request_with_no_period_is_no_retention_claim():
    """ "we will, at your request, remove ...": the reader's right to deletion, no period and no retention claim."""
    for text in (b"We will, at your request, remove personal information about your child from our database.",
                 b"We reserve the right to remove user content upon the request of any third party."):
        assert [a for a in extract(load_document("-", data=text)) if a.practice == "retention"] == []
