"""Notice data phrases -> category keys: the built-in map and a manifest's aliases."""

from __future__ import annotations

import re

import pytest

from notice_check.taxonomy import default_taxonomy
from notice_check.taxonomy.phrases import builtin_rules, stem

PHRASES = [
    # umbrella phrases -> user
    ("personal data", ["user"]),
    ("your personal information", ["user"]),
    ("all user data", ["user"]),
    ("your data", ["user"]),
    ("information about you", ["user"]),
    ("your information", ["user"]),
    ("personally identifiable information", ["user"]),
    ("the information we collect", ["user"]),
    # contact
    ("your email address", ["user.contact.email"]),
    ("e-mail addresses", ["user.contact.email"]),
    ("your name and email", ["user.name", "user.contact.email"]),
    ("phone numbers", ["user.contact.phone_number"]),
    ("mobile phone number", ["user.contact.phone_number"]),
    ("postal address", ["user.contact.address"]),
    ("ZIP code", ["user.contact.address.postal_code"]),
    ("contact information", ["user.contact"]),
    ("your contacts", ["user.social"]),
    ("address book", ["user.social"]),
    # content
    ("messages", ["user.content.private"]),
    ("chat messages", ["user.content.private"]),
    ("the content of your messages", ["user.content.private"]),
    ("talk content", ["user.content.private"]),
    ("photos and videos sent in chats", ["user.content.private"]),
    ("images you share", ["user.content.private"]),
    ("voice messages", ["user.content.private"]),
    ("files you upload", ["user.content.private"]),
    ("your notes", ["user.content.private"]),
    ("emails you send", ["user.content.private"]),
    ("profile photo", ["user.content.self_image"]),
    ("public posts", ["user.content.public"]),
    # location
    ("location data", ["user.location"]),
    ("precise location", ["user.location.precise"]),
    ("GPS coordinates", ["user.location.precise"]),
    ("approximate location", ["user.location.imprecise"]),
    ("location derived from your IP address", ["user.location.imprecise"]),
    # device and network
    ("IP addresses", ["user.device.ip_address"]),
    ("device identifiers", ["user.device.device_id"]),
    ("advertising ID", ["user.device.device_id"]),
    ("MAC address", ["user.device.device_id"]),
    ("cookies", ["user.device.cookie"]),
    ("cookie identifiers", ["user.device.cookie_id"]),
    ("device information", ["user.device"]),
    ("browser type and operating system", ["user.device"]),
    # money
    ("payment information", ["user.payment"]),
    ("credit card numbers", ["user.financial.credit_card"]),
    ("bank account number", ["user.financial.bank_account"]),
    ("purchase history", ["user.behavior.purchase_history"]),
    # sensitive kinds
    ("health information", ["user.health_and_medical"]),
    ("biometric data", ["user.biometric"]),
    ("facial recognition data", ["user.biometric"]),
    ("fingerprints", ["user.biometric.fingerprint"]),
    ("voice recordings", ["user.biometric.voice"]),
    ("children's data", ["user.childrens"]),
    ("information from children under 13", ["user.childrens"]),
    ("passport number", ["user.government_id.passport_number"]),
    ("social security number", ["user.government_id.national_identification_number"]),
    # behaviour, logs
    ("browsing history", ["user.behavior.browsing_history"]),
    ("search queries", ["user.behavior.search_history"]),
    ("videos you watch", ["user.behavior.media_consumption"]),
    ("usage data", ["user.behavior"]),
    ("analytics", ["user.behavior"]),
    ("information about how you use our services", ["user.behavior"]),
    ("log data", ["system.operations"]),
    ("server logs", ["system.operations"]),
    ("crash reports", ["user.telemetry"]),
    ("data about your use of the service", ["user.behavior"]),
    ("call logs", ["user.social"]),
    ("device and usage information", ["user.device", "user.behavior"]),
    ("log information such as IP address", ["system.operations", "user.device.ip_address"]),
    ("chat logs", ["user.content.private"]),
    # account
    ("account information", ["user.account"]),
    ("username", ["user.account.username"]),
    ("passwords", ["user.authorization.password"]),
    ("login credentials", ["user.authorization.credentials"]),
    ("privacy settings", ["user.privacy_preferences"]),
    # demographics
    ("date of birth", ["user.demographic.date_of_birth"]),
    ("age", ["user.demographic.age_range"]),
    ("gender", ["user.demographic.gender"]),
    ("first name", ["user.name.first"]),
    ("job title", ["user.job_title"]),
    # lists of several kinds keep their order
    ("your name, email address and phone number",
     ["user.name", "user.contact.email", "user.contact.phone_number"]),
    ("IP address, device identifiers and cookies",
     ["user.device.ip_address", "user.device.device_id", "user.device.cookie"]),
    ("personal information such as your email address", ["user", "user.contact.email"]),
]


@pytest.mark.parametrize(("phrase", "expected"), PHRASES)
def test_builtin_phrase_map(phrase, expected):
    assert default_taxonomy().categories_for(phrase) == expected


@pytest.mark.parametrize("phrase", [
    "", "   ", "the weather", "our services", "information", "data", "the data", "third parties",
    "our affiliates", "servers in Japan", "marketing communications",
    "sensitive personal information",  # a subset we cannot name: not `user`
    "aggregated information", "anonymized data", "non-personal information",
])
def test_unmatched_phrases_are_unknown_never_guessed(phrase):
    assert default_taxonomy().categories_for(phrase) == []


def test_case_and_curly_quotes_do_not_matter():
    tx = default_taxonomy()
    assert tx.categories_for("YOUR EMAIL ADDRESS") == ["user.contact.email"]
    assert tx.categories_for("children\u2019s personal information") == ["user.childrens"]


def test_every_rule_key_is_a_fideslang_key_and_there_are_enough_rules():
    rules = builtin_rules()
    tx = default_taxonomy()
    keyed = [r for r in rules if r.key is not None]
    assert len(keyed) >= 60
    assert all(tx.known(r.key) for r in keyed), [r.key for r in keyed if not tx.known(r.key)]
    assert all(isinstance(p, re.Pattern) for r in rules for p in r.patterns)


def test_rules_are_ordered_most_specific_first():
    """A rule never comes after a rule for one of its ancestors, unless the later one is a fallback
    of the same pattern family (e.g. singular 'email' after the content rule)."""
    tx = default_taxonomy()
    first_seen: dict[str, int] = {}
    for i, rule in enumerate(builtin_rules()):
        if rule.key is not None:
            first_seen.setdefault(rule.key, i)
    for key, i in first_seen.items():
        for anc in tx.ancestors(key):
            if anc in first_seen:
                assert first_seen[anc] > i, f"{anc} is tried before its descendant {key}"


# ------------------------------------------------------------------ manifest aliases

@pytest.fixture()
def with_aliases():
    return default_taxonomy().extended([
        {"key": "user.content.private.message", "parent": "user.content.private",
         "aliases": ["chat messages", "talk content"]},
        {"key": "user.content.private.message.media", "parent": "user.content.private.message",
         "aliases": ["photos and videos sent in chats"]},
        {"key": "user.content.private.notes", "parent": "user.content.private", "aliases": ["your notes"]},
    ])


def test_alias_exact(with_aliases):
    assert with_aliases.categories_for("photos and videos sent in chats") == [
        "user.content.private.message.media"]


def test_alias_contained_case_and_plural_insensitive(with_aliases):
    tx = with_aliases
    assert tx.categories_for("All Photos and Videos Sent in Chats") == ["user.content.private.message.media"]
    assert tx.categories_for("photo and video sent in chat") == ["user.content.private.message.media"]
    assert tx.categories_for("the chat message") == ["user.content.private.message"]
    assert tx.categories_for("notes") == ["user.content.private.notes"]  # "your" is filler


def test_alias_wins_over_builtin_rule(with_aliases):
    # without the manifest, "chat messages" is generic private content
    assert default_taxonomy().categories_for("chat messages") == ["user.content.private"]
    assert with_aliases.categories_for("chat messages") == ["user.content.private.message"]


def test_alias_and_builtin_combine(with_aliases):
    assert with_aliases.categories_for("your notes and your email address") == [
        "user.content.private.notes", "user.contact.email"]


def test_alias_needs_the_whole_alias(with_aliases):
    # "photos" alone is not the alias "photos and videos sent in chats": the built-in map decides
    assert with_aliases.categories_for("photos") == ["user.content.private"]


@pytest.mark.parametrize(("a", "b"), [
    ("cookies", "cookie"), ("histories", "history"), ("addresses", "address"), ("photos", "photo"),
    ("messages", "message"), ("children's", "children"),
])
def test_stem_agrees_on_singular_and_plural(a, b):
    assert stem(a) == stem(b)
