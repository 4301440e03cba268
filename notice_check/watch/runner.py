"""The nightly job: fetch every notice of a watchlist, keep each distinct version, diff, re-check, report.

Fetching runs concurrently across hosts with one connection per host (notices of one host are fetched one after
the other); parsing, extraction and the store run in the calling thread, one transaction per notice, committed
as soon as that notice is fetched (a run killed midway keeps the notices it finished). A notice
whose normalised text equals any version seen before is "unchanged" (A/B flapping is not a change); a new
extractor version re-reads stored versions silently. Failures are recorded and reported, never stored as a
version.
"""

from __future__ import annotations

import hashlib
import json
import queue
import threading
from collections import defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from notice_check.errors import FetchError, InputError, NoticeCheckError, UnsupportedLanguageError
from notice_check.fetching.browser import needs_browser, render_page
from notice_check.store import Attempt, Store, VersionRow, normalised_sha256
from notice_check.watch.fetcher import FetchResult, PoliteFetcher
from notice_check.watch.reading import content_type_of, read_page
from notice_check.watch.watchlist import WatchEntry, load_watchlist

if TYPE_CHECKING:
    from notice_check.manifest.model import Manifest
    from notice_check.models import Assertion, Document, Finding

MAX_HOSTS = 8  # hosts fetched at once


def _iso(ts: float | None = None) -> str:
    when = datetime.fromtimestamp(ts, UTC) if ts is not None else datetime.now(UTC)
    return when.isoformat(timespec="seconds")


@dataclass
class _Checked:
    manifest: Manifest
    sha256: str
    path: str


def iter_fetch(entries: list[WatchEntry], fetcher: PoliteFetcher,
               ignore_robots: bool = False) -> Iterator[tuple[str, FetchResult]]:
    """(notice id, result) pairs as soon as each fetch ends: hosts in parallel, one connection per host.

    A generator so the caller can store each notice while the others are still being fetched (a run killed
    midway keeps what it finished); closing it early stops the hosts after their current request."""
    by_host: dict[str, list[WatchEntry]] = defaultdict(list)
    for entry in entries:
        by_host[urlsplit(entry.url).netloc.lower()].append(entry)
    if not by_host:
        return
    done: queue.Queue[tuple[str, FetchResult] | BaseException | None] = queue.Queue()
    stop = threading.Event()

    def run_host(group: list[WatchEntry]) -> None:
        try:
            for entry in group:
                if stop.is_set():
                    break
                polite = fetcher
                if entry.ignore_robots or ignore_robots:
                    polite = PoliteFetcher(timeout=fetcher.timeout, attempts=fetcher.attempts,
                                           backoff=fetcher.backoff, max_wait=fetcher.max_wait,
                                           respect_robots=False, delay=fetcher.delay, sleep=fetcher.sleep)
                done.put((entry.id, polite.fetch_result(entry.url)))
        except BaseException as err:  # handed to the consuming thread, which re-raises it
            done.put(err)
        finally:
            done.put(None)

    pool = ThreadPoolExecutor(max_workers=min(MAX_HOSTS, len(by_host)), thread_name_prefix="watch-host")
    try:
        for group in by_host.values():
            pool.submit(run_host, group)
        running = len(by_host)
        while running:
            item = done.get()
            if item is None:
                running -= 1
            elif isinstance(item, BaseException):
                raise item
            else:
                yield item
    finally:
        stop.set()
        pool.shutdown(wait=True, cancel_futures=True)


def fetch_all(entries: list[WatchEntry], fetcher: PoliteFetcher,
              ignore_robots: bool = False) -> dict[str, FetchResult]:
    """Results by notice id: hosts in parallel, one connection per host."""
    return dict(iter_fetch(entries, fetcher, ignore_robots))


class WatchRun:
    """One run over a watchlist; `run()` returns the Watch JSON (SPEC section 5) and `failed` says exit 3."""

    def __init__(self, watchlist: str | Path, store: str | Path, *, fetcher: PoliteFetcher | None = None,
                 ignore_robots: bool = False, browser_timeout: float = 60.0) -> None:
        self.watchlist = Path(watchlist)
        self.browser_timeout = browser_timeout
        self.store_path = Path(store)
        self.fetcher = fetcher or PoliteFetcher()
        self.ignore_robots = ignore_robots
        self.failed = 0
        from notice_check.extraction.pipeline import extractor_version

        self.extractor_version = extractor_version()

    # ------------------------------------------------------------------ public

    def run(self, progress: Callable[[int, int], None] | None = None) -> dict[str, Any]:
        """Fetch, store and compare every notice; `progress(done, total)` is called per notice read."""
        started = _iso()
        entries = load_watchlist(self.watchlist)
        manifests = self._load_manifests(entries)  # a broken manifest stops the run before any fetch
        by_id = {entry.id: entry for entry in entries}
        reports: dict[str, dict[str, Any]] = {}
        with Store(self.store_path) as store:
            # each notice is stored (its own transaction) as soon as it is fetched, not after the whole run
            for notice_id, fetched in iter_fetch(entries, self.fetcher, self.ignore_robots):
                entry = by_id[notice_id]
                reports[notice_id] = self._one(store, entry, fetched, manifests.get(notice_id), started)
                if progress is not None:
                    progress(len(reports), len(entries))
        return {
            "run": {"started": started, "finished": _iso(), "watchlist": str(self.watchlist),
                    "store": str(self.store_path), "extractor_version": self.extractor_version},
            "notices": [reports[entry.id] for entry in entries],  # watchlist order, whatever the fetch order
        }

    # ------------------------------------------------------------------ per notice

    def _load_manifests(self, entries: list[WatchEntry]) -> dict[str, _Checked]:
        from notice_check.manifest import load_manifest

        out: dict[str, _Checked] = {}
        base = self.watchlist.parent
        for entry in entries:
            path = entry.manifest_path(base)
            if path is None:
                continue
            manifest = load_manifest(path)
            out[entry.id] = _Checked(manifest, hashlib.sha256(path.read_bytes()).hexdigest(), str(path))
        return out

    def _one(self, store: Store, entry: WatchEntry, fetched: FetchResult, checked: _Checked | None,
             started: str) -> dict[str, Any]:
        attempt = Attempt(notice_id=entry.id, url=entry.url, outcome="failed", fetched_at=_iso(fetched.fetched_at),
                          run_started_at=started, tries=fetched.tries)
        if fetched.error is not None:
            return self._failure(store, entry, attempt, fetched.error, None)
        page = fetched.page
        assert page is not None
        attempt.final_url, attempt.http_status = page.final_url, page.status
        if entry.browser:
            try:
                page = render_page(page, timeout=self.browser_timeout)
            except FetchError as err:
                return self._failure(store, entry, attempt, err, (page.content, content_type_of(page)))
        try:
            try:
                with store.transaction():
                    return self._good(store, entry, page.content, content_type_of(page), attempt, checked)
            except InputError as err:
                if entry.browser or not needs_browser(err):
                    raise
                try:  # no text in the plain HTML: a page written by JavaScript, render it
                    page = render_page(page, timeout=self.browser_timeout)
                except FetchError as browser_err:
                    raise InputError(f"{err.message}; the headless browser could not help: {browser_err.message}",
                                     source=err.source) from None
                with store.transaction():
                    return self._good(store, entry, page.content, content_type_of(page), attempt, checked)
        except NoticeCheckError as err:  # the page is there but unreadable (empty, binary, ...): keep the bytes
            return self._failure(store, entry, attempt, err, (page.content, content_type_of(page)))
        except Exception as err:  # a bug on one page must not lose the other notices of the run
            internal = NoticeCheckError(f"internal error: {type(err).__name__}: {err}", source=entry.url)
            return self._failure(store, entry, attempt, internal, (page.content, content_type_of(page)),
                                 "internal")

    def _failure(self, store: Store, entry: WatchEntry, attempt: Attempt, err: NoticeCheckError,
                 raw: tuple[bytes, str] | None, kind: str = "input") -> dict[str, Any]:
        self.failed += 1
        attempt.outcome = "failed"
        attempt.error_kind = err.kind if isinstance(err, FetchError) else kind
        attempt.error = err.message
        if isinstance(err, FetchError) and err.status is not None:
            attempt.http_status = err.status
        with store.transaction():
            store.upsert_notice(entry.id, entry.url, entry.model_dump())
            if raw is not None:
                attempt.snapshot_sha256 = store.put_snapshot(*raw)
            store.record_attempt(attempt)
        current = store.current_version(entry.id)
        return {"id": entry.id, "status": "failed", "error": str(err), "error_kind": attempt.error_kind,
                "http_status": attempt.http_status, "tries": attempt.tries,
                "version": str(current.id) if current else None, "diff": None, "findings": None, "warnings": []}

    def _extract(self, store: Store, entry: WatchEntry, version: VersionRow,
                 document: Document | None = None) -> list[Assertion]:
        """The version's assertions with today's extractor, read now (and stored) when missing."""
        from notice_check.extraction import extract

        cached = store.assertions(version.id, self.extractor_version)
        if cached is not None:
            return cached
        if document is None:
            raw = store.snapshot(version.snapshot_sha256) or b""
            document = read_page(entry.url, raw, store.snapshot_type(version.snapshot_sha256), select=entry.select,
                                 remove=entry.remove)
        error = None
        try:
            assertions = extract(document)
        except UnsupportedLanguageError as err:
            assertions, error = [], err.message
        store.put_assertions(version.id, self.extractor_version, assertions, error)
        return assertions

    def _findings(self, store: Store, version: VersionRow, assertions: list[Assertion],
                  checked: _Checked) -> tuple[list[Finding], list[Finding] | None]:
        """(findings now, findings of the last check stored for this notice before this one)."""
        from notice_check.comparison import compare
        from notice_check.models import Finding

        row = store.db.execute(
            "SELECT c.findings FROM checks c JOIN versions v ON v.id = c.version_id WHERE v.notice_id = ? "
            "ORDER BY c.rowid DESC LIMIT 1", (version.notice_id,)).fetchone()
        before = [Finding.model_validate(f) for f in json.loads(row[0])] if row else None
        findings = store.check(version.id, self.extractor_version, checked.sha256)
        if findings is None:
            findings = compare(assertions, checked.manifest)
        store.put_check(version.id, self.extractor_version, checked.sha256, checked.path, findings)
        return findings, before

    def _good(self, store: Store, entry: WatchEntry, content: bytes, content_type: str, attempt: Attempt,
              checked: _Checked | None) -> dict[str, Any]:
        from notice_check.diff import diff_documents

        store.upsert_notice(entry.id, entry.url, entry.model_dump())
        attempt.snapshot_sha256 = store.put_snapshot(content, content_type)
        document = read_page(entry.url, content, content_type, select=entry.select, remove=entry.remove)
        norm = normalised_sha256(document.text)
        previous = store.current_version(entry.id)
        seen = store.find_version(entry.id, norm)
        warnings: list[str] = []
        if entry.language and document.language != entry.language:
            warnings.append(f"language is {document.language}, the watchlist expects {entry.language}")
        diff = None
        if seen is not None:
            version = seen
            status = "unchanged"
            if previous is not None and previous.id != seen.id:
                warnings.append(f"same text as version {seen.id}, seen before (A/B or reverted page)")
            assertions = self._extract(store, entry, version)
        else:
            version_id = store.add_version(entry.id, attempt.snapshot_sha256, document, norm, self.extractor_version)
            version = store.version(version_id)
            assert version is not None
            status = "new" if previous is None else "changed"
            assertions = self._extract(store, entry, version, document)
            if previous is not None:
                old_assertions = self._extract(store, entry, previous)
                diff = diff_documents(previous.document(f"{entry.id}@v{previous.id}"),
                                      version.document(f"{entry.id}@v{version.id}"), old_assertions, assertions)
                if diff["text"]["language_changed"]:
                    warnings.append(f"language switched {previous.language} -> {version.language}")
        store.set_current(entry.id, version.id)
        attempt.outcome = status
        attempt.version_id = version.id
        store.record_attempt(attempt)
        findings = None
        if checked is not None:
            now, before = self._findings(store, version, assertions, checked)
            old_ids = {f.id for f in before or []}
            new_ids = {f.id for f in now}
            findings = {
                "new": [f.model_dump(mode="json") for f in now if f.id not in old_ids],
                "resolved": [f.model_dump(mode="json") for f in before or [] if f.id not in new_ids],
                "summary": _summary(now),
            }
        return {"id": entry.id, "status": status, "error": None, "error_kind": None,
                "http_status": attempt.http_status, "tries": attempt.tries, "version": str(version.id),
                "diff": diff, "findings": findings, "warnings": warnings}


def _summary(findings: list[Finding]) -> dict[str, int]:
    from notice_check.comparison import summarize

    return summarize(findings)
