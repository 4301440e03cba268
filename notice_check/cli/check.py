"""`notice-check check`: judge a notice's assertions against a manifest; the main job."""

from __future__ import annotations

from pathlib import Path
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
from notice_check.cli.progress import progress_bar

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
            "sarif (SARIF 2.1.0 for code scanning) or html (one self-contained page).",
        ),
    ] = "text",
    output: OutputOpt = None,
    fail_on: FailOnOpt = "contradicted",
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline",
            metavar="FILE",
            help="A previous json, jsonl or sarif output of check: report (and fail on) only the findings "
            "that are not in it.",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check what a privacy notice says against where the data really is (a manifest).

    Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 bad usage or bad input.

    Examples:

        notice-check check privacy.md --manifest manifest.yaml

        notice-check check https://example.com/privacy -m m.yaml -f json

        notice-check check privacy.html -m m.yaml -f markdown -o report.md

        notice-check check privacy.html -m m.yaml -f sarif -o notice.sarif

        notice-check check privacy.html -m m.yaml --fail-on undisclosed

        notice-check check privacy.docx -m m.yaml -f html -o report.html

        notice-check check privacy.pdf -m m.yaml --baseline last-run.json
    """
    from notice_check import api
    from notice_check.reports import CHECK_FORMATS, ensure_format, render_check
    from notice_check.reports.baseline import load_baseline, without_baseline
    from notice_check.reports.text import summary_line

    ensure_format(fmt, CHECK_FORMATS)  # before the model loads: a typo should not cost seconds
    known = load_baseline(baseline) if baseline is not None else None  # a bad baseline fails fast too
    source, data = read_notice(notice)
    with progress_bar("reading the notice") as progress:
        result = api.check(source, manifest, data=data, progress=progress)
    if known is not None:
        result, hidden = without_baseline(result, known)
        note(f"baseline {baseline}: {hidden} known finding{'s' if hidden != 1 else ''} left out")
    notice_text = _notice_as_written(source, data) if fmt == "sarif" else None
    emit(render_check(result, fmt, color=use_color(output), notice_text=notice_text), output)
    if output is not None and str(output) != "-":
        note(f"wrote {output}: {summary_line(result.summary)}")
    if result.fails(fail_on.lower()):
        raise typer.Exit(1)


def _notice_as_written(source: str, data: bytes | None) -> str | None:
    """The notice file's own text, so SARIF lines and columns point into it (None for URLs, .docx, .pdf)."""
    from notice_check.document import decode
    from notice_check.document.loader import sniff_binary

    if data is None:
        if source.lower().startswith(("http://", "https://")) or Path(source).suffix.lower() in (".docx", ".pdf"):
            return None  # a Word or PDF file has no text lines to point into: the cleaned text is used
        data = Path(source).read_bytes()
    if sniff_binary(data):
        return None
    return decode(data, source=source)
