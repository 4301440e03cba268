"""`manifest validate`: counts for a good manifest, every problem (file:line) for a bad one."""

from __future__ import annotations

import re

from cli_support import one_error_line


def test_valid_manifest_prints_counts_per_section(runner, app, fixtures):
    path = fixtures / "manifest.yaml"
    result = runner.invoke(app, ["manifest", "validate", str(path)])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    line = result.stdout.strip()
    assert line.startswith(f"{path}: valid (Example Messaging Corp.): ")
    assert "1 entities" in line and "2 locations" in line and "2 stores" in line and "0 accesses" in line


def test_every_problem_is_listed_one_per_line(runner, app, tmp_path):
    path = tmp_path / "two-problems.yaml"
    path.write_text(
        "manifest_version: 1\n"
        "organization: {name: Example}\n"
        "locations:\n"
        "  - {key: jp_dc, country: JP}\n"
        "stores:\n"
        "  - key: accounts\n"
        "    location: nowhere\n"
        "  - key: media\n"
        "    location: jp_dc\n"
        "    retention: thirty days\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["manifest", "validate", str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert "Traceback" not in result.stderr
    assert len(lines) >= 2, result.stderr
    assert all(line.startswith(f"error: {path}:") for line in lines)
    assert any("nowhere" in line and re.search(r":(6|7):", line) for line in lines)
    assert any("thirty days" in line and ":10:" in line for line in lines)


def test_broken_yaml_is_one_line_with_its_line_number(runner, app, fixtures):
    result = runner.invoke(app, ["manifest", "validate", str(fixtures / "manifest-broken.yaml")])
    assert result.exit_code == 2
    assert re.search(r"manifest-broken\.yaml:\d+: ", one_error_line(result.stderr))


def test_missing_manifest(runner, app, tmp_path):
    result = runner.invoke(app, ["manifest", "validate", str(tmp_path / "none.yaml")])
    assert result.exit_code == 2
    assert "none.yaml" in one_error_line(result.stderr)


def test_manifest_group_without_subcommand_shows_help(runner, app):
    result = runner.invoke(app, ["manifest"])
    assert result.exit_code == 2
    assert "validate" in result.output
