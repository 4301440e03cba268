""""We never access the content of your notes" denies looking at the notes, not holding them.

It was contradicted by the store that holds the notes (not end-to-end encrypted), as "we cannot read your
notes" is. Holding is not accessing: only an access (or a disclosure) of the notes contradicts the behaviour;
the ability ("cannot read") is still contradicted by a store that is not end-to-end encrypted.
"""

from __future__ import annotations

import pytest


@pytest.fixture()
def verdicts(check_example):
    """(verdict, manifest keys) of each processing finding, against the truthful-saas example."""
    return lambda text: [(f.verdict, [f"{r.section}.{r.key}" for r in f.manifest_refs])
                         for f in check_example("truthful-saas", text).findings
                         if f.evidence is not None and f.practice == "processing"]


@pytest.mark.parametrize("text", [
    "We never access the content of your notes.",
    "We do not view or read your notes.",
])
def test_holding_the_data_is_not_looking_at_it(verdicts, text):
    assert [v for v, _ in verdicts(text)] == ["supported"]


def test_an_access_to_the_data_contradicts_it(verdicts):
    # the helpdesk reaches names and e-mail addresses (accesses.support); the mailer and the payment provider
    # receive them (disclosures); the store of accounts is not among the counter-examples
    [(verdict, refs)] = verdicts("We never access your email address.")
    assert verdict == "contradicted" and "accesses.support" in refs and not any(r.startswith("stores.") for r in refs)


def test_the_ability_is_still_contradicted_by_a_store_that_is_not_end_to_end_encrypted(verdicts):
    assert verdicts("We cannot read your notes.") == [("contradicted", ["stores.notes"])]
