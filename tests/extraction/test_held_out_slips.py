"""Errors the first held-out sample from another corpus showed (bench/real_audit.py sample 21, MAPP's app
policies), in our own sentences. Measured before any of them was fixed: practice and polarity 0.800."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Your notes are transmitted in encrypted form and kept on our servers.",
    "The app talks to our backend over encrypted connections using TLS.",
    "When the app reports to our analytics vendor, the data is sent over encrypted channels.",
    "We use encryption so that nobody can listen in between your mobile device and our servers.",
    "We use encryption to protect card numbers when transmitting them.",
])
def test_encryption_of_what_is_sent_is_in_transit(claims, text):
    """Six of ten encryption claims had no kind: "encrypted" modifying a noun ("in encrypted form", "over
    encrypted channels") read only itself for the kind, and sending words other than "when sent" named none."""
    kinds = {a.encryption.kind for a in claims(text) if a.practice == "encryption" and a.encryption}
    assert kinds == {"in_transit"}


def test_an_encrypted_store_names_no_time_of_encryption(claims):
    found = claims("Customer data is hosted on AWS in Frankfurt (eu-central-1), with encrypted backups in Ireland "
                   "(eu-west-1).")
    assert [a.encryption for a in found if a.practice == "encryption"] == [None]


@pytest.mark.parametrize("text", [
    "We may also disclose your data where the law requires it, for example to comply with a court order or "
    "to answer a request from a government agency.",
    "We may disclose information to comply with legal process.",
])
def test_a_legal_purpose_takes_the_hedge_and_data_of_its_disclosure(claims, text):
    """The law-enforcement claim of "to comply with a subpoena" was a fact about "fraud" or "disclosure":
    complying is the purpose of the disclosure around it."""
    [found] = [a for a in claims(text) if a.practice == "law_enforcement"]
    assert found.modality == "may"
    assert found.data is not None and ("data" in found.data.text or "information" in found.data.text)


def test_or_as_needed_in_a_retention_bound_is_no_hedge(claims):
    found = claims("We keep your details only as long as your account is open or as needed to run the service.")
    assert [(a.practice, a.modality) for a in found] == [("retention", "fact")]


def test_a_hedge_inside_the_object_is_no_hedge_on_the_verb(claims):
    found = claims("We save the details you send us (your email address, and potentially your phone number).")
    assert [(a.practice, a.modality) for a in found] == [("storage", "fact")]


@pytest.mark.parametrize("text", [
    "In the event that your data is transferred to the USA, our payment provider relies on approved clauses.",
    "If we need to transfer your data outside Brazil, we will ask for your consent.",
    "Where we transfer your data outside Canada, we use contracts to protect it.",
])
def test_a_practice_that_is_itself_the_condition_may_happen(claims, text):
    """"In the event that data is transferred to the USA, ..." said the transfer happens, as a fact."""
    assert [a.modality for a in claims(text) if a.practice == "transfer"] == ["may"]


def test_a_practice_under_a_condition_stays_a_fact(claims):
    found = claims("If you live in the EEA, we transfer your data to the United States.")
    assert [a.modality for a in found if a.practice == "transfer"] == ["fact"]


@pytest.mark.parametrize("text", [
    "If collection of your personal data is mandatory, we say so on the form.",  # a condition about it
    "Some platforms offer apps that give you control regarding the collection of cross-app data.",
    "Our apps are certified to meet recognised data collection, use and disclosure practices.",
])
def test_collection_named_as_a_topic_is_no_claim(claims, text):
    assert [a for a in claims(text) if a.practice == "collection"] == []


def test_collection_as_the_object_of_a_practice_stays_a_claim(claims):
    found = claims("We limit the collection, use and disclosure of your data.")
    assert [(a.practice, a.polarity) for a in found if a.practice == "collection"] == [("collection", "affirm")]


@pytest.mark.parametrize(("text", "kind"), [
    ("By using the app, the Operator gathers information about your activity.", []),  # the notice's own name
    ("The operator of the linked website may collect your data.", ["third_party"]),
])
def test_the_operator_capitalised_is_the_organisation(claims, text, kind):
    [found] = [a for a in claims(text) if a.practice == "collection"]
    assert [p.kind for p in found.parties] == kind


@pytest.mark.parametrize(("text", "max_days"), [
    ("Your data is not deleted immediately.", None),
    ("Backups of your account may not be removed immediately.", None),
    ("Copies may not be removed from our backups for up to 90 days.", 90),
    ("Your data is not deleted within 30 days of closing your account.", None),  # no bound on what is kept
])
def test_a_negated_deletion_keeps_the_data(claims, text, max_days):
    found = [a for a in claims(text) if a.practice == "retention"]
    assert [(a.polarity, a.retention.max_days if a.retention else None) for a in found] == [("affirm", max_days)]


def test_data_not_deleted_at_once_is_not_contradicted_by_a_store(check_example):
    """Read as denied, "your data is not deleted immediately" was "it does not keep your data", which every
    store of the manifest contradicted."""
    verdicts = [f.verdict for f in check_example("retention-encryption", "Your data is not deleted immediately.")
                .findings if f.practice == "retention" and f.evidence is not None]
    assert verdicts == ["unverifiable"]


def test_anywhere_we_operate_leaves_the_place_list_open(claims):
    found = claims("Your data may be stored on servers in Ireland, in the United States, as well as anywhere our "
                   "service providers operate.")
    assert [(sorted(a.location.countries), a.location.open) for a in found if a.practice == "storage"] == [
        (["IE", "US"], True)]


def test_a_period_given_as_an_example_is_not_the_bound(claims):
    """"as long as necessary ... (e.g. keeping invoices for 7 years)" capped all personal data at 7 years."""
    found = claims("We keep your personal data as long as necessary to run the service and to comply with the law "
                   "(e.g. keeping invoices for 7 years for tax purposes).")
    assert [a.retention.max_days for a in found if a.practice == "retention"] == [None]


def test_the_help_of_a_party_names_the_party(claims):
    found = claims("We process your data with the help of our service providers.")
    assert [sorted(p.kind for p in a.parties) for a in found if a.practice == "processing"] == [
        ["processor", "self"]]


@pytest.mark.parametrize("text", [
    "If you wish to obtain access to certain content, you may be asked for your email address.",
    "You have access to your data.",
])
def test_the_readers_access_is_no_processing(claims, text):
    assert [a for a in claims(text) if a.practice == "processing"] == []


def test_the_readers_ways_to_contact_us_are_no_transfer(claims):
    """A numbered list after "please contact us:" ("1. by sending an email to ... Paris, France") is the
    reader's action: it was a transfer to France and a disclosure to an e-mail address."""
    assert claims("If you have questions, please contact us: 1. by sending an email to privacy@example.com "
                  "2. by writing to our Data Protection Officer, 1 Example Street, Paris, France") == []


def test_shared_with_us_is_no_sharing(claims):
    found = claims("Administrators can prevent this information from being shared with us by blocking it.")
    assert [a for a in found if a.practice == "sharing"] == []


@pytest.mark.parametrize("text", [
    'To "sell" data means to sell, rent, release or disclose personal information to another business for '
    "monetary consideration.",
    "If you have concerns, you have the right to report them to your local data protection authority.",
])
def test_definitions_and_rights_are_no_disclosure(claims, text):
    assert [a for a in claims(text) if a.practice in ("sale", "sharing", "law_enforcement")] == []


@pytest.mark.parametrize("text", [
    "The companies with whom we may share your personal information may include our payment processors.",
    "Some examples include: if you log in with another platform, we will share your basic account details.",
    "We do not disclose the details you enter to any outside entity, except as follows: your name may be "
    "included in a petition.",
])
def test_include_defines_only_a_term(claims, text):
    """"A 'sale' includes ..." is a definition; who the recipients may include, or examples of a practice, are
    not (the definition check that came with the fixes above first dropped these)."""
    assert [a.practice for a in claims(text) if a.practice == "sharing"] == ["sharing"]


@pytest.mark.parametrize("text", [
    "We use Secure Sockets Layer (SSL) software, which encrypts the personal information you give us.",
    "Remote access to our database requires an encrypted VPN.",
])
def test_the_tool_that_encrypts_names_the_kind(claims, text):
    assert {a.encryption.kind for a in claims(text) if a.practice == "encryption" and a.encryption} == {"in_transit"}


@pytest.mark.parametrize(("text", "max_days"), [
    ("As a rule, we only store your personal data for the duration of the contract.", None),
    ("We must retain contract information for three years from the end of the business relationship.", 1095),
])
def test_the_end_of_the_contract_ends_a_period(claims, text, max_days):
    [found] = [a for a in claims(text) if a.practice == "retention"]
    assert (found.retention.until, found.retention.max_days) == ("contract_end", max_days)


# From sample 23 (measured first: 0.844 / 0.589), read after it was judged.

@pytest.mark.parametrize("text", [
    "You must not share your account, and you should not let anyone else access your account.",
    "You have the right, subject to some exceptions, to request that a company delete any personal information "
    "that it has collected from you.",
])
def test_the_readers_duties_and_rights_are_no_practice(claims, text):
    assert claims(text) == []


def test_what_we_collect_stays_ours_when_the_reader_is_let_do_something(claims):
    found = claims("We collect the details you provide when you fill in a form, and you can let us fill in forms "
                   "for you.")
    assert [(a.practice, a.polarity) for a in found if a.practice == "collection"] == [("collection", "affirm")]


@pytest.mark.parametrize("text", [
    "If you prefer that companies stop selling your personal information, tell them.",
    "Advertisers may sell your data.",
])
def test_companies_in_general_selling_is_not_our_sale(claims, text):
    """"request that companies stop selling your personal information" (a CCPA right) was "we may sell"."""
    assert [a for a in claims(text) if a.practice == "sale"] == []


def test_our_own_affiliates_selling_stays_a_claim(claims):
    found = claims("Neither Paxlo nor its affiliates sell consumer data to third parties.")
    assert [(a.practice, a.polarity) for a in found] == [("sale", "deny")]


def test_our_platform_is_the_organisation(claims):
    assert claims("Our Platform does not obey such settings when transmitted to and detected by our Platform.") == []


# From sample 24 (held out on the final code: 0.789 / 0.556), its polarity and heading errors only.

@pytest.mark.parametrize("text", [
    "We will not in the future sell your personal data.",
    "We have not in the past, do not now, and will not in the future sell your personal data.",
])
def test_will_not_in_the_future_sell_is_a_denial(claims, text):
    """The parser reads "sell" as a noun after "in the future", with the "not" on the "in": the sale was
    affirmed, which a manifest that sells nothing would have contradicted."""
    assert [(a.practice, a.polarity) for a in claims(text) if a.practice == "sale"] == [("sale", "deny")]


@pytest.mark.parametrize("text", [
    'Whether we "sell" that category of information to third parties.',  # a table's column head
    "Sale of Personal Information The California Consumer Privacy Act gives California residents the right to "
    "opt out of the sale of personal information.",  # a heading glued to the sentence after it
])
def test_headings_and_column_heads_are_no_sale(claims, text):
    assert [a for a in claims(text) if a.practice == "sale"] == []


def test_a_glued_heading_does_not_make_a_sharing_denial(claims):
    found = claims("Disclosure of Personal Information Acme does not sell or rent your personal information to "
                   "third parties.")
    assert [(a.practice, a.polarity) for a in found] == [("sale", "deny")]


def test_where_the_reader_is_located_is_no_storage(check_example):
    """"we might use the fact that you are located in Sao Paulo to show you ads" was storage in Brazil, which
    a manifest with no store there contradicted."""
    text = "For example, we might use the fact that you are located in Lyon to show you offers from Lyon shops."
    assert [f for f in check_example("truthful-saas", text).findings if f.evidence is not None] == []


def test_a_negation_in_the_condition_is_not_the_claims(claims):
    found = claims("If we no longer need your data for these purposes, it will only be stored for the legal "
                   "retention period.")
    assert [(a.practice, a.polarity) for a in found if a.practice == "retention"] == [("retention", "affirm")]


@pytest.mark.parametrize(("text", "until", "max_days"), [
    ("We store your account details and list of friends until you ask us to delete them.", "deletion_request", None),
    ("The information will be stored until the request is closed.", "request_closed", None),
    ("We will retain the personal data for the time of this business relationship.", "contract_end", None),
    ("Reports are kept for a minimum of 10 years after the product is withdrawn.", None, None),  # a floor
    ("We keep your data for at least 5 years.", None, None),
    ("Location history older than 12 months is deleted.", None, 360),  # still a maximum
])
def test_retention_ends_and_floors(claims, text, until, max_days):
    [found] = [a for a in claims(text) if a.practice == "retention"]
    assert (found.retention.until, found.retention.max_days) == (until, max_days)


def test_an_age_is_no_retention_period(claims, check_example):
    """"users under 13 years of age" made a retention denial of 13 years (4,745 days), and without the period
    "we do not ... maintain personal information from users under 13 years of age" was "it does not keep
    personal information", which every store contradicted."""
    text = "We do not knowingly collect or maintain personal information from users under 13 years of age."
    assert [a for a in claims(text) if a.practice == "retention"] == []
    assert "contradicted" not in [f.verdict for f in check_example("truthful-saas", text).findings]


@pytest.mark.parametrize("text", [
    # a footer's links
    "Home About Us Newsroom Investors Careers Terms Cookie Notice Privacy Shield DO NOT SELL MY PERSONAL "
    "INFORMATION Accessibility Statement",
    "Blog Investors Site Map Terms Cookie Policy Privacy Shield DO NOT SELL MY PERSONAL INFORMATION Help Center",
])
def test_the_do_not_sell_link_is_no_denial(claims, text):
    """A footer link read as "we do not sell personal information", which a manifest that sells contradicted
    (found in sample 25, which is otherwise kept as measured)."""
    assert [a for a in claims(text) if a.practice == "sale"] == []


# From the false-contradiction probe on MAPP (bench/cross_check.py --corpus mapp).

@pytest.mark.parametrize("text", [
    "We have no influence on said data collection and are not responsible for it.",
    "We are not responsible for the information collection and use practices of individual bloggers.",
    "No security or encryption method can be completely guaranteed to protect information from hackers.",
])
def test_disclaimers_are_no_denial(claims, text):
    assert [a for a in claims(text) if a.polarity == "deny"] == []


def test_further_data_not_collected_is_not_contradicted(check_example):
    """Data beyond what the notice listed cannot be told apart in the manifest: "further data will not be
    collected" was "it collects no data", contradicted by every store."""
    verdicts = [f.verdict for f in check_example("eea-only", "Further data will not be collected.").findings
                if f.evidence is not None]
    assert verdicts == ["unverifiable"]


def test_encryption_named_beside_a_disclaimer_stays_a_claim(claims):
    found = claims("Although we will do our best to protect this information, for example, by encryption, we cannot "
                   "guarantee the security of information transmitted through our services.")
    assert [(a.practice, a.polarity) for a in found if a.practice == "encryption"] == [("encryption", "affirm")]
