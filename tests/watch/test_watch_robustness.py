"""The watch job against what real sites do to it: a 30 MB page, a Shift_JIS page, and a run killed with SIGKILL
in the middle (the store stays consistent and the next run completes)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from test_watch import HTML, V1, V2, by_id, count, fetcher, notice, run, write_watchlist
from watch_server import Reply, serve

from notice_check.store import Store
from notice_check.watch import WatchRun


def test_a_30_mb_page_fails_as_too_large_and_keeps_the_good_version(site, tmp_path):
    site.page("/big", V1)
    wl = write_watchlist(tmp_path, site, {"id": "big", "path": "/big"})
    db = tmp_path / "w.db"
    first, _ = run(wl, db)
    good = by_id(first)["big"]["version"]

    filler = "<p>" + "We may store your data anywhere. " * 1000 + "</p>"
    huge = notice("All user data is stored in Brazil.") + filler * (30_000_000 // len(filler) + 1)
    assert len(huge) > 30_000_000
    site.set("/big", Reply(200, huge, {"Content-Type": HTML}))
    second, job = run(wl, db)
    got = by_id(second)["big"]
    assert (got["status"], got["error_kind"], got["tries"]) == ("failed", "too_large", 1)  # not retried
    assert got["version"] == good and job.failed == 1
    with Store(db) as store:
        assert store.current_version("big").id == int(good)
        assert "Brazil" not in store.current_version("big").text
        assert [r["outcome"] for r in store.history("big")] == ["new", "failed"]
    assert count(db, "versions") == 1 and count(db, "snapshots") == 1  # nothing of the big page is kept
    assert (tmp_path / "w.db").stat().st_size < 5_000_000


def test_a_shift_jis_page_is_stored_as_the_right_text(site, tmp_path):
    """Shift_JIS declared in the header only, and in a <meta> only: the stored version is the decoded text,
    and a re-read of the stored snapshot (new extractor version) gives the same text."""
    text = "個人情報の取り扱いについて。すべてのユーザーデータは日本国内のサーバーに保存されます。"
    header_only = f"<html><body><main><h1>プライバシーポリシー</h1><p>{text}</p></main></body></html>"
    meta_only = (f"<html><head><meta charset='Shift_JIS'></head><body><main><h1>方針</h1><p>{text}</p>"
                 "</main></body></html>")
    site.set("/h", Reply(200, header_only.encode("shift_jis"), {"Content-Type": "text/html; charset=Shift_JIS"}))
    site.set("/m", Reply(200, meta_only.encode("shift_jis"), {"Content-Type": "text/html"}))
    wl = write_watchlist(tmp_path, site, {"id": "h", "path": "/h"}, {"id": "m", "path": "/m"})
    db = tmp_path / "w.db"
    first, job = run(wl, db)
    assert [n["status"] for n in first["notices"]] == ["new", "new"] and job.failed == 0
    with Store(db) as store:
        for notice_id in ("h", "m"):
            version = store.current_version(notice_id)
            assert text in version.text, version.text
            assert version.language == "ja"
            assert "\ufffd" not in version.text
        raw = store.snapshot(store.current_version("h").snapshot_sha256)
        assert raw == header_only.encode("shift_jis")  # the bytes as served
        assert store.snapshot_type(store.current_version("h").snapshot_sha256) == "text/html; charset=Shift_JIS"

    again = WatchRun(wl, db, fetcher=fetcher())
    again.extractor_version = "rules-next"  # re-reads the stored snapshots
    second = again.run()
    assert [n["status"] for n in second["notices"]] == ["unchanged", "unchanged"]
    assert count(db, "versions") == 2


def _attempts(db: Path) -> dict[str, int]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as con:
        rows = con.execute("SELECT notice_id, COUNT(*) FROM fetch_attempts GROUP BY notice_id").fetchall()
    con.close()
    return dict(rows)


def _wait_for(check, what: str, seconds: float = 60.0) -> None:  # noqa: ANN001 - a predicate
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def test_a_watch_killed_midway_leaves_a_consistent_store(site, tmp_path):
    """Notices on one host are stored while a notice on another host hangs; SIGKILL then; the store is whole,
    every finished notice is saved, the hanging one keeps its last good version, and the next run completes."""
    with serve() as other:
        site.page("/a", V1)
        site.page("/b", V1)
        other.page("/slow", V1)
        wl = tmp_path / "wl.json"
        wl.write_text(json.dumps({"notices": [{"id": "a", "url": site.url("/a")},
                                              {"id": "slow", "url": other.url("/slow")},
                                              {"id": "b", "url": site.url("/b")}]}), encoding="utf-8")
        db = tmp_path / "w.db"
        first, _ = run(wl, db)
        assert [n["status"] for n in first["notices"]] == ["new", "new", "new"]
        with Store(db) as store:
            before = {v.id: (v.notice_id, v.norm_sha256, v.text) for v in store.versions("slow")}
            slow_version = store.current_version("slow").id

        site.page("/a", V2)  # a changes, b does not, slow hangs
        other.set("/slow", Reply(200, V2, {"Content-Type": HTML}, delay=120))
        command = [sys.executable, "-m", "notice_check", "watch", str(wl), "--store", str(db), "-f", "json",
                   "--delay", "0", "--timeout", "60", "--retries", "0"]
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env={**os.environ, "NOTICE_CHECK_NO_PROGRESS": "1"})
        try:
            _wait_for(lambda: _attempts(db).get("a") == 2 and _attempts(db).get("b") == 2
                      and other.hits.get("/slow") == 2, "a and b stored while slow hangs")
            assert proc.poll() is None, proc.stderr.read().decode()  # still in the middle of the run
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=10)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(timeout=10)
            proc.stdout.close()
            proc.stderr.close()
        assert proc.returncode == -signal.SIGKILL

        with sqlite3.connect(db) as con:
            assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert con.execute("PRAGMA foreign_key_check").fetchall() == []
            # no half-written version: every version has its assertions, every attempt points to existing rows
            assert con.execute("SELECT COUNT(*) FROM versions v WHERE NOT EXISTS "
                               "(SELECT 1 FROM assertions x WHERE x.version_id = v.id)").fetchone()[0] == 0
            assert con.execute("SELECT COUNT(*) FROM fetch_attempts a WHERE (a.version_id IS NOT NULL AND NOT EXISTS "
                               "(SELECT 1 FROM versions v WHERE v.id = a.version_id)) OR (a.snapshot_sha256 IS NOT "
                               "NULL AND NOT EXISTS (SELECT 1 FROM snapshots s WHERE s.sha256 = a.snapshot_sha256))"
                               ).fetchone()[0] == 0
            assert con.execute("SELECT COUNT(*) FROM notices n WHERE current_version IS NOT NULL AND NOT EXISTS "
                               "(SELECT 1 FROM versions v WHERE v.id = n.current_version AND v.notice_id = n.id)"
                               ).fetchone()[0] == 0
            assert con.execute("SELECT COUNT(*) FROM fetch_attempts WHERE outcome != 'failed' AND version_id IS "
                               "NULL").fetchone()[0] == 0
        with Store(db) as store:
            assert [r["outcome"] for r in store.history("a")] == ["new", "changed"]  # saved before the kill
            assert [r["outcome"] for r in store.history("b")] == ["new", "unchanged"]
            assert [r["outcome"] for r in store.history("slow")] == ["new"]  # nothing of the killed notice
            assert {v.id: (v.notice_id, v.norm_sha256, v.text) for v in store.versions("slow")} == before
            assert store.current_version("slow").id == slow_version
            assert "South Korea" in store.current_version("a").text

        other.page("/slow", V2)
        third, job = run(wl, db)
        assert [n["status"] for n in third["notices"]] == ["unchanged", "changed", "unchanged"] and job.failed == 0
        assert "location JP -> JP, US, KR" in json.dumps(by_id(third)["slow"]["diff"]["assertions"])
        with sqlite3.connect(db) as con:
            assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert count(db, "versions") == 5  # a: 2, slow: 2, b: 1


def test_an_unchanged_notice_is_not_re_extracted(site, tmp_path):
    """The nightly cost of an unchanged notice is fetch + parse + hash: its stored assertions are reused as they
    are (not recomputed, not rewritten)."""
    site.page("/p", V1)
    site.page("/q", V2)
    wl = write_watchlist(tmp_path, site, {"id": "p", "path": "/p"}, {"id": "q", "path": "/q"})
    db = tmp_path / "w.db"
    run(wl, db)

    def rows() -> list[tuple]:
        with sqlite3.connect(db) as con:
            got = con.execute("SELECT rowid, version_id, extractor_version, created_at, assertions FROM assertions "
                              "ORDER BY rowid").fetchall()
        con.close()
        return got

    before = rows()
    assert len(before) == 2
    site.page("/p", V1.replace("<p>", "<p>  "))  # new bytes, same text
    second, _ = run(wl, db)
    assert [n["status"] for n in second["notices"]] == ["unchanged", "unchanged"]
    assert rows() == before
