"""Where the organisation's parties are: "some of our service providers are located in China".

It made no claim (a party's place is not where data is stored), so a manifest's access from China was reported
as "the notice never names China" although it does. It is now a processing claim by that party, hedged: where a
party is says neither that it holds the data nor that it is the only place, so a fact elsewhere never
contradicts it (`hedged: true` in triggers.yml).
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "kinds", "countries"), [
    ("Some of our service providers are located in China.", ["processor"], ["CN"]),
    ("Our affiliates and contractors are located in South Korea and China.", ["affiliate", "processor"],
     ["KR", "CN"]),
    ("We work with contractors based in India.", ["processor"], ["IN"]),
])
def test_a_partys_place_is_a_hedged_processing_claim(claims, text, kinds, countries):
    found = [a for a in claims(text) if a.practice == "processing"]
    assert [(a.polarity, a.modality, [p.kind for p in a.parties], a.location.countries, a.data) for a in found] == [
        ("affirm", "may", kinds, countries, None)]


@pytest.mark.parametrize("text", [
    "Our offices are located in Dublin.",  # where people work
    "We are based in Japan.",  # the organisation itself
    "If you are located in the EEA, you have the right to object.",  # the reader
    "We have designated one of our EEA-based group companies as our representative.",  # a seat, in passing
    "Our customers include merchants based in the United States.",  # customers, not our processors
])
def test_places_of_offices_the_organisation_and_readers_are_no_claim(claims, text):
    assert [a for a in claims(text) if a.practice == "processing"] == []



def test_the_providers_place_is_not_said_twice(claims):
    text = ("Some of our service providers are located outside the UK, so using the Services may involve a transfer "
            "of your data outside the UK.")
    assert [(a.practice, a.location.mode) for a in claims(text)] == [("transfer", "outside")]


@pytest.mark.parametrize("text", [
    "We rely on the EU-US Data Privacy Framework for transfers to the US.",
    "We rely on standard contractual clauses for transfers to the United States.",
])
def test_transfers_under_a_legal_mechanism_name_their_destination(claims, text):
    """The mechanism ("Framework", "clauses") governs the transfer noun; it blocked the place as if it said
    which law applies."""
    found = [a for a in claims(text) if a.practice == "transfer"]
    assert [(a.polarity, a.location.countries) for a in found] == [("affirm", ["US"])]


# Staff named by whom they work for: "engineers at our affiliate in China" are the affiliate's, not a processor
# (the word "engineers" alone reads as one), so LINE's Shanghai affiliate access supports the claim rather than
# leaving it unverifiable.
@pytest.mark.parametrize(("text", "kind"), [
    ("Engineers at our affiliate in China may access certain user information to develop the service.", "affiliate"),
    ("Employees of our service providers may access your data.", "processor"),
    ("Our engineers in China may access your data.", "self"),
])
def test_staff_take_the_kind_of_whom_they_work_for(claims, text, kind):
    assert [[p.kind for p in a.parties] for a in claims(text) if a.practice == "processing"] == [[kind]]


def test_an_affiliates_engineers_are_checked_against_the_affiliates_access(check_example):
    text = "Engineers at our affiliate in China may access certain user information to develop the service."
    findings = check_example("line-2021", text).findings
    china = [f for f in findings if f.evidence is not None and "Engineers" in f.evidence.text]
    assert [(f.verdict, [(r.section, r.key) for r in f.manifest_refs]) for f in china] == [
        ("supported", [("accesses", "sh_dev_access")])]


# "None of our service providers are located in the United States" was a storage denial of "None of our service
# providers" (the data!), because "none of" hid the party; it is the party-location denial, and not hedged: a
# processor reaching the data from the United States contradicts it.
def test_none_of_our_providers_is_a_plain_denial_of_their_place(claims):
    found = claims("None of our service providers are located in the United States.")
    assert [(a.practice, a.polarity, a.modality, [p.kind for p in a.parties], a.location.countries)
            for a in found] == [("processing", "deny", "fact", ["processor"], ["US"])]


def test_a_processor_in_that_place_contradicts_it_end_to_end(check_example):
    text = "None of our service providers are located in the United States."
    found = [(f.verdict, [(r.section, r.key) for r in f.manifest_refs])
             for f in check_example("eea-only", text).findings if f.evidence is not None]
    assert found == [("contradicted", [("accesses", "us_support")])]
