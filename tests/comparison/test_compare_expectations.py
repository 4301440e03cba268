"""expected.yaml files: read strictly, errors name file and line."""

from __future__ import annotations

import pytest

from notice_check.comparison.expectations import load_expected
from notice_check.errors import InputError


def test_expected_file_is_read_with_its_lines(tmp_path) -> None:
    path = tmp_path / "expected.yaml"
    path.write_text(
        "# comment\n"
        "- verdict: contradicted\n"
        "  practice: storage\n"
        "  evidence_contains: stored in Japan\n"
        "  manifest_keys: [stores.a]\n"
        "- {verdict: undisclosed, practice: transfer, evidence_contains: null, manifest_keys: [accesses.x]}\n",
        encoding="utf-8",
    )
    first, second = load_expected(path)
    assert (first.verdict, first.practice, first.evidence_contains, first.manifest_keys, first.line) == (
        "contradicted",
        "storage",
        "stored in Japan",
        frozenset({"stores.a"}),
        2,
    )
    assert second.evidence_contains is None and second.strict and second.line == 6


@pytest.mark.parametrize(
    ("body", "problem", "line"),
    [
        ("- {verdict: wrong, practice: storage}\n", "verdict 'wrong'", 1),
        ("- {verdict: supported, practice: storage}\n- {verdict: vague, practice: hosting}\n", "practice", 2),
        ("- {verdict: vague, practice: storage, manifest_keys: [talk_media]}\n", "section.key", 1),
        ("verdict: vague\n", "YAML list", 1),
    ],
)
def test_malformed_expected_file_names_file_and_line(tmp_path, body, problem, line) -> None:
    path = tmp_path / "expected.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_expected(path)
    assert problem in str(err.value) and f"expected.yaml:{line}:" in str(err.value)
