"""The worked examples judged from hand-written assertions (corpora/examples/*/assertions.yaml).

This separates the comparator from the extractor: given the assertions a careful reader takes from each
notice, the comparator alone must produce the reviewer's expected.yaml. (tests/test_examples.py runs the
same examples through the real extractor.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from notice_check.comparison import compare
from notice_check.comparison.expectations import Expected, check_expected, load_expected
from notice_check.models import Assertion, Finding

EXAMPLES_DIR = Path(__file__).resolve().parents[2] / "corpora" / "examples"
EXAMPLES = sorted(p for p in EXAMPLES_DIR.iterdir() if (p / "assertions.yaml").is_file())


def _text(folder: Path) -> str:
    """The cleaned notice text when the document stage can read it, else the raw file."""
    [notice] = [p for p in folder.iterdir() if p.stem == "notice"]
    try:
        from notice_check.document import load_document

        return load_document(str(notice)).text
    except Exception:  # noqa: BLE001 - offsets only order the findings; the raw file is good enough
        return notice.read_text("utf-8")


def hand_assertions(folder: Path) -> list[Assertion]:
    text = " ".join(_text(folder).split())
    out = []
    for raw in YAML(typ="safe").load((folder / "assertions.yaml").read_text("utf-8")):
        sentence = " ".join(raw["evidence"]["text"].split())
        start = text.find(sentence)
        assert start >= 0, f"{folder.name}: sentence not in the notice: {sentence!r}"
        raw["evidence"] = {**raw["evidence"], "text": sentence, "start": start, "end": start + len(sentence)}
        out.append(Assertion.model_validate(raw).assign_id())
    return out


@pytest.mark.parametrize("folder", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_hand_assertions_give_the_expected_findings(folder: Path) -> None:
    from notice_check.manifest import load_manifest

    findings = compare(hand_assertions(folder), load_manifest(folder / "manifest.yaml"))
    report = check_expected(findings, load_expected(folder / "expected.yaml"))
    assert report.ok, f"{folder.name}:\n{report.describe()}"


def _finding(verdict: str, keys: list[str], evidence: str | None = "We store data in Japan.") -> Finding:
    from notice_check.models import Evidence, ManifestRef

    return Finding(
        verdict=verdict,
        practice="storage",
        evidence=Evidence(text=evidence, start=0, end=len(evidence)) if evidence else None,
        manifest_refs=[ManifestRef(section=k.split(".")[0], key=k.split(".")[1]) for k in keys],
        message="m",
    ).finalise()


def test_expectations_are_exact_for_serious_verdicts_and_a_floor_for_the_rest() -> None:
    contradicted = Expected("contradicted", "storage", "store data in", frozenset({"stores.a"}))
    supported = Expected("supported", "storage", "in Japan", frozenset({"stores.a"}))
    exact = [_finding("contradicted", ["stores.a"]), _finding("supported", ["stores.a", "stores.b"])]
    assert check_expected(exact, [contradicted, supported]).ok
    extra_key = [_finding("contradicted", ["stores.a", "stores.b"]), exact[1]]
    assert not check_expected(extra_key, [contradicted, supported]).ok
    extra_finding = [*exact, _finding("undisclosed", ["accesses.x"], None)]
    report = check_expected(extra_finding, [contradicted, supported])
    assert not report.ok and "found but not expected: undisclosed" in report.describe()
    assert not check_expected(exact[:1], [contradicted, supported]).ok


def test_every_example_has_hand_assertions() -> None:
    folders = [p for p in EXAMPLES_DIR.iterdir() if p.is_dir()]
    assert sorted(folders) == EXAMPLES
