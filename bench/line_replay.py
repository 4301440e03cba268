"""Replay the published LINE privacy-policy history through `watch`, one version per "night".

    python bench/line_replay.py                 # ../shared/corpora (or $NOTICE_CHECK_CORPORA)
    python bench/line_replay.py --json          # the outcomes as JSON

Every version of ota-pga-versions/LINE/Privacy Policy is served in index.csv order at the same URL by a local
server, and `WatchRun` runs once per version against one store. Printed per version: the watch status, the
version id, the assertion diff (added / removed / changed) and the storage-location changes; then the checks
tests/watch/test_watch_line_replay.py makes (US and KR added to storage in 2023-09, KR removed in 2026-07,
"technical or declaration upgrade" commits change no assertion, each distinct text stored once).
The corpus is read at run time, never copied.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _local_http import Pages, serve  # noqa: E402

UPGRADE_MARKS = ("technical or declaration upgrade", "refilter")


def corpora_dir() -> Path:
    """$NOTICE_CHECK_CORPORA, else ../shared/corpora next to the repository."""
    return Path(os.environ.get("NOTICE_CHECK_CORPORA") or ROOT.parent / "shared" / "corpora")


def line_dir(corpora: Path | None = None) -> Path:
    return (corpora or corpora_dir()) / "ota-pga-versions" / "LINE" / "Privacy Policy"


@dataclass
class Night:
    """What one watch run said about one published version."""

    order: int
    file: str
    date: str
    subject: str
    upgrade: bool  # an OTA "technical or declaration upgrade" / "Refilter" commit: not a policy change
    status: str
    version: str | None
    seconds: float
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    storage: list[dict[str, Any]] = field(default_factory=list)  # storage-location moves: old/new countries

    @property
    def assertion_change(self) -> bool:
        return bool(self.added or self.removed or self.changed)


def _countries(assertion: dict[str, Any] | None) -> list[str]:
    location = (assertion or {}).get("location") or {}
    return sorted(location.get("countries") or [])


def _storage_moves(diff: dict[str, Any]) -> list[dict[str, Any]]:
    moves = []
    for a in diff["added"]:
        if a["practice"] == "storage" and _countries(a):
            moves.append({"kind": "added", "old": [], "new": _countries(a), "text": a["evidence"]["text"]})
    for a in diff["removed"]:
        if a["practice"] == "storage" and _countries(a):
            moves.append({"kind": "removed", "old": _countries(a), "new": [], "text": a["evidence"]["text"]})
    for c in diff["changed"]:
        if "storage" in (c["old"]["practice"], c["new"]["practice"]) and _countries(c["old"]) != _countries(c["new"]):
            moves.append({"kind": "changed", "old": _countries(c["old"]), "new": _countries(c["new"]),
                          "text": c["new"]["evidence"]["text"]})
    return moves


def index_rows(versions: Path) -> list[dict[str, str]]:
    with (versions / "index.csv").open(encoding="utf-8", newline="") as handle:
        return sorted(csv.DictReader(handle), key=lambda r: int(r["order"]))


def replay(versions: Path, store: Path, limit: int | None = None, orders: list[int] | None = None) -> list[Night]:
    """One watch run per published version, oldest first, into `store` (only the index.csv `orders` given)."""
    from notice_check.watch import PoliteFetcher, WatchRun

    nights = []
    pages: Pages = {}
    with serve(pages) as (base,):
        url = f"{base}/privacy.md"
        watchlist = store.parent / "line-watchlist.json"
        watchlist.write_text(json.dumps({"notices": [{"id": "line", "url": url}]}), encoding="utf-8")
        rows = [r for r in index_rows(versions) if orders is None or int(r["order"]) in orders]
        for row in rows[:limit]:
            pages["/privacy.md"] = ((versions / row["file"]).read_bytes(), "text/markdown; charset=utf-8")
            begun = time.perf_counter()
            report = WatchRun(watchlist, store, fetcher=PoliteFetcher(timeout=10, attempts=1, delay=0)).run()
            notice = report["notices"][0]
            diff = (notice["diff"] or {}).get("assertions") or {"added": [], "removed": [], "changed": []}
            subject = row["commit_subject"]
            nights.append(Night(
                order=int(row["order"]), file=row["file"], date=row["author_date"][:10], subject=subject,
                upgrade=any(mark in subject.lower() for mark in UPGRADE_MARKS), status=notice["status"],
                version=notice["version"], seconds=round(time.perf_counter() - begun, 2),
                added=[f"{a['practice']}: {a['evidence']['text'][:160]}" for a in diff["added"]],
                removed=[f"{a['practice']}: {a['evidence']['text'][:160]}" for a in diff["removed"]],
                changed=[c["summary"] for c in diff["changed"]],
                storage=_storage_moves(diff)))
    return nights


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    versions = line_dir()
    if not (versions / "index.csv").is_file():
        raise SystemExit(f"LINE versions not found under {versions} (set NOTICE_CHECK_CORPORA)")
    with tempfile.TemporaryDirectory() as tmp:
        nights = replay(versions, Path(tmp) / "line.db", args.limit)
        import sqlite3

        with sqlite3.connect(Path(tmp) / "line.db") as con:
            stored = con.execute("SELECT COUNT(*) FROM versions").fetchone()[0]
    if args.json:
        print(json.dumps({"nights": [asdict(n) for n in nights], "versions_stored": stored}, indent=2))
        return
    for n in nights:
        mark = " [technical upgrade]" if n.upgrade else ""
        print(f"{n.order:>3} {n.date} {n.status:<9} v{n.version} {n.seconds:5.1f}s  +{len(n.added)} "
              f"-{len(n.removed)} ~{len(n.changed)}{mark}")
        for move in n.storage:
            print(f"      storage {move['kind']}: {','.join(move['old']) or '-'} -> {','.join(move['new']) or '-'}"
                  f"   {move['text'][:90]}")
        if n.upgrade and n.assertion_change:
            print(f"      UNEXPECTED assertion change on a technical upgrade: {n.added + n.removed + n.changed}")
    print(f"{len(nights)} nights, {stored} versions stored, "
          f"{sum(n.seconds for n in nights):.1f} s in watch runs")


if __name__ == "__main__":
    main()
