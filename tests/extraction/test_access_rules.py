"""Access the organisation allows, limits or bars: "we do not allow access to user data from outside Japan".

This is the promise at the heart of the LINE case (engineers in China could reach user data), and it made no
claim: the access-noun rule wanted someone who "has access". Access governed by allow, permit, restrict,
prohibit ... with a place is now a processing claim; "we prohibit X" is a denial of X.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "We do not allow access to user data from outside Japan.",
    "Access to personal data from outside Japan is prohibited.",
    "We prohibit access to user data from outside Japan.",
])
def test_barring_access_from_abroad_is_a_processing_denial(claims, text):
    found = [a for a in claims(text) if a.practice == "processing"]
    assert [(a.polarity, a.location.mode, a.location.countries) for a in found] == [("deny", "outside", ["JP"])]


def test_access_restricted_to_a_country_is_a_processing_claim_there(claims):
    found = claims("Access to your messages is restricted to employees in Japan.")
    assert [(a.practice, a.polarity, a.location.countries) for a in found] == [("processing", "affirm", ["JP"])]


@pytest.mark.parametrize("text", [
    "We give you access to your account from anywhere in the world.",  # no place, and the reader's access
    "We restrict access to your data to authorised staff.",  # no place: nothing to compare
    "Sometimes we use the word transfer to mean giving someone access to data from another country.",
])
def test_access_without_a_place_or_in_a_definition_is_no_claim(claims, text):
    assert [a for a in claims(text) if a.practice == "processing"] == []


def test_prohibiting_a_practice_denies_it(claims):
    found = claims("We prohibit the sale of your data.")
    assert [(a.practice, a.polarity) for a in found] == [("sale", "deny")]


@pytest.mark.parametrize("text", [
    "Our contractor in China has remote access to our servers.",  # parsed with "has" as the noun's auxiliary
    "A contractor in China has remote access to user data.",
])
def test_a_contractor_abroad_with_remote_access_is_processing_there(claims, text):
    found = [a for a in claims(text) if a.practice == "processing"]
    assert [(a.polarity, a.location.countries) for a in found] == [("affirm", ["CN"])]


def test_data_managed_in_a_country_is_processing_there(claims):
    found = claims("Data of Japanese users is managed in Japan.")
    assert [(a.practice, a.polarity, a.location.countries) for a in found] == [("processing", "affirm", ["JP"])]


@pytest.mark.parametrize("text", [
    "We do not store any data outside Japan, except for backups in Singapore.",
    "We do not store any data outside of Japan, except for backups in Singapore.",
])
def test_a_place_in_the_exception_of_a_denial_is_allowed_not_denied(claims, text):
    """It read as "we do not store any data in Singapore", which the backups there contradicted."""
    found = [a for a in claims(text) if a.practice == "storage"]
    assert [(a.polarity, a.location.mode, sorted(a.location.countries)) for a in found] == [
        ("deny", "outside", ["JP", "SG"])]


# "Only authorized employees in Japan can access your personal information" is the LINE promise in another form.
# It was a *may* claim ("can") by processors ("employees", with "authorized" misread as the verb), so neither the
# Korean store nor the Shanghai access contradicted it. With "only", "can" states a rule; staff the organisation
# authorizes are its own.
@pytest.mark.parametrize("text", [
    "Only authorized employees in Japan can access your personal information.",
    "Only authorized personnel in Japan can access your data.",
    "Only employees in Japan can access your data.",  # staff the organisation picks: its own, not a processor's
])
def test_only_staff_in_japan_can_access_is_an_exclusive_fact(claims, text):
    found = [a for a in claims(text) if a.practice == "processing"]
    assert [(a.modality, a.scope, a.location.countries, [p.kind for p in a.parties]) for a in found] == [
        ("fact", "exclusive", ["JP"], ["self"])]


@pytest.mark.parametrize("text", [
    "Only authorized employees in Japan can access your personal information.",
    "Only employees in Japan can access your personal information.",
])
def test_only_staff_in_japan_is_contradicted_by_the_shanghai_access(check_example, text):
    [finding] = [f for f in check_example("line-2021", text).findings if f.practice == "processing"]
    assert finding.verdict == "contradicted"
    assert ("accesses", "sh_dev_access") in {(r.section, r.key) for r in finding.manifest_refs}


def test_may_with_only_stays_a_possibility(claims):
    assert [a.modality for a in claims("Only our affiliates may access your data.")] == ["may"]


@pytest.mark.parametrize(("text", "holder"), [
    ("Our agents are provided access to personal information needed to perform their functions.",
     ("processor", "Our agents")),
    ("Our vendors are granted access to your data.", ("processor", "Our vendors")),
    ("Only employees who need the information for their job are granted access to personal information.",
     ("self", "Only employees")),
    ("Other businesses may have access to personally identifiable information.", ("third_party", "Other businesses")),
])
def test_a_party_given_access_or_having_it_is_processing_by_that_party(claims, text, holder):
    """OPP-115 files these as sharing; with no party, the claim read as our own processing, or was no claim at
    all ("businesses" was read as the subject of a law, as in "such businesses must ...")."""
    found = [a for a in claims(text) if a.practice == "processing"]
    assert [[(p.kind, p.text) for p in a.parties] for a in found] == [[holder]]


def test_you_given_access_to_your_account_is_no_claim(claims):
    assert claims("You are given access to your data.") == []


def test_may_on_the_verb_of_an_access_noun_hedges_the_claim(claims):
    found = claims("Our vendors may have access to your data.")
    assert [(a.practice, a.modality) for a in found] == [("processing", "may")]
