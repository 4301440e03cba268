"""Optional: replay three published LINE versions (read at run time from ../shared/corpora, never copied) through the
local server and check what the watch job says changed in 2023-09: the United States joins the transfer list
(2023-09-01), then a storage sentence names data centres in Japan, the United States and Korea (2023-09-30)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from notice_check.watch import PoliteFetcher, WatchRun

VERSIONS = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "ota-pga-versions" / "LINE" / "Privacy Policy"
FILES = ["001_2023-06-28T183200Z_417a8f1b4f.md", "002_2023-09-01T063222Z_4d75103593.md",
         "003_2023-09-30T183157Z_9b9ba4ca57.md"]


def _countries(a: dict) -> set[str]:
    return set(a["location"]["countries"]) if a.get("location") else set()


def test_line_2023_09_adds_us_and_kr(site, tmp_path):
    missing = [f for f in FILES if not (VERSIONS / f).is_file()]
    if missing:
        print(f"skipped: LINE versions not found under {VERSIONS}")
        pytest.skip(f"LINE versions not found under {VERSIONS}")
    wl = tmp_path / "wl.yaml"
    wl.write_text(json.dumps({"notices": [{"id": "line", "url": site.url("/privacy.md")}]}), encoding="utf-8")
    db = tmp_path / "w.db"
    reports = []
    for name in FILES:
        site.page("/privacy.md", (VERSIONS / name).read_text(encoding="utf-8"), "text/markdown; charset=utf-8")
        job = WatchRun(wl, db, fetcher=PoliteFetcher(timeout=5, attempts=1, delay=0))
        reports.append(job.run()["notices"][0])
    assert [r["status"] for r in reports] == ["new", "changed", "changed"]

    sept1 = reports[1]["diff"]["assertions"]
    us_added = [c for c in sept1["changed"] if c["new"]["practice"] == "transfer"
                and _countries(c["new"]) - _countries(c["old"]) == {"US"}]
    assert us_added, [c["summary"] for c in sept1["changed"]]

    sept30 = reports[2]["diff"]["assertions"]
    stored = [a for a in sept30["added"] if a["practice"] == "storage" and {"US", "KR"} <= _countries(a)]
    stored += [c["new"] for c in sept30["changed"] if c["new"]["practice"] == "storage"
               and {"US", "KR"} <= _countries(c["new"]) - _countries(c["old"])]
    assert stored, "no storage assertion naming US and KR in the 2023-09-30 diff"
