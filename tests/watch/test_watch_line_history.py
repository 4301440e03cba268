"""Optional: the published LINE privacy-policy history (read at run time from ../shared/corpora or
$NOTICE_CHECK_CORPORA, never copied) replayed through `watch`, one version per night, by bench/line_replay.py.

By default the last four versions (2025-07 -> 2026-07: a technical upgrade, then Korea dropped from the storage
sentence); the whole history of 15 versions (~20 s)."""

from __future__ import annotations

import importlib.util
import os
import sqlite3
import sys
from pathlib import Path

import pytest

from notice_check.store import normalised_sha256
from notice_check.watch.reading import read_page

ROOT = Path(__file__).resolve().parents[2]
CORPORA = Path(os.environ.get("NOTICE_CHECK_CORPORA") or ROOT.parent / "shared" / "corpora")
VERSIONS = CORPORA / "ota-pga-versions" / "LINE" / "Privacy Policy"


def _bench():
    """bench/line_replay.py (not a package), registered so its dataclasses resolve their annotations."""
    if "line_replay" not in sys.modules:
        spec = importlib.util.spec_from_file_location("line_replay", ROOT / "bench" / "line_replay.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules["line_replay"] = module
        spec.loader.exec_module(module)
    return sys.modules["line_replay"]


def _need_corpus() -> None:
    if not (VERSIONS / "index.csv").is_file():
        reason = f"LINE versions not found under {VERSIONS} (set NOTICE_CHECK_CORPORA)"
        print(f"skipped: {reason}")
        pytest.skip(reason)


def _kr_removed(night) -> bool:  # noqa: ANN001 - a line_replay.Night
    return any(m["kind"] == "changed" and "KR" in m["old"] and "KR" not in m["new"] and {"JP", "US"} <= set(m["new"])
               for m in night.storage)


def _stored_norms(db: Path) -> list[str]:
    with sqlite3.connect(db) as con:
        rows = [r[0] for r in con.execute("SELECT norm_sha256 FROM versions ORDER BY id")]
    con.close()
    return rows


def test_line_2025_07_to_2026_07_upgrade_is_silent_and_korea_leaves_storage(tmp_path):
    _need_corpus()
    nights = _bench().replay(VERSIONS, tmp_path / "line.db", orders=[11, 12, 13, 14])
    assert [(n.order, n.status) for n in nights] == [(11, "new"), (12, "unchanged"), (13, "changed"),
                                                    (14, "changed")]
    upgrade = nights[1]
    assert upgrade.upgrade and not upgrade.assertion_change and upgrade.version == nights[0].version
    assert not any(n.storage for n in nights[:3])
    assert _kr_removed(nights[3]), nights[3].storage
    assert "Japan and the United States" in nights[3].storage[0]["text"]
    assert len(_stored_norms(tmp_path / "line.db")) == 3


def test_line_whole_history(tmp_path):
    """Every recorded version, one per night (~20 s): the issue's acceptance test, so it runs by default."""
    _need_corpus()
    bench = _bench()
    db = tmp_path / "line.db"
    nights = bench.replay(VERSIONS, db)
    rows = bench.index_rows(VERSIONS)
    assert len(nights) == len(rows) == 15

    # each distinct normalised text is stored once, and a night is "unchanged" exactly when its text was seen
    norms = [normalised_sha256(read_page("http://x/privacy.md", (VERSIONS / r["file"]).read_bytes(),
                                         "text/markdown; charset=utf-8").text) for r in rows]
    assert _stored_norms(db) == list(dict.fromkeys(norms))
    seen: set[str] = set()
    for night, norm in zip(nights, norms, strict=True):
        assert night.status == ("unchanged" if norm in seen else "new" if not seen else "changed"), night
        seen.add(norm)

    september = [m for n in nights if n.date.startswith("2023-09") for m in n.storage]
    assert any({"US", "KR"} <= set(m["new"]) - set(m["old"]) for m in september), september
    assert [n.order for n in nights if n.storage] == [3, 14]  # only these two nights move a storage location
    assert _kr_removed(nights[14]) and nights[14].date.startswith("2026-07")

    upgrades = [n for n in nights if n.upgrade]
    assert [n.order for n in upgrades] == [4, 12]
    assert not any(n.storage for n in upgrades)
    assert all("location" not in c for n in upgrades for c in n.changed)  # no place moves on an upgrade
    noisy = [n for n in upgrades if n.assertion_change]
    assert not noisy, [f"{n.order} ({n.date}): +{len(n.added)} -{len(n.removed)} ~{len(n.changed)}" for n in noisy]
