"""`notice-check watch` (the nightly job) and `notice-check history` (what the store saw of one notice)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Literal

import typer

from notice_check.cli.fetch import IgnoreRobotsOpt, RetriesOpt, TimeoutOpt
from notice_check.cli.options import OutputOpt, emit, note
from notice_check.cli.progress import progress_bar

WatchFormat = Literal["text", "json", "markdown"]
EXIT_PARTIAL = 3

StoreOpt = Annotated[
    Path,
    typer.Option("--store", metavar="DB", help="The SQLite store (created when missing).", dir_okay=False),
]


def watch_command(
    watchlist: Annotated[Path, typer.Argument(metavar="WATCHLIST", help="The watchlist (YAML, SPEC §5).",
                                              show_default=False)],
    store: StoreOpt = Path("notice-check.db"),
    fmt: Annotated[WatchFormat, typer.Option("--format", "-f", help="text, json (SPEC Watch JSON) or markdown.")
                   ] = "text",
    output: OutputOpt = None,
    ignore_robots: IgnoreRobotsOpt = False,
    timeout: TimeoutOpt = 30.0,
    retries: RetriesOpt = 2,
    backoff: Annotated[float, typer.Option("--backoff", min=0.0, help="First retry wait in seconds (doubles).")
                       ] = 1.0,
    delay: Annotated[float, typer.Option("--delay", min=0.0, help="Minimum seconds between requests to a host.")
                     ] = 1.0,
    atom: Annotated[Path | None, typer.Option(
        "--atom", metavar="FILE", dir_okay=False, show_default=False,
        help="Also write an Atom feed of changed, new and failed notices (keeps the feed's last 50 entries).")
    ] = None,
    webhook: Annotated[str | None, typer.Option(
        "--webhook", metavar="URL", show_default=False,
        help="POST the Watch JSON to URL after the run (a failure is a warning, not an error).")] = None,
) -> None:
    """Fetch every notice of a watchlist, keep each new version, diff it and re-check it.

    Per notice: new, unchanged, changed (text and assertion diff) or failed (with the error kind); with a
    manifest, the findings that are new or resolved. Exit 3 when some notices failed (the rest is saved).

    Examples:

        notice-check watch watchlist.yaml --store watch.db -f markdown -o digest.md

        notice-check watch watchlist.yaml --store watch.db --atom feed.xml --webhook https://hooks.example/nc
    """
    from notice_check.errors import FetchError
    from notice_check.watch import PoliteFetcher, WatchRun, render_watch
    from notice_check.watch.atom import build_atom
    from notice_check.watch.webhook import post_webhook

    fetcher = PoliteFetcher(timeout=timeout, attempts=retries + 1, backoff=backoff, delay=delay)
    run = WatchRun(watchlist, store, fetcher=fetcher, ignore_robots=ignore_robots)
    with progress_bar("watching notices") as progress:
        report = run.run(progress=progress)
    emit(render_watch(report, fmt), output)
    if atom is not None:
        target = atom.expanduser()
        emit(build_atom(report, target), target)
    if webhook:
        try:
            post_webhook(report, webhook)
        except FetchError as err:
            note(f"warning: {err}")
    if run.failed:
        raise typer.Exit(EXIT_PARTIAL)


def history_command(
    notice_id: Annotated[str, typer.Argument(metavar="ID", help="The notice id from the watchlist.",
                                             show_default=False)],
    store: StoreOpt = Path("notice-check.db"),
    fmt: Annotated[Literal["text", "json"], typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """List every fetch attempt of a notice: time, outcome, HTTP status, error and the version it saw.

    Examples:

        notice-check history example-privacy-en --store watch.db

        notice-check history example-privacy-en --store watch.db -f json
    """
    from notice_check.errors import InputError
    from notice_check.store import Store

    if not store.exists():
        raise InputError("no such store", source=str(store))
    with Store(store) as db:
        rows = db.history(notice_id)
    if not rows:
        raise InputError(f"no notice {notice_id!r} in the store", source=str(store))
    if fmt == "json":
        emit(json.dumps({"id": notice_id, "attempts": rows}, indent=2) + "\n", None)
        return
    lines = []
    for r in rows:
        what = f"version {r['version_id']}" if r["version_id"] else f"{r['error_kind']}: {r['error']}"
        status = f" HTTP {r['http_status']}" if r["http_status"] else ""
        lines.append(f"{r['fetched_at']}  {r['outcome']:<9} {what}{status}")
    emit("\n".join(lines) + "\n", None)
