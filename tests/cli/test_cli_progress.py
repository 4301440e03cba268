"""A progress bar on stderr for long runs at a terminal; nothing in CI or when stderr is a file."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(sys.executable).with_name("notice-check")


def _long_notice(tmp_path: Path) -> Path:
    lines = [f"We store record {i} of your account on servers in Japan for {i + 1} days." for i in range(260)]
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join(lines), encoding="utf-8")
    return path


def _run_with_terminal_stderr(args: list[str], env: dict[str, str]) -> tuple[int, str]:
    master, slave = pty.openpty()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=slave, stdin=subprocess.DEVNULL, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    code = proc.wait(timeout=120)
    os.close(master)
    return code, b"".join(chunks).decode("utf-8", errors="replace")


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "NOTICE_CHECK_NO_PROGRESS")}
    env.update(extra)
    return env


def test_progress_bar_at_a_terminal(tmp_path: Path) -> None:
    code, err = _run_with_terminal_stderr([str(SCRIPT), "extract", str(_long_notice(tmp_path))], _env())
    assert code == 0, err
    assert "reading the notice" in err


def test_no_progress_bar_in_ci(tmp_path: Path) -> None:
    code, err = _run_with_terminal_stderr([str(SCRIPT), "extract", str(_long_notice(tmp_path))], _env(CI="true"))
    assert code == 0, err
    assert "reading the notice" not in err


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    proc = subprocess.run([str(SCRIPT), "extract", str(_long_notice(tmp_path))], capture_output=True, text=True,
                          env=_env(), timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "reading the notice" not in proc.stderr
