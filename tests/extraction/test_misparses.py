"""Sentences from the fifth round of reading OPP-115 errors (bench/opp115.py, tuned half), paraphrased.

Most are parser slips the rules now survive (a verb read as a noun, a recipient hung on the wrong word); the
rest are third parties collecting for themselves, named as a passive agent or as the subject of a long list.
"""

from __future__ import annotations

import pytest


def _sharing(claims, text):
    return [a for a in claims(text) if a.practice == "sharing"]


def test_a_verb_of_letting_read_as_a_noun_still_names_who_collects(claims):
    # the parser tags "permit" as a noun after "from time to time"
    text = "We may from time to time permit Third Party Ad Networks to collect browsing data on the Site."
    found = _sharing(claims, text)
    assert [(a.polarity, a.rule, [p.kind for p in a.parties]) for a in found] == [
        ("affirm", "sharing.collected_by.v1", ["advertiser"])]


def test_a_recipient_hung_on_a_clause_that_already_has_one_belongs_to_the_verb(claims):
    found = _sharing(claims, "We will forward the details you give us to the publisher to fulfil your order.")
    assert [p.text for a in found for p in a.parties] == ["the publisher"]


def test_the_clause_recipient_itself_is_not_taken(claims):
    # "you give us": the user gives data to us; nothing leaves for a third party
    assert _sharing(claims, "We will keep the details you give us to fulfil your order.") == []


@pytest.mark.parametrize("text", [
    "We publish a newsletter to share information with you about our events.",
    "We offer free newsletters to share information with you about the store.",
])
def test_sharing_with_the_reader_hung_on_the_object_is_no_disclosure(claims, text):
    assert _sharing(claims, text) == []


def test_the_reader_and_a_partner_keeps_the_partner(claims):
    found = _sharing(claims, "We share order data with you and with our delivery partners.")
    assert [p.text for a in found for p in a.parties] == ["our delivery partners"]


def test_a_policy_scope_statement_declares_no_disclosure(claims):
    text = ("This policy does not apply to websites run by others and applies only to data gathered on our site, "
            "not to information disclosed by us through other means.")
    assert _sharing(claims, text) == []


def test_set_and_access_cookies_is_a_tracker_placed_by_the_partner(claims):
    # the parser reads "access" as a noun and "cookies" as a second verb of the list
    found = _sharing(claims, "Some of our advertising partners may set and access cookies on your device.")
    assert [(a.rule, [p.kind for p in a.parties]) for a in found] == [("sharing.tracker.v1", ["advertiser"])]


@pytest.mark.parametrize(("text", "kinds"), [
    ("The details you enter there may also be collected by the third-party platform.", ["third_party"]),
    ("Information about your visit may be collected by advertising networks.", ["advertiser"]),
])
def test_a_third_party_named_as_the_passive_agent_collects_for_itself(claims, text, kinds):
    found = _sharing(claims, text)
    assert [(a.rule, [p.kind for p in a.parties]) for a in found] == [("sharing.collected_by.v1", kinds)]


def test_our_own_processors_as_passive_agents_stay_collection(claims):
    assert _sharing(claims, "Your order data may be collected by our payment processors.") == []


def test_the_subject_reaches_the_third_verb_of_a_list(claims):
    text = ("Occasionally a third party advertiser may operate or host a contest or sweepstakes on the Website, "
            "and collect your information.")
    found = _sharing(claims, text)
    assert [(a.rule, [p.kind for p in a.parties]) for a in found] == [("sharing.collected_by.v1", ["advertiser"])]


@pytest.mark.parametrize("text", [
    "If we sell our business, we may include your account data among the assets transferred to the buyer.",
    "If we merge, we reserve the right to include customer records among the assets transferred.",
])
def test_data_included_among_the_assets_of_a_sale_is_disclosed(claims, text):
    found = _sharing(claims, text)
    assert [(a.rule, a.modality, a.data is not None) for a in found] == [("sharing.assets.v1", "may", True)]


def test_a_name_among_other_things_is_no_business_transfer(claims):
    assert _sharing(claims, "We include your name among the authors listed on the page.") == []


@pytest.mark.parametrize(("text", "practices"), [
    # a postal address: "House" of a building's name was re-read as the verb "will house"
    ("Privacy Office – Data Protection Example Papers Limited Harbour House 5 Quay Street Bristol, BS1 4DJ U.K.", []),
    ("Our affiliates in Korea process data.", ["processing"]),  # the misread verb is still found in lower case
])
def test_a_capitalised_word_of_a_name_is_no_misread_verb(claims, text, practices):
    assert [a.practice for a in claims(text)] == practices
