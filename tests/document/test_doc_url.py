"""URL sources, fetched from a real HTTP server on 127.0.0.1 (see conftest.py)."""

from __future__ import annotations

import time

import pytest

from notice_check.document import load_document
from notice_check.errors import FetchError, InputError
from notice_check.fetching import USER_AGENT, fetch_url


def test_charset_from_the_http_header(http_base: str) -> None:
    url = f"{http_base}/sjis.html"
    doc = load_document(url)
    assert doc.source == url
    assert doc.title == "個人情報保護方針"
    assert "当社は、お客様のデータを日本国内に保存します。" in [s.text for s in doc.sentences]
    assert doc.language == "ja"


def test_fetched_page_fields(http_base: str) -> None:
    page = fetch_url(f"{http_base}/moved", timeout=5, max_bytes=1_000_000)
    assert page.status == 200
    assert page.final_url == f"{http_base}/sjis.html"
    assert page.content_type == "text/html"
    assert page.encoding == "Shift_JIS"
    assert page.content.decode("cp932").startswith("<html>")


def test_user_agent_is_named(http_base: str) -> None:
    doc = load_document(f"{http_base}/ua")
    assert f"Agent {USER_AGENT} asked." in doc.text
    assert USER_AGENT.startswith("notice-check/0.1")


def test_markdown_served_as_text_plain_is_read_by_extension(http_base: str) -> None:
    doc = load_document(f"{http_base}/notes/privacy.md")
    assert doc.blocks[0].kind == "heading"
    assert doc.sentences[-1].parse_text == "We store data in: Japan and Singapore."


@pytest.mark.parametrize(("path", "status", "transient"), [("/missing", 404, False), ("/error", 503, True)])
def test_http_errors(http_base: str, path: str, status: int, transient: bool) -> None:
    url = f"{http_base}{path}"
    with pytest.raises(FetchError) as err:
        load_document(url)
    assert err.value.kind == "http_error"
    assert err.value.status == status
    assert err.value.transient is transient
    assert str(err.value).startswith(f"{url}: HTTP {status}")
    assert "\n" not in str(err.value)


def test_oversize_body_is_cut_while_streaming(http_base: str) -> None:
    with pytest.raises(FetchError) as err:
        load_document(f"{http_base}/big", max_bytes=100_000)
    assert err.value.kind == "too_large"
    assert "over the 100.0 kB limit" in str(err.value)


def test_oversize_declared_length_is_rejected_before_download(http_base: str) -> None:
    t0 = time.perf_counter()
    with pytest.raises(FetchError) as err:
        load_document(f"{http_base}/big-declared")
    assert err.value.kind == "too_large"
    assert "50.0 MB" in str(err.value)
    assert time.perf_counter() - t0 < 2


def test_slow_server_times_out(http_base: str) -> None:
    t0 = time.perf_counter()
    with pytest.raises(FetchError) as err:
        load_document(f"{http_base}/slow", timeout=0.3)
    assert err.value.kind == "timeout"
    assert err.value.transient
    assert time.perf_counter() - t0 < 1.5


def test_trickling_server_meets_the_overall_deadline(http_base: str) -> None:
    t0 = time.perf_counter()
    with pytest.raises(FetchError) as err:
        fetch_url(f"{http_base}/trickle", timeout=0.5, max_bytes=1_000_000)
    assert err.value.kind == "timeout"
    assert time.perf_counter() - t0 < 1.5


def test_redirect_loop(http_base: str) -> None:
    with pytest.raises(FetchError) as err:
        load_document(f"{http_base}/loop")
    assert err.value.kind == "redirect_loop"


def test_connection_refused() -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(FetchError) as err:
        load_document(f"http://127.0.0.1:{port}/privacy", timeout=2)
    assert err.value.kind == "connection"


def test_pdf_content_type_goes_to_the_pdf_reader(http_base: str) -> None:
    with pytest.raises(InputError, match=r"file\.pdf: not a valid \.pdf file"):
        load_document(f"{http_base}/file.pdf")


def test_non_http_scheme() -> None:
    with pytest.raises(FetchError) as err:
        fetch_url("ftp://example.com/x", timeout=1, max_bytes=10)
    assert err.value.kind == "invalid_url"
