"""`notice-check diff`: what changed between two versions of a notice, in its text and in its claims."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from notice_check.cli.options import OutputOpt, emit

DiffFormat = Literal["text", "json", "markdown"]


def _load(source: str, store: Path | None):  # -> (Document, list[Assertion])
    """A file, a URL, or (with --store) a stored version id such as 12 or v12."""
    from notice_check import api

    ref = source[1:] if source.lower().startswith("v") else source
    if store is not None and ref.isdigit():
        from notice_check.store import Store

        with Store(store) as db:
            return db.load_version(int(ref))
    result = api.extract(source)
    return result.document, result.assertions


def diff_command(
    old: Annotated[str, typer.Argument(metavar="OLD", help="The older version: a file, an http(s):// URL, "
                                                           "or a stored version id (with --store).",
                                       show_default=False)],
    new: Annotated[str, typer.Argument(metavar="NEW", help="The newer version (same kinds as OLD).",
                                       show_default=False)],
    fmt: Annotated[
        DiffFormat,
        typer.Option("--format", "-f", help="text for people, json (SPEC Diff JSON) or markdown."),
    ] = "text",
    store: Annotated[
        Path | None,
        typer.Option("--store", metavar="DB", help="The watch store, to diff stored versions by id.",
                     dir_okay=False, show_default=False),
    ] = None,
    output: OutputOpt = None,
) -> None:
    """Show the text diff and the assertion diff (added, removed, changed claims) of two notice versions.

    Examples:

        notice-check diff privacy-2023.html privacy-2024.html

        notice-check diff old.md https://example.com/privacy -f json

        notice-check diff 3 7 --store watch.db -f markdown
    """
    from notice_check.diff import diff_documents, render_diff

    old_doc, old_claims = _load(old, store)
    new_doc, new_claims = _load(new, store)
    emit(render_diff(diff_documents(old_doc, new_doc, old_claims, new_claims), fmt), output)
