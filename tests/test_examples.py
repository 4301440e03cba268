"""The worked examples in corpora/examples/, run through the whole pipeline.

notice -> load_document -> extract -> load_manifest -> compare, then the findings are held to the
reviewer's expected.yaml: contradicted / undisclosed / vague findings must be exactly the expected ones,
and the supported / unverifiable ones listed must be present.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from notice_check.comparison.expectations import check_expected, load_expected

EXAMPLES_DIR = Path(__file__).resolve().parents[1] / "corpora" / "examples"
EXAMPLES = sorted(p for p in EXAMPLES_DIR.iterdir() if p.is_dir())
REQUIRED = ("manifest.yaml", "expected.yaml", "README.md")


def notice_of(folder: Path) -> Path:
    [notice] = [p for p in folder.iterdir() if p.stem == "notice"]
    return notice


def test_there_are_at_least_five_complete_examples() -> None:
    assert len(EXAMPLES) >= 5
    suffixes = set()
    for folder in EXAMPLES:
        for name in REQUIRED:
            assert (folder / name).is_file(), f"{folder.name} lacks {name}"
        suffixes.add(notice_of(folder).suffix)
        expected = load_expected(folder / "expected.yaml")
        assert expected, f"{folder.name}: expected.yaml is empty"
    assert {".md", ".html"} <= suffixes


def test_the_examples_cover_every_serious_verdict_and_a_clean_notice() -> None:
    verdicts = {e.verdict for folder in EXAMPLES for e in load_expected(folder / "expected.yaml")}
    assert {"contradicted", "undisclosed", "supported"} <= verdicts
    clean = [f for f in EXAMPLES if not [e for e in load_expected(f / "expected.yaml") if e.strict]]
    assert clean, "one example must be a truthful notice with no serious finding"


@pytest.mark.parametrize("folder", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_findings_match_the_reviewer(folder: Path) -> None:
    import notice_check.extraction as extraction

    if not hasattr(extraction, "extract"):
        pytest.skip("notice_check.extraction has no `extract` yet: the whole-pipeline examples cannot run")
    from notice_check.comparison import compare
    from notice_check.document import load_document
    from notice_check.manifest import load_manifest

    document = load_document(str(notice_of(folder)))
    assertions = extraction.extract(document)
    manifest = load_manifest(folder / "manifest.yaml")
    findings = compare(assertions, manifest)
    report = check_expected(findings, load_expected(folder / "expected.yaml"))
    assert report.ok, f"{folder.name}:\n{report.describe()}"
