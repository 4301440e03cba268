"""What ToS;DR volunteers quoted and we misread (bench/tosdr.py, tuned half), paraphrased in our own words.

A denial read as an affirmation is the worst error we can make: checked against a manifest with no sale, it
is a false *contradicted*. Each fix has a twin that must stay as it was.
"""

from __future__ import annotations

import pytest


def _of(claims, text, practice):
    return [a for a in claims(text) if a.practice == practice]


# ---------------------------------------------------------------- denials the parser hides


@pytest.mark.parametrize(("text", "practice", "polarity"), [
    # a list item the parser leaves unlabelled shares the list's "not"
    ("Acme will not sell, rent, license, or trade your personal data with other companies.", "sale", "deny"),
    # "no" on the practice itself
    ("There will be no sale of your data.", "sale", "deny"),
    ("There is no sharing of your data with advertisers.", "sharing", "deny"),
    # the negation is on "have", the practice is what is (not) planned
    ("We do not have any plans to sell your personal data.", "sale", "deny"),
    ("We have no intention to share your data with advertisers.", "sharing", "deny"),
    # written without the apostrophe: spaCy splits off "nt" all the same
    ("We dont sell your data.", "sale", "deny"),
    ("We wont share your email address with anyone.", "sharing", "deny"),
    # what the organisation's business is
    ("We are not in the business of selling your information to others.", "sale", "deny"),
    # their affirmed twins stay affirmed
    ("Acme will sell, rent, or trade your personal data to other companies.", "sale", "affirm"),
    ("We have plans to sell anonymised reports to researchers.", "sale", "affirm"),
    ("We sell your data to advertisers.", "sale", "affirm"),
])
def test_denials_the_parser_hides_and_their_affirmed_twins(claims, text, practice, polarity):
    found = _of(claims, text, practice)
    assert found and {a.polarity for a in found} == {polarity}


def test_a_topic_about_the_business_of_selling_is_still_no_claim(claims):
    assert _of(claims, "Read more about the business of selling data in this article.", "sale") == []


def test_no_control_over_a_practice_is_not_a_denial_of_it(claims):
    # "no" on a noun further up (control) is not "no" on the practice
    found = _of(claims, "You have no control over the sale of data by those websites.", "sale")
    assert all(a.polarity != "deny" for a in found)


# ---------------------------------------------------------------- retention without a number


@pytest.mark.parametrize(("text", "until"), [
    ("The data is kept securely, and for a limited time period only.", None),
    ("We store your personal data for the shortest amount of time possible.", None),
    ("We do not keep personal data longer than is legally allowed and necessary for providing the service.",
     "purpose_fulfilled"),
    ("When we no longer need your data, we delete it or make it anonymous.", "purpose_fulfilled"),
    ("Deleted posts may persist in backup copies for a reasonable period of time.", None),
])
def test_a_bounded_keeping_is_retention(claims, text, until):
    found = _of(claims, text, "retention")
    assert found and found[0].retention is not None and found[0].retention.until == until


def test_keeping_without_a_bound_stays_storage(claims):
    text = "The data is kept securely on our servers."
    assert _of(claims, text, "retention") == []
    assert _of(claims, text, "storage")


# ---------------------------------------------------------------- business transfers, consent, "other countries"


def test_data_transferred_as_one_of_the_assets_is_shared(claims):
    text = "If we sell our business, your account information may be transferred as one of our business assets."
    found = _of(claims, text, "sharing")
    assert found and found[0].polarity == "affirm" and "account information" in found[0].data.text


def test_things_that_are_not_data_sold_as_assets_are_no_claim(claims):
    assert _of(claims, "We may sell our office furniture as one of our assets.", "sharing") == []


@pytest.mark.parametrize("text", [
    "You authorize us to transfer and store your data in the United States.",
    "You consent to us transferring your data to the United States.",
])
def test_what_the_reader_lets_us_do_is_our_practice(claims, text):
    found = [a for a in claims(text) if a.practice in ("transfer", "storage")]
    assert found and all(a.location is not None and a.location.countries == ["US"] for a in found)
    assert all(a.data is None or a.data.text.lower() != "us" for a in found)


@pytest.mark.parametrize("text", [
    "You can ask us to delete your data.",
    "You may allow advertisers to collect your data.",
])
def test_what_the_reader_asks_or_lets_others_do_is_not(claims, text):
    assert [a for a in claims(text) if a.practice in ("retention", "collection", "sharing")] == []


def test_a_country_other_than_yours_is_a_transfer_abroad(claims):
    found = _of(claims, "Your data may be transferred to a country other than your own.", "transfer")
    assert found and found[0].polarity == "affirm"




# ---------------------------------------------------------------- "they" as what a predicate describes, "onto"


def test_they_described_as_encrypted_are_the_data(claims):
    text = "We cannot read your messages because they are always end-to-end encrypted."
    found = _of(claims, text, "encryption")
    assert found and found[0].polarity == "affirm"


def test_they_who_do_something_are_still_people(claims):
    assert _of(claims, "They are happy to share photos with friends.", "sharing") == []


def test_passing_data_onto_a_party_is_sharing(claims):
    found = _of(claims, "We may pass your contact details onto our partners.", "sharing")
    assert found and {p.kind for p in found[0].parties} == {"third_party"}


# ---------------------------------------------------------------- second round: providers, labels without a stop


def test_the_services_of_a_named_company_make_it_a_recipient(claims):
    found = _of(claims, "We use the services of MailGrid to send transactional emails.", "sharing")
    assert found and [(p.kind, p.name) for p in found[0].parties] == [("unspecified", "MailGrid")]


@pytest.mark.parametrize("text", [
    "We use the services of our own data centre to host your files.",
    "You can use the services of MailGrid to share photos.",
])
def test_our_own_services_or_the_readers_use_of_a_company_are_no_recipient(claims, text):
    assert _of(claims, text, "sharing") == []


def test_the_staff_of_providers_next_to_ours_are_providers(claims):
    found = _of(claims, "Our staff or the staff of our service providers may process your information.", "processing")
    assert found and {p.kind for p in found[0].parties} == {"self", "processor"}


def test_our_staff_alone_is_no_other_party(claims):
    assert _of(claims, "Our staff may process your information.", "processing") == []


def test_a_labelled_statement_quoted_without_its_stop_is_a_claim(claims):
    text = "Location Information: We collect the approximate location of your device based on its IP address"
    found = _of(claims, text, "collection")
    assert found and "user.location.imprecise" in found[0].data.categories


@pytest.mark.parametrize("text", [
    "Information we collect from third parties",
    "The types of data we collect, the uses we make of it, and whether we may share that information",
])
def test_headings_and_topics_without_a_stop_stay_no_claim(claims, text):
    assert [a for a in claims(text) if a.practice in ("collection", "sharing")] == []


@pytest.mark.parametrize(("text", "names"), [
    ("We use the Facebook pixel to measure how our ads perform.", ["Facebook"]),
    ("We use both Facebook and Twitter pixel tags.", ["Facebook", "Twitter"]),
    ("Our website uses Google Analytics cookies.", ["Google Analytics"]),
])
def test_a_named_companys_tracker_on_our_pages_reports_to_it(claims, text, names):
    found = _of(claims, text, "sharing")
    assert found and [(p.kind, p.name) for p in found[0].parties] == [("third_party", n) for n in names]


@pytest.mark.parametrize("text", [
    "We use Flash cookies to play videos.",
    "We use both session ID cookies and persistent cookies.",
    "We may use Cookies, web beacons or similar technologies to improve our website.",
    "We use cookies to remember your preferences.",
])
def test_a_kind_of_tracker_names_no_company(claims, text):
    assert _of(claims, text, "sharing") == []


# ---------------------------------------------------------------- third round: providers named by their name alone


@pytest.mark.parametrize(("text", "party"), [
    ("We use Stripe as our payment processor.", ("processor", "Stripe")),
    ("We use Mailchimp to send our newsletters.", ("unspecified", "Mailchimp")),
    ("We use Amazon Web Services to host our servers.", ("unspecified", "Amazon Web Services")),
    ("We use Cloudflare to serve our website.", ("unspecified", "Cloudflare")),
])
def test_a_provider_named_by_its_name_alone_receives_the_data(claims, text, party):
    found = _of(claims, text, "sharing")
    assert found and [(p.kind, p.name) for p in found[0].parties] == [party]


@pytest.mark.parametrize("text", [
    "We use SSL to encrypt your data.",  # a tool, not a provider's task
    "We use Flash Local Storage Objects to store your preferences.",  # a technology's name
    "You can use Stripe to pay for your order.",  # the reader's use
])
def test_a_named_tool_or_the_readers_choice_is_no_recipient(claims, text):
    assert _of(claims, text, "sharing") == []


def test_a_defined_term_for_providers_stays_a_kind_not_a_name(claims):
    found = _of(claims, "We share your data with our Service Providers.", "sharing")
    assert found and [(p.kind, p.name) for p in found[0].parties] == [("processor", None)]
