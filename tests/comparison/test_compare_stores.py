"""retention, encryption and collection: claims about what each store does with the data it holds."""

from __future__ import annotations

import pytest
from comparison_builders import claim, judged, keys, manifest

from notice_check.comparison import compare

MESSAGE = {"key": "user.content.private.message", "parent": "user.content.private", "aliases": ["messages"]}
ATTACHMENT = {
    "key": "user.content.private.message.attachment",
    "parent": "user.content.private.message",
    "aliases": ["attachments"],
}


def chat(messages: dict | None = None, attachments: dict | None = None, coverage: dict | None = None, **more):
    stores = [
        {"key": "messages", "location": "ca", "categories": [MESSAGE["key"]], **(messages or {})},
        {"key": "attachments", "location": "ca", "categories": [ATTACHMENT["key"]], **(attachments or {})},
    ]
    return manifest(
        country="CA",
        categories=[MESSAGE, ATTACHMENT],
        locations=[{"key": "ca", "country": "CA"}],
        stores=stores + more.get("extra", []),
        **({"coverage": coverage} if coverage else {}),
    )


# --------------------------------------------------------------------------- retention

THIRTY = "Messages are deleted from our servers 30 days after they are sent."


def test_retention_max_is_contradicted_by_a_longer_period() -> None:
    m = chat({"retention_days": 90}, {"retention_days": 30})
    a = claim("retention", THIRTY, data="messages", max_days=30)
    finding = judged(compare([a], m), a)
    assert finding.verdict == "contradicted" and keys(finding) == {"stores.messages"}
    assert "90 days" in finding.message and "at most 30 days" in finding.message


def test_retention_max_is_contradicted_by_indefinite_retention() -> None:
    m = chat({"retention_days": 10}, {"retention_indefinite": True})
    a = claim("retention", THIRTY, data="messages", max_days=30)
    finding = judged(compare([a], m), a)
    assert finding.verdict == "contradicted" and keys(finding) == {"stores.attachments"}
    assert "indefinitely" in finding.message


def test_retention_within_the_limit_is_supported_only_with_complete_stores() -> None:
    a = claim("retention", THIRTY, data="messages", max_days=30)
    m = chat({"retention_days": 30}, {"retention_days": 7})
    finding = judged(compare([a], m), a)
    assert finding.verdict == "supported" and keys(finding) == {"stores.messages", "stores.attachments"}
    partial = chat(
        {"retention_days": 30},
        {"retention_days": 7},
        coverage={"stores": "partial", "accesses": "complete", "disclosures": "complete"},
    )
    assert judged(compare([a], partial), a).verdict == "unverifiable"


def test_retention_unknown_period_is_unverifiable() -> None:
    a = claim("retention", THIRTY, data="messages", max_days=30)
    finding = judged(compare([a], chat({"retention_days": 30}, {})), a)
    assert finding.verdict == "unverifiable" and "store attachments" in finding.message


def test_retention_until_account_deletion() -> None:
    a = claim(
        "retention",
        "We keep your messages until you delete your account.",
        data="your messages",
        until="account_deletion",
    )
    finding = judged(compare([a], chat({"retention_days": 365}, {"retention_days": 30})), a)
    assert finding.verdict == "unverifiable" and "account deletion" in finding.message
    finding = judged(compare([a], chat({"retention_indefinite": True}, {"retention_days": 30})), a)
    assert finding.verdict == "contradicted" and keys(finding) == {"stores.messages"}


def test_days_after_an_event_are_no_cap_on_the_period() -> None:
    """ "deleted 30 days after you close your account" (max_days 30, until account_deletion): it was compared as
    "kept for at most 30 days", and a store keeping messages for a year while the account is open contradicted
    it. The days run from the event, which the manifest's periods cannot place."""
    a = claim("retention", "Your messages are deleted 30 days after you close your account.", data="your messages",
              max_days=30, until="account_deletion")
    finding = judged(compare([a], chat({"retention_days": 365}, {"retention_days": 30})), a)
    assert finding.verdict == "unverifiable" and "up to 30 days after" in finding.message
    finding = judged(compare([a], chat({"retention_indefinite": True}, {"retention_days": 30})), a)
    assert finding.verdict == "contradicted" and keys(finding) == {"stores.messages"}


def test_retention_reads_only_stores_of_the_named_data() -> None:
    logs = {"key": "logs", "location": "ca", "categories": ["user.device.ip_address"], "retention_days": 400}
    a = claim("retention", THIRTY, data="messages", max_days=30)
    finding = judged(compare([a], chat({"retention_days": 30}, {"retention_days": 30}, extra=[logs])), a)
    assert finding.verdict == "supported"


# --------------------------------------------------------------------------- encryption

E2E = {"at_rest": True, "in_transit": True, "end_to_end": True}
NO_E2E = {"at_rest": True, "in_transit": True, "end_to_end": False}


def test_end_to_end_claim_is_contradicted_by_a_store_without_it() -> None:
    a = claim("encryption", "All messages are end-to-end encrypted.", data="all messages", encryption="end_to_end")
    finding = judged(compare([a], chat({"encryption": E2E}, {"encryption": NO_E2E})), a)
    assert finding.verdict == "contradicted" and keys(finding) == {"stores.attachments"}
    assert "without end to end encryption" in finding.message


def test_at_rest_claim_is_supported_when_every_store_has_it() -> None:
    a = claim(
        "encryption",
        "We encrypt messages and attachments at rest.",
        data="messages and attachments",
        encryption="at_rest",
    )
    finding = judged(compare([a], chat({"encryption": E2E}, {"encryption": NO_E2E})), a)
    assert finding.verdict == "supported" and keys(finding) == {"stores.messages", "stores.attachments"}


@pytest.mark.parametrize(
    ("facts", "verdict"),
    [
        ({"at_rest": False, "in_transit": True}, "supported"),
        ({"at_rest": True, "in_transit": False}, "supported"),
        ({"at_rest": False, "in_transit": False}, "contradicted"),
        ({"at_rest": None, "in_transit": None}, "unverifiable"),
    ],
)
def test_encryption_without_kind_means_at_rest_or_in_transit(facts, verdict) -> None:
    a = claim("encryption", "We encrypt your messages.", data="your messages")
    m = chat({"encryption": facts}, {"encryption": facts})
    assert judged(compare([a], m), a).verdict == verdict


def test_hedged_encryption_claim_is_not_contradicted() -> None:
    a = claim(
        "encryption",
        "Messages are end-to-end encrypted unless Letter Sealing is turned off.",
        data="messages",
        encryption="end_to_end",
        conditions=["unless Letter Sealing is turned off"],
    )
    finding = judged(compare([a], chat({"encryption": NO_E2E}, {"encryption": NO_E2E})), a)
    assert finding.verdict == "unverifiable" and "hedged" in finding.message


def test_encryption_unknown_is_unverifiable() -> None:
    a = claim("encryption", "All messages are end-to-end encrypted.", data="all messages", encryption="end_to_end")
    finding = judged(compare([a], chat({"encryption": E2E}, {})), a)
    assert finding.verdict == "unverifiable" and "does not record" in finding.message


# --------------------------------------------------------------------------- collection


def located(categories: list[str]):
    return manifest(
        country="US",
        locations=[{"key": "us", "country": "US"}],
        stores=[{"key": "trips", "location": "us", "categories": categories}],
    )


def test_collection_deny_is_contradicted_by_a_store_of_that_category() -> None:
    a = claim("collection", "We do not collect precise location data.", polarity="deny", data="precise location data")
    finding = judged(compare([a], located(["user.location.precise"])), a)
    assert finding.verdict == "contradicted" and keys(finding) == {"stores.trips"}
    assert finding.message == (
        "The notice says it does not collect precise location data; store trips holds precise subject location."
    )


def test_collection_deny_of_a_broad_category_is_contradicted_by_a_narrower_store() -> None:
    a = claim(
        "collection",
        "We do not collect location data.",
        polarity="deny",
        data="location data",
        categories=["user.location"],
    )
    assert judged(compare([a], located(["user.location.precise"])), a).verdict == "contradicted"


def test_collection_deny_against_a_coarser_store_is_unverifiable() -> None:
    a = claim("collection", "We do not collect precise location data.", polarity="deny", data="precise location data")
    assert judged(compare([a], located(["user.location"])), a).verdict == "unverifiable"
    assert judged(compare([a], located(["user.contact"])), a).verdict == "supported"


def test_collection_affirm_is_supported_by_a_record_of_the_data() -> None:
    a = claim("collection", "We collect your precise location.", data="your precise location")
    assert judged(compare([a], located(["user.location.precise"])), a).verdict == "supported"
    assert judged(compare([a], located(["user.contact"])), a).verdict == "unverifiable"


def test_a_store_of_logs_contradicts_a_no_logs_sentence() -> None:
    """From the sentence to the verdict: "we do not keep logs of ..." is a retention denial (tests/extraction/
    test_no_logs.py), and a store that keeps those logs for 90 days contradicts it."""
    from notice_check.extraction import extract_sentences
    from notice_check.models import Sentence

    text = "We do not keep logs of your browsing history."
    found = [a for a in extract_sentences([Sentence(text=text, start=0, end=len(text))]) if a.practice == "retention"]
    m = manifest(locations=[{"key": "tokyo", "country": "JP"}],
                 stores=[{"key": "clicklog", "location": "tokyo", "categories": ["user.behavior.browsing_history"],
                          "retention_days": 90}])
    finding = judged(compare(found, m), found[0])
    assert finding.verdict == "contradicted" and keys(finding) == {"stores.clicklog"}


def test_not_kept_after_delivery_is_an_event_not_a_denial() -> None:
    """ "We don't store your messages after they are delivered" read as "we do not store messages" was a false
    contradiction against the store that holds them until delivery; the event cannot be checked (SPEC)."""
    from notice_check.extraction import extract_sentences
    from notice_check.models import Sentence

    text = "We don't store your messages after they are delivered."
    found = extract_sentences([Sentence(text=text, start=0, end=len(text))])
    assert [(a.practice, a.polarity, a.retention.until) for a in found] == [("retention", "deny", "delivery")]
    m = manifest(locations=[{"key": "tokyo", "country": "JP"}],
                 stores=[{"key": "queue", "location": "tokyo", "categories": ["user.content"], "retention_days": 30}])
    assert judged(compare(found, m), found[0]).verdict != "contradicted"


@pytest.mark.parametrize("text", [
    'We predominately use "session" cookies, which are not permanently stored on your hard drive.',
    "Persistent cookies will remain on your computer for up to 20 years.",
])
def test_a_cookies_lifetime_is_not_compared_with_a_store_of_cookie_data(text) -> None:
    """The sentence speaks of the reader's computer: it read as a denial (or a limit) of what the store keeps."""
    from notice_check.extraction import extract_sentences
    from notice_check.models import Sentence

    found = extract_sentences([Sentence(text=text, start=0, end=len(text))])
    m = manifest(country="US", locations=[{"key": "us", "country": "US"}],
                 stores=[{"key": "analytics", "location": "us", "categories": ["user.device.cookie"],
                          "retention_days": 30}])
    verdicts = [judged(compare(found, m), a) for a in found]
    assert [(f.practice, f.verdict) for f in verdicts] == [("retention", "unverifiable")]
    assert "how long cookies live" in verdicts[0].message


@pytest.mark.parametrize(("e2e", "verdict"), [(True, "supported"), (False, "contradicted")])
def test_we_cannot_read_your_messages_is_not_contradicted_by_end_to_end_encrypted_storage(e2e, verdict) -> None:
    """A store that holds messages end-to-end encrypted holds what the organisation cannot read."""
    from notice_check.extraction import extract_sentences
    from notice_check.models import Sentence

    text = "We cannot read your messages."
    found = extract_sentences([Sentence(text=text, start=0, end=len(text))])
    m = manifest(locations=[{"key": "jp", "country": "JP"}],
                 categories=[MESSAGE],
                 stores=[{"key": "messages", "location": "jp", "categories": [MESSAGE["key"]],
                          "encryption": {"at_rest": True, "in_transit": True, "end_to_end": e2e}}])
    finding = judged(compare(found, m), found[0])
    assert finding.verdict == verdict
    assert ("not end-to-end encrypted" in finding.message) == (not e2e)
