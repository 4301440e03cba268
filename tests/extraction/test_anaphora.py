"""A pronoun subject read as the parties the sentence before named ("They have access to ...")."""

from __future__ import annotations

import pytest

from notice_check.document import load_document
from notice_check.extraction import extract
from notice_check.extraction.pipeline import load_analyzer
from notice_check.extraction.slots import party_phrase

AGENTS = "We have outside agents, subsidiaries and partners that carry out tasks for us, such as billing."


@pytest.fixture(scope="module")
def analyzer():
    return load_analyzer()


def _claims(text: str):
    return extract(load_document("notice.md", data=text.encode("utf-8")))


@pytest.mark.parametrize(("text", "phrase"), [
    (AGENTS, "outside agents, subsidiaries and partners"),
    ("We use trusted service providers to process payments.", "trusted service providers"),
    ("Ad networks and other unaffiliated advertisers show ads on our pages.",
     "Ad networks and other unaffiliated advertisers"),
    ("We employ people to carry out tasks on our behalf.", None),  # "on our behalf" is no party phrase
    ("Users can post reviews.", None),
])
def test_the_party_phrase_of_the_sentence_before(analyzer, text, phrase):
    assert party_phrase(analyzer.nlp(text), analyzer.rules.lexicon) == phrase


def test_they_in_the_next_sentence_are_those_parties_and_the_evidence_is_left_as_written():
    found = [a for a in _claims(f"{AGENTS} They may have access to your contact details to do their work.\n")
             if a.practice == "processing"]
    assert [[(p.kind, p.text) for p in a.parties] for a in found] == [
        [("processor", "outside agents"), ("affiliate", "subsidiaries"), ("third_party", "partners")]]
    assert found[0].evidence.text == "They may have access to your contact details to do their work."


def test_a_pronoun_after_a_leading_phrase_is_resolved_too():
    text = ("Ad networks and other unaffiliated advertisers show ads on our pages. "
            "As part of that service, they may place a cookie on your device.\n")
    found = [a for a in _claims(text) if a.practice == "sharing"]
    assert [(a.rule, [p.kind for p in a.parties]) for a in found] == [
        ("sharing.tracker.v1", ["advertiser", "advertiser"])]


def test_a_pronoun_never_reaches_into_another_paragraph():
    text = f"{AGENTS}\n\nThey may have access to your contact details.\n"
    assert [a.parties for a in _claims(text) if a.practice == "processing"] in ([], [[]])


def test_a_pronoun_for_people_who_are_not_parties_stays_unresolved():
    text = "Users can post reviews. They may share their own photos with friends.\n"
    assert [a for a in _claims(text) if a.practice == "sharing"] == []


def test_businesses_named_by_a_law_are_not_taken_for_the_parties_before():
    text = ("We do not share data with third parties for their marketing. Such businesses may instead adopt a "
            "policy not to disclose personal information to third parties for direct marketing.\n")
    denials = [a for a in _claims(text) if a.practice == "sharing" and "Such businesses" in a.evidence.text]
    assert denials == []


# "Your personal data is stored in Japan. It is not stored anywhere else." The second sentence named no place,
# so it was a denial of storage anywhere, which the Japanese stores themselves contradicted. It now reads the
# places of the sentence before ("anywhere other than Japan"); with no sentence before to read, it is no claim.
def test_anywhere_else_is_else_than_the_places_just_named(check_example):
    result = check_example("line-2021", "Your personal data is stored in Japan. It is not stored anywhere else.")
    [denial] = [a for a in result.assertions if a.polarity == "deny"]
    assert (denial.practice, denial.location.mode, denial.location.countries) == ("storage", "outside", ["JP"])
    [finding] = [f for f in result.findings if f.assertion_id == denial.id]
    assert finding.verdict == "contradicted"
    refs = {(r.section, r.key) for r in finding.manifest_refs}
    assert ("stores", "talk_media") in refs and not refs & {("stores", "accounts"), ("stores", "talk_messages")}


def test_elsewhere_with_no_place_before_is_no_claim():
    from notice_check.document import load_document
    from notice_check.extraction import extract

    found = extract(load_document("-", data=b"It is not stored anywhere else.\n\nWe do not keep it elsewhere.\n"))
    assert [a for a in found if a.practice == "storage"] == []


def test_a_data_reference_names_the_data_of_the_claim_before_it():
    # the claim before, in the sentence before of the same paragraph, names the data "this data" points to
    found = _claims("# Policy\n\nVendors that check ages may process biometric data. We never access this data.\n")
    [deny] = [a for a in found if a.polarity == "deny"]
    assert deny.data.text == "this data (biometric data)"
    assert deny.data.categories == ["user.biometric"]
    # and in the same sentence: "they" of "we cannot see them" is the messages encrypted before it
    found = _claims("# Policy\n\nMessages are encrypted before they reach our servers, so we cannot see them.\n")
    [deny] = [a for a in found if a.polarity == "deny"]
    assert deny.data.text == "them (Messages)"


def test_a_data_reference_with_nothing_before_it_stays_as_written():
    found = _claims("# Policy\n\nWe have offices in Tokyo.\n\nThis information is not saved on our servers.\n")
    [deny] = [a for a in found if a.practice == "storage"]
    assert (deny.data.text, deny.data.categories) == ("This information", [])


def test_a_reference_to_a_reference_names_the_first_data():
    found = _claims("# Policy\n\nWe collect your phone number. It is never sold, and it is never shared with "
                    "advertisers.\n")
    assert {a.data.text for a in found if a.polarity == "deny"} == {"It (your phone number)",
                                                                    "it (your phone number)"}
