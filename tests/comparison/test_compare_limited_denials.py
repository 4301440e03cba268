"""A denial its own sentence limits is not contradicted by what falls outside the limit.

Against the shipped sale-sharing example (an ad network paid in ad credits, precise locations kept for delivery
tracking), a probe of common phrasings gave five false *contradicted*: a sale "for money" (the ad credits are not
money), "as the term 'sell' is traditionally understood", a sale "to third parties for their marketing
purposes", collection denied "unless you enable location services", tracking denied "across other websites".
The manifest records none of these limits, so each is now unverifiable and says what is missing; the plain
denials are still contradicted.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import notice_check

MANIFEST = Path(__file__).resolve().parents[2] / "corpora" / "examples" / "sale-sharing" / "manifest.yaml"


def _verdicts(text: str) -> list[tuple[str, str, str]]:
    findings = notice_check.check("-", MANIFEST, data=text.encode() + b"\n").findings
    return [(f.practice, f.verdict, f.message) for f in findings if f.evidence is not None]


@pytest.mark.parametrize(("text", "practice", "missing"), [
    ("We do not sell your personal information for money.", "sale", "what the recipient gave in return"),
    ('We do not sell your personal information as the term "sell" is traditionally understood.', "sale",
     'which meaning of "sell"'),
    ("We do not rent or sell your email address to third parties for their marketing purposes.", "sale",
     "for purposes it does not record"),
    ("We do not collect your precise location unless you enable location services.", "collection",
     "whether users consented"),
    ("We do not track your browsing history across other websites.", "collection",
     "where the data was collected"),
])
def test_a_limited_denial_is_unverifiable_and_says_why(text, practice, missing):
    found = [(v, m) for p, v, m in _verdicts(text) if p == practice]
    assert found and all(v == "unverifiable" and missing in m for v, m in found), found


@pytest.mark.parametrize(("text", "practice"), [
    ("We do not sell your personal information.", "sale"),
    ("We do not sell your email address to third parties.", "sale"),
    ("We do not collect your precise location.", "collection"),
    ("We do not collect your browsing history.", "collection"),
])
def test_the_plain_denial_is_still_contradicted(text, practice):
    assert "contradicted" in {v for p, v, _ in _verdicts(text) if p == practice}

