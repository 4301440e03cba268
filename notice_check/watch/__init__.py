"""The watch job (SPEC section 5): polite fetching, version keeping, diffs and re-checks over a watchlist."""

from notice_check.watch.fetcher import FetchResult, PoliteFetcher, parse_retry_after
from notice_check.watch.render import render_document, render_watch
from notice_check.watch.runner import WatchRun, fetch_all, iter_fetch
from notice_check.watch.watchlist import WatchEntry, load_watchlist

__all__ = [
    "FetchResult",
    "PoliteFetcher",
    "WatchEntry",
    "WatchRun",
    "fetch_all",
    "iter_fetch",
    "load_watchlist",
    "parse_retry_after",
    "render_document",
    "render_watch",
]
