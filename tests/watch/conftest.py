"""Fixtures for the watch tests: a live local site (see watch_server.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from watch_server import Site, serve


@pytest.fixture
def site() -> Iterator[Site]:
    with serve() as live:
        yield live
