"""A list of places that answers an earlier sentence ("... including companies located in the following
countries:" and, sentences later, "Countries to which data is transferred: Japan and Korea.").

Read alone, the labelled list looked like every place the data goes, so a store anywhere else contradicted it.
The earlier sentence's "including" makes it an open list. Found in the earlier OTA versions of a messaging
app's notice (`bench/cross_check.py --corpus ota-history`); the sentences here are our own.
"""

from __future__ import annotations

from notice_check.document import load_document
from notice_check.extraction import extract

POINTER = ("We may entrust personal data to service providers, including companies located in the following "
           "countries and regions.")
BETWEEN = "We will: (i) check each provider; and (ii) bind it by contract."
LISTED = "Countries and regions to which personal data is transferred: Japan, Korea and Vietnam."


def _notice(*paragraphs: str, heading: str = "## 5. Sharing") -> str:
    return "\n\n".join([heading, *paragraphs])


def _listed_open(text: str) -> list[bool]:
    found = extract(load_document("notice.md", data=text.encode()))
    return [a.location.open for a in found if a.location is not None and a.evidence.text == LISTED]


def test_a_list_that_answers_an_including_pointer_is_open():
    assert _listed_open(_notice(POINTER, BETWEEN, LISTED)) == [True]


def test_a_labelled_list_alone_stays_closed():
    assert _listed_open(_notice(BETWEEN, LISTED)) == [False]


def test_a_pointer_without_including_leaves_the_list_closed():
    plain = "We may entrust personal data to service providers located in the following countries and regions."
    assert _listed_open(_notice(plain, LISTED)) == [False]


def test_a_pointer_in_another_section_does_not_reach_the_list():
    text = _notice(POINTER) + "\n\n" + _notice(LISTED, heading="## 6. Transfers")
    assert _listed_open(text) == [False]


def test_a_pointer_answered_by_the_list_before_does_not_open_the_next():
    first = "Countries and regions to which personal data is transferred: Singapore and Malaysia."
    assert _listed_open(_notice(POINTER, first, BETWEEN, LISTED)) == [False]


def test_the_open_list_is_not_contradicted_by_a_store_elsewhere(verdicts_of):
    """eea-only keeps its records in Ireland, a place neither list names."""
    assert "contradicted" not in verdicts_of("eea-only", _notice(POINTER, BETWEEN, LISTED), "transfer")
    assert "contradicted" in verdicts_of("eea-only", _notice(BETWEEN, LISTED), "transfer")
