"""Options shared by several commands (same names, same help everywhere) and the output plumbing."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path
from typing import Annotated, Literal

import typer

from notice_check.errors import NoticeCheckError

NoticeArg = Annotated[
    str,
    typer.Argument(
        metavar="NOTICE",
        help="The notice: a file (.html, .htm, .md, .txt, .docx, .pdf), an http(s):// URL, or - for standard input.",
        show_default=False,
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write the report to FILE (atomically: readers never see half a file), not standard output.",
        dir_okay=False,
        show_default=False,
    ),
]
ManifestOpt = Annotated[
    Path,
    typer.Option(
        "--manifest",
        "-m",
        metavar="MANIFEST",
        help="The infrastructure manifest (YAML or JSON) to judge the notice against.",
        show_default=False,
    ),
]
FailOn = Literal["contradicted", "undisclosed", "vague", "none"]
FailOnOpt = Annotated[
    FailOn,
    typer.Option(
        "--fail-on",
        help="Exit with code 1 when a finding is at or above this level "
        "(contradicted < undisclosed < vague; none never fails).",
        case_sensitive=False,
    ),
]


class OutputError(NoticeCheckError):
    """The report could not be written where the user asked (bad input: exit 2)."""


def read_notice(notice: str) -> tuple[str, bytes | None]:
    """`-` means standard input: read it here, at the edge, so the library never touches sys.stdin."""
    if notice == "-":
        return "-", sys.stdin.buffer.read()
    return notice, None


def use_color(output: Path | None) -> bool:
    """Colours only for a person at a terminal; NO_COLOR (no-color.org) and TERM=dumb turn them off."""
    if output is not None and str(output) != "-":
        return False
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return sys.stdout.isatty()


def emit(text: str, output: Path | None) -> None:
    """Data goes to standard output, or replaces FILE in one rename: a reader never sees a partial report."""
    if output is None or str(output) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    target = output.expanduser()
    directory = target.parent
    tmp_name = None
    try:
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=directory, prefix=f".{target.name}.", suffix=".tmp", delete=False
        ) as tmp:
            tmp_name = tmp.name
            tmp.write(text)
            tmp.flush()
            os.fsync(tmp.fileno())
            os.chmod(tmp_name, _file_mode(target))
        os.replace(tmp_name, target)
        tmp_name = None
    except OSError as err:
        raise OutputError(f"cannot write the report: {err.strerror or err}", source=str(output)) from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def _file_mode(target: Path) -> int:
    """Keep an existing file's mode; give a new one the usual umask mode instead of mkstemp's 0600."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def note(message: str) -> None:
    """A diagnostic for the person running the command: standard error, never mixed with the data."""
    sys.stderr.write(message + "\n")
