""""Your data is mainly stored in Japan" does not say Japan is the only place.

The claim read as a closed list, and a Korean store contradicted it: a false *contradicted* on a sentence that
itself admits other places. Words like "mainly", "primarily", "usually" now open the list; a plain "stored in
Japan" stays closed, and "only in Japan" exclusive.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Your data is mainly stored in Japan.",
    "We are headquartered in Japan, and your information is primarily stored there.",
    "We generally store your data in Japan.",
    "Your data is usually processed in Japan.",
    "Most of your data is kept on servers in Japan.",
])
def test_a_partial_word_opens_the_list(claims, text):
    found = [a for a in claims(text) if a.location is not None]
    assert found and all(a.location.countries == ["JP"] and a.location.open for a in found)


@pytest.mark.parametrize("text", ["Your data is stored in Japan.", "Your data is stored only in Japan."])
def test_without_one_the_list_stays_closed(claims, text):
    found = [a for a in claims(text) if a.location is not None]
    assert [a.location.open for a in found] == [False]


def test_a_store_elsewhere_does_not_contradict_it_end_to_end(check_example):
    result = check_example("line-2021", "Your data is mainly stored in Japan.")
    assert "contradicted" not in {f.verdict for f in result.findings}
    closed = check_example("line-2021", "Your data is stored in Japan.")
    assert "contradicted" in {f.verdict for f in closed.findings}


def test_a_defined_name_in_brackets_keeps_the_places_mode(claims):
    """ "outside of the European Economic Area (the "EEA")": the bracketed name is the same place, still outside."""
    found = [a for a in claims('We may share data with partners, including transfers outside of the European '
                               'Economic Area (the "EEA").') if a.practice == "transfer"]
    assert found and all(a.location.mode == "outside" for a in found)
