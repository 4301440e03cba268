"""The headless-browser path: pages whose text is written by JavaScript (`browser: true`, `fetch --browser`,
and the automatic fallback when the plain HTML holds no text)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from notice_check.cli.app import app
from notice_check.errors import FetchError, InputError
from notice_check.fetching.browser import render_dom
from notice_check.watch.reading import read_page

CHROMIUM = "/usr/bin/chromium"
FAST = ["--timeout", "2", "--retries", "0", "--backoff", "0", "--delay", "0"]
SENTENCE = "We store your data in Japan."
JS_PAGE = ("<html><head><title>Privacy</title></head><body><script>"
           f'document.body.innerHTML = "<main><h1>Privacy</h1><p>{SENTENCE}</p></main>";'
           "</script></body></html>")


@pytest.fixture
def chromium():
    import os

    if not os.access(CHROMIUM, os.X_OK):
        print(f"skipping: {CHROMIUM} is not installed")
        pytest.skip(f"{CHROMIUM} is not installed")
    return CHROMIUM


def test_plain_fetch_has_no_text_but_the_browser_has_the_sentence(site, chromium):
    site.page("/p", JS_PAGE)
    with pytest.raises(InputError, match="empty notice"):
        read_page(site.url("/p"), JS_PAGE.encode(), "text/html")
    dom = render_dom(site.url("/p"), binary=chromium, timeout=60)
    doc = read_page(site.url("/p"), dom, "text/html; charset=utf-8")
    assert SENTENCE in doc.text


def test_fetch_browser_flag_and_automatic_fallback(site, chromium):
    site.page("/p", JS_PAGE)
    runner = CliRunner()
    for extra in (["--browser"], []):  # explicit, then the fallback on a page with no text
        result = runner.invoke(app, ["fetch", site.url("/p"), *extra, "--timeout", "2", "--retries", "0"])
        assert result.exit_code == 0, result.stderr
        assert SENTENCE in result.stdout


def test_watch_browser_entry_and_fallback_store_the_rendered_text(site, chromium, tmp_path):
    site.page("/js", JS_PAGE)
    site.page("/auto", JS_PAGE)
    wl = tmp_path / "wl.yaml"
    wl.write_text(f"notices:\n  - id: js\n    url: {site.url('/js')}\n    browser: true\n"
                  f"  - id: auto\n    url: {site.url('/auto')}\n", encoding="utf-8")
    db = tmp_path / "w.db"
    runner = CliRunner()
    first = runner.invoke(app, ["watch", str(wl), "--store", str(db), "-f", "json", *FAST])
    assert first.exit_code == 0, first.stderr + first.stdout
    assert [n["status"] for n in json.loads(first.stdout)["notices"]] == ["new", "new"]
    site.page("/js", JS_PAGE.replace("Japan", "Japan and Germany"))
    second = runner.invoke(app, ["watch", str(wl), "--store", str(db), "-f", "json", *FAST])
    assert second.exit_code == 0, second.stderr
    js, auto = json.loads(second.stdout)["notices"]
    assert (js["status"], auto["status"]) == ("changed", "unchanged")
    assert [c["summary"] for c in js["diff"]["assertions"]["changed"]] == ["storage location JP -> JP, DE"]


def test_missing_browser_is_one_clear_error(site, monkeypatch, tmp_path):
    site.page("/p", JS_PAGE)
    monkeypatch.setenv("NOTICE_CHECK_CHROMIUM", str(tmp_path / "no-such-chromium"))
    with pytest.raises(FetchError) as caught:
        render_dom(site.url("/p"))
    assert caught.value.kind == "browser_unavailable" and "\n" not in str(caught.value)
    result = CliRunner().invoke(app, ["fetch", site.url("/p"), "--timeout", "2", "--retries", "0"])
    assert result.exit_code == 2
    assert "empty notice" in result.stderr and "no headless browser" in result.stderr
    wl = tmp_path / "wl.yaml"
    wl.write_text(f"notices:\n  - id: js\n    url: {site.url('/p')}\n    browser: true\n", encoding="utf-8")
    watched = CliRunner().invoke(app, ["watch", str(wl), "--store", str(tmp_path / "w.db"), "-f", "json", *FAST])
    assert watched.exit_code == 3
    notice = json.loads(watched.stdout)["notices"][0]
    assert (notice["status"], notice["error_kind"]) == ("failed", "browser_unavailable")
