"""`notice-check watch`, `history`, `fetch` and `diff --store` through the real typer app."""

from __future__ import annotations

import json

from typer.testing import CliRunner
from watch_server import Reply

from notice_check.cli.app import app

FAST = ["--timeout", "0.5", "--retries", "1", "--backoff", "0", "--delay", "0"]
PAGE = ("<html><body><nav>Home</nav><div class='cookie-banner'>We use cookies</div><main><h1>Privacy</h1>"
        "<h2>Storage</h2><p>All user data is stored in Japan.</p><ul><li>We keep logs for 30 days.</li>"
        "<li>We never sell personal information.</li></ul></main></body></html>")


def test_watch_json_exit_3_history_and_stored_diff(site, tmp_path):
    site.page("/a", PAGE)
    wl = tmp_path / "wl.yaml"
    wl.write_text(f"notices:\n  - id: a\n    url: {site.url('/a')}\n    select: main\n"
                  f"  - id: gone\n    url: {site.url('/gone')}\n", encoding="utf-8")
    db = tmp_path / "w.db"
    runner = CliRunner()
    first = runner.invoke(app, ["watch", str(wl), "--store", str(db), "-f", "json", *FAST])
    assert first.exit_code == 3, first.stderr
    report = json.loads(first.stdout)
    assert [n["status"] for n in report["notices"]] == ["new", "failed"]
    assert report["run"]["store"] == str(db) and report["notices"][1]["error_kind"] == "http_error"

    site.page("/a", PAGE.replace("stored in Japan.", "stored in Japan and Germany."))
    site.set("/gone", Reply(200, PAGE, {"Content-Type": "text/html"}))
    second = runner.invoke(app, ["watch", str(wl), "--store", str(db), "-f", "markdown", *FAST])
    assert second.exit_code == 0, second.stderr
    assert "a: changed" in second.stdout and "location JP -> JP, DE" in second.stdout

    third = runner.invoke(app, ["watch", str(wl), "--store", str(db), *FAST])
    assert third.exit_code == 0 and third.stdout.splitlines()[0] == "notice-check watch: 2 unchanged"
    assert "a: unchanged (version 2)" in third.stdout

    hist = runner.invoke(app, ["history", "a", "--store", str(db)])
    outcomes = [line.split()[1] for line in hist.stdout.splitlines()]
    assert hist.exit_code == 0 and outcomes == ["new", "changed", "unchanged"]
    gone = runner.invoke(app, ["history", "gone", "--store", str(db), "-f", "json"])
    outcomes = [(r["outcome"], r["http_status"]) for r in json.loads(gone.stdout)["attempts"]]
    assert outcomes == [("failed", 404), ("new", 200), ("unchanged", 200)]

    diff = runner.invoke(app, ["diff", "1", "v2", "--store", str(db), "-f", "json"])
    assert diff.exit_code == 0, diff.stderr
    changed = json.loads(diff.stdout)["assertions"]["changed"]
    assert [c["summary"] for c in changed] == ["storage location JP -> JP, DE"]

    missing = runner.invoke(app, ["history", "nope", "--store", str(db)])
    assert missing.exit_code == 2 and "no notice 'nope'" in missing.stderr


def test_fetch_prints_clean_text_and_honours_robots(site, tmp_path):
    site.page("/robots.txt", "User-agent: *\nDisallow: /secret\n", "text/plain")
    site.page("/privacy", PAGE)
    site.page("/secret", PAGE)
    runner = CliRunner()
    out = runner.invoke(app, ["fetch", site.url("/privacy"), "--select", "main", "--remove", ".cookie-banner"])
    assert out.exit_code == 0, out.stderr
    assert out.stdout.startswith("# Privacy\n\n## Storage\n\nAll user data is stored in Japan.\n\n- We keep logs")
    assert "cookies" not in out.stdout and "Home" not in out.stdout

    target = tmp_path / "p.json"
    as_json = runner.invoke(app, ["fetch", site.url("/privacy"), "-f", "json", "-o", str(target)])
    assert as_json.exit_code == 0 and json.loads(target.read_text())["notice"]["language"] == "en"

    blocked = runner.invoke(app, ["fetch", site.url("/secret")])
    assert blocked.exit_code == 2 and "robots.txt disallows" in blocked.stderr
    assert len(blocked.stderr.strip().splitlines()) == 1
    allowed = runner.invoke(app, ["fetch", site.url("/secret"), "--ignore-robots"])
    assert allowed.exit_code == 0 and "stored in Japan" in allowed.stdout


def test_fetch_reports_a_server_error_after_retries(site):
    site.set("/down", Reply(503, "down"))
    result = CliRunner().invoke(app, ["fetch", site.url("/down"), "--retries", "1", "--timeout", "1"])
    assert result.exit_code == 2 and "HTTP 503" in result.stderr
    assert site.hits["/down"] == 2


def test_the_charset_of_the_content_type_header_is_used(site, tmp_path):
    """Shift_JIS bytes declared only in the HTTP header (no <meta>) are read as Shift_JIS, live and re-read
    from the stored snapshot alike."""
    from notice_check.watch.reading import as_utf8

    text = "個人情報の取り扱いについて。データは日本で保管します。"
    body = f"<html><body><main><h1>方針</h1><p>{text}</p></main></body></html>".encode("shift_jis")
    site.set("/sjis", Reply(200, body, {"Content-Type": "text/html; charset=Shift_JIS"}))
    out = CliRunner().invoke(app, ["fetch", site.url("/sjis")])
    assert out.exit_code == 0, out.stderr
    assert text in out.stdout
    assert as_utf8(body, "text/html; charset=Shift_JIS").decode("utf-8-sig").endswith("</html>")
    assert as_utf8(body, "text/html") == body  # nothing declared: left to the document stage
