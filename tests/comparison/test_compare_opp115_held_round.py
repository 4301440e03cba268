"""False contradictions of the fifth probe's held-out half (`bench/cross_check.py --corpus opp115`, policies in odd
positions), read on 2026-12-07 and fixed in the round after, in our own words.

Each case is a kind of sentence the tool reported as contradicted and a reader judged a reading error. Each has a
twin that must stay contradicted, so that no rule is a blanket escape. The round was measured on findings no rule
was written from (`--corpus ota-history` and `--corpus tosdr`, read before the fixes).
"""

from __future__ import annotations

import pytest
from comparison_builders import claim, judged, message_store

from notice_check.comparison import compare

# ---------------------------------------------------------------- another party keeps, collects or stores


@pytest.mark.parametrize(("text", "practice"), [
    ("We work with shipping and payment vendors. These companies do not retain or store personally identifiable "
     "information for any secondary purposes.", "storage"),
    ("We work with shipping and payment vendors. These companies do not retain or store personally identifiable "
     "information.", "retention"),
    ("We require our fulfilment vendor not to retain, share, store or use your information.", "storage"),
    ("Ad networks may place cookies on your computer. None of them collect any personal information from you.",
     "collection"),
])
def test_what_another_party_keeps_is_not_the_organisation(verdicts_of, text, practice):
    example = "retention-encryption" if practice == "retention" else "eea-only"
    assert "contradicted" not in verdicts_of(example, text, practice)


@pytest.mark.parametrize(("text", "practice", "example"), [
    ("We do not store personally identifiable information.", "storage", "eea-only"),
    ("We do not retain your messages.", "retention", "retention-encryption"),
    ("We and our vendors do not store personally identifiable information.", "storage", "eea-only"),
    ("We do not collect any personal information from you.", "collection", "eea-only"),
])
def test_the_organisations_own_denial_is_still_contradicted(verdicts_of, text, practice, example):
    assert "contradicted" in verdicts_of(example, text, practice)


def test_a_period_for_data_given_to_a_vendor_is_the_organisations(findings_of):
    """ "provided to our vendor" describes the data; the organisation keeps it (the part the sentence narrows is
    what leaves the claim open, not the vendor)."""
    found = findings_of("retention-encryption", "We keep the messages provided to our vendor for 7 days.",
                        "retention")
    assert found and not any("vendor, not the organisation" in f.message for f in found)
    assert "does not tell apart" in found[0].message


# ------------------------------------------------------ what the reader receives, what a rule or a word covers


@pytest.mark.parametrize("text", [
    "We give you the chance to choose not to receive communications from us.",
    "No one under the age of 21 is allowed to receive our emails.",
])
def test_what_the_reader_receives_is_no_collection(verdicts_of, text):
    assert verdicts_of("line-2021", text, "collection") == []


def test_what_we_receive_is_still_collection(verdicts_of):
    assert "contradicted" in verdicts_of("line-2021", "We do not receive your messages.", "collection")


@pytest.mark.parametrize(("text", "practice"), [
    ("Of course, this does not include selling or renting personal information in breach of this notice.", "sale"),
    ("Not all information sharing is covered by the state's disclosure law.", "sharing"),
])
def test_what_a_word_or_a_rule_covers_is_no_claim(verdicts_of, text, practice):
    assert verdicts_of("sale-sharing", text, practice) == []


def test_what_a_law_restricts_is_not_a_transfer(verdicts_of):
    text = "The Directive restricts the transfer of personal data about people in the EU to the United States."
    assert verdicts_of("eea-only", text, "transfer") == []
    assert "contradicted" in verdicts_of("eea-only", "We transfer all personal data to the United States.",
                                         "transfer")


def test_data_that_is_not_personal_is_not_all_data(verdicts_of):
    text = "We do not collect non-personal information from you, such as your browser type."
    assert "contradicted" not in verdicts_of("eea-only", text, "collection")


# ---------------------------------------------------------------- limits the manifest does not record


@pytest.mark.parametrize(("example", "text", "practice"), [
    ("eea-only", "We will never ask for your personal information through email.", "collection"),
    ("eea-only", "If you are simply browsing our site, we do not collect any personal information about you.",
     "collection"),
    ("eea-only", "We do not collect personal information from a visitor unless that visitor explicitly provides it.",
     "collection"),
    ("eea-only", "Your information is never collected unless you also fill out a registration form.", "collection"),
    ("sale-sharing", "Acme does not sell personal information about you to other companies except to provide "
     "services you have requested, when we have your permission, or under the following circumstances:", "sale"),
    ("sale-sharing", "If you have registered, we will not sell or authorize any third party to use your email "
     "address without your permission.", "sale"),
    ("sale-sharing", "Personal information is not shared with third parties unless we give prior notice and "
     "choice.", "sharing"),
    ("sale-sharing", "We will not share your data in a manner that would enable an advertiser to identify you.",
     "sharing"),
    ("sale-sharing", "We do not share send-a-friend e-mail addresses with third parties.", "sharing"),
    ("sale-sharing", "Acme will not otherwise provide any personal data to your card issuer.", "sharing"),
    ("sale-sharing", "The information you submit is used only for recruiting and is not shared with any third "
     "party.", "sharing"),
    ("sale-sharing", "We use our best efforts not to disclose personal information about you to outside parties.",
     "sharing"),
    ("eea-only", "No personally identifiable information is stored on these cookies or web pixels.", "storage"),
])
def test_a_limit_the_manifest_does_not_record_leaves_the_denial_open(verdicts_of, example, text, practice):
    assert "contradicted" not in verdicts_of(example, text, practice)


@pytest.mark.parametrize(("example", "text", "practice"), [
    ("sale-sharing", "Acme does not sell personal information about you to other companies.", "sale"),
    ("sale-sharing", "Personal information is not shared with third parties.", "sharing"),
    ("sale-sharing", "We will not share your data with advertisers.", "sharing"),
    ("eea-only", "No personally identifiable information is stored on our servers.", "storage"),
])
def test_the_plain_denials_stay_contradicted(verdicts_of, example, text, practice):
    assert "contradicted" in verdicts_of(example, text, practice)


def test_a_pointing_recipient_names_parties_said_before(verdicts_of):
    text = ("If we send you e-mail on behalf of another company, your personal information is not disclosed to "
            "that company.")
    assert "contradicted" not in verdicts_of("sale-sharing", text, "sharing")


def test_a_recipient_the_parser_hangs_on_a_relative_clause(verdicts_of):
    """ "to any outside entity" hung on "you enter": nobody enters data to someone, so it is the recipient."""
    text = "We do not disclose the information you enter on our forms to any outside entity."
    assert "contradicted" not in verdicts_of("line-2021", text, "sharing")  # an affiliate is no outside entity
    assert "contradicted" in verdicts_of("sale-sharing", text, "sharing")  # an ad network is


# ---------------------------------------------------------------- places and exceptions


def test_international_users_name_whose_data_moves(verdicts_of):
    text = "All personal information we collect from our international users is transferred to the United States."
    assert "contradicted" not in verdicts_of("eea-only", text, "transfer")
    assert "contradicted" in verdicts_of("eea-only", "All personal information is transferred only to Japan.",
                                         "transfer")


def test_other_facility_locations_leave_the_list_open(verdicts_of):
    text = "Your personal information is stored in facilities in the United States and other facility locations."
    assert "contradicted" not in verdicts_of("eea-only", text, "storage")
    assert "contradicted" in verdicts_of("eea-only", "Your personal information is stored in facilities in Japan.",
                                         "storage")


def test_a_legal_exception_covers_a_disclosure_under_legal_process(verdicts_of):
    text = "We will not disclose personal information to any third party unless required to do so by law or subpoena."
    assert "contradicted" not in verdicts_of("line-2021", text, "law_enforcement")
    assert "contradicted" in verdicts_of("line-2021", "We never disclose personal information to the police.",
                                         "law_enforcement")


def test_sharing_described_elsewhere_may_be_a_service_provider(verdicts_of):
    """ "except as set forth in this policy": third parties for payment processing may be the processor."""
    text = ("We will not share your personal information with anyone else, except as set forth in this Privacy "
            "Policy.\n\nWe may give your contact details to third parties for payment processing.")
    assert "contradicted" not in verdicts_of("eea-only", text, "sharing")
    alone = "We will not share your personal information with anyone else, except as set forth in this Privacy Policy."
    assert "contradicted" in verdicts_of("eea-only", alone, "sharing")


def test_a_period_for_part_of_data_named_before(verdicts_of):
    text = "We keep logs of each visit. We remove personally identifiable data from this information after 90 days."
    assert "contradicted" not in verdicts_of("truthful-saas", text, "retention")
    assert "contradicted" in verdicts_of("truthful-saas", "We delete personal data after 90 days.", "retention")


def test_the_agent_of_a_passive_list_does_every_verb(findings_of):
    text = "Personal information will be collected, processed and stored by Zenith Corporation in the United States."
    found = findings_of("eea-only", text, "processing")
    assert found and all(f.verdict == "unverifiable" and "Zenith Corporation's own practice" in f.message
                         for f in found)


def test_nobody_else_receiving_is_no_collection(verdicts_of):
    text = "Our partner makes the data anonymous so that no one else will receive your personal information."
    assert verdicts_of("eea-only", text, "collection") == []


def test_a_guest_purchase_limits_the_denial(verdicts_of):
    text = "If you buy as a guest, we will not store the personal information you provide."
    assert "contradicted" not in verdicts_of("eea-only", text, "storage")
    assert "contradicted" in verdicts_of("eea-only", "We will not store the personal information you provide.",
                                         "storage")


def test_those_services_point_back(verdicts_of):
    text = "You may post to social networks, but we will not share information with those services."
    assert "contradicted" not in verdicts_of("line-2021", text, "sharing")


def test_consent_in_one_clause_leaves_the_other_clauses_denial(verdicts_of):
    text = "We will never share your data with a third party without your consent, and we will never sell your data."
    assert "contradicted" in verdicts_of("sale-sharing", text, "sale")
    one = "We will not sell or allow any third party to use your email address without your permission."
    assert "contradicted" not in verdicts_of("sale-sharing", one, "sale")


def test_another_partys_retention_until_an_event_is_not_the_organisations_store() -> None:
    """ "our service providers keep it until you delete your account": only a store they operate keeping the data
    indefinitely breaks it. Before, the organisation's own indefinite store contradicted the vendors' claim."""
    m = message_store(retention_indefinite=True)  # the organisation's own store
    theirs = claim("retention", "Our service providers keep your messages until you delete your account.",
                   data="your messages", until="account_deletion", parties=["processor"])
    finding = judged(compare([theirs], m), theirs)
    assert finding.verdict == "unverifiable" and "not the organisation" in finding.message
    ours = claim("retention", "We keep your messages until you delete your account.", data="your messages",
                 until="account_deletion")
    assert judged(compare([ours], m), ours).verdict == "contradicted"
