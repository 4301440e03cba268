"""A progress bar on standard error for long runs, only for a person at a terminal.

The library reports progress through a plain callback `(done, total)`; this module turns it into a rich
progress bar when standard error is a terminal and the run is not in CI (CI, NO_COLOR-style quiet is the
default everywhere else), and into nothing otherwise.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Progress = Callable[[int, int], None]
MIN_TOTAL = 200  # below this (sentences, notices) a run is short: no bar


def wanted(stream=None) -> bool:  # noqa: ANN001 - a text stream
    stream = stream or sys.stderr
    if os.environ.get("CI") or os.environ.get("NOTICE_CHECK_NO_PROGRESS"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


@contextmanager
def progress_bar(label: str) -> Iterator[Progress | None]:
    """Yield a callback that draws a bar on stderr, or None when nobody is watching."""
    if not wanted():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TimeRemainingColumn
    from rich.progress import Progress as RichProgress

    bar = RichProgress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                       TimeRemainingColumn(), console=Console(stderr=True), transient=True)
    task = None

    def update(done: int, total: int) -> None:
        nonlocal task
        if total < MIN_TOTAL:
            return
        if task is None:
            bar.start()
            task = bar.add_task(label, total=total)
        bar.update(task, completed=done, total=total)

    try:
        yield update
    finally:
        if task is not None:
            bar.stop()
