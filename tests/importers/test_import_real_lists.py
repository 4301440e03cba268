"""The published sub-processor lists in ../shared/corpora import (optional: skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from notice_check.manifest import loads_manifest
from notice_check.manifest.importers import dump_manifest, import_subprocessors

CORPORA = Path(__file__).resolve().parents[3] / "shared" / "corpora"
ZED = CORPORA / "zed-legal"
OPENPROJECT = CORPORA / "openproject-legal" / "privacy" / "sub-processors"


def _files(folder: Path, pattern: str) -> list[Path]:
    if not folder.is_dir():
        reason = f"corpus folder {folder} is absent"
        print(reason)
        pytest.skip(reason)
    files = sorted(folder.glob(pattern))
    if not files:
        pytest.skip(f"no {pattern} in {folder}")
    return files


def _import(path: Path):
    result = import_subprocessors(path)
    return result, loads_manifest(dump_manifest(result.manifest), source=str(path))


def test_zed_lists_import():
    for path in _files(ZED, "subprocessors.*.md"):
        result, m = _import(path)
        assert len(m.entities) >= 10, path
        assert len(m.accesses) == len(m.entities)
        # every row names the United States except the CDN that says "Worldwide"
        assert {e.country for e in m.entities} == {"US", None}, path
        assert all(a.evidence[0]["source"] == "subprocessors" for a in m.accesses)
        assert any("Worldwide" in u for u in result.unresolved)


def test_openproject_english_lists_import():
    files = _files(OPENPROJECT / "en", "*.md")
    for path in files:
        _, m = _import(path)
        assert m.entities, path
    _, latest = _import(files[-1])
    countries = {e.name.split()[0]: e.country for e in latest.entities}  # from the address after the name
    assert countries.get("MessageBird") == "NL" and countries.get("HubSpot") == "US"
    assert countries.get("Heinlein") == "DE" and countries.get("Amazon") == "LU"


def test_openproject_german_lists_import():
    for path in _files(OPENPROJECT / "de", "*.md"):
        _, m = _import(path)
        assert m.entities, path
