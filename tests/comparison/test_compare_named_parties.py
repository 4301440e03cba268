"""A party named by its name is that company, not every party of its kind.

"We do not share your data with Facebook" was contradicted by an affiliate's access in China, and "we share your
phone number with Twilio" was supported by it: a named recipient ("Twilio", kind unspecified) reached every
entity in the manifest. Names are now matched with the manifest's entities (legal forms and kind words such as
"Companies" or "Cloud" dropped); a denial is contradicted only by the company it names.
"""

from __future__ import annotations

import pytest
from comparison_builders import judged, keys, manifest

from notice_check.comparison import compare
from notice_check.extraction import extract_sentences
from notice_check.models import Sentence


def _claim(text: str, practice: str = "sharing"):
    found = [a for a in extract_sentences([Sentence(text=text, start=0, end=len(text))]) if a.practice == practice]
    assert len(found) == 1, found
    return found[0]


def _messenger(recipient: str, relationship: str = "third_party"):
    return manifest(
        country="JP",
        entities=[
            {"key": "sh_dev", "name": "Example Digital (Shanghai) Co., Ltd.", "country": "CN",
             "relationship": "affiliate"},
            {"key": "other", "name": recipient, "country": "US", "relationship": relationship},
        ],
        locations=[{"key": "jp", "country": "JP"}],
        stores=[{"key": "accounts", "location": "jp", "categories": ["user.account", "user.contact"]}],
        # phone number and address: the recipient gets exactly what the sentences name, not broader data
        accesses=[{"key": "sh_dev_access", "accessor": "sh_dev", "store": "accounts"}],
        disclosures=[{"key": "to_other", "recipient": "other",
                      "categories": ["user.contact.phone_number", "user.contact.address"]}],
    )


@pytest.mark.parametrize("text", [
    "We do not share your data with Facebook.",
    "We do not share your phone number with Twilio.",
    "We never share your data with the Facebook Companies.",
])
def test_a_denial_naming_a_company_is_not_contradicted_by_another(text):
    a = _claim(text)
    assert judged(compare([a], _messenger("Acme Analytics Inc.")), a).verdict == "supported"


@pytest.mark.parametrize(("text", "recipient"), [
    ("We do not share your data with Facebook.", "Facebook, Inc."),
    ("We never share your data with the Facebook Companies.", "Facebook Ireland Ltd."),
    ("We do not share your phone number with Twilio.", "Twilio Inc."),
])
def test_a_denial_naming_a_company_is_contradicted_by_that_company(text, recipient):
    a = _claim(text)
    finding = judged(compare([a], _messenger(recipient)), a)
    assert finding.verdict == "contradicted" and keys(finding) == {"disclosures.to_other"}


def test_a_named_recipient_is_supported_only_by_that_company():
    a = _claim("We share your phone number with Twilio to send verification codes.")
    assert judged(compare([a], _messenger("Acme Analytics Inc.")), a).verdict == "unverifiable"
    finding = judged(compare([a], _messenger("Twilio Inc.", "processor")), a)
    assert finding.verdict == "supported" and keys(finding) == {"disclosures.to_other"}


def test_kind_words_in_a_name_are_dropped():
    a = _claim("We share information with the Meta Companies.")
    finding = judged(compare([a], _messenger("Meta Platforms, Inc.", "affiliate")), a)
    assert finding.verdict == "supported" and keys(finding) == {"disclosures.to_other"}


def test_a_defined_term_that_says_its_kind_still_finds_that_kind():
    # "our Fulfilment Providers" is a name to the extractor; no entity is called so, so the kind is used
    a = _claim("We share your address with our Fulfilment Providers.")
    finding = judged(compare([a], _messenger("Parcel Express Ltd.", "processor")), a)
    assert finding.verdict == "supported"


@pytest.mark.parametrize(("text", "name"), [
    ("We use NAVER Cloud to store images and videos.", "NAVER Cloud"),
    ("We share information with the Facebook Companies.", "Facebook Companies"),
    ("We share your data with our Service Providers.", None),
    ("We share data with Third Parties.", None),
    ("We share data with our EU partners.", None),
])
def test_names_are_told_from_kinds_and_places(text, name):
    assert [p.name for p in _claim(text).parties] == [name]
