"""The importable API the CLI is built on: `notice_check.extract()` and `notice_check.check()`."""

from __future__ import annotations

from pathlib import Path

import pytest

import notice_check
from notice_check.errors import ManifestError


def test_check_returns_the_whole_result(fixtures):
    result = notice_check.check(fixtures / "notice-japan-only.md", fixtures / "manifest.yaml")
    assert isinstance(result, notice_check.CheckResult)
    assert result.document.language == "en" and result.assertions
    assert result.manifest.organization.name == "Example Messaging Corp."
    assert result.summary["contradicted"] >= 1
    assert list(result.summary) == ["contradicted", "undisclosed", "vague", "unverifiable", "supported"]
    assert result.fails("contradicted") and result.fails() and not result.fails("none")
    cited = {f.assertion_id for f in result.findings if f.assertion_id}
    assert cited <= {a.id for a in result.assertions}


def test_check_accepts_a_loaded_manifest_and_notice_bytes(fixtures):
    manifest = notice_check.load_manifest(fixtures / "manifest.yaml")
    data = (fixtures / "notice-japan-korea.md").read_bytes()
    result = notice_check.check("-", manifest, data=data)
    assert result.manifest is manifest
    assert result.document.source == "-"
    assert not result.fails("contradicted"), [f.message for f in result.findings]


def test_extract_returns_document_and_assertions(fixtures):
    result = notice_check.extract(str(fixtures / "notice-japan-only.md"))
    assert isinstance(result, notice_check.ExtractionResult)
    storage = [a for a in result.assertions if a.practice == "storage"]
    assert storage and storage[0].location.countries == ["JP"]


def test_a_bad_manifest_fails_before_the_notice_is_read(fixtures, tmp_path):
    # the notice does not exist: the manifest error must come first (no model load for a broken manifest)
    with pytest.raises(ManifestError, match=r"manifest-broken\.yaml:\d+"):
        notice_check.check(tmp_path / "missing.md", fixtures / "manifest-broken.yaml")


def test_unknown_attributes_are_errors():
    with pytest.raises(AttributeError, match="no attribute 'chek'"):
        notice_check.chek  # noqa: B018
    assert "check" in dir(notice_check) and Path(notice_check.__file__).name == "__init__.py"


def test_extract_many_gives_each_notice_what_extract_gives_it(fixtures):
    paths = [fixtures / "notice-japan-only.md", fixtures / "notice-japan-korea.md"]
    documents = [notice_check.load_notice(p) for p in paths]
    batch = notice_check.extract_many(documents)
    assert [r.document.source for r in batch] == [str(p) for p in paths]
    for path, result in zip(paths, batch, strict=True):
        alone = notice_check.extract(path)
        assert [a.model_dump() for a in result.assertions] == [a.model_dump() for a in alone.assertions]
