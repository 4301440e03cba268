"""`notice-check extract`: the assertions a notice makes, without judging them."""

from __future__ import annotations

from typing import Annotated, Literal

import typer

from notice_check.cli.options import NoticeArg, OutputOpt, emit, note, read_notice, use_color
from notice_check.cli.progress import progress_bar

ExtractFormat = Literal["text", "json", "jsonl"]


def extract_command(
    notice: NoticeArg,
    fmt: Annotated[
        ExtractFormat,
        typer.Option("--format", "-f", help="text for people, json (SPEC §2) or jsonl (one assertion a line)."),
    ] = "text",
    output: OutputOpt = None,
) -> None:
    """Extract the structured assertions a privacy notice makes (storage, transfer, sharing, ...).

    One sentence may carry several assertions; each cites its sentence, offsets and section.

    Examples:

        notice-check extract privacy.html

        notice-check extract https://example.com/privacy -f json -o out.json

        curl -s https://example.com/privacy | notice-check extract - -f jsonl
    """
    from notice_check import api
    from notice_check.reports import render_extraction

    source, data = read_notice(notice)
    with progress_bar("reading the notice") as progress:
        result = api.extract(source, data=data, progress=progress)
    emit(render_extraction(result, fmt, color=use_color(output)), output)
    if output is not None and str(output) != "-":
        note(f"wrote {output}: {len(result.assertions)} assertions")
