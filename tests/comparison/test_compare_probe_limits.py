"""False contradictions the MAPP probe (`bench/cross_check.py --corpus mapp`) found, in our own words.

Each case was a sentence that the tool reported as contradicted by a shipped example manifest, and that
two readers judged a reading error: another company's practice, a transfer explained from Europe, a
denial limited in a way the manifest does not record. Each has a twin that must stay contradicted, so
that no rule is a blanket escape.
"""

from __future__ import annotations

import pytest


def _verdicts(findings_of, example: str, text: str, practice: str) -> list[str]:
    return [f.verdict for f in findings_of(example, text, practice)]


# ---------------------------------------------------------------- another company's practice


@pytest.mark.parametrize(("text", "practice"), [
    ("The information the cookie generates is sent to and stored by Google on servers in the United States.",
     "storage"),
    ("The data gathered here is sent by Google to a server in the USA and stored there.", "storage"),
    ("Your payment data is hosted by Stripe in the United States.", "storage"),
    ("If you block it in your browser, Hotjar will not collect any data.", "collection"),
])
def test_a_named_company_doing_it_is_not_the_organisation(findings_of, text, practice):
    verdicts = _verdicts(findings_of, "eea-only", text, practice)
    assert verdicts and "contradicted" not in verdicts
    assert any("own practice" in f.message for f in findings_of("eea-only", text, practice))


def test_the_organisation_naming_itself_is_still_compared(findings_of):
    """The manifest's organization is Example Health Analytics B.V.: its own name is no other company."""
    text = "Example Health Analytics stores your data only in the United States."
    assert "contradicted" in _verdicts(findings_of, "eea-only", text, "storage")


def test_a_named_cloud_host_of_the_manifest_is_compared(findings_of):
    """A store on AWS: "hosted by Amazon Web Services" is where the organisation's own data sits."""
    text = "All your data is hosted by Amazon Web Services in the United States."
    assert "contradicted" in _verdicts(findings_of, "eea-only", text, "storage")


# ---------------------------------------------------------------- transfers explained from Europe


@pytest.mark.parametrize("text", [
    "We take part in the EU-U.S. Privacy Shield for personal data transferred from the European Union to the "
    "United States.",
    "For transfers of your data from the EEA to the US, we rely on standard contractual clauses.",
    "If you are in Europe, when we send your personal information to Canada it is protected by an adequacy "
    "decision.",
])
def test_a_transfer_out_of_europe_is_not_every_transfer_of_a_japanese_company(findings_of, text):
    verdicts = _verdicts(findings_of, "line-2021", text, "transfer")
    assert verdicts and "contradicted" not in verdicts


def test_a_store_inside_the_origin_is_no_destination(findings_of):
    """A Dutch company with a store in Ireland: data leaving the EEA for the US has not gone to Ireland."""
    text = "Personal data transferred from the EEA to the United States is protected by standard contractual clauses."
    verdicts = _verdicts(findings_of, "eea-only", text, "transfer")
    assert verdicts and "contradicted" not in verdicts


def test_a_transfer_with_no_origin_still_lists_every_destination(findings_of):
    text = "We transfer your personal data to the United States."
    assert "contradicted" in _verdicts(findings_of, "line-2021", text, "transfer")


def test_part_of_the_data_in_one_place_is_no_closed_list(findings_of):
    assert "contradicted" not in _verdicts(
        findings_of, "eea-only", "We store certain personal information in our US data center.", "storage")
    assert "contradicted" in _verdicts(
        findings_of, "eea-only", "We store your personal information in our US data center.", "storage")


# ---------------------------------------------------------------- tools, not data


@pytest.mark.parametrize("text", [
    "We do not have access to or control over these cookies.",
    "We have no access or control over these cookies.",
    "We do not have access to, or control over, the technologies that advertisers may use.",
])
def test_no_control_over_tools_is_no_denial_of_processing(findings_of, text):
    assert "contradicted" not in _verdicts(findings_of, "line-2021", text, "processing")


def test_no_control_over_data_others_collect_is_narrowed(findings_of):
    text = "We do not have access to or control over personal information collected via cookies that advertisers use."
    assert "contradicted" not in _verdicts(findings_of, "line-2021", text, "processing")


def test_no_access_to_the_data_itself_is_still_a_denial(findings_of):
    text = "We do not have access to your account information."
    assert "contradicted" in _verdicts(findings_of, "line-2021", text, "processing")


# ---------------------------------------------------------------- limits the manifest does not record


@pytest.mark.parametrize(("example", "text", "practice"), [
    ("sale-sharing", "We do not disclose your personal information to third parties for the third parties' own "
                     "direct marketing purposes.", "sharing"),
    ("sale-sharing", "We do not share personal information with third parties for purposes of direct marketing.",
     "sharing"),
    ("sale-sharing", "We do not sell your personal information to third parties for any other purpose.", "sale"),
    ("sale-sharing", "We do not share your personal data with other companies except in the following cases: "
                     "with your consent. We give your email address to advertising partners.", "sharing"),
    ("sale-sharing", "We do not pass your personal data to third parties, with the exception of the purposes "
                     "listed below. We give your email address to advertising partners.", "sharing"),
    ("sale-sharing", "We do not share with these third parties any information such as your email address.",
     "sharing"),
    ("sale-sharing", "We will not share data obtained through our calendar integration with third parties.",
     "sharing"),
    ("sale-sharing", "If you opt out of the sale of your information, we will not sell your information.", "sale"),
    ("line-2021", "If your account has a California mailing address, we will not share personal information "
                  "about you with other companies.", "sharing"),
    ("eea-only", "We do not knowingly collect personal information from anyone under 16.", "collection"),
    ("eea-only", "We do not knowingly collect personal information from such individuals.", "collection"),
    ("eea-only", "Web beacons do not automatically collect personal information from you.", "collection"),
    ("eea-only", "We do not store your data on your device.", "storage"),
    ("eea-only", "The data is not stored together with your other personal data.", "storage"),
    ("eea-only", "We do not collect or store personal information in relation to this measurement.", "storage"),
    ("line-2021", "We do not collect your phone number if you use games that need no account.", "collection"),
    ("truthful-saas", "We do not store that financial information; our payment processor does.", "storage"),
    ("truthful-saas", "We typically retain personal information about our contract with you for seven years.",
     "retention"),
])
def test_a_limit_the_manifest_does_not_record_leaves_the_claim_open(findings_of, example, text, practice):
    first = text.split(". ")[0]
    verdicts = [f.verdict for f in findings_of(example, text, practice) if f.evidence.text.startswith(first[:30])]
    assert verdicts and "contradicted" not in verdicts


@pytest.mark.parametrize(("example", "text", "practice"), [
    ("sale-sharing", "We do not disclose your personal information to third parties.", "sharing"),
    ("sale-sharing", "We do not sell your personal information to anyone.", "sale"),
    ("sale-sharing", "We will not share information that directly identifies you, such as your email address, "
                     "with third parties.", "sharing"),
    ("sale-sharing", "We will not transfer personal data to third parties for serving ads.", "sharing"),
    ("sale-sharing", "We do not collect precise location data from your mobile device.", "collection"),
    ("eea-only", "We do not collect personal information.", "collection"),
    ("truthful-saas", "We retain personal information about our contract with you for seven years.", "retention"),
])
def test_the_same_denials_without_the_limit_are_still_contradicted(findings_of, example, text, practice):
    assert "contradicted" in _verdicts(findings_of, example, text, practice)


# ---------------------------------------------------------------- kinds of content the manifest does not list


def test_a_period_for_a_kind_of_media_the_manifest_does_not_list_is_open(findings_of):
    """The taxonomy reads "video recordings" as all private content; the manifest splits that into messages and
    attachments, neither of them recordings, so the message store's 90 days says nothing of the recordings."""
    text = "Game-play video recordings are deleted within one month of their creation."
    verdicts = _verdicts(findings_of, "retention-encryption", text, "retention")
    assert verdicts and "contradicted" not in verdicts


@pytest.mark.parametrize("text", [
    "Your messages are deleted after 30 days.",
    "Attachments are deleted after 7 days.",
])
def test_a_period_for_a_kind_the_manifest_names_is_compared(findings_of, text):
    assert "contradicted" in _verdicts(findings_of, "retention-encryption", text, "retention")


# ---------------------------------------------------------------- third round


@pytest.mark.parametrize(("example", "text", "practice"), [
    ("eea-only", "No data is stored with which you could be recognised on later visits.", "storage"),
    ("sale-sharing", "Because of how cookies work, we cannot read these cookies, nor can third parties access the data "
                     "in cookies used by us.", "sharing"),
    ("sale-sharing", "We never share your name with third parties when we do this.", "sharing"),
    ("sale-sharing", "Our mobile apps do not send personal information to third parties.", "sharing"),
    ("sale-sharing", "We do not share a user's personal information with third parties other than our service "
                     "providers, or in the course of our business with the user.", "sharing"),
    ("eea-only", "Because of your location, your data is stored by default in the USA.", "storage"),
])
def test_third_round_limits_leave_the_claim_open(findings_of, example, text, practice):
    verdicts = _verdicts(findings_of, example, text, practice)
    assert verdicts and "contradicted" not in verdicts


@pytest.mark.parametrize(("example", "text", "practice"), [
    ("eea-only", "No data is stored.", "storage"),
    ("sale-sharing", "We do not send personal information to third parties.", "sharing"),
    ("eea-only", "Your data is stored in the USA.", "storage"),
])
def test_third_round_twins_are_still_contradicted(findings_of, example, text, practice):
    assert "contradicted" in _verdicts(findings_of, example, text, practice)


def test_a_denial_that_excepts_legal_process_reads_as_only_under_legal_process(findings_of):
    """LINE's manifest discloses account data to the Japanese police under legal process."""
    excepted = "No personal data will be disclosed to any public authority except in response to a subpoena or warrant."
    verdicts = _verdicts(findings_of, "line-2021", excepted, "law_enforcement")
    assert verdicts and "contradicted" not in verdicts
    plain = "No personal data will be disclosed to any public authority."
    assert "contradicted" in _verdicts(findings_of, "line-2021", plain, "law_enforcement")
