"""A data phrase that points back ("this information", "them") against the manifest.

"This information is not saved on our servers", its referent unknown, was read as a denial about all data and
contradicted by every store. Resolved (extraction/anaphora.py), it ranges over the data it refers to; left
unresolved, it is never contradicted, only unverifiable.
"""

from __future__ import annotations

import pytest

from notice_check.comparison.vocabulary import vocabulary
from notice_check.extraction.rules import load_rules


def _verdicts(result, practice):
    return {f.verdict for f in result.findings if f.practice == practice}


def test_an_unresolved_reference_is_not_contradicted(check_example):
    result = check_example("line-2021", "# Policy\n\nThis information is not saved on our servers.\n")
    [finding] = [f for f in result.findings if f.practice == "storage" and f.evidence]
    assert finding.verdict == "unverifiable"
    assert "'This information' refers to data named before this sentence" in finding.message


def test_a_resolved_reference_is_judged_on_the_data_it_names(check_example):
    # the manifest gives the phone number to an SMS provider: the denial about "it" is false
    result = check_example("line-2021", "# Policy\n\nWe collect your phone number. It is never shared with anyone.\n")
    assert _verdicts(result, "sharing") == {"contradicted"}
    [finding] = [f for f in result.findings if f.practice == "sharing" and f.verdict == "contradicted"]
    assert "contact phone number" in finding.message


@pytest.mark.parametrize("text", ["this data", "Such information", "them", "these details"])
def test_extractor_and_comparator_agree_on_what_points_back(text):
    # the pattern is written in both stages' data files (extraction/rules/lexicon.yml, comparison/vocabulary.yml)
    lexicon = load_rules().lexicon.pattern("anaphora", "data_reference")
    assert lexicon.pattern == vocabulary().data_reference.pattern
    assert lexicon.match(text)
