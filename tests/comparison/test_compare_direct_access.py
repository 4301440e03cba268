"""A denial of direct access by governments is not a denial of answering legal process.

"We never give governments direct access to your data" was contradicted by a disclosure to the police under
legal process: the denial read as "we never disclose data to public authorities". Notices say this to deny
backdoors and bulk access while describing, elsewhere, how they answer court orders; a legal team would see a
false *contradicted*. Now only a voluntary disclosure contradicts it, and one whose trigger the manifest does not
record leaves it open.
"""

from __future__ import annotations

import pytest
from comparison_builders import judged, keys, manifest

from notice_check.comparison import compare
from notice_check.extraction import extract_sentences
from notice_check.models import Sentence


def _claim(text: str):
    found = extract_sentences([Sentence(text=text, start=0, end=len(text))])
    assert [(a.practice, a.polarity) for a in found] == [("law_enforcement", "deny")]
    return found[0]


def _police(trigger: str | None):
    disclosure = {"key": "police", "recipient": "police", "categories": ["user.account"]}
    if trigger:
        disclosure["trigger"] = trigger
    return manifest(
        country="JP",
        entities=[{"key": "police", "name": "Japanese police", "country": "JP", "relationship": "public_authority"}],
        locations=[{"key": "jp", "country": "JP"}],
        stores=[{"key": "accounts", "location": "jp", "categories": ["user.account"]}],
        disclosures=[disclosure],
    )


DIRECT = [
    "We never give governments direct access to your data.",
    "We do not provide any government with backdoor access to our systems or your data.",
    "No government has direct access to our servers.",
]


@pytest.mark.parametrize("text", DIRECT)
def test_answering_legal_process_does_not_contradict_it(text):
    a = _claim(text)
    assert judged(compare([a], _police("legal_process")), a).verdict == "supported"


@pytest.mark.parametrize("text", DIRECT)
def test_a_voluntary_disclosure_still_contradicts_it(text):
    a = _claim(text)
    finding = judged(compare([a], _police("voluntary")), a)
    assert finding.verdict == "contradicted" and keys(finding) == {"disclosures.police"}


def test_an_unrecorded_trigger_leaves_it_open():
    a = _claim(DIRECT[0])
    assert judged(compare([a], _police(None)), a).verdict == "unverifiable"


def test_a_plain_denial_is_still_contradicted_by_legal_process():
    a = _claim("We never disclose your data to governments.")
    assert judged(compare([a], _police("legal_process")), a).verdict == "contradicted"
