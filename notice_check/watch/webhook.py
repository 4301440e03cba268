"""POST the Watch JSON of a run to a webhook (chat bot, CI trigger) once the run is stored."""

from __future__ import annotations

import time
from typing import Any

import requests

from notice_check.errors import FetchError
from notice_check.fetching.http import USER_AGENT
from notice_check.watch.render import render_watch


def post_webhook(report: dict[str, Any], url: str, *, timeout: float = 10.0, attempts: int = 2,
                 pause: float = 1.0) -> int:
    """The HTTP status of the accepted POST; FetchError (kind "webhook") when every attempt failed.

    Retries once by default on any failure: a webhook receiver that is briefly down should not lose the news,
    but the nightly job must not hang on it either."""
    if not url.lower().startswith(("http://", "https://")):
        raise FetchError("the webhook is not an http(s):// URL", source=url, kind="webhook")
    body = render_watch(report, "json").encode("utf-8")
    headers = {"Content-Type": "application/json", "User-Agent": USER_AGENT}
    problem = ""
    for attempt in range(max(1, attempts)):
        if attempt:
            time.sleep(pause)
        try:
            resp = requests.post(url, data=body, headers=headers, timeout=timeout)
        except requests.RequestException as err:
            problem = f"{type(err).__name__}: {err}".replace("\n", " ")
            continue
        if resp.status_code < 400:
            return resp.status_code
        problem = f"HTTP {resp.status_code}"
    raise FetchError(f"webhook POST failed after {max(1, attempts)} attempt(s) ({problem})", source=url,
                     kind="webhook")
