"""`watch --atom FILE` (an Atom feed of changes) and `watch --webhook URL` (POST of the Watch JSON)."""

from __future__ import annotations

import json
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from typer.testing import CliRunner

from notice_check.cli.app import app
from notice_check.watch.atom import KEEP_OLD, build_atom

FAST = ["--timeout", "0.5", "--retries", "0", "--backoff", "0", "--delay", "0"]
A = "{http://www.w3.org/2005/Atom}"
PAGE = ("<html><body><main><h1>Privacy</h1><p>All user data is stored in Japan.</p>"
        "<p>We keep logs for 30 days.</p></main></body></html>")


def _watchlist(tmp_path, site):
    wl = tmp_path / "wl.yaml"
    wl.write_text(f"notices:\n  - id: example-privacy-en\n    url: {site.url('/p')}\n    select: main\n"
                  f"  - id: gone\n    url: {site.url('/gone')}\n", encoding="utf-8")
    return wl


def _entries(path):
    root = ET.parse(path).getroot()
    assert root.tag == A + "feed" and root.findtext(A + "updated")
    return [(e.findtext(A + "id"), e.findtext(A + "title"), e.findtext(A + "content")) for e in root.iter(A + "entry")]


def test_atom_feed_over_two_runs_keeps_stable_ids_and_escapes(site, tmp_path):
    site.page("/p", PAGE)
    wl, db, feed = _watchlist(tmp_path, site), tmp_path / "w.db", tmp_path / "feed.xml"
    runner = CliRunner()
    first = runner.invoke(app, ["watch", str(wl), "--store", str(db), "--atom", str(feed), *FAST])
    assert first.exit_code == 3, first.stderr
    one = _entries(feed)
    assert [t for _, t, _ in one][0] == "example-privacy-en new: first version 1"
    assert one[0][0] == "tag:notice-check.invalid,2024:example-privacy-en:v1"
    assert one[1][1].startswith("gone failed: http_error:") and ":failed:" in one[1][0]

    site.page("/p", PAGE.replace("stored in Japan.", "stored in Japan, the US and Korea. "
                                 "&lt;script&gt;alert(1)&lt;/script&gt;"))
    second = runner.invoke(app, ["watch", str(wl), "--store", str(db), "--atom", str(feed), *FAST])
    assert second.exit_code == 3, second.stderr
    raw = feed.read_text(encoding="utf-8")
    assert "<script>" not in raw and "&lt;script&gt;" in raw
    two = _entries(feed)
    ids = [i for i, _, _ in two]
    assert len(ids) == len(set(ids))  # (a failure in the same second as the last one replaces it)
    assert two[0][1] == "example-privacy-en changed: storage location JP -> JP, US, KR"
    assert two[0][0] == "tag:notice-check.invalid,2024:example-privacy-en:v2"
    assert "<script>alert(1)</script>" in two[0][2]  # escaped in the file, intact once parsed
    assert two[1][1].startswith("gone failed:")
    assert one[0] in two[2:]  # the old entry of version 1 is kept as it was, after the new ones

    third = runner.invoke(app, ["watch", str(wl), "--store", str(db), "--atom", str(feed), *FAST])
    assert third.exit_code == 3
    three = _entries(feed)
    assert three[0][1].startswith("gone failed:")  # the unchanged notice adds no entry
    assert [i for i, _, _ in three if ":example-privacy-en:" in i] == [ids[0], one[0][0]]


def test_atom_keeps_at_most_50_old_entries_and_rejects_a_broken_feed(tmp_path):
    feed = tmp_path / "feed.xml"
    notices = [{"id": f"n{i}", "status": "new", "version": str(i), "diff": None, "findings": None,
                "error": None, "error_kind": None} for i in range(70)]
    run = {"started": "2026-01-01T00:00:00+00:00", "finished": "2026-01-01T00:01:00+00:00", "watchlist": "wl.yaml"}
    feed.write_text(build_atom({"run": run, "notices": notices}), encoding="utf-8")
    assert len(_entries(feed)) == 70
    text = build_atom({"run": run, "notices": [{**notices[0], "id": "fresh"}]}, feed)
    feed.write_text(text, encoding="utf-8")
    titles = [t for _, t, _ in _entries(feed)]
    assert len(titles) == 1 + KEEP_OLD and titles[0] == "fresh new: first version 0" and titles[-1].startswith("n49 ")

    feed.write_text("<feed><entry>", encoding="utf-8")
    runner_err = None
    try:
        build_atom({"run": run, "notices": []}, feed)
    except Exception as err:  # noqa: BLE001 - the class and message are what is checked
        runner_err = err
    assert type(runner_err).__name__ == "InputError" and "feed.xml" in str(runner_err)


@contextmanager
def _hook(statuses: list[int]) -> Iterator[tuple[str, list[dict]]]:
    """A webhook receiver on 127.0.0.1: answers with `statuses` in turn (the last repeats) and records posts."""
    posts: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
            body = self.rfile.read(int(self.headers["Content-Length"]))
            posts.append({"body": body, "type": self.headers["Content-Type"], "agent": self.headers["User-Agent"]})
            status = statuses.pop(0) if len(statuses) > 1 else statuses[0]
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hook", posts
    finally:
        server.shutdown()
        server.server_close()


def test_webhook_posts_the_watch_json_and_retries_once(site, tmp_path):
    site.page("/p", PAGE)
    wl, db = _watchlist(tmp_path, site), tmp_path / "w.db"
    with _hook([503, 204]) as (url, posts):
        result = CliRunner().invoke(app, ["watch", str(wl), "--store", str(db), "-f", "json", "--webhook", url,
                                          *FAST])
    assert result.exit_code == 3, result.stderr  # the failed notice, not the webhook
    assert "warning" not in result.stderr
    assert len(posts) == 2 and posts[0]["body"] == posts[1]["body"]  # one retry after the 503
    sent = json.loads(posts[1]["body"])
    assert posts[1]["type"] == "application/json" and posts[1]["agent"].startswith("notice-check/")
    assert [n["status"] for n in sent["notices"]] == ["new", "failed"]
    assert sent["notices"] == json.loads(result.stdout)["notices"]


def test_failed_webhook_is_one_warning_and_keeps_exit_code_and_store(site, tmp_path):
    site.page("/p", PAGE)
    wl, db = _watchlist(tmp_path, site), tmp_path / "w.db"
    site.page("/gone", PAGE.replace("Japan", "Germany"))
    runner = CliRunner()
    with _hook([500]) as (url, posts):
        result = runner.invoke(app, ["watch", str(wl), "--store", str(db), "--webhook", url, *FAST])
    assert result.exit_code == 0, result.stderr
    assert len(posts) == 2
    warnings = [line for line in result.stderr.splitlines() if "webhook" in line]
    assert len(warnings) == 1 and warnings[0].startswith("warning:") and "HTTP 500" in warnings[0]
    assert "2 new" in result.stdout
    again = runner.invoke(app, ["watch", str(wl), "--store", str(db), *FAST])
    assert again.exit_code == 0 and again.stdout.splitlines()[0] == "notice-check watch: 2 unchanged"
