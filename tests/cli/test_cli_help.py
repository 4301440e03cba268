"""Help and version: fast, complete, and honest about what exists."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

COMMANDS = ("extract", "check", "manifest", "version")
NOT_YET = ("fetch", "watch", "diff", "import")


def test_help_lists_the_commands_and_only_those(runner, app):
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in COMMANDS:
        assert command in result.stdout
    for command in NOT_YET:
        assert f" {command} " not in result.stdout


@pytest.mark.parametrize(
    "args",
    [["extract", "--help"], ["check", "--help"], ["manifest", "validate", "--help"], ["version", "--help"]],
)
def test_every_command_help_shows_an_example(runner, app, args):
    result = runner.invoke(app, args)
    assert result.exit_code == 0
    assert "Example" in result.stdout
    assert f"notice-check {args[0]}" in result.stdout


def test_check_help_lists_formats_and_fail_on_levels(runner, app):
    out = runner.invoke(app, ["check", "--help"]).stdout
    for word in ("--manifest", "--format", "--output", "--fail-on", "markdown", "undisclosed", "none"):
        assert word in out


def test_version(runner, app):
    from notice_check import __version__

    result = runner.invoke(app, ["version"])
    assert result.exit_code == 0
    assert result.stdout == f"notice-check {__version__}\n"


def test_no_arguments_shows_help_and_exits_2(runner, app):
    result = runner.invoke(app, [])
    assert result.exit_code == 2
    assert "Usage" in result.output


def test_installed_script_answers_help_fast(script, clean_env):
    started = time.perf_counter()
    proc = subprocess.run([script, "--help"], capture_output=True, text=True, env=clean_env, timeout=30)
    elapsed = time.perf_counter() - started
    assert proc.returncode == 0, proc.stderr
    assert "check" in proc.stdout and "extract" in proc.stdout
    assert elapsed < 1.5, f"notice-check --help took {elapsed:.2f}s"


def test_cli_and_package_imports_do_not_load_spacy(clean_env):
    """The reason --help is fast: spaCy and the stages load inside the commands that need them."""
    code = (
        "import sys, notice_check, notice_check.cli.app;"
        "heavy = ('spacy', 'notice_check.extraction', 'notice_check.api');"
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=clean_env, timeout=30
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_python_dash_m_runs_the_same_cli(clean_env):
    proc = subprocess.run(
        [sys.executable, "-m", "notice_check", "version"],
        capture_output=True,
        text=True,
        env=clean_env,
        timeout=30,
    )
    assert proc.returncode == 0 and proc.stdout.startswith("notice-check ")
