"""Two slips found by probing the shipped examples.

- "We encrypt your notes end-to-end": spaCy cuts "end-to-end" into five tokens and reads "your notes end" as a
  clause of its own, so the claim had no data and `check` judged it against every store.
- "Stored in Japan and nowhere else" was not exclusive: the pattern for it had been written with "\\b" turned into
  backspace characters, so it never matched anything.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "data", "polarity"), [
    ("We encrypt your notes end-to-end.", "your notes", "affirm"),
    ("We do not encrypt photos end-to-end.", "photos", "deny"),
])
def test_the_object_of_encrypt_survives_end_to_end(claims, text, data, polarity):
    found = [a for a in claims(text) if a.practice == "encryption"]
    assert [(a.data.text if a.data else None, a.polarity, a.encryption.kind) for a in found] == [
        (data, polarity, "end_to_end")]


@pytest.mark.parametrize("text", [
    "Your data is stored in Japan and nowhere else.",
    "We store your data in Japan and in no other country.",
])
def test_nowhere_else_is_exclusive(claims, text):
    assert [a.scope for a in claims(text) if a.practice == "storage"] == ["exclusive"]


def test_a_plain_place_is_not_exclusive(claims):
    assert [a.scope for a in claims("Your data is stored in Japan.")] == ["unspecified"]
