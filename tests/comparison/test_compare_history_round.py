"""False contradictions read in earlier versions of the OTA notices (`bench/cross_check.py --corpus ota-history`),
fixed on 2026-12-08, in our own words. Each has a twin that must stay contradicted.

The ToS;DR set (`--corpus tosdr`) was not used to write these: it measures them.
"""

from __future__ import annotations

import pytest

from notice_check.document import load_document
from notice_check.extraction import extract


def test_an_exception_after_the_last_verb_of_a_list_is_every_verbs(verdicts_of):
    """ "We will not provide, disclose or share it ... unless we have your consent or the law permits it": the
    parser hung "is permitted" on the list as one more verb, so the exception seemed to sit inside the list and
    the denial lost it."""
    text = ("We will not provide, disclose or share personal data to or with third parties unless we have obtained "
            "your consent or such provision, disclosure or sharing of personal data is permitted under applicable law.")
    assert "contradicted" not in verdicts_of("sale-sharing", text, "sharing")
    plain = "We will not provide, disclose or share personal data with third parties."
    assert "contradicted" in verdicts_of("sale-sharing", plain, "sharing")


def _practices(text: str) -> list[str]:
    return [a.practice for a in extract(load_document("-", data=text.encode()))]


def test_consent_is_no_data_collected():
    text = ("We will not share personal data with third parties unless we have obtained your consent or such "
            "provision, disclosure or sharing of personal data is permitted under applicable law.")
    assert "collection" not in _practices(text)
    assert _practices("We obtain your e-mail address when you register.") == ["collection"]


def test_a_permission_the_reader_refuses_is_no_denial(verdicts_of):
    text = "You cannot share your location with friends if you do not permit us to collect your location data."
    assert "contradicted" not in verdicts_of("sale-sharing", text, "collection")
    assert "contradicted" in verdicts_of("sale-sharing", "We do not collect your location data.", "collection")
    # what the reader authorises is still the organisation's practice
    assert "collection" in _practices("You authorize us to collect, store and use any information available to us.")
    # the organisation refusing itself is still a denial
    assert "contradicted" in verdicts_of("sale-sharing", "We will not permit us to sell your data.", "sale")


@pytest.mark.parametrize("text", [
    "Your emails are end-to-end encrypted.",
    "Mail Plus emails are end-to-end encrypted by default.",
])
def test_a_kind_of_content_the_manifest_does_not_hold_is_not_its_chat_media(verdicts_of, text):
    assert "contradicted" not in verdicts_of("line-2021", text, "encryption")


def test_the_kinds_the_manifest_holds_stay_contradicted(verdicts_of):
    assert "contradicted" in verdicts_of("line-2021", "Your messages and calls are end-to-end encrypted.", "encryption")
    assert "contradicted" in verdicts_of("line-2021", "Your photos and videos are end-to-end encrypted.", "encryption")
    assert "contradicted" in verdicts_of("line-2021", "Your messages are end-to-end encrypted.", "encryption")


@pytest.mark.parametrize(("text", "practice"), [
    ("In such a case, we take measures so that personal data is lawfully transferred to our server in Japan.",
     "transfer"),
    ("In such cases, we do not share your data with anyone.", "sharing"),
])
def test_a_claim_for_a_case_said_before_holds_for_that_case(verdicts_of, text, practice):
    """ "In such a case, ...": the sentence before says which case; the manifest cannot tell it apart."""
    assert "contradicted" not in verdicts_of("eea-only", text, practice)


@pytest.mark.parametrize(("text", "practice"), [
    ("We transfer personal data to our server in Japan.", "transfer"),
    ("We do not share your data with anyone.", "sharing"),
    ("In such a form, we do not share your data with anyone.", "sharing"),
])
def test_the_same_claims_said_outright_stay_contradicted(verdicts_of, text, practice):
    assert "contradicted" in verdicts_of("eea-only", text, practice)


@pytest.mark.parametrize(("said", "data"), [
    ("We establish an end-to-end encrypted connection for audio and video information during calls.",
     "audio and video information"),
    ("We send your files over an encrypted connection of our own.", None),  # "of" names no cargo
])
def test_what_an_encrypted_channel_carries_is_the_claims_data(said, data):
    """ "An end-to-end encrypted connection for audio and video information" encrypts that information; read with
    no data, the claim was about all the content users send (second session of 2026-12-08)."""
    found = [a for a in extract(load_document("-", data=said.encode())) if a.practice == "encryption"]
    assert found
    assert [a.data.text if a.data else None for a in found] == [data] * len(found)
