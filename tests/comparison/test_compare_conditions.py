"""Denials with exceptions: what the manifest cannot see, and what the notice says elsewhere.

"We will not transfer your data outside the EEA without appropriate safeguards" was contradicted by every
transfer, though the manifest does not record safeguards; "except as described in this policy, we do not share
your personal information with third parties" was contradicted by a disclosure that the policy describes.
"""

from __future__ import annotations

import pytest
from comparison_builders import judged, keys, manifest

from notice_check.comparison import compare
from notice_check.extraction import extract_sentences
from notice_check.models import Sentence


def _claims(*texts: str):
    sentences, start = [], 0
    for text in texts:
        sentences.append(Sentence(text=text, start=start, end=start + len(text)))
        start += len(text) + 1
    return extract_sentences(sentences)


def shop():
    """An EU shop: accounts in Germany, e-mail through a US processor, contact data sold to an advertiser."""
    return manifest(
        country="DE",
        entities=[
            {"key": "adco", "name": "AdCo Ltd.", "country": "US", "relationship": "advertiser"},
            {"key": "mailer", "name": "Mailer Inc.", "country": "US", "relationship": "processor"},
        ],
        locations=[{"key": "de", "country": "DE"}, {"key": "us", "country": "US", "operator": "mailer"}],
        stores=[{"key": "accounts", "location": "de", "categories": ["user.contact"]},
                {"key": "mail", "location": "us", "categories": ["user.contact.email"]}],
        disclosures=[{"key": "ads", "recipient": "adco", "categories": ["user.contact"], "sale": True},
                     {"key": "mailing", "recipient": "mailer", "categories": ["user.contact.email"]}],
    )


@pytest.mark.parametrize(("text", "missing"), [
    ("We will not transfer your data outside the EEA without appropriate safeguards.", "what safeguards apply"),
    ("We do not store your data outside the EEA unless we have put in place appropriate safeguards.",
     "what safeguards apply"),
    ("We do not share your contact details with advertisers without your consent.", "whether users consented"),
    ("We do not sell your contact details unless you opt in.", "whether users consented"),
    ("We do not transfer your data outside the EEA except where you have given explicit consent.",
     "whether users consented"),
])
def test_a_condition_the_manifest_does_not_record_leaves_the_denial_unverifiable(text, missing) -> None:
    found = [a for a in _claims(text) if a.polarity == "deny"]
    finding = judged(compare(found, shop()), found[0])
    assert finding.verdict == "unverifiable" and f"the manifest does not record {missing}" in finding.message


def test_the_same_denial_without_the_condition_is_contradicted() -> None:
    found = _claims("We will not transfer your data outside the EEA.")
    assert judged(compare(found, shop()), found[0]).verdict == "contradicted"


DENIAL = "Except as described in this policy, we do not share your personal information with third parties."


def test_a_disclosure_the_notice_describes_is_within_the_denials_exception() -> None:
    found = _claims(DENIAL, "We share your contact details with advertising partners.")
    denial = next(a for a in found if a.polarity == "deny")
    finding = judged(compare(found, shop()), denial)
    assert finding.verdict == "unverifiable" and "describes elsewhere" in finding.message


def test_a_disclosure_the_notice_does_not_describe_still_contradicts_it() -> None:
    found = _claims(DENIAL, "We share your email address with our email service provider.")
    denial = next(a for a in found if a.polarity == "deny")
    finding = judged(compare(found, shop()), denial)
    assert finding.verdict == "contradicted" and keys(finding) == {"disclosures.ads"}


def test_a_leading_exception_is_the_denials_condition() -> None:
    """The parser makes "Except" the sentence's root, outside the claim: the condition was lost in the JSON."""
    denial = next(a for a in _claims(DENIAL) if a.polarity == "deny")
    assert denial.conditions == ["Except as described in this policy"]


def payments():
    return manifest(
        country="US",
        entities=[{"key": "stripe", "name": "Stripe Inc.", "country": "US", "relationship": "processor"}],
        locations=[{"key": "us", "country": "US"}, {"key": "stripe_us", "country": "US", "operator": "stripe"}],
        stores=[{"key": "cards", "location": "stripe_us", "categories": ["user.financial.credit_card"]}],
    )


def test_a_store_the_notice_says_a_processor_holds_does_not_contradict_we_do_not_store() -> None:
    found = _claims("We do not store your credit card number; it is held by our payment processor.")
    denial = next(a for a in found if a.polarity == "deny")
    findings = compare(found, payments())
    assert judged(findings, denial).verdict == "unverifiable"
    assert not any("stores it," in f.message or "stores they" in f.message for f in findings)


def test_without_that_sentence_the_processors_store_still_contradicts_it() -> None:
    found = _claims("We do not store your credit card number.")
    assert judged(compare(found, payments()), found[0]).verdict == "contradicted"


def test_affiliates_that_process_data_do_not_excuse_a_store_of_messages() -> None:
    """Only a storage claim names who holds the data; "our affiliates may process your data" does not."""
    from comparison_builders import manifest as build

    m = build(country="JP",
              entities=[{"key": "naver", "name": "NAVER Corp.", "country": "KR", "relationship": "affiliate"}],
              locations=[{"key": "kr", "country": "KR", "operator": "naver"}],
              stores=[{"key": "talk", "location": "kr", "categories": ["user.content.private"]}])
    found = _claims("We do not store your private messages.", "Our affiliates may process your data.")
    denial = next(a for a in found if a.polarity == "deny")
    assert judged(compare(found, m), denial).verdict == "contradicted"


@pytest.mark.parametrize("denial", [
    "We do not share your personal data with anyone except as expressly provided below.",
    "We will not share your personal data with third parties other than as follows: with our service providers.",
])
def test_an_exception_that_points_below_is_the_notices_own(check_example, denial):
    """"except as expressly provided below" and "other than as follows" point at the notice's own list, as
    "except as described in this policy" does (found by bench/cross_check.py --corpus mapp)."""
    text = f"{denial} We share your personal data with our service providers who host our services."
    verdicts = [f.verdict for f in check_example("truthful-saas", text).findings
                if f.practice == "sharing" and f.evidence is not None and f.evidence.text.startswith(denial[:20])]
    assert verdicts and "contradicted" not in verdicts


def test_except_as_provided_by_law_is_no_pointer_to_the_notice(check_example):
    found = check_example("sale-sharing", "We do not sell your personal data except as provided by law.").findings
    assert "contradicted" in [f.verdict for f in found if f.practice == "sale"]
