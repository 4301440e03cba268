"""Assertions shared by the CLI tests (a plain module: conftest.py is not for importing)."""

from __future__ import annotations


def one_error_line(stderr: str) -> str:
    """Bad input must give exactly one line on stderr, prefixed "error: ", and never a traceback."""
    assert "Traceback" not in stderr, stderr
    lines = stderr.strip("\n").splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got:\n{stderr}"
    assert lines[0].startswith("error: "), lines[0]
    return lines[0]
