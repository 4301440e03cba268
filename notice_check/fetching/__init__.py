"""Fetch published notices over HTTP(S) (used by notice_check.document for URL sources)."""

from notice_check.fetching.http import USER_AGENT, FetchedPage, fetch_url, parse_content_type

__all__ = ["USER_AGENT", "FetchedPage", "fetch_url", "parse_content_type"]
