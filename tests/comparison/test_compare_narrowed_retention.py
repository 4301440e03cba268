"""A period for part of the data says nothing of how long the rest is kept.

"Messages that could not be delivered are deleted after 14 days" was contradicted by a store keeping chat media
for 30 days: the claim covers undelivered messages only, which the manifest does not tell apart. The same holds
for a period under a condition ("if a message cannot be delivered, we keep it ... for up to 14 days", "unless we
are required by law to keep them"). Such a claim is now unverifiable, naming what the manifest cannot see; a
plain period, or data merely described ("photos and videos you send"), is still contradicted.
"""

from __future__ import annotations

import pytest
from comparison_builders import judged, manifest

from notice_check.comparison import compare
from notice_check.extraction import extract_sentences
from notice_check.models import Sentence

MEDIA = {"key": "user.content.private.message.media", "parent": "user.content.private",
         "aliases": ["photos and videos", "messages"]}


def _media_kept(days: int):
    return manifest(country="JP", categories=[MEDIA], locations=[{"key": "jp", "country": "JP"}],
                    stores=[{"key": "media", "location": "jp", "categories": [MEDIA["key"]],
                             "retention_days": days}])


def _claim(text: str):
    found = [a for a in extract_sentences([Sentence(text=text, start=0, end=len(text))]) if a.practice == "retention"]
    assert len(found) == 1 and found[0].retention.max_days == 14, found
    return found[0]


@pytest.mark.parametrize("text", [
    "Messages that could not be delivered are deleted after 14 days.",
    "Undelivered photos and videos are deleted after 14 days.",
    "If a message cannot be delivered, we keep it on our servers for up to 14 days.",
    "Photos and videos are deleted after 14 days unless we are required by law to keep them.",
    # data a participle or a "when" clause narrows: what went to another party, what one tool collects
    "We keep photos and videos provided to our verification vendor for 14 days.",
    "Photos and videos when using our editing tool are deleted after 14 days.",
    # ... or a participle of how it was collected, or a purpose
    "We keep information collected using cookies for 14 days.",
    "We keep the photos and videos that we store for this purpose for up to 14 days.",
])
def test_a_period_for_part_of_the_data_is_not_contradicted(text):
    a = _claim(text)
    finding = judged(compare([a], _media_kept(30)), a)
    assert finding.verdict == "unverifiable"
    assert "does not tell apart" in finding.message
    assert "the the " not in finding.message


@pytest.mark.parametrize("text", [
    "Photos and videos are deleted after 14 days.",
    "Photos and videos you send are deleted after 14 days.",
    "Photos and videos that you send are deleted after 14 days.",
])
def test_a_plain_period_is_still_contradicted(text):
    a = _claim(text)
    assert judged(compare([a], _media_kept(30)), a).verdict == "contradicted"


def test_a_store_within_the_period_still_supports_it():
    a = _claim("Messages that could not be delivered are deleted after 14 days.")
    assert judged(compare([a], _media_kept(7)), a).verdict == "supported"

