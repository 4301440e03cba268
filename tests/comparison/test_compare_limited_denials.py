"""A denial its own sentence limits is not contradicted by what falls outside the limit.

Against the shipped sale-sharing example (an ad network paid in ad credits, precise locations kept for delivery
tracking), a probe of common phrasings gave five false *contradicted*: a sale "for money" (the ad credits are not
money), "as the term 'sell' is traditionally understood", a sale "to third parties for their marketing
purposes", collection denied "unless you enable location services", tracking denied "across other websites".
The manifest records none of these limits, so each is now unverifiable and says what is missing; the plain
denials are still contradicted.
"""

from __future__ import annotations

import pytest


@pytest.fixture()
def verdicts(check_example):
    """(practice, verdict, message) of each finding with evidence, against the sale-sharing example."""
    return lambda text: [(f.practice, f.verdict, f.message) for f in check_example("sale-sharing", text).findings
                         if f.evidence is not None]


@pytest.mark.parametrize(("text", "practice", "missing"), [
    ("We do not sell your personal information for money.", "sale", "what the recipient gave in return"),
    ('We do not sell your personal information as the term "sell" is traditionally understood.', "sale",
     'which meaning of "sell"'),
    ("We do not rent or sell your email address to third parties for their marketing purposes.", "sale",
     "for purposes it does not record"),
    ("We do not collect your precise location unless you enable location services.", "collection",
     "whether users consented"),
    ("We do not track your browsing history across other websites.", "collection",
     "where the data was collected"),
    ("We have not sold or shared the personal information of consumers under 16 years of age.", "sale",
     "which users are children"),
    ("We do not use or disclose sensitive personal information for purposes other than those permitted by law.",
     "sharing", "which data the law counts as sensitive"),
])
def test_a_limited_denial_is_unverifiable_and_says_why(verdicts, text, practice, missing):
    found = [(v, m) for p, v, m in verdicts(text) if p == practice]
    assert found and all(v == "unverifiable" and missing in m for v, m in found), found


@pytest.mark.parametrize(("text", "practice"), [
    ("We do not sell your personal information.", "sale"),
    ("We do not sell your email address to third parties.", "sale"),
    ("We do not collect your precise location.", "collection"),
    ("We do not collect your browsing history.", "collection"),
    ("We do not sell personal information as the term is defined in the CCPA.", "sale"),
])
def test_the_plain_denial_is_still_contradicted(verdicts, text, practice):
    assert "contradicted" in {v for p, v, _ in verdicts(text) if p == practice}



def test_a_manifest_that_records_childrens_data_still_settles_a_denial_about_it():
    from comparison_builders import judged, manifest

    from notice_check.comparison import compare
    from notice_check.extraction import extract_sentences
    from notice_check.models import Sentence

    text = "We do not sell the personal information of children under 13."
    [a] = [x for x in extract_sentences([Sentence(text=text, start=0, end=len(text))]) if x.practice == "sale"]
    m = manifest(country="US",
                 entities=[{"key": "broker", "name": "Data Broker Inc.", "country": "US",
                            "relationship": "third_party"}],
                 disclosures=[{"key": "kids", "recipient": "broker", "categories": ["user.childrens"], "sale": True}])
    assert judged(compare([a], m), a).verdict == "contradicted"


def test_a_denial_limited_to_advertising_is_contradicted_only_by_advertising(findings_of):
    """ "We do not share personal data for cross-context behavioural advertising" was contradicted by an
    affiliate's engineering access (line-2021): the manifest does not record that as advertising. Against the
    sale-sharing example, whose recipient is an ad network, the same denial is still contradicted."""
    for text in ("We do not share personal data for cross-context behavioural advertising.",
                 "We don't sell your information or share it to target ads."):
        line = findings_of("line-2021", text, "sharing")
        assert line and {f.verdict for f in line} == {"unverifiable"}, text
        assert "not record as advertising" in line[0].message
        ads = findings_of("sale-sharing", text, "sharing")
        assert {f.verdict for f in ads} == {"contradicted"}, text


def test_a_collection_denial_for_data_its_own_clause_narrows_is_unverifiable(findings_of):
    """ "We will not collect personal information of features that have been restricted" was contradicted by
    every store: the manifest cannot tell which data belongs to the restricted features."""
    text = "We will not collect personal information of features that have been restricted by a parent."
    found = findings_of("line-2021", text, "collection")
    assert found and {f.verdict for f in found} == {"unverifiable"}
    plain = findings_of("line-2021", "We do not collect your phone number.", "collection")
    assert {f.verdict for f in plain} == {"contradicted"}


def test_unless_authorized_by_the_account_owner_is_a_condition_the_manifest_does_not_record(findings_of):
    text = "Our employees do not access or use your messages, unless authorized by the account owner."
    found = findings_of("line-2021", text, "processing")
    assert found and {f.verdict for f in found} == {"unverifiable"}
    assert "consented" in found[0].message


def test_a_place_denial_excepting_service_providers_is_not_contradicted_by_them(findings_of):
    """ "We do not transfer your personal information outside Japan except to our service providers" was
    contradicted by a helpdesk provider's access and by a store on a cloud region: both may be what the exception
    allows. A disclosure to a court is no service provider, and still contradicts it."""
    text = "We do not transfer your personal information outside Japan except to our service providers."
    [eea] = findings_of("eea-only", text, "transfer")
    assert eea.verdict == "unverifiable" and "exception for service providers" in eea.message
    [saas] = findings_of("truthful-saas", text, "transfer")
    assert saas.verdict == "contradicted"
    assert {r.key for r in saas.manifest_refs} == {"court_order"}


def test_a_place_list_for_some_users_is_not_contradicted_by_stores_elsewhere(findings_of):
    """ "If you signed up from the UK or the EEA, your data is stored in data centers in Ireland": the list is for
    those users, and the manifest does not say whose data a store holds (its US replica may hold others')."""
    text = "If you signed up from the UK or the EEA, your data is stored in data centers in Ireland."
    [finding] = findings_of("eea-only", text, "storage")
    assert finding.verdict == "unverifiable" and "whose data it holds" in finding.message
    plain = "Your data is stored in data centers in Ireland."
    [finding] = findings_of("eea-only", plain, "storage")
    assert finding.verdict == "contradicted"


def test_a_place_for_some_users_with_no_store_there_at_all_is_contradicted(findings_of):
    """No store of the data in the Netherlands: false for whoever's data the sentence means."""
    text = "If you signed up from the UK or the EEA, your data is stored in data centers in the Netherlands."
    [finding] = findings_of("eea-only", text, "storage")
    assert finding.verdict == "contradicted" and "no store of this data is in the Netherlands" in finding.message


def test_a_denial_for_parties_named_elsewhere_is_unverifiable(findings_of):
    text = "As such, we do not share your personal data with such data centers."
    [finding] = findings_of("line-2021", text, "sharing")
    assert finding.verdict == "unverifiable" and "refers to parties named before" in finding.message


def test_a_denial_for_this_purpose_is_limited_to_it(findings_of):
    text = "Only audio data may be shared for this purpose (no other data, such as your IP address, is shared)."
    found = findings_of("line-2021", text, "sharing")
    assert found and "contradicted" not in {f.verdict for f in found}


def test_a_denial_about_the_items_a_demonstrative_named_is_narrowed(findings_of):
    """ "While users of this feature may save these videos to their device, the videos will not be collected by
    us": the videos of that feature, not every video; the plain denial is still contradicted."""
    text = "While users of this feature may save these videos to their device, the videos will not be collected by us."
    found = findings_of("line-2021", text, "collection")
    assert found and {f.verdict for f in found} == {"unverifiable"}
    plain = findings_of("line-2021", "The videos will not be collected by us.", "collection")
    assert {f.verdict for f in plain} == {"contradicted"}
