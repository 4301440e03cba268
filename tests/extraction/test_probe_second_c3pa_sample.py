"""What the extractor reads for the C3PA probe's second sample (bench/cross_check.py --corpus c3pa), in our own
sentences: table cells and link labels are no claims, a postal address is no place, a named party's rule is
not the organisation's, and verbs that share an object share its recipient."""

from __future__ import annotations

import pytest


def _of(claims, text: str, practice: str):
    return [a for a in claims(text) if a.practice == practice]


@pytest.mark.parametrize(("text", "practice"), [
    ("Identity verification providers Research partners Not sold", "sale"),
    ("Purpose for sharing (disclosure counts as a share): Not Shared", "sharing"),
    ("Requests to Opt-Out (Do Not Sell Information)", "sale"),
    ("Opt-Out Requests (Sale of Personal Data)", "sale"),
])
def test_a_table_cell_or_a_heading_is_no_claim(claims, text, practice):
    assert _of(claims, text, practice) == []


@pytest.mark.parametrize(("text", "practice"), [
    ("Your personal information is not sold.", "sale"),
    ("Personal information is not shared.", "sharing"),
])
def test_a_sentence_ending_in_not_sold_is_still_a_denial(claims, text, practice):
    found = _of(claims, text, practice)
    assert found and found[0].polarity == "deny"


def test_a_postal_address_is_no_place_of_processing(claims):
    text = ("Use the request form available on our website, or write to us at 12 Lake Street, Suite 300, "
            "Chicago, Illinois 60601.")
    assert all(a.location is None for a in claims(text))


def test_a_place_in_the_same_sentence_without_a_postcode_is_still_read(claims):
    found = _of(claims, "Your data is available to our support staff in Chicago, Illinois.", "processing")
    assert found and found[0].location is not None and "US" in found[0].location.countries


def test_a_place_that_shares_a_law_is_no_place(claims):
    text = "Traits protected under California or US law are available to us in our survey records."
    assert all(a.location is None or "US" not in a.location.countries for a in claims(text))


def test_travel_as_a_noun_is_no_transfer(claims):
    text = "An advertiser may look for customers who are likely to be interested in travel to Hawaii."
    assert _of(claims, text, "transfer") == []


def test_data_that_travels_is_still_a_transfer(claims):
    found = _of(claims, "Your personal data may travel to the United States.", "transfer")
    assert found and found[0].location is not None and found[0].location.countries == ["US"]


def test_the_rule_a_service_provider_keeps_is_not_the_organisations_denial(claims):
    text = "The service provider does not further collect, sell or use the personal information of the consumer."
    assert _of(claims, text, "sale") == []


def test_the_company_naming_itself_still_denies(claims):
    found = _of(claims, "The company does not sell your personal information.", "sale")
    assert found and found[0].polarity == "deny"


def test_verbs_that_share_an_object_share_its_recipient(claims):
    found = _of(claims, "We have not disclosed or sold any personal information to third parties.", "sharing")
    assert found and [p.kind for p in found[0].parties] == ["third_party"]


def test_a_verb_with_its_own_object_keeps_its_own_recipients(claims):
    found = _of(claims, "We disclose your name and sell nothing to third parties.", "sharing")
    assert all(p.kind != "third_party" for a in found for p in a.parties)


def test_the_reader_is_not_the_data_of_a_passive_denial(claims):
    """The parser can make the "you" of a relative clause a second passive subject."""
    text = "Information that you submit to get us to contact you is never sold to third parties."
    found = _of(claims, text, "sale")
    assert found and found[0].data is not None and found[0].data.text.lower().startswith("information")


def test_a_verb_joined_to_a_negated_copula_is_not_denied(claims):
    """The parser can join a later verb to "may not be relevant": the negation is the copula's."""
    text = ("Parts of this notice may not be relevant to you, since the ways we collect, use, and disclose personal "
            "information differ by customer.")
    assert all(a.polarity == "affirm" for a in _of(claims, text, "sharing"))


def test_a_place_inside_a_registered_company_name_is_no_place(claims):
    text = "These include Acme Inc, Acme Singapore Pte Ltd and Acme LLC, which process personal data for us."
    assert all(a.location is None for a in claims(text))


def test_a_place_next_to_a_company_name_is_still_read(claims):
    found = _of(claims, "Your data is transferred to our affiliate in Singapore, Acme Pte Ltd.", "transfer")
    assert found and found[0].location is not None and found[0].location.countries == ["SG"]


def test_a_personal_account_number_is_card_data(claims):
    found = _of(claims, "We do not store full credit card numbers or personal account numbers.", "storage")
    assert found and found[0].data is not None and found[0].data.categories == ["user.financial.credit_card"]


def test_not_limited_to_is_no_denial(claims):
    found = _of(claims, "Our measures include but are not limited to the use of firewalls and encryption.",
                "encryption")
    assert found and all(a.polarity == "affirm" for a in found)


def test_only_after_a_negated_verb_affirms_its_own_verb(claims):
    text = ("Phone numbers collected for alerts will not be used for marketing and only shared with service "
            "providers to send the alerts.")
    found = _of(claims, text, "sharing")
    assert found and all(a.polarity == "affirm" for a in found)


def test_the_last_verb_of_a_chain_gives_its_object_to_all(claims):
    text = "We do not sell, share or otherwise provide your contact details to anyone else."
    found = _of(claims, text, "sale")
    assert found and found[0].data is not None and "contact details" in found[0].data.text


def test_a_company_name_with_a_country_and_a_comma_is_no_place(claims):
    text = "We share personal data with our parent company, Acme USA, Inc., which processes it for us."
    assert all(a.location is None for a in claims(text))


def test_a_law_named_after_a_state_is_no_place(claims):
    text = "Personal data, as described in California Civil Code section 1798.80, is transferred to our partners."
    assert all(a.location is None for a in claims(text))


def test_or_within_a_region_the_law_requires_leaves_the_list_open(claims):
    text = ("We transfer certain personal information to our data centers in the USA or within a region as required "
            "by law.")
    found = _of(claims, text, "transfer")
    assert found and found[0].location is not None and found[0].location.open


@pytest.mark.parametrize(("text", "practice"), [
    ("2: Not sold or shared", "sale"),
    ("Potential buyers of our business None disclosed in the past 12 months", "sharing"),
])
def test_more_table_cells_are_no_claims(claims, text, practice):
    assert _of(claims, text, practice) == []


def test_may_reaches_a_verb_parsed_as_a_clause(claims):
    text = "Please be aware that your information may be transferred to, stored and processed in the United States."
    found = _of(claims, text, "storage")
    assert found and all(a.modality == "may" for a in found)


def test_it_denying_collection_is_not_the_organisation(claims):
    assert _of(claims, "It does not collect any personal information of the site visitors.", "collection") == []
    found = _of(claims, "We do not collect any personal information of the site visitors.", "collection")
    assert found and found[0].polarity == "deny"
