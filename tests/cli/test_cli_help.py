"""Help and version: fast, complete, and honest about what exists."""

from __future__ import annotations

import subprocess
import sys

COMMANDS = ("extract", "check", "manifest", "version")


def _leaf_commands(group, path=()):
    """Every runnable command path of the app: ("check",), ("manifest", "validate"), ..."""
    import typer

    command = typer.main.get_command(group) if isinstance(group, typer.Typer) else group
    for name, sub in sorted(command.commands.items()):
        if hasattr(sub, "commands"):
            yield from _leaf_commands(sub, (*path, name))
        else:
            yield (*path, name)


def test_help_lists_the_commands(runner, app):
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in COMMANDS:
        assert command in result.stdout


def test_every_command_help_shows_an_example(runner, app):
    """Docs are enforced: each command's --help ends with at least one runnable example."""
    missing = []
    for path in _leaf_commands(app):
        result = runner.invoke(app, [*path, "--help"])
        assert result.exit_code == 0, (path, result.output)
        prose = result.stdout.split("╭", 1)[0]  # the docstring part, above the option panels
        if "Example" not in prose or f"notice-check {path[0]}" not in prose:
            missing.append(" ".join(path))
    assert not missing, f"commands whose --help has no 'Example:' with a notice-check command line: {missing}"


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


def test_installed_script_answers_help(script, clean_env):
    # how fast: `bench/speed.py --check-cli` (0.2 s); why it is fast is the next test: no spaCy on import
    proc = subprocess.run([script, "--help"], capture_output=True, text=True, env=clean_env, timeout=30)
    assert proc.returncode == 0, proc.stderr
    assert "check" in proc.stdout and "extract" in proc.stdout


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
