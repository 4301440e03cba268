"""Render a page with the system's headless Chromium for notices whose text is written by JavaScript.

Used when a watchlist entry says `browser: true` (or `fetch --browser`), and as a fallback when the plain HTML
holds no text. The page is fetched politely first (robots.txt, HTTP status); only then does Chromium load it and
dump the DOM after up to BUDGET_MS of virtual time, which becomes the page's HTML.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

from notice_check.errors import FetchError
from notice_check.fetching.http import FetchedPage

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "chromium", "chromium-browser",
                       "google-chrome")
BUDGET_MS = 5000
HTML_TYPE = "text/html; charset=utf-8"


def find_chromium() -> str | None:
    """The Chromium binary to use: $NOTICE_CHECK_CHROMIUM when set, else the first one found on the system."""
    override = os.environ.get("NOTICE_CHECK_CHROMIUM")
    if override:
        return override if Path(override).is_file() and os.access(override, os.X_OK) else None
    for name in CHROMIUM_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def render_dom(url: str, *, timeout: float = 60.0, binary: str | None = None) -> bytes:
    """The page's DOM after its scripts ran, as UTF-8 HTML.

    FetchError kind "browser_unavailable" when no Chromium is installed, "browser" when it fails or times out."""
    chromium = binary or find_chromium()
    if not chromium or not (Path(chromium).is_file() or shutil.which(chromium)):
        raise FetchError("no headless browser: install Chromium (/usr/bin/chromium) or set NOTICE_CHECK_CHROMIUM",
                         source=url, kind="browser_unavailable")
    with tempfile.TemporaryDirectory(prefix="notice-check-chromium-") as profile:
        args = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--no-first-run", f"--user-data-dir={profile}",
                f"--virtual-time-budget={BUDGET_MS}", "--dump-dom", url]
        try:
            proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                                    start_new_session=True)
        except OSError as err:
            raise FetchError(f"cannot start the headless browser ({err.strerror or err})", source=url,
                             kind="browser_unavailable") from None
        try:
            out, err_out = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(proc)
            raise FetchError(f"the headless browser took more than {timeout:g} s", source=url, kind="browser",
                             transient=True) from None
        finally:
            _kill_group(proc)  # renderer and GPU children live in the browser's own process group
    if proc.returncode != 0 or not out.strip():
        last = (err_out.decode("utf-8", "replace").strip().splitlines() or [""])[-1][:200]
        raise FetchError(f"the headless browser failed (exit {proc.returncode}){': ' + last if last else ''}",
                         source=url, kind="browser")
    return out


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


def render_page(page: FetchedPage, *, timeout: float = 60.0) -> FetchedPage:
    """The fetched page with its body replaced by the DOM Chromium rendered from its final URL."""
    dom = render_dom(page.final_url or page.url, timeout=timeout)
    return replace(page, content=dom, content_type="text/html", encoding="utf-8",
                   headers={**{k: v for k, v in page.headers.items() if k.lower() != "content-type"},
                            "Content-Type": HTML_TYPE})


def needs_browser(err: Exception) -> bool:
    """Whether a loading error means "the plain HTML holds no text" (a page built by JavaScript)."""
    return str(getattr(err, "message", "")).startswith("empty notice")
