"""The code base stays `ruff check` clean (pyproject's rules): a lint failure fails the suite, in CI too."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_ruff_check_is_clean():
    paths = [p for p in ("notice_check", "tests", "bench") if (ROOT / p).exists()]
    proc = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", *paths],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, f"ruff check {' '.join(paths)} failed:\n{proc.stdout}{proc.stderr}"


def _fenced_command(readme: str, heading: str) -> str:
    """The single shell command in the first ```sh block under `heading`."""
    section = readme.split(f"\n{heading}\n", 1)[1]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    lines = [line for line in block.splitlines() if line.strip()]
    assert len(lines) == 1, f"{heading} must hold ONE command, found {lines}"
    return lines[0]


def test_ci_runs_exactly_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = _fenced_command(readme, "## Tests")
    assert command == (
        "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest"
    )
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert command in ci.splitlines(), ".ci/run must run the README's test command verbatim"
    assert ci.startswith("#!/usr/bin/env bash") and "set -euo pipefail" in ci
    assert (ROOT / ".ci" / "run").stat().st_mode & 0o111, ".ci/run must be executable"


def test_readme_install_command_uses_files_that_exist():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = _fenced_command(readme, "## Install & run")
    for word in command.split():
        if word.startswith("corpora/"):
            assert (ROOT / word).is_file(), f"README's run command names {word}, which does not exist"


def test_readme_explains_every_pinned_dependency():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = list(project["dependencies"]) + [d for ds in project["optional-dependencies"].values() for d in ds]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Dependencies and why", 1)[1].split("\n## ", 1)[0]
    missing = [pin for pin in pins if f"| `{pin}` |" not in table]
    assert not missing, f"README 'Dependencies and why' lacks a line for {missing}"


def test_no_control_characters_in_code_or_rules():
    """A "\\b" written in a non-raw string becomes a backspace: a pattern with one never matches (one did, from the
    first commit until 2026-12, in slots.is_exclusive). Code, rules and data must hold printable text only."""
    bad = []
    for path in sorted((ROOT / "notice_check").rglob("*")):
        if path.suffix in (".py", ".yml", ".yaml", ".json", ".txt", ".md") and path.is_file():
            text = path.read_text(encoding="utf-8")
            bad += [f"{path.relative_to(ROOT)}:{n}" for n, line in enumerate(text.splitlines(), 1)
                    if any(ord(c) < 32 and c != "\t" for c in line)]
    assert bad == []
