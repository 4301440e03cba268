"""Retention said without a period, and two negations that did not reach the second verb of a pair.

OPP-115's retention labels include "this information may stay in our backup files", "residual information will
remain within our databases" and "raw data logs are scheduled for regular destruction" (read on the tuned half):
data kept after deletion, or deleted on a schedule. They made no claim. And "we no longer store or share your
data", "at no time do we sell or share your data" denied only the first verb: the second read as an
affirmation, the worst kind of error for a tool that reports contradictions.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "This information may stay in our backup files.",
    "Residual information will remain within our databases, access logs, and other records.",
    "Deleted content may persist in backup copies for a reasonable period.",
    "Raw data logs are scheduled for regular destruction in accordance with archival guidelines.",
    "We periodically delete old log files.",
])
def test_residual_copies_and_scheduled_deletion_are_retention(claims, text):
    assert [(a.practice, a.polarity) for a in claims(text) if a.practice == "retention"] == [("retention", "affirm")]


@pytest.mark.parametrize("text", [
    "Your data remains in Japan.",
    "You remain in control of your data.",
    "Cookies can store information needed by the user on a regular basis.",
])
def test_staying_somewhere_or_in_control_is_not_retention(claims, text):
    assert [a for a in claims(text) if a.practice == "retention"] == []


@pytest.mark.parametrize(("text", "practices"), [
    ("We no longer store or share your data.", {"storage", "sharing"}),
    ("At no time do we sell or share your data.", {"sale", "sharing"}),
])
def test_a_leading_negation_reaches_both_verbs(claims, text, practices):
    found = claims(text)
    assert {a.practice for a in found} == practices and {a.polarity for a in found} == {"deny"}


def test_a_negation_in_a_later_clause_does_not_negate_the_claim(claims):
    text = ("Copies of certain log records remain in our database but are disassociated from personal identifiers "
            "and no longer linked to your account.")
    assert [a.polarity for a in claims(text) if a.practice == "retention"] == ["affirm"]


# ", which are retained and anonymized" adds a statement; "the information that we retain" only describes.
def test_a_clause_after_a_comma_retains_a_restrictive_one_describes(claims):
    text = "Clearing your history does not remove information from our search logs, which are retained and anonymized."
    assert [a.polarity for a in claims(text) if a.practice == "retention"] == ["affirm"]
    described = claims("You can see the information that we retain about you.")
    assert [a for a in described if a.practice == "retention"] == []
