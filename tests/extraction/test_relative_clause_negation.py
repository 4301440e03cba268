"""A negation inside a relative clause says which data, it does not deny the claim.

"Data that we no longer need is deleted after 14 days" read as a retention *denial* (and "we may receive Personal
Data to create deidentified information that can no longer be linked to you", on Bluesky's notice, as a denial
of collection): the "no longer" phrase was searched over the whole claim, relative clauses included. A denial
that a manifest fact then "contradicts" is the worst error this tool can make.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "practice"), [
    ("Data that we no longer need is deleted after 14 days.", "retention"),
    ("We may receive or process personal data to create deidentified information that can no longer be linked "
     "to a particular individual.", "collection"),
])
def test_a_relative_clause_does_not_negate_the_claim(claims, text, practice):
    assert [a.polarity for a in claims(text) if a.practice == practice] == ["affirm"]


@pytest.mark.parametrize(("text", "practice"), [
    ("We no longer keep logs of your activity.", "retention"),
    ("We no longer share your data with advertisers.", "sharing"),
])
def test_no_longer_on_the_claim_itself_still_denies(claims, text, practice):
    assert [a.polarity for a in claims(text) if a.practice == practice] == ["deny"]
