"""Saying that nothing is kept: "We do not keep logs of your activity". With no period and no place this read as
no claim at all, though it is the claim a no-logs service stakes its name on, and a store of those logs in the
manifest contradicts it. How data is kept ("not in plain text") is not whether it is kept.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "We do not keep logs of your activity.",
    "We don't keep any records of your calls.",
    "We never retain the contents of your voice messages.",
])
def test_keeping_no_data_is_a_retention_denial(claims, text):
    found = [a for a in claims(text) if a.practice == "retention"]
    assert [(a.polarity, a.retention) for a in found] == [("deny", None)]


@pytest.mark.parametrize("text", [
    "We do not store your password in plain text.",
    "We do not keep your card number in a readable form.",
])
def test_how_data_is_kept_is_no_denial_that_it_is(claims, text):
    assert [a for a in claims(text) if a.polarity == "deny"] == []


def test_what_another_company_will_not_log_is_no_denial_of_ours(claims):
    text = "Our partner transcribes the audio for us, and it will not keep logs of the recordings."
    assert [a for a in claims(text) if a.practice == "retention"] == []


def test_a_denial_with_a_place_stays_a_storage_claim(claims):
    found = claims("We do not keep your data in China.")
    assert [(a.practice, a.polarity, a.location.countries) for a in found] == [("storage", "deny", ["CN"])]

