"""Every bad input: exit 2 and one line on stderr naming the file and the problem, never a traceback."""

from __future__ import annotations

import re
import subprocess

import pytest
import typer
from cli_support import one_error_line
from typer.testing import CliRunner

from notice_check.cli.app import NoticeCheckGroup
from notice_check.errors import InputError


def test_missing_notice_file(runner, app, tmp_path):
    missing = tmp_path / "nope.md"
    result = runner.invoke(app, ["extract", str(missing)])
    assert result.exit_code == 2
    line = one_error_line(result.stderr)
    assert "nope.md" in line
    assert result.stdout == ""


def test_binary_notice(runner, app, fixtures):
    result = runner.invoke(app, ["extract", str(fixtures / "notice-binary.txt")])
    assert result.exit_code == 2
    assert "notice-binary.txt" in one_error_line(result.stderr)


def test_unsupported_extension(runner, app, fixtures):
    # Odd extensions holding plain text are sniffed by the loader (HTML, Markdown or text); a format it
    # cannot read (.rtf) must be refused by name, not decoded as text and misread.
    result = runner.invoke(app, ["extract", str(fixtures / "notice.rtf")])
    assert result.exit_code == 2
    line = one_error_line(result.stderr)
    assert "notice.rtf" in line and ".rtf" in line.replace("notice.rtf", "")
    assert result.stdout == ""


def test_broken_manifest_yaml_names_file_and_line(runner, app, fixtures):
    result = runner.invoke(
        app,
        [
            "check",
            str(fixtures / "notice-japan-only.md"),
            "--manifest",
            str(fixtures / "manifest-broken.yaml"),
        ],
    )
    assert result.exit_code == 2
    assert re.search(r"manifest-broken\.yaml:\d+", one_error_line(result.stderr))


def test_manifest_with_unknown_reference_names_key_and_line(runner, app, fixtures):
    path = fixtures / "manifest-unknown-ref.yaml"
    result = runner.invoke(app, ["check", str(fixtures / "notice-japan-only.md"), "-m", str(path)])
    assert result.exit_code == 2
    line = one_error_line(result.stderr)
    assert re.search(r"manifest-unknown-ref\.yaml:(9|10)\b", line)  # the record or its `location:` line
    assert "moon_base" in line


def test_missing_manifest_file(runner, app, fixtures, tmp_path):
    result = runner.invoke(
        app, ["check", str(fixtures / "notice-japan-only.md"), "-m", str(tmp_path / "m.yaml")]
    )
    assert result.exit_code == 2
    assert "m.yaml" in one_error_line(result.stderr)


def test_unsupported_language_is_refused_not_read_as_english(runner, app, fixtures):
    result = runner.invoke(app, ["extract", str(fixtures / "notice-de.md")])
    assert result.exit_code == 2
    line = one_error_line(result.stderr)
    assert "notice-de.md" in line and "de" in line.split("notice-de.md", 1)[1]
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["extract", "NOTICE", "--format", "xml"], "'xml' is not one of"),
        (["extract", "NOTICE", "--format", "markdown"], "'markdown' is not one of"),
        (["check", "NOTICE", "-m", "MANIFEST", "--format", "pdf"], "'pdf' is not one of"),
        (["check", "NOTICE", "-m", "MANIFEST", "--fail-on", "high"], "'high' is not one of"),
        (["check", "NOTICE"], "Missing option '--manifest'"),
        (["extract"], "Missing argument 'NOTICE'"),
        (["extract", "NOTICE", "--colour"], "No such option: --colour"),
        (["scrape", "https://example.com"], "No such command 'scrape'"),
    ],
)
def test_usage_errors_exit_2_with_one_line(runner, app, fixtures, args, fragment):
    args = [
        str(fixtures / "notice-japan-only.md")
        if a == "NOTICE"
        else str(fixtures / "manifest.yaml")
        if a == "MANIFEST"
        else a
        for a in args
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    line = one_error_line(result.stderr)
    assert fragment in line
    assert "--help" in line  # points to the help of the command that was misused


def test_html_format_is_accepted_and_the_notice_error_is_reported(runner, app, fixtures, tmp_path):
    # html used to be a planned format; it is now written, so the error is about the missing notice
    result = runner.invoke(
        app, ["check", str(tmp_path / "missing.md"), "-m", str(fixtures / "manifest.yaml"), "--format", "html"]
    )
    assert result.exit_code == 2
    line = one_error_line(result.stderr)
    assert "missing.md" in line and "not available" not in line


def test_output_into_missing_directory_is_bad_input(runner, app, fixtures, tmp_path):
    out = tmp_path / "no" / "such" / "dir" / "report.json"
    result = runner.invoke(
        app,
        [
            "check",
            str(fixtures / "notice-japan-only.md"),
            "-m",
            str(fixtures / "manifest.yaml"),
            "-f",
            "json",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 2
    assert "report.json" in one_error_line(result.stderr)


def test_installed_script_reports_bad_input_in_one_line(script, clean_env, tmp_path):
    proc = subprocess.run(
        [script, "extract", str(tmp_path / "missing.html")],
        capture_output=True,
        text=True,
        env=clean_env,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert proc.returncode == 2
    assert "missing.html" in one_error_line(proc.stderr)
    assert proc.stdout == ""


# --------------------------------------------------------------------------- the boundary itself


def _boundary_app() -> typer.Typer:
    """A throwaway app on the same group class: the boundary must hold for any command."""
    demo = typer.Typer(cls=NoticeCheckGroup, pretty_exceptions_enable=False)

    @demo.command()
    def crash(secret: str = "hunter2") -> None:
        raise KeyError("no such thing")

    @demo.command()
    def refuse() -> None:
        raise InputError("bad byte at offset 3", source="notice.txt")

    return demo


def test_a_bug_exits_70_with_one_line_and_no_traceback():
    result = CliRunner().invoke(_boundary_app(), ["crash"])
    assert result.exit_code == 70
    line = one_error_line(result.stderr)
    assert line == (
        "error: internal error: KeyError: 'no such thing' (run with NOTICE_CHECK_DEBUG=1 for a traceback)"
    )
    assert "hunter2" not in result.output


def test_debug_env_shows_the_traceback_but_no_locals():
    result = CliRunner().invoke(_boundary_app(), ["crash"], env={"NOTICE_CHECK_DEBUG": "1"})
    assert result.exit_code == 70
    assert "Traceback" in result.stderr and "KeyError" in result.stderr
    assert "hunter2" not in result.stderr
    assert result.stderr.rstrip().splitlines()[-1].startswith("error: internal error: KeyError")


def test_library_errors_become_their_one_line():
    result = CliRunner().invoke(_boundary_app(), ["refuse"])
    assert result.exit_code == 2
    assert one_error_line(result.stderr) == "error: notice.txt: bad byte at offset 3"
