"""A rule for another party is not the organisation's own denial.

"We require our vendors not to share your data with anyone else" read as "we do not share your data with
anyone", and any disclosure in the manifest contradicted it; so did "our service providers are not permitted to
sell your data" for any sale. The organisation's denial is what it says of itself, or of the parties it lets
collect on its site ("we do not allow advertisers to collect your data" is a sharing denial, and it read as an
affirmation because the parser hangs "to collect" on "allow" as a clause of its own).
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "We require our vendors not to share your data with anyone else.",
    "We do not authorize our email service providers to share your email address with their other clients.",
    "Our service providers are not permitted to sell your data.",
    "They are obligated not to use, sell, distribute or alter this information.",
    "We also require that these contractors not use or disclose your personal information for any other purpose.",
    "Advertisers do not share your data.",
    "Our service providers do not disclose your data to the police.",
    "We do not allow third party service providers to collect your credit card information.",
])
def test_what_another_party_may_not_do_is_no_denial_of_ours(claims, text):
    assert [(a.practice, a.polarity) for a in claims(text) if a.polarity == "deny"] == []


@pytest.mark.parametrize(("text", "practice", "kind"), [
    ("We do not share your data with advertisers.", "sharing", "advertiser"),
    ("We do not disclose your data to the police.", "law_enforcement", "public_authority"),
    ("We do not allow advertisers to collect your data.", "sharing", "advertiser"),
    ("We do not permit third parties to collect personal information on our site.", "sharing", "third_party"),
])
def test_the_organisations_own_denials_stay(claims, text, practice, kind):
    found = claims(text)
    assert [(a.practice, a.polarity, [p.kind for p in a.parties]) for a in found] == [(practice, "deny", [kind])]


@pytest.mark.parametrize("text", [
    "The Company does not provide users' personal information to third parties.",
    "Strand Bank does not pass your personal details to companies outside our corporate family.",
    "We and our affiliates do not sell your personal information.",
])
def test_the_organisation_naming_itself_still_denies(claims, text):
    assert [a.polarity for a in claims(text) if a.practice in ("sharing", "sale")] == ["deny"]


def test_the_readers_refusal_is_no_denial(claims):
    text = "If you do not allow us to collect personal information from you, we may not be able to help you."
    assert [a for a in claims(text) if a.polarity == "deny"] == []


def test_letting_advertisers_collect_is_sharing_with_them(claims):
    found = claims("We allow advertisers to collect your data.")
    assert ("sharing", "affirm", ["advertiser"]) in [(a.practice, a.polarity, [p.kind for p in a.parties])
                                                     for a in found]


# Read on OPP-115's tuned half (sharing "does not" false positives): two denials that were not the organisation's.
@pytest.mark.parametrize("text", [
    # a disclaimer of responsibility for what others disclose
    "We are not responsible for the collection, use, or disclosure of information collected through these "
    "third-party web sites.",
    # a rule for contractors, in a numbered list whose second item hangs on the first item's verb
    "We also require that these contractors (i) protect the privacy of your personally identifiable information "
    "consistent with this Privacy Policy, and (ii) not use or disclose your personally identifiable information "
    "for any other purpose.",
])
def test_disclaimers_and_rules_in_lists_are_no_denial_of_ours(claims, text):
    assert [(a.practice, a.polarity) for a in claims(text) if a.polarity == "deny"] == []


def test_our_own_denial_after_an_affirmation_stays(claims):
    found = claims("We store your data and do not share it with advertisers.")
    assert [(a.practice, a.polarity) for a in found] == [("storage", "affirm"), ("sharing", "deny")]
