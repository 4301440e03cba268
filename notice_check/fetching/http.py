"""Fetch one published notice over HTTP(S), with a size cap and one clear error per failure.

Kept small on purpose: retries, robots.txt and conditional requests belong to the watch job and
will wrap this function. Everything that can go wrong becomes a FetchError with a `kind` a caller
can act on (retry a timeout, not a 404).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import requests
from requests import exceptions as rex
from urllib3.exceptions import HTTPError, ReadTimeoutError

from notice_check import __version__
from notice_check.errors import FetchError

USER_AGENT = f"notice-check/{__version__} (+https://github.com/notice-check)"
ACCEPT = "text/html,application/xhtml+xml,text/markdown;q=0.9,text/plain;q=0.9,*/*;q=0.5"
MAX_REDIRECTS = 10
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class FetchedPage:
    """The raw answer for one URL; `encoding` is the charset the server declared, if any."""

    url: str
    final_url: str
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    content: bytes = b""
    content_type: str = ""  # media type only, lower case: "text/html"
    encoding: str | None = None


def parse_content_type(value: str | None) -> tuple[str, str | None]:
    """("text/html", "shift_jis") from "text/html; charset=Shift_JIS"."""
    if not value:
        return "", None
    media, *params = value.split(";")
    charset = None
    for param in params:
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset":
            charset = val.strip().strip("\"'") or None
    return media.strip().lower(), charset


def human_size(n: int) -> str:
    """ "50.0 MB", "12.5 kB", "100 bytes": sizes in error messages."""
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1_000:
        return f"{n / 1_000:.1f} kB"
    return f"{n} bytes"


def fetch_url(url: str, *, timeout: float = 30.0, max_bytes: int = 20_000_000) -> FetchedPage:
    """GET `url` and return its body; `timeout` bounds the connection, each read and the whole download.

    Raises FetchError with kind "http_error" (status >= 400), "timeout", "connection",
    "too_large", "redirect_loop" or "invalid_url".
    """
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        raise FetchError("not an http(s) URL", source=url, kind="invalid_url")
    deadline = time.monotonic() + timeout
    with requests.Session() as session:
        session.max_redirects = MAX_REDIRECTS
        session.headers.update({"User-Agent": USER_AGENT, "Accept": ACCEPT})
        try:
            resp = session.get(url, timeout=timeout, stream=True, allow_redirects=True)
        except rex.TooManyRedirects as err:
            raise FetchError(f"more than {MAX_REDIRECTS} redirects (a redirect loop?)", source=url,
                             kind="redirect_loop") from err
        except rex.Timeout as err:
            raise FetchError(f"no answer within {timeout:g} s", source=url, kind="timeout",
                             transient=True) from err
        except (rex.InvalidURL, rex.MissingSchema, rex.InvalidSchema) as err:
            raise FetchError(f"invalid URL ({err})", source=url, kind="invalid_url") from err
        except rex.SSLError as err:
            raise FetchError(f"TLS error: {_reason(err)}", source=url, kind="connection") from err
        except rex.RequestException as err:
            raise FetchError(f"cannot connect: {_reason(err)}", source=url, kind="connection",
                             transient=True) from err
        with resp:
            status = resp.status_code
            if status >= 400:
                reason = f" {resp.reason}" if resp.reason else ""
                error = FetchError(f"HTTP {status}{reason}", source=url, status=status, kind="http_error",
                                   transient=status in (408, 429) or status >= 500)
                error.retry_after = resp.headers.get("Retry-After")  # for the retrying caller (watch, fetch)
                raise error
            length = resp.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise FetchError(
                    f"the page is {human_size(int(length))}, over the {human_size(max_bytes)} limit",
                    source=url, status=status, kind="too_large")
            content = _read_body(resp, url, timeout, deadline, max_bytes)
            media, charset = parse_content_type(resp.headers.get("Content-Type"))
            return FetchedPage(url=url, final_url=resp.url, status=status, headers=dict(resp.headers),
                               content=content, content_type=media, encoding=charset)


def _stream(resp: requests.Response) -> Iterator[bytes]:
    """Body chunks as they arrive (read1), so a server that trickles bytes meets the deadline."""
    raw = resp.raw
    if hasattr(raw, "read1"):
        while chunk := raw.read1(_CHUNK, decode_content=True):
            yield chunk
    else:  # urllib3 < 2.3
        yield from resp.iter_content(_CHUNK)


def _read_body(resp: requests.Response, url: str, timeout: float, deadline: float, max_bytes: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in _stream(resp):
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(f"the page is over the {human_size(max_bytes)} limit", source=url,
                                 status=resp.status_code, kind="too_large")
            if time.monotonic() > deadline:
                raise FetchError(f"download took longer than {timeout:g} s", source=url, kind="timeout",
                                 transient=True)
            chunks.append(chunk)
    except (ReadTimeoutError, rex.Timeout) as err:
        raise FetchError(f"no data for {timeout:g} s while downloading", source=url, kind="timeout",
                         transient=True) from err
    except rex.ConnectionError as err:  # iter_content wraps a read timeout in ConnectionError
        if any(isinstance(a, ReadTimeoutError) for a in err.args):
            raise FetchError(f"no data for {timeout:g} s while downloading", source=url, kind="timeout",
                             transient=True) from err
        raise FetchError(f"connection lost while downloading: {_reason(err)}", source=url,
                         kind="connection", transient=True) from err
    except (rex.RequestException, HTTPError, OSError) as err:
        raise FetchError(f"download failed: {_reason(err)}", source=url, kind="connection",
                         transient=True) from err
    return b"".join(chunks)


def _reason(err: Exception) -> str:
    """The innermost one-line reason of a requests/urllib3 error chain."""
    inner: BaseException = err
    while inner.args and isinstance(inner.args[0], BaseException):
        inner = inner.args[0]
    reason = getattr(inner, "reason", None)
    text = str(reason if isinstance(reason, BaseException) else inner)
    return text.splitlines()[0] if text else type(inner).__name__
