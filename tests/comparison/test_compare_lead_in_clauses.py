"""A list whose lead-in stops mid-clause: "If you make a call, we:" then "establish an end-to-end encrypted
connection for your call audio". Each item was parsed as "If you make a call, we: establish ...", and the colon
cut the lead-in's condition off the item's verb, so a claim made only for calls (or only when the reader asks)
read as made always. Found in a messaging app's earlier notice (`bench/cross_check.py --corpus ota-history`); the
sentences here are our own.
"""

from __future__ import annotations

import pytest

from notice_check.document import load_document
from notice_check.extraction import extract


def _parsed(text: str) -> list[str]:
    return [s.analysed for s in load_document("notice.md", data=text.encode()).sentences if s.kind == "list_item"]


@pytest.mark.parametrize(("lead_in", "joined"), [
    ("If you make a call, we:", "If you make a call, we establish"),
    ("When you ask for it, we will:", "When you ask for it, we will establish"),
    ("We help you keep a copy of your chats, when you request it, by:", "when you request it, by establish"),
])
def test_a_lead_in_that_stops_mid_clause_reads_on_into_the_item(lead_in, joined):
    text = f"{lead_in}\n\n* establish an encrypted link for your files.\n* delete old copies."
    assert all(p.startswith(lead_in[:-1]) for p in _parsed(text))
    assert joined in _parsed(text)[0]


@pytest.mark.parametrize("lead_in", ["We collect the following:", "Your rights:", "We may share your data with:"])
def test_a_lead_in_that_ends_a_clause_keeps_its_colon(lead_in):
    text = f"{lead_in}\n\n* service providers that host our servers.\n* auditors and lawyers we hire."
    assert all(p.startswith(lead_in + " ") for p in _parsed(text))


def test_the_lead_ins_condition_is_the_items(verdicts_of):
    """line-2021's chat-media store is not end-to-end encrypted: a promise made only when the reader asks for it
    leaves that open; the same promise made unconditionally is contradicted."""
    listed = "When you ask us to, we:\n\n* end-to-end encrypt your chat photos and videos.\n* keep them for you."
    found = [a for a in extract(load_document("notice.md", data=listed.encode())) if a.practice == "encryption"]
    assert found and all(a.conditions for a in found)
    assert "contradicted" not in verdicts_of("line-2021", listed, "encryption")
    plain = "We:\n\n* end-to-end encrypt your chat photos and videos.\n* keep them for you."
    assert "contradicted" in verdicts_of("line-2021", plain, "encryption")
