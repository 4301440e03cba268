"""The watch job end to end: a real local HTTP server whose pages change between runs, a real SQLite file."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import pytest
from watch_server import Reply, Site

from notice_check.store import Store
from notice_check.watch import PoliteFetcher, WatchRun

HTML = "text/html; charset=utf-8"


def notice(*paragraphs: str, title: str = "Privacy Notice", lang: str = "en") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html lang='{lang}'><head><title>{title}</title></head><body><nav>Home | Blog</nav>"
            f"<main><h1>{title}</h1><h2>Where we keep data</h2>{body}</main></body></html>")


V1 = notice("All user data is stored in Japan.", "We keep chat messages for 30 days.")
V2 = notice("All user data is stored in Japan, the United States and South Korea.",
            "We keep chat messages for 30 days.")


def write_watchlist(tmp_path: Path, site: Site, *entries: dict) -> Path:
    path = tmp_path / "watchlist.yaml"
    items = []
    for e in entries:
        e = dict(e)
        e["url"] = site.url(e.pop("path"))
        items.append(e)
    path.write_text(json.dumps({"notices": items}), encoding="utf-8")  # JSON is YAML
    return path


def fetcher(**kw) -> PoliteFetcher:
    options = {"timeout": 1.0, "attempts": 3, "backoff": 0.01, "max_wait": 2.0, "delay": 0.0}
    options.update(kw)
    return PoliteFetcher(**options)


def run(watchlist: Path, db: Path, **kw) -> tuple[dict, WatchRun]:
    ignore = kw.pop("ignore_robots", False)
    job = WatchRun(watchlist, db, fetcher=fetcher(**kw), ignore_robots=ignore)
    return job.run(), job


def by_id(report: dict) -> dict[str, dict]:
    return {n["id"]: n for n in report["notices"]}


def count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as con:
        return con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_new_then_unchanged_then_changed_with_assertion_diff(site, tmp_path):
    site.page("/privacy", V1)
    wl = write_watchlist(tmp_path, site, {"id": "ex", "path": "/privacy", "select": "main", "remove": ["nav"]})
    db = tmp_path / "watch.db"

    first, job = run(wl, db)
    assert by_id(first)["ex"]["status"] == "new" and job.failed == 0
    assert by_id(first)["ex"]["diff"] is None

    second, _ = run(wl, db)
    assert by_id(second)["ex"]["status"] == "unchanged"
    assert by_id(second)["ex"]["version"] == by_id(first)["ex"]["version"]

    site.page("/privacy", V2)
    third, _ = run(wl, db)
    n = by_id(third)["ex"]
    assert n["status"] == "changed" and n["version"] != by_id(first)["ex"]["version"]
    diff = n["diff"]
    assert diff["text"]["changed"] and not diff["text"]["language_changed"]
    assert "+All user data is stored in Japan, the United States and South Korea." in diff["text"]["unified"]
    summaries = [c["summary"] for c in diff["assertions"]["changed"]]
    assert any("location JP -> JP, US, KR" in s for s in summaries), summaries
    assert diff["assertions"]["added"] == [] and diff["assertions"]["removed"] == []
    assert count(db, "versions") == 2 and count(db, "fetch_attempts") == 3 and count(db, "snapshots") == 2
    with Store(db) as store:
        outcomes = [r["outcome"] for r in store.history("ex")]
    assert outcomes == ["new", "unchanged", "changed"]


def test_cosmetic_changes_are_not_a_new_version(site, tmp_path):
    """Whitespace, tracking parameters and list renumbering change the bytes, not the version."""
    a = ("<main><h1>Privacy</h1><p>Read more at https://example.org/more?utm_source=mail&amp;id=7 today.</p>"
         "<p>We store  account data in Japan.</p><p>1. We keep chat messages for 30 days.</p></main>")
    b = ("<main><h1>Privacy</h1>\n<p>Read more at https://example.org/more?id=7&amp;utm_source=web&amp;fbclid=x "
         "today.</p>\n<p>We store account data   in Japan.</p><p>2) We keep chat messages for 30 days.</p></main>")
    site.page("/p", a)
    wl = write_watchlist(tmp_path, site, {"id": "cos", "path": "/p"})
    db = tmp_path / "w.db"
    first, _ = run(wl, db)
    site.page("/p", b)
    second, _ = run(wl, db)
    assert by_id(first)["cos"]["status"] == "new"
    assert by_id(second)["cos"]["status"] == "unchanged"
    assert count(db, "versions") == 1
    assert count(db, "snapshots") == 2  # every distinct raw snapshot is kept


def test_ab_flapping_is_not_a_change(site, tmp_path):
    a = notice("All user data is stored in Japan.")
    b = notice("All user data is stored in Japan.", "We may share contact information with our affiliates.")
    site.page("/ab", a)
    wl = write_watchlist(tmp_path, site, {"id": "ab", "path": "/ab"})
    db = tmp_path / "w.db"
    statuses = []
    for body in (a, b, a, b, a):
        site.page("/ab", body)
        report, _ = run(wl, db)
        statuses.append(by_id(report)["ab"]["status"])
        last = by_id(report)["ab"]
    assert statuses == ["new", "changed", "unchanged", "unchanged", "unchanged"]
    assert any("seen before" in w for w in last["warnings"])
    assert count(db, "versions") == 2


def test_failures_are_recorded_reported_and_never_replace_a_good_version(site, tmp_path):
    site.page("/good", V1)
    site.page("/flaky", V1)
    wl = write_watchlist(tmp_path, site, {"id": "good", "path": "/good"}, {"id": "flaky", "path": "/flaky"},
                         {"id": "gone", "path": "/missing"}, {"id": "slow", "path": "/slow"},
                         {"id": "loop", "path": "/loop"}, {"id": "blank", "path": "/blank"})
    site.set("/slow", Reply(200, V1, {"Content-Type": HTML}, delay=1.5))
    site.set("/loop", Reply(302, "", {"Location": "/loop"}))
    site.set("/blank", Reply(200, "<html><body><nav>menu</nav></body></html>", {"Content-Type": HTML}))
    db = tmp_path / "w.db"
    first, job = run(wl, db, timeout=0.5, attempts=2)
    got = by_id(first)
    assert got["good"]["status"] == "new" and got["flaky"]["status"] == "new"
    assert (got["gone"]["status"], got["gone"]["error_kind"], got["gone"]["http_status"]) == ("failed", "http_error",
                                                                                             404)
    assert got["gone"]["tries"] == 1  # a 404 is not retried
    assert (got["slow"]["status"], got["slow"]["error_kind"], got["slow"]["tries"]) == ("failed", "timeout", 2)
    assert (got["loop"]["status"], got["loop"]["error_kind"]) == ("failed", "redirect_loop")
    assert (got["blank"]["status"], got["blank"]["error_kind"]) == ("failed", "input")
    assert job.failed == 4

    good_version = got["flaky"]["version"]
    site.set("/flaky", Reply(500, "oops", {"Content-Type": "text/plain"}))
    second, job = run(wl, db, timeout=0.5, attempts=2)
    flaky = by_id(second)["flaky"]
    assert flaky["status"] == "failed" and flaky["error_kind"] == "http_error" and flaky["tries"] == 2
    assert flaky["version"] == good_version  # the last good version stays current
    with Store(db) as store:
        assert store.current_version("flaky").id == int(good_version)
        assert [r["outcome"] for r in store.history("flaky")] == ["new", "failed"]
        assert store.history("blank")[0]["snapshot_sha256"]  # the unreadable page is kept as evidence


def test_503_then_success_is_retried(site, tmp_path):
    site.set("/p", [Reply(503, "busy", {"Retry-After": "0"}), Reply(503, "busy"),
                    Reply(200, V1, {"Content-Type": HTML})])
    wl = write_watchlist(tmp_path, site, {"id": "p", "path": "/p"})
    report, job = run(wl, tmp_path / "w.db")
    assert by_id(report)["p"]["status"] == "new" and by_id(report)["p"]["tries"] == 3 and job.failed == 0


def test_a_connection_reset_is_retried(site, tmp_path):
    site.set("/p", [Reply(reset=True), Reply(200, V1, {"Content-Type": HTML})])
    result = fetcher().fetch_result(site.url("/p"))
    assert result.page is not None and result.tries == 2 and site.hits["/p"] == 2
    site.set("/q", Reply(reset=True))
    failed = fetcher(attempts=2).fetch_result(site.url("/q"))
    assert failed.error is not None and failed.error.kind == "connection" and failed.tries == 2


def test_429_waits_as_long_as_retry_after_says(site, tmp_path):
    site.set("/p", [Reply(429, "slow down", {"Retry-After": "1"}), Reply(200, V1, {"Content-Type": HTML})])
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        time.sleep(seconds)

    page = fetcher(sleep=sleep).fetch(site.url("/p"))
    assert page.status == 200 and waits == [1.0]


def test_robots_txt_is_honoured_unless_ignored(site, tmp_path):
    site.page("/robots.txt", "User-agent: *\nDisallow: /private\n", "text/plain")
    site.page("/private/notice", V1)
    site.page("/public", V1)
    wl = write_watchlist(tmp_path, site, {"id": "priv", "path": "/private/notice"}, {"id": "pub", "path": "/public"})
    db = tmp_path / "w.db"
    report, job = run(wl, db)
    assert (by_id(report)["priv"]["status"], by_id(report)["priv"]["error_kind"]) == ("failed", "robots")
    assert by_id(report)["pub"]["status"] == "new" and job.failed == 1
    assert site.hits.get("/private/notice") is None  # never requested
    again, job = run(wl, db, ignore_robots=True)
    assert by_id(again)["priv"]["status"] == "new" and job.failed == 0


def test_language_switch_is_reported_as_such(site, tmp_path):
    site.page("/p", V1)
    wl = write_watchlist(tmp_path, site, {"id": "p", "path": "/p", "language": "en"})
    db = tmp_path / "w.db"
    run(wl, db)
    site.page("/p", notice("すべてのユーザーデータは日本国内のサーバーに保存されます。",
                           "チャットのメッセージは三十日間保存され、その後削除されます。", title="プライバシーポリシー",
                           lang="ja"))
    report, _ = run(wl, db)
    n = by_id(report)["p"]
    assert n["status"] == "changed" and n["diff"]["text"]["language_changed"]
    assert n["diff"]["old"]["language"] == "en" and n["diff"]["new"]["language"] == "ja"
    assert any("language switched en -> ja" in w for w in n["warnings"])
    assert n["diff"]["assertions"]["added"] == []  # not read as English


def test_new_extractor_version_re_extracts_silently(site, tmp_path):
    site.page("/p", V1)
    wl = write_watchlist(tmp_path, site, {"id": "p", "path": "/p"})
    db = tmp_path / "w.db"
    run(wl, db)
    job = WatchRun(wl, db, fetcher=fetcher())
    job.extractor_version = "rules-next"
    report = job.run()
    assert by_id(report)["p"]["status"] == "unchanged" and by_id(report)["p"]["diff"] is None
    with sqlite3.connect(db) as con:
        versions = sorted(r[0] for r in con.execute("SELECT extractor_version FROM assertions"))
    assert len(versions) == 2 and "rules-next" in versions


MANIFEST = """\
manifest_version: 1
organization: {name: Example Co., country: JP}
coverage: {stores: complete, accesses: complete, disclosures: complete}
entities:
  - {key: example, name: Example Co., country: JP, relationship: self}
locations:
  - {key: jp_dc, country: JP}
  - {key: kr_dc, country: KR}
stores:
  - {key: accounts, location: jp_dc, categories: [user.account]}
  - {key: media, location: kr_dc, categories: [user.content.private]}
"""


def test_findings_new_and_resolved_across_versions(site, tmp_path):
    (tmp_path / "m.yaml").write_text(MANIFEST, encoding="utf-8")
    site.page("/p", notice("All user data is stored in Japan."))
    wl = write_watchlist(tmp_path, site, {"id": "p", "path": "/p", "manifest": "m.yaml"})
    db = tmp_path / "w.db"
    first, _ = run(wl, db)
    new = by_id(first)["p"]["findings"]["new"]
    assert any(f["verdict"] == "contradicted" for f in new), new
    second, _ = run(wl, db)
    assert by_id(second)["p"]["findings"]["new"] == [] and by_id(second)["p"]["findings"]["resolved"] == []
    site.page("/p", notice("All user data is stored in Japan and South Korea."))
    third, _ = run(wl, db)
    findings = by_id(third)["p"]["findings"]
    assert any(f["verdict"] == "contradicted" for f in findings["resolved"]), findings
    assert not any(f["verdict"] == "contradicted" for f in findings["new"])


def test_broken_watchlist_is_one_clear_error(tmp_path):
    from notice_check.errors import InputError
    from notice_check.watch import load_watchlist

    path = tmp_path / "wl.yaml"
    path.write_text("notices:\n  - id: a\n    url: ftp://x\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"wl.yaml: notices\[0\] \(a\): url: .*http"):
        load_watchlist(path)
    path.write_text("notices:\n  - {id: a, url: 'http://x/a'}\n  - {id: a, url: 'http://x/b'}\n", encoding="utf-8")
    with pytest.raises(InputError, match="duplicate id 'a'"):
        load_watchlist(path)


def test_hosts_are_fetched_in_parallel_one_connection_each(site, tmp_path):
    from watch_server import serve

    from notice_check.watch import fetch_all, load_watchlist

    slow = Reply(200, V1, {"Content-Type": HTML}, delay=0.5)
    with serve() as other:
        for s in (site, other):
            s.set("/a", slow)
            s.set("/b", slow)
        path = tmp_path / "wl.yaml"
        entries = [{"id": f"{n}{p}", "url": s.url(f"/{p}")} for n, s in (("x", site), ("y", other)) for p in "ab"]
        path.write_text(json.dumps({"notices": entries}), encoding="utf-8")
        results = fetch_all(load_watchlist(path), fetcher())
    assert sorted(results) == ["xa", "xb", "ya", "yb"] and all(r.page for r in results.values())
    assert site.max_in_flight == 1 and other.max_in_flight == 1  # one connection per host
    # the two hosts at once: some request to one was being answered while one to the other was (each takes
    # 0.5 s, so fetching host after host could never overlap them, however slow or busy the machine)
    assert any(a0 < b1 and b0 < a1 for a0, a1 in site.spans for b0, b1 in other.spans)
