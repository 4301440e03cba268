"""What the extractor reads for the MAPP probe's second round (bench/cross_check.py --corpus mapp), in our own
sentences: who does the practice when a company is named, what a negation belongs to, and which places are
a claim's."""

from __future__ import annotations

import pytest


def _of(claims, text: str, practice: str):
    return [a for a in claims(text) if a.practice == practice]


@pytest.mark.parametrize(("text", "practice", "name"), [
    ("If you block it in your browser, Hotjar will not collect any data.", "collection", "Hotjar"),
    ("The data gathered here is sent by Google to a server in the USA and stored there.", "storage", "Google"),
    ("The information is transferred to and stored on a Google server in the USA.", "storage", "Google"),
    ("Your IP address is transmitted to Google servers in the USA.", "transfer", "Google"),
])
def test_a_company_named_as_the_doer_is_the_claims_party(claims, text, practice, name):
    """The comparator needs the name to tell another company's practice from the organisation's own."""
    found = _of(claims, text, practice)
    assert found and [p.name for p in found[0].parties] == [name]


def test_we_stay_the_doer_when_no_company_is_named(claims):
    found = _of(claims, "We will not collect any data if you block it in your browser.", "collection")
    assert found and all(p.name is None for p in found[0].parties)


@pytest.mark.parametrize(("text", "practice"), [
    ("This privacy policy does not apply to the collection of your information by our partners.", "collection"),
    ("Opting out will not affect disclosures to our service providers.", "sharing"),
    ("We may not be able to notify you of a request for the disclosure of your data.", "sharing"),
])
def test_a_negation_that_belongs_to_another_verb_denies_nothing(claims, text, practice):
    assert all(a.polarity == "affirm" for a in _of(claims, text, practice))


@pytest.mark.parametrize(("text", "practice"), [
    ("We do not make disclosures of your data to advertisers.", "sharing"),
    ("We do not engage in the sale of personal data.", "sale"),
])
def test_a_negated_support_verb_still_denies_its_noun(claims, text, practice):
    found = _of(claims, text, practice)
    assert found and all(a.polarity == "deny" for a in found)


@pytest.mark.parametrize("text", [
    "We do not have access to or control over these cookies.",
    "We have no access or control over these cookies.",
    "We do not have access to, or control over, the technologies that advertisers may use.",
])
def test_no_access_to_tools_is_no_processing_claim(claims, text):
    assert _of(claims, text, "processing") == []


def test_no_access_to_the_data_they_collect_names_that_data(claims):
    found = _of(claims, "We do not have access to or control over personal information collected via these "
                        "cookies.", "processing")
    assert [a.data.text for a in found] == ["personal information"]


def test_advertisers_without_access_to_our_cookies_is_still_read(claims):
    found = _of(claims, "Advertisers do not have access to our cookies.", "processing")
    assert found and found[0].polarity == "deny" and found[0].parties[0].kind == "advertiser"


def test_or_other_countries_after_a_long_clause_leaves_the_list_open(claims):
    found = _of(claims, "Your personal information will be transferred to the United States, where many of our "
                        "central databases operate, or other countries where our vendors have facilities.", "transfer")
    assert found and found[0].location.countries == ["US"] and found[0].location.open


def test_a_closed_list_stays_closed(claims):
    found = _of(claims, "Your personal information will be transferred to the United States.", "transfer")
    assert found and not found[0].location.open


def test_the_place_of_a_legal_requirement_is_not_where_data_is(claims):
    found = claims("Invoices are kept for up to 10 years, because it is a legal requirement in Austria.")
    assert not any(a.location for a in found)
    assert [a.retention.max_days for a in found if a.practice == "retention"] == [3650]


def test_they_never_stores_for_the_organisation(claims):
    assert _of(claims, "They do not store personal information directly, but identify your browser.", "storage") == []


def test_a_kind_of_party_that_does_not_store_is_still_read(claims):
    found = _of(claims, "Our service providers do not store your card number.", "storage")
    assert found and found[0].polarity == "deny" and [p.kind for p in found[0].parties] == ["processor"]


# ---------------------------------------------------------------- the C3PA probe (CCPA passages)


@pytest.mark.parametrize("text", [
    "Any disclosures we provide will only cover the 12-month period preceding the receipt of your request.",
    "In the last 12 months, we stored and retained personal data as the retention periods below describe.",
])
def test_a_look_back_window_is_no_retention_period(claims, text):
    assert all(a.retention is None or a.retention.max_days is None for a in claims(text) if a.practice == "retention")


def test_a_plain_period_is_still_read(claims):
    found = _of(claims, "We keep your messages for 12 months.", "retention")
    assert [a.retention.max_days for a in found] == [360]


def test_may_not_have_collected_is_no_denial(claims):
    assert _of(claims, "The company may not have collected personal information from each of these sources.",
               "collection") == []


def test_in_whole_or_in_part_leaves_the_list_open(claims):
    found = _of(claims, "Information collected on our site is stored in whole or in part in the United States.",
                "storage")
    assert found and found[0].location.open


def test_a_law_named_after_a_country_is_no_place(claims):
    found = claims("All our affiliates have signed a transfer agreement committing to comply with the UK GDPR.")
    assert not any(a.location and "GB" in a.location.countries for a in found)


def test_sent_to_and_stored_by_a_company_names_the_recipient(claims):
    found = _of(claims, "Information these cookies generate is transmitted to and stored by Google on servers in "
                        "the United States.", "transfer")
    assert found and [p.name for p in found[0].parties] == ["Google"]


@pytest.mark.parametrize("text", [
    'You may opt out by selecting "Do Not Sell or Share My Personal Information."',
    "Under the CCPA, a business does not sell personal information when a consumer directs it to disclose it.",
])
def test_link_labels_and_the_statute_are_no_sale_denial(claims, text):
    assert _of(claims, text, "sale") == []


def test_a_condition_after_shared_verbs_is_each_verbs(claims):
    found = claims("We do not disclose or sell your personal information without giving you an opportunity to "
                   "opt out.")
    assert {a.practice for a in found} == {"sharing", "sale"}
    assert all(any("opt out" in c for c in a.conditions) for a in found)


def test_a_verb_with_its_own_object_keeps_its_own_conditions(claims):
    found = _of(claims, "We do not sell your personal information, and we will not sell it without providing you "
                        "the ability to opt out.", "sale")
    assert sorted(bool(a.conditions) for a in found) == [False, True]
