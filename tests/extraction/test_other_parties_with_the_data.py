"""Another party holding or using the data, read from the sixth round of OPP-115 sharing misses (tuned half).

Paraphrased in our own words. Each kind of sentence has a twin that must stay as it was: a denial, the
organisation's own name, a relative clause, a report that is not personal data, a condition in brackets.
"""

from __future__ import annotations

import pytest

from notice_check.document import load_document
from notice_check.extraction import extract


def _of(claims, text, practice):
    return [a for a in claims(text) if a.practice == practice]


def _kinds(found):
    return sorted({p.kind for a in found for p in a.parties})


# ---------------------------------------------------------------- "we, or our vendors, ...": the other conjunct


def test_a_conjunct_of_we_that_names_a_party_makes_it_a_processing_party(claims):
    found = _of(claims, "We, or our vendors, may process your IP address when you visit the site.", "processing")
    assert [a.polarity for a in found] == ["affirm"]
    assert "processor" in _kinds(found)


@pytest.mark.parametrize(("text", "kind"), [
    ("We and our affiliates use the contact details we collect to run the service.", "affiliate"),
    ("We, or our advertising vendors, may use details of the pages you visit to choose which ads to show.",
     "advertiser"),
    ("These ad networks may use information about your interests to show you ads on other sites.", "advertiser"),
])
def test_another_party_using_the_data_processes_it(claims, text, kind):
    found = _of(claims, text, "processing")
    assert [(a.polarity, a.rule) for a in found] == [("affirm", "processing.use.v1")]
    assert kind in _kinds(found)


@pytest.mark.parametrize("text", [
    # a limit on what vendors may do is a purpose rule, not a claim that nobody uses the data
    "Our vendors must not use your details for their own marketing.",
    "Our service providers may not use your information for any other purpose.",
    # the organisation's own name, whose words read as a kind of party ("Bank")
    "Acme Bank uses account data to advertise its products.",
    # people described by a relative clause: whoever uses your login is not a recipient
    "You are responsible for other members who use your login.",
    # a cookie is a tool, and "use cookies" is the tracker rule's sentence, not processing
    "Advertisers use cookies to collect information.",
    # the reader uses the service
    "By using the app you agree to these terms.",
])
def test_use_that_is_no_other_party_processing(claims, text):
    assert [a for a in _of(claims, text, "processing") if a.rule == "processing.use.v1"] == []


def test_a_failed_use_trigger_does_not_take_the_place_of_a_transfer(claims):
    # "using" is a trigger word that cannot hold here (the reader uses the app); it must not own "Canada"
    text = ("By signing up for and using the app you agree to the transfer of your data to Canada or to any other "
            "country in which Globex or its vendors keep facilities.")
    found = _of(claims, text, "transfer")
    assert [(a.polarity, a.location.countries if a.location else None) for a in found] == [("affirm", ["CA"])]


def test_a_place_that_is_a_verbs_object_is_no_stray_place_for_a_transfer_elsewhere(claims):
    text = ("If you would like to access, correct, delete, limit, transfer, or object to the use of your data, or "
            "close your account, please access our EU and UK Privacy Request Form.")
    assert _of(claims, text, "transfer") == []


# ---------------------------------------------------------------- recipients


def test_reporting_figures_to_advertisers_is_a_disclosure(claims):
    found = _of(claims, "We also use log data to report aggregate statistics to our advertisers.", "sharing")
    assert [(a.polarity, a.rule) for a in found] == [("affirm", "sharing.give.v1")]
    assert "advertiser" in _kinds(found)


def test_reporting_to_the_reader_is_not(claims):
    assert _of(claims, "You can report abuse to our support team.", "sharing") == []


@pytest.mark.parametrize("text", [
    "We may send your account data to other Globex offices for administration.",
    "We may share your order history with our overseas offices.",
])
def test_the_groups_other_offices_are_affiliates(claims, text):
    assert _kinds(_of(claims, text, "sharing")) == ["affiliate"]


def test_contacting_other_offices_is_no_disclosure(claims):
    assert _of(claims, "Please contact our other offices.", "sharing") == []


@pytest.mark.parametrize("text", [
    "If you enter a contest, we may publish the names and home towns of the winners.",
    "If you send us a review, we may publish your screen name with it.",
])
def test_publishing_a_persons_details_is_a_disclosure(claims, text):
    found = _of(claims, text, "sharing")
    assert [(a.polarity, a.rule) for a in found] == [("affirm", "sharing.publish.v1")]


@pytest.mark.parametrize("text", [
    "We publish a transparency report twice a year.",
    "These pages are published in Canada.",
    "We have no duty to publish, edit or remove the comments you post.",
    "We block features that may collect or publish such information.",
])
def test_publishing_that_is_no_disclosure_of_a_persons_data(claims, text):
    assert [a for a in _of(claims, text, "sharing") if a.rule == "sharing.publish.v1"] == []


def test_a_partner_named_only_by_its_name_receives_data(claims):
    found = _of(claims, "We partner with Adnetix to serve ads and collect usage data on our site.", "sharing")
    assert [(a.rule, [(p.kind, p.name) for p in a.parties]) for a in found] == [
        ("sharing.engage.v1", [("unspecified", "Adnetix")])]


# ---------------------------------------------------------------- parse repairs


def test_an_aside_between_may_and_the_verb_keeps_the_disclosure(claims):
    text = "The Company may (and you permit us to) disclose your contact details to other companies in these cases:"
    found = _of(claims, text, "sharing")
    assert [(a.polarity, _kinds([a])) for a in found] == [("affirm", ["third_party"])]
    assert found[0].evidence.text == text  # the evidence is the sentence as written


def test_an_aside_with_a_condition_is_kept(claims):
    found = _of(claims, "We will (where required by law) disclose your account data to the police.",
                "law_enforcement")
    assert [a.conditions for a in found] == [["where required by law"]]


def test_the_last_passive_of_a_list_gives_its_agent_to_the_first(claims):
    text = "Data entered on partner pages can be collected, combined and used by those advertising partners."
    found = _of(claims, text, "collection")
    assert _kinds(found) == ["advertiser"]


def test_a_passive_with_its_own_agent_keeps_it(claims):
    found = _of(claims, "Your data is collected by us and stored by our service providers.", "collection")
    assert [p.kind for a in found for p in a.parties] == ["self"]


def _notice_claims(text):
    return extract(load_document("notice.md", data=text.encode("utf-8")))


def test_these_tools_are_the_third_party_tools_of_the_sentence_before():
    text = ("We use third-party analytics tools to measure how the site is used. These tools collect information "
            "sent by your browser, including the pages you visit.")
    found = [a for a in _notice_claims(text) if a.practice == "collection"]
    assert _kinds(found) == ["third_party"]


def test_tools_named_by_a_company_name_stay_nobodys():
    text = "We use Webstatz to measure how the site is used. These tools collect information sent by your browser."
    found = [a for a in _notice_claims(text) if a.practice == "collection"]
    assert _kinds(found) == []
