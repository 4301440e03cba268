"""Phrasings from a probe of our own LINE-case sentences, and the OPP-115 parties they led to. The worst was
a polarity error that could give a false *contradicted*: "encrypted in transit but not at rest" read as
encrypted at rest.
"""

from __future__ import annotations

import pytest


def _kinds(claims, text):
    return sorted((a.encryption.kind, a.polarity) for a in claims(text) if a.practice == "encryption")


@pytest.mark.parametrize(("text", "expected"), [
    ("Photos are encrypted in transit but not at rest.", [("at_rest", "deny"), ("in_transit", "affirm")]),
    ("Backups are encrypted at rest, but not in transit.", [("at_rest", "affirm"), ("in_transit", "deny")]),
    ("Messages are not encrypted at rest but only in transit.", [("at_rest", "deny"), ("in_transit", "affirm")]),
])
def test_a_contrast_turns_one_kind_of_encryption(claims, text, expected):
    assert _kinds(claims, text) == expected


@pytest.mark.parametrize("text", [
    "Files are encrypted not only in transit but also at rest.",
    "Your files are encrypted in transit and at rest.",
])
def test_no_contrast_no_turn(claims, text):
    assert _kinds(claims, text) == [("at_rest", "affirm"), ("in_transit", "affirm")]


def test_who_is_located_somewhere_and_may_access_data_processes_it_there(claims):
    text = "Some of our support contractors are located in India and may access your account data."
    found = [a for a in claims(text) if a.practice == "processing"]
    assert [(sorted(a.location.countries), [p.kind for p in a.parties]) for a in found] == [(["IN"], ["processor"])]


def test_a_hyphenated_party_is_typed_as_the_parser_splits_it(claims):
    # spaCy splits "third-party" into three tokens; the party's text is joined back with spaces
    found = [a for a in claims("We will not give any third-party ad server your e-mail address.")
             if a.practice == "sharing"]
    assert [(a.polarity, [p.kind for p in a.parties]) for a in found] == [("deny", ["third_party"])]


def test_advertisements_are_no_advertiser(claims):
    text = "Banner advertisements shown on our pages use cookies."
    assert all(p.kind != "advertiser" for a in claims(text) for p in a.parties)
    found = [a for a in claims("Advertising partners may place cookies on your browser.") if a.practice == "sharing"]
    assert [[p.kind for p in a.parties] for a in found] == [["advertiser"]]


@pytest.mark.parametrize("text", [
    "Users are registered automatically and can share photos with friends.",
    "Members sign up and may share their profile with others.",
])
def test_the_users_second_verb_is_the_users_act(claims, text):
    assert [a for a in claims(text) if a.practice == "sharing"] == []
    # ours stays ours
    found = [a for a in claims("We collect data and may share it with partners.") if a.practice == "sharing"]
    assert [[p.kind for p in a.parties] for a in found] == [["third_party"]]


# A denial that excepts some recipients denies only the others. Typed by its exception ("processor"), "we do not
# share with third parties other than our service providers" was a false *contradicted* against any manifest
# whose service providers receive the data.

@pytest.mark.parametrize("text", [
    "We do not share your data with anyone other than our service providers.",
    "Your data is not shared with third parties other than our payment processor.",
    "We do not sell your data to anyone but our service providers.",
])
def test_a_denial_with_an_exception_denies_the_rest(claims, text):
    found = [a for a in claims(text) if a.practice in ("sharing", "sale")]
    assert [(a.polarity, [p.kind for p in a.parties]) for a in found] == [("deny", ["third_party"])]


def test_the_excepted_recipient_of_a_denial_is_not_denied(claims):
    found = [a for a in claims("We do not share your data except with our service providers.")
             if a.practice == "sharing"]
    assert [(a.polarity, [p.kind for p in a.parties]) for a in found] == [("deny", [])]


@pytest.mark.parametrize("text", [
    "We share your data only with our service providers.",
    "We only share your data with our service providers.",
    "We disclose personal data only to our affiliates and service providers.",
])
def test_only_named_recipients_is_an_exclusive_claim(claims, text):
    assert [a.scope for a in claims(text) if a.practice == "sharing"] == ["exclusive"]


@pytest.mark.parametrize("text", [
    "We share your data only with your consent.",
    "We only share your data with third parties when you consent.",
])
def test_only_about_a_condition_is_no_exclusive_claim(claims, text):
    assert [a.scope for a in claims(text) if a.practice == "sharing"] == ["unspecified"]


@pytest.mark.parametrize(("text", "collectors"), [
    # the tool collects for whoever uses it: OPP-115 files "we and our service providers use technologies
    # that collect ..." as collection by another party
    ("We and our service providers may use a variety of technologies that automatically collect certain "
     "information when you interact with the Sites.", [("processor", "our service providers")]),
    ("We use cookies that collect your browsing history.", []),  # ours, as before
    # a tool that names a kind of party is that party
    ("We may use third-party software that tracks traffic to our site.", [("third_party", "third-party software")]),
])
def test_whoever_uses_a_collecting_tool_collects(claims, text, collectors):
    found = [a for a in claims(text) if a.practice == "collection"]
    assert [[(p.kind, p.text) for p in a.parties] for a in found] == [collectors]


def test_resellers_with_access_are_third_parties(claims):
    found = claims("Your domain administrator and resellers who provide user support to your organization will "
                   "have access to your account information.")
    assert [[p.kind for p in a.parties] for a in found if a.practice == "processing"] == [["third_party"]]


@pytest.mark.parametrize(("text", "expected"), [
    # "instead" turns the second verb: stored in Israel and the US, affirmed (was denied, from the first verb)
    ("Acme does not keep any customer data in China, and instead stores it in Israel and the United States.",
     [(("CN",), "deny"), (("IL", "US"), "affirm")]),
    ("We do not host your files in Russia but rather store them on servers located in Finland.",
     [(("FI",), "affirm"), (("RU",), "deny")]),
    # the twin: a list of two denied verbs stays denied
    ("We do not keep your data in China, and do not store it in Russia either.",
     [(("CN",), "deny"), (("RU",), "deny")]),
])
def test_instead_or_rather_turns_the_second_verb(claims, text, expected):
    found = sorted((tuple(a.location.countries), a.polarity) for a in claims(text)
                   if a.practice == "storage" and a.location)
    assert found == expected
