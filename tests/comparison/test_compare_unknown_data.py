"""Data the tool cannot place is not all data.

"We generally keep user reports for 90 days" read "user reports" as nothing known, fell back on all user data,
and was contradicted by a ten-year store of invoices. A phrase with a word that names a kind of data the taxonomy
does not know is now unknown: every fact is coarser than it, so it stays unverifiable and still counts as
disclosing a fact; a phrase of generic words only ("the information", "certain data") is still all user data.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from notice_check.comparison.categories import UNKNOWN, CategoryReader
from notice_check.comparison.vocabulary import vocabulary
from notice_check.manifest.loader import load_manifest
from notice_check.models import Assertion

EXAMPLES = Path(__file__).resolve().parents[2] / "corpora" / "examples"


def _retention(findings_of, text):
    return findings_of("truthful-saas", text, "retention")


def test_a_period_for_unknown_data_is_not_contradicted_by_other_stores(findings_of):
    for text in ("We generally keep user reports for 90 days.", "We retain correspondence for a year."):
        [finding] = _retention(findings_of, text)
        assert finding.verdict == "unverifiable", text
        assert "may or may not include" in finding.message


def test_a_period_for_generic_data_is_still_all_data(findings_of):
    [finding] = _retention(findings_of, "We keep the information for 90 days.")
    assert finding.verdict == "contradicted"


@pytest.mark.parametrize(("phrase", "unknown"), [
    ("user reports", True), ("login records", True), ("correspondence", True),
    ("the information", False), ("certain data", False), ("any other personal information", False),
    ("our servers", False),
])
def test_which_phrases_are_unknown(phrase, unknown):
    reader = CategoryReader(load_manifest(EXAMPLES / "truthful-saas" / "manifest.yaml"),
                            vocabulary().generic_data_words)
    a = Assertion.model_validate({"practice": "retention", "polarity": "affirm", "modality": "fact",
                                  "scope": "unspecified", "data": {"text": phrase, "categories": []},
                                  "evidence": {"text": phrase, "start": 0, "end": len(phrase), "section": ""}})
    assert (reader.read(a) == (UNKNOWN,)) is unknown
