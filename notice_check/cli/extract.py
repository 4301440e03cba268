"""`notice-check extract`: the assertions a notice makes, without judging them."""

from __future__ import annotations

import json
from typing import Annotated, Literal

import typer

from notice_check.cli.options import OutputOpt, emit, note, read_notice, use_color
from notice_check.cli.progress import progress_bar
from notice_check.errors import NoticeCheckError

ExtractFormat = Literal["text", "json", "jsonl"]
EXIT_PARTIAL = 3


def extract_command(
    notices: Annotated[
        list[str],
        typer.Argument(
            metavar="NOTICE",
            help="One or more notices: files (.html, .htm, .md, .txt, .docx, .pdf), http(s):// URLs, or - for "
            "standard input.",
            show_default=False,
        ),
    ],
    fmt: Annotated[
        ExtractFormat,
        typer.Option("--format", "-f", help="text for people, json (SPEC §2) or jsonl (one assertion a line)."),
    ] = "text",
    jobs: Annotated[
        int,
        typer.Option("--jobs", "-j", min=1, help="Processes for parsing when several notices are given."),
    ] = 1,
    output: OutputOpt = None,
) -> None:
    """Extract the structured assertions a privacy notice makes (storage, transfer, sharing, ...).

    One sentence may carry several assertions; each cites its sentence, offsets and section.
    Several notices are read as one batch: sentences they share (versions of one notice, a common template)
    are parsed once. With several notices, json is a list of per-notice results and each jsonl line names
    its notice; a notice that cannot be read is reported on stderr and the rest is still written (exit 3).

    Examples:

        notice-check extract privacy.html

        notice-check extract https://example.com/privacy -f json -o out.json

        curl -s https://example.com/privacy | notice-check extract - -f jsonl

        notice-check extract archive/*.md -f jsonl -j 2 -o claims.jsonl
    """
    from notice_check import api
    from notice_check.extraction.extractor import check_language
    from notice_check.reports import render_extraction

    if len(notices) == 1:
        source, data = read_notice(notices[0])
        with progress_bar("reading the notice") as progress:
            result = api.extract(source, data=data, progress=progress)
        emit(render_extraction(result, fmt, color=use_color(output)), output)
        if output is not None and str(output) != "-":
            note(f"wrote {output}: {len(result.assertions)} assertions")
        return

    if notices.count("-") > 1:
        raise typer.BadParameter("standard input (-) can be read only once", param_hint="NOTICE")
    documents, failed = [], 0
    for notice in notices:
        source, data = read_notice(notice)
        try:
            document = api.load_notice(source, data=data)
            check_language(document)
        except NoticeCheckError as err:
            note(f"error: {' '.join(str(err).split())}")
            failed += 1
            continue
        documents.append(document)
    if not documents:
        raise typer.Exit(2)
    with progress_bar(f"reading {len(documents)} notices") as progress:
        results = api.extract_many(documents, jobs=jobs, progress=progress)
    emit(_render_many(results, fmt, color=use_color(output)), output)
    if output is not None and str(output) != "-":
        note(f"wrote {output}: {sum(len(r.assertions) for r in results)} assertions from {len(results)} notices")
    if failed:
        raise typer.Exit(EXIT_PARTIAL)


def _render_many(results: list, fmt: str, *, color: bool) -> str:
    from notice_check.reports import render_extraction

    if fmt == "json":
        return "[\n" + ",\n".join(render_extraction(r, "json").rstrip("\n") for r in results) + "\n]\n"
    if fmt == "jsonl":
        lines = []
        for r in results:
            for line in render_extraction(r, "jsonl").splitlines():
                lines.append(json.dumps({"notice": r.document.source, **json.loads(line)}, ensure_ascii=False))
        return "".join(line + "\n" for line in lines)
    return "\n".join(render_extraction(r, "text", color=color) for r in results)
