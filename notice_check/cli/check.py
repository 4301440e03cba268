"""`notice-check check`: judge a notice's assertions against a manifest; the main job."""

from __future__ import annotations

from typing import Annotated, Literal

import typer

from notice_check.cli.options import (
    FailOnOpt,
    ManifestOpt,
    NoticeArg,
    OutputOpt,
    emit,
    note,
    read_notice,
    use_color,
)

CheckFormat = Literal["text", "json", "jsonl", "markdown", "sarif", "html"]


def check_command(
    notice: NoticeArg,
    manifest: ManifestOpt,
    fmt: Annotated[
        CheckFormat,
        typer.Option(
            "--format",
            "-f",
            help="text for people, json (SPEC §4), jsonl (one finding a line), markdown, "
            "or sarif (SARIF 2.1.0 for code scanning); html is planned.",
        ),
    ] = "text",
    output: OutputOpt = None,
    fail_on: FailOnOpt = "contradicted",
) -> None:
    """Check what a privacy notice says against where the data really is (a manifest).

    Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 bad usage or bad input.

    Examples:

        notice-check check privacy.md --manifest manifest.yaml

        notice-check check https://example.com/privacy -m m.yaml -f json

        notice-check check privacy.html -m m.yaml -f markdown -o report.md

        notice-check check privacy.html -m m.yaml -f sarif -o notice.sarif

        notice-check check privacy.html -m m.yaml --fail-on undisclosed
    """
    from notice_check import api
    from notice_check.reports import CHECK_FORMATS, ensure_format, render_check
    from notice_check.reports.text import summary_line

    ensure_format(fmt, CHECK_FORMATS)  # before the model loads: a typo should not cost seconds
    source, data = read_notice(notice)
    result = api.check(source, manifest, data=data)
    notice_text = _notice_as_written(source, data) if fmt == "sarif" else None
    emit(render_check(result, fmt, color=use_color(output), notice_text=notice_text), output)
    if output is not None and str(output) != "-":
        note(f"wrote {output}: {summary_line(result.summary)}")
    if result.fails(fail_on.lower()):
        raise typer.Exit(1)


def _notice_as_written(source: str, data: bytes | None) -> str | None:
    """The notice file's own text, so SARIF lines and columns point into it (None for URLs)."""
    from pathlib import Path

    from notice_check.document import decode

    if data is None:
        if source.lower().startswith(("http://", "https://")):
            return None
        data = Path(source).read_bytes()
    return decode(data, source=source)
