"""A polite fetcher around `fetch_url`: robots.txt (protego), retries with backoff (tenacity) on what may pass
(429 honouring Retry-After, 5xx, timeouts, connection resets), and a minimum delay between requests to a host.

A disallowed URL is a FetchError of kind "robots"; `respect_robots=False` (`--ignore-robots`) skips the check.
A robots.txt that cannot be read (404, 5xx, timeout) allows everything: the notice itself will tell.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from protego import Protego
from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt, wait_exponential_jitter

from notice_check.errors import FetchError
from notice_check.fetching.http import FetchedPage, fetch_url

ROBOTS_AGENT = "notice-check"


def parse_retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date); None when absent or bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


@dataclass
class FetchResult:
    """What one polite fetch gave: the page or the error, and how many tries it took."""

    url: str
    page: FetchedPage | None = None
    error: FetchError | None = None
    tries: int = 0
    fetched_at: float = 0.0

    def raise_or_page(self) -> FetchedPage:
        if self.error is not None:
            raise self.error
        if self.page is None:  # pragma: no cover - fetch_result always sets one of the two
            raise FetchError("no page and no error", source=self.url)
        return self.page


class PoliteFetcher:
    """Thread-safe: several hosts may be fetched at once; robots.txt is read once per origin."""

    def __init__(self, *, timeout: float = 30.0, attempts: int = 3, backoff: float = 1.0, max_wait: float = 60.0,
                 respect_robots: bool = True, delay: float = 0.0,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.timeout = timeout
        self.attempts = max(1, attempts)
        self.backoff = backoff
        self.max_wait = max_wait
        self.respect_robots = respect_robots
        self.delay = delay
        self.sleep = sleep
        self._robots: dict[str, Protego | None] = {}
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ robots.txt

    def _parser(self, origin: str) -> Protego | None:
        with self._lock:
            if origin in self._robots:
                return self._robots[origin]
        try:
            page = fetch_url(origin + "/robots.txt", timeout=min(self.timeout, 10.0), max_bytes=500_000)
            parser: Protego | None = Protego.parse(page.content.decode("utf-8", "replace"))
        except FetchError:
            parser = None  # unreadable robots.txt: allowed
        with self._lock:
            self._robots[origin] = parser
        return parser

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        parser = self._parser(f"{parts.scheme}://{parts.netloc}")
        return parser is None or bool(parser.can_fetch(url, ROBOTS_AGENT))

    # ------------------------------------------------------------------ fetching

    def _wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        hinted = parse_retry_after(getattr(exc, "retry_after", None))
        if hinted is not None:
            return min(hinted, self.max_wait)
        return wait_exponential_jitter(multiplier=self.backoff, max=self.max_wait, jitter=self.backoff)(state)

    def _pace(self, host: str) -> None:
        if self.delay <= 0:
            return
        with self._lock:
            last = self._last.get(host)
        if last is not None:
            wait = self.delay - (time.monotonic() - last)
            if wait > 0:
                self.sleep(wait)

    def _get(self, url: str) -> FetchedPage:
        host = urlsplit(url).netloc
        self._pace(host)
        try:
            return fetch_url(url, timeout=self.timeout)
        finally:
            with self._lock:
                self._last[host] = time.monotonic()

    def fetch(self, url: str) -> FetchedPage:
        """The page, or FetchError (kind "robots" when robots.txt disallows it) after the retries."""
        return self.fetch_result(url).raise_or_page()

    def fetch_result(self, url: str) -> FetchResult:
        """Like fetch, but never raises FetchError: the error is in the result (for the watch job)."""
        result = FetchResult(url=url, fetched_at=time.time())
        if self.respect_robots and not self.allowed(url):
            result.error = FetchError("robots.txt disallows fetching this URL (use --ignore-robots to override)",
                                      source=url, kind="robots")
            return result
        retrying = Retrying(
            stop=stop_after_attempt(self.attempts),
            wait=self._wait,
            retry=retry_if_exception(lambda e: isinstance(e, FetchError) and e.transient),
            sleep=self.sleep,
            reraise=True,
        )
        try:
            for attempt in retrying:
                with attempt:
                    result.tries = attempt.retry_state.attempt_number
                    result.page = self._get(url)
        except FetchError as err:
            result.error = err
        return result
