"""Sentences from the fourth round of reading OPP-115 errors (bench/opp115.py, tuned half), paraphrased.

Retention limits ("no longer than necessary") once read as denials, which the comparator takes as "we do not
keep it at all": a false contradiction against any store of that data. These tests pin the limit reading down
from the sentence to the verdict.
"""

from __future__ import annotations

import pytest

from notice_check.comparison import compare
from notice_check.manifest import load_manifest

LIMITS = [
    ("We keep your personal data no longer than necessary.", "affirm"),
    ("We retain data for no longer than is necessary for the purposes described here.", "affirm"),
    ("We do not store your friend's email address for any longer than reasonably necessary to send it.", "deny"),
    ("We do not keep your data longer than necessary.", "deny"),
]


@pytest.mark.parametrize(("text", "polarity"), LIMITS)
def test_keeping_no_longer_than_necessary_is_a_limit_not_a_denial(claims, text, polarity):
    found = [a for a in claims(text) if a.practice == "retention"]
    assert [(a.polarity, a.retention.max_days, a.retention.until) for a in found] == [
        (polarity, None, "purpose_fulfilled")]


def test_no_longer_still_negates_a_practice_that_stopped(claims):
    assert [(a.practice, a.polarity) for a in claims("We no longer sell your data.")] == [("sale", "deny")]


def test_a_limit_is_never_contradicted_by_a_store_that_keeps_the_data_for_a_period(claims, tmp_path):
    path = tmp_path / "manifest.yaml"
    path.write_text(
        "manifest_version: 1\norganization: {name: Example Corp., country: JP}\n"
        "coverage: {stores: complete, accesses: complete, disclosures: complete}\n"
        "locations:\n  - {key: tokyo, country: JP}\n"
        "stores:\n  - {key: accounts, location: tokyo, categories: [user], retention: P30D}\n",
        encoding="utf-8")
    assertions = [a.assign_id() for a in claims("We keep your personal data no longer than necessary.")]
    verdicts = {f.verdict for f in compare(assertions, load_manifest(path)) if f.practice == "retention"}
    assert verdicts and "contradicted" not in verdicts


def test_a_named_unit_qualifier_keeps_the_period(claims):
    found = [a for a in claims("Contest entries are purged after one calendar year from the date of entry.")
             if a.practice == "retention"]
    assert [a.retention.max_days for a in found] == [365]


@pytest.mark.parametrize("text", [
    "Your card number is collected via a secure transmission.",
    "We conduct payments over secured connections.",
])
def test_a_secure_channel_is_encryption_in_transit(claims, text):
    found = [a for a in claims(text) if a.practice == "encryption"]
    assert [(a.polarity, a.encryption.kind) for a in found] == [("affirm", "in_transit")]


@pytest.mark.parametrize("text", [
    "We cannot guarantee a secure connection.",
    "Third parties may intercept messages sent over an unsecured transmission.",
    "Please make sure you use a secure connection.",
])
def test_a_channel_we_do_not_vouch_for_is_no_encryption_claim(claims, text):
    assert not [a for a in claims(text) if a.practice == "encryption"], text


def test_personally_identifying_information_keeps_its_recipient(claims):
    found = [a for a in claims("We may share personally identifying information with advertisers.")
             if a.practice == "sharing"]
    assert [([p.kind for p in a.parties], a.data.text if a.data else None) for a in found] == [
        (["advertiser"], "information")]


def test_authorities_entitled_to_access_data_is_a_law_enforcement_claim(claims):
    found = claims("Courts in these countries may, in certain circumstances, be entitled to access your data.")
    assert [(a.practice, [p.kind for p in a.parties]) for a in found] == [("law_enforcement", ["public_authority"])]


def test_other_parties_collecting_on_our_site_receive_the_data(claims):
    found = claims("Other parties, particularly advertising networks, also collect information about your visits.")
    assert [(a.practice, [p.kind for p in a.parties]) for a in found if a.practice == "sharing"] == [
        ("sharing", ["third_party"])]
