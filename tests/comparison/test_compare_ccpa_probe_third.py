"""False contradictions of the C3PA probe's third sample (`bench/cross_check.py --corpus c3pa`: 100 findings no
one had read, drawn after the second round of fixes and read by two other readers), in our own words. Each
limited denial has a plain twin that must stay contradicted."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("example", "text", "practice"), [
    # the statute's "share" is disclosure for cross-context advertising: an affiliate's access is not it
    ("line-2021", "We do not “sell” or “share” your personal data.", "sharing"),
    ("line-2021", "We have not sold or shared personal information in the 12 months before this notice was last "
                  "updated.", "sharing"),
    # a signal or a request of the user's comes first
    ("eea-only", "When a Do Not Track signal is recognised, no personal information is collected or stored by "
                 "our services.", "storage"),
    ("sale-sharing", "We may treat your request as a request that we do not sell your personal information.",
     "sale"),
    ("sale-sharing", "If we sell your personal information, you may tell us not to sell it at any time.", "sale"),
    # one tool, one site, other users, one kind of sale
    ("eea-only", "Example.com cookies do not collect personal information.", "collection"),
    ("truthful-saas", "Cookies cannot profile your system or collect information from your device.", "collection"),
    ("line-2021", "We do not share your personal information on either example.com or example.net.", "sharing"),
    ("sale-sharing", "We do not disclose email addresses to other users except where the law requires it.",
     "sharing"),
    ("sale-sharing", "We will not share your email address with any other members.", "sharing"),
    ("sale-sharing", "We do not sell personal information to individual consumers.", "sale"),
    ("sale-sharing", "In no event will we sell your personal information as part of a customer list.", "sale"),
    ("eea-only", "Under the statute, such disclosures of personal information to service providers are not "
                 "deemed to be a sale.", "sharing"),
    # whose data, how it came, what it points to
    ("eea-only", "We do not collect personally identifiable information for visitors that simply browse the site.",
     "collection"),
    ("line-2021", "We do not share or disclose business customer data with any other parties.", "sharing"),
    ("eea-only", "We do not use or receive any information about consumers unless contacted by a consumer.",
     "collection"),
    ("eea-only", "Because we do not collect such information, we have none to disclose.", "collection"),
    ("sale-sharing", "We do not sell any personal information received on behalf of our clients.", "sale"),
    ("sale-sharing", "We do not sell personal data processed for our marketing purposes.", "sale"),
    ("eea-only", "We do not receive information found in cookies or persistent identifiers.", "collection"),
    ("sale-sharing", "Information obtained from the loyalty text message program will not be shared with third "
                     "parties.", "sharing"),
    ("sale-sharing", "Card information that is collected on our sign-up page is encrypted, and the information is "
                     "not sold or shared.", "sale"),
    ("sale-sharing", "We may share this personal information with the partners listed below. We do not disclose "
                     "personal information collected in connection with the rewards program to data brokers.",
     "sharing"),
    # hedges, hypotheticals, purposes, and data nobody names
    ("sale-sharing", "If you do not agree, we might not be allowed to provide your information to third parties.",
     "sharing"),
    ("eea-only", "We do not generally collect personal information directly from consumers.", "collection"),
    ("eea-only", "We may or may not collect all of the information listed above about you.", "collection"),
    ("eea-only", "We do not allow our vendors to use your personal data for their own purposes and only permit them "
                 "to process your personal data for specified purposes.", "processing"),
    ("sale-sharing", "This matching uses a clean room where neither we nor the advertiser can access each other's "
                     "data.", "processing"),
    ("eea-only", "We do not have direct access to your payment card information.", "processing"),
    ("line-2021", "No personal information about you is revealed in this process.", "sharing"),
    ("line-2021", "We will not keep more data than we need.", "retention"),
    ("truthful-saas", "Your personal data will not be kept for longer than 12 months and/or as necessary to protect "
                      "the rights of users and the company.", "retention"),
    ("eea-only", "If you are located outside the United States, your information will be transferred to and "
                 "stored in the United States.", "storage"),
    ("line-2021", "If you are using our chat product with a work account, your conversations will not be saved or "
                  "stored.", "storage"),
    ("line-2021", "Forwarded content will not be end-to-end encrypted.", "encryption"),
])
def test_a_limited_denial_of_the_third_sample_is_not_contradicted(verdicts_of, example, text, practice):
    verdicts = verdicts_of(example, text, practice)
    assert verdicts and "contradicted" not in verdicts


@pytest.mark.parametrize(("example", "text", "practice"), [
    ("line-2021", "We do not share your personal data with anyone.", "sharing"),
    ("sale-sharing", "We do not “sell” or “share” your personal data.", "sale"),
    ("sale-sharing", "We have not sold or shared personal information in the past 12 months.", "sharing"),
    ("eea-only", "No personal information is collected or stored by our services.", "storage"),
    ("sale-sharing", "We do not sell personal information.", "sale"),
    ("eea-only", "We do not collect personally identifiable information.", "collection"),
    ("sale-sharing", "We do not sell any personal information.", "sale"),
    ("sale-sharing", "Personal information is not sold or shared.", "sale"),
    ("eea-only", "We do not have access to your personal data.", "processing"),
    ("eea-only", "Your information is stored in the United States.", "storage"),
    ("line-2021", "If you are located outside the United States, your information will be transferred to and "
                  "stored in the United States.", "storage"),
    ("line-2021", "Your conversations will not be saved or stored.", "storage"),
    ("line-2021", "Messages will not be end-to-end encrypted.", "encryption"),
])
def test_the_plain_twin_is_still_contradicted(verdicts_of, example, text, practice):
    assert "contradicted" in verdicts_of(example, text, practice)
