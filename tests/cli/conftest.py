"""Fixtures for the CLI tests: the typer app, real notice and manifest files, and the installed script."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from notice_check.cli.app import app as cli_app

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def app():
    return cli_app


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def script() -> str:
    """The console script installed next to this interpreter (what users and CI run)."""
    candidate = Path(sys.executable).parent / "notice-check"
    found = str(candidate) if candidate.exists() else shutil.which("notice-check")
    if not found:
        pytest.fail("the notice-check console script is not installed: pip install -e .")
    return found


@pytest.fixture
def clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NOTICE_CHECK_DEBUG", "NO_COLOR")}
    env["PYTHONIOENCODING"] = "utf-8"
    return env
