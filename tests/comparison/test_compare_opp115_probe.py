"""False contradictions the fifth probe found (`bench/cross_check.py --corpus opp115`: OPP-115's 95 whole
policies against the shipped example manifests), in our own words.

Each case is a kind of sentence the tool reported as contradicted and a reader judged a reading error, on the
policies in even positions only (the odd ones are held out). Each has a twin that must stay contradicted, so
that no rule is a blanket escape.
"""

from __future__ import annotations

import pytest

# ---------------------------------------------------------------- a denial about one tracker, channel or purpose


@pytest.mark.parametrize(("text", "practice"), [
    ("No personal information is ever kept in an Acme cookie.", "storage"),
    ("No personally identifiable information is collected through these retargeting services.", "collection"),
    ("We do not collect any personal information through those sites.", "collection"),
    ("We do not collect personal data for any purpose other than to answer your question.", "collection"),
    ("Acme never collects information for commercial marketing.", "collection"),
    ("We do not currently respond to Do Not Track signals from your browser.", "collection"),
])
def test_a_denial_about_one_channel_or_purpose_is_not_about_all_data(verdicts_of, text, practice):
    verdicts = verdicts_of("eea-only", text, practice)
    assert "contradicted" not in verdicts


@pytest.mark.parametrize(("text", "practice"), [
    ("No personal information is ever kept on our servers.", "storage"),
    ("We do not collect any personal information.", "collection"),
])
def test_the_plain_denial_is_still_contradicted(verdicts_of, text, practice):
    assert "contradicted" in verdicts_of("eea-only", text, practice)


def test_a_list_that_adds_tracker_data_is_no_limit(verdicts_of):
    text = "We do not sell your information, including information collected through cookies."
    assert "contradicted" in verdicts_of("sale-sharing", text, "sale")


def test_a_sale_denial_about_pixel_data_is_not_about_the_feed(verdicts_of):
    text = "We do not sell the information collected through tracking pixels."
    assert "contradicted" not in verdicts_of("sale-sharing", text, "sale")
    assert "contradicted" in verdicts_of("sale-sharing", "We do not sell your information.", "sale")


def test_a_rule_said_to_hold_generally_leaves_room(verdicts_of):
    text = "We generally do not share your information with companies that are not affiliated with us."
    assert "contradicted" not in verdicts_of("sale-sharing", text, "sharing")
    twin = "We do not share your information with companies that are not affiliated with us."
    assert "contradicted" in verdicts_of("sale-sharing", twin, "sharing")


# ---------------------------------------------------------------- an exception, a group, a pointer


def test_anyone_other_than_our_providers_allows_a_provider(verdicts_of):
    """ "Other than" lost its exception: "with anyone" reached the helpdesk processor the sentence allows."""
    text = "We do not share your information with anyone other than our service providers."
    assert "contradicted" not in verdicts_of("eea-only", text, "sharing")
    twin = "We do not share your information with anyone."
    assert "contradicted" in verdicts_of("eea-only", twin, "sharing")


def test_non_affiliated_companies_are_not_affiliates(verdicts_of):
    """ "non-affiliate companies" read as affiliates: the LINE manifest's affiliate contradicted the denial."""
    text = "We do not share your information with non-affiliate companies."
    assert "contradicted" not in verdicts_of("line-2021", text, "sharing")
    assert "contradicted" in verdicts_of("line-2021", "We do not share your information with our "
                                                                  "affiliates.", "sharing")


@pytest.mark.parametrize("text", [
    "When we run such searches for you, we do not pass your identity to third parties.",
    "Anything we learn in such surveys will not be shared with third parties.",
    "We would only disclose information about your daughter or son to a company that hosts our website.",
    "What you enter at those sites will only be shared with the vendors who run them.",
])
def test_a_denial_that_points_back_or_names_a_group(verdicts_of, text):
    assert "contradicted" not in verdicts_of("sale-sharing", text, "sharing")


def test_recipients_that_market_their_own_products(verdicts_of):
    text = "We do not share your information with other companies that would contact you about their own products."
    assert "contradicted" not in verdicts_of("sale-sharing", text, "sharing")


# ---------------------------------------------------------------- places that are not where data is


def test_a_postal_address_ending_in_its_country_is_no_storage_place(verdicts_of):
    text = "We are Acme, Inc., located at 100 Main Street, Springfield, CA 93013, USA."
    assert verdicts_of("eea-only", text, "storage") == []
    twin = "All user data is located in the USA."
    assert "contradicted" in verdicts_of("eea-only", twin, "storage")


def test_where_a_readers_device_is_located_is_no_storage_place(verdicts_of):
    text = "We may learn from an IP address that a particular computer is located in New York City."
    assert verdicts_of("truthful-saas", text, "storage") == []
