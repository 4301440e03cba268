"""Verdict messages that said the wrong thing, found by probing the shipped examples.

"Your notes are not end-to-end encrypted" was supported with "the manifest declares no store of this data",
although the manifest's store of notes is exactly what confirms it; "we keep your data indefinitely" was
reported as keeping it "for a limited time".
"""

from __future__ import annotations

import pytest


def _findings(result, practice: str):
    return [f for f in result.findings if f.practice == practice and f.evidence is not None]


@pytest.fixture()
def saas(check_example):
    """Findings of one practice against the truthful-saas example (stores not end-to-end encrypted)."""
    return lambda text, practice: _findings(check_example("truthful-saas", text), practice)


def test_a_denial_of_end_to_end_encryption_cites_the_store_that_confirms_it(saas):
    [finding] = saas("Your notes are not end-to-end encrypted.", "encryption")
    assert finding.verdict == "supported"
    assert [(r.section, r.key) for r in finding.manifest_refs] == [("stores", "notes")]
    assert "declares no store" not in finding.message


def test_keeping_data_indefinitely_is_not_a_limited_time(saas):
    [finding] = saas("We keep your data indefinitely unless you ask us to delete it.", "retention")
    assert finding.verdict == "unverifiable" and "indefinitely" in finding.message
    assert "limited time" not in finding.message
    [plain] = saas("We keep your data for as long as necessary.", "retention")
    assert "limited time" in plain.message


def test_message_logs_are_not_the_messages(check_example):
    """ "We do not keep message logs" (records of who messaged whom) was contradicted by the store of the messages
    themselves: the manifest's alias "messages" matched "message" in "message logs"."""
    found = check_example("retention-encryption", "We do not keep message logs.").findings
    assert "contradicted" not in {f.verdict for f in found if f.practice == "retention"}
    plain = check_example("retention-encryption", "We do not keep your messages.").findings
    assert "contradicted" in {f.verdict for f in plain if f.practice == "retention"}


def test_encryption_claimed_for_part_of_the_data_is_not_contradicted(saas):
    """Three false *contradicted* against the notes service, whose stores are not end-to-end encrypted: the
    claims speak of part of the data ("some of your data", "sensitive information") or hedge ("where
    appropriate"). A plain "your notes are encrypted end-to-end" is still contradicted."""
    for text in ("Sensitive information is encrypted end-to-end.", "Some of your data is encrypted end-to-end.",
                 "Where appropriate, we use end-to-end encryption."):
        found = saas(text, "encryption")
        assert found and "contradicted" not in {f.verdict for f in found}, text
    plain = saas("Your notes are encrypted end-to-end.", "encryption")
    assert "contradicted" in {f.verdict for f in plain}


def test_a_hedged_denial_of_encryption_is_a_warning_not_a_contradiction(check_example, findings_of):
    """ "Information sent by email may not be encrypted" and "some features may not encrypt your messages" were
    contradicted by stores that encrypt: they warn that data may go without encryption, which encryption where
    the manifest records it does not refute. The finding now quotes the hedge ("it may not encrypt"); a plain
    "we do not encrypt your messages" is still contradicted."""
    for text in ("Information sent by email may not be encrypted.", "Some features may not encrypt your messages."):
        found = findings_of("retention-encryption", text, "encryption")
        assert found and "contradicted" not in {f.verdict for f in found}, text
        assert all("may not encrypt" in f.message for f in found), text
    plain = check_example("retention-encryption", "We do not encrypt your messages.").findings
    assert "contradicted" in {f.verdict for f in plain if f.practice == "encryption"}


def test_end_to_end_encryption_naming_no_data_is_about_content(check_example, findings_of):
    """ "We use end-to-end encryption to provide private messaging" was contradicted by the account store: with
    no data named, end-to-end encryption is about what users send each other. "All your data" still reaches
    the account store."""
    [bare] = [f for f in check_example("line-2021", "We use end-to-end encryption to provide private messaging.")
              .findings if f.practice == "encryption"]
    assert bare.verdict == "contradicted"
    assert {r.key for r in bare.manifest_refs} == {"talk_media"}
    [whole] = findings_of("line-2021", "All your data is end-to-end encrypted.", "encryption")
    assert {"accounts", "talk_media"} <= {r.key for r in whole.manifest_refs}


def test_a_conditional_denial_of_encryption_is_not_contradicted(check_example):
    """ "If a recipient forwards an encrypted email ..., the forwarded content will not be end-to-end encrypted":
    the condition hung on the copula, so the denial had none and a store with end-to-end encryption
    contradicted it."""
    text = ("If a recipient forwards a message to someone outside our service, the forwarded content will not be "
            "end-to-end encrypted.")
    found = [f for f in check_example("line-2021", text).findings
             if f.practice == "encryption" and "does not encrypt" in f.message]
    assert found and {f.verdict for f in found} == {"unverifiable"}


def test_keeping_data_with_no_bound_said_is_not_a_limited_time(saas):
    """ "we may retain the content of your e-mails" names no bound; it was reported as keeping them "for a limited
    time", which the notice never says."""
    [finding] = saas("If you send us an e-mail, we may retain the content of your e-mail messages.", "retention")
    assert finding.verdict == "unverifiable" and "may keep the content of your e-mail messages" in finding.message
    assert "limited time" not in finding.message
    [kept] = saas("When you update your profile, we keep a copy of the prior version for our records.", "retention")
    assert "keeps a copy of the prior version" in kept.message and "limited time" not in kept.message
