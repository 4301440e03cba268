"""Render results for people (text, Markdown) and for programs (JSON, JSON Lines).

Renderers are pure: they take an `ExtractionResult` or `CheckResult` and return a string; the CLI decides
where it goes and whether the terminal gets colours. JSON follows SPEC sections 2 and 4.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from notice_check.errors import NoticeCheckError

if TYPE_CHECKING:
    from notice_check.api import CheckResult, ExtractionResult

EXTRACT_FORMATS: tuple[str, ...] = ("text", "json", "jsonl")
CHECK_FORMATS: tuple[str, ...] = ("text", "json", "jsonl", "markdown", "sarif", "html")
PLANNED_CHECK_FORMATS: tuple[str, ...] = ()
"""Formats the SPEC promises for `check` that are not written yet: accepted by the parser, refused with a
clear message rather than an "invalid choice" that would suggest a typo."""


class UnsupportedFormatError(NoticeCheckError):
    """An output format this version cannot write (bad usage: exit 2)."""


def ensure_format(fmt: str, available: tuple[str, ...]) -> None:
    """Refuse a format before any work is done, so a typo does not cost a model load."""
    if fmt in available:
        return
    if fmt in PLANNED_CHECK_FORMATS:
        raise UnsupportedFormatError(f"format '{fmt}' is not available yet (available: {', '.join(available)})")
    raise UnsupportedFormatError(f"unknown format '{fmt}' (available: {', '.join(available)})")


def render_extraction(result: ExtractionResult, fmt: str = "text", *, color: bool = False) -> str:
    """The assertions of one notice as `fmt` (text, json or jsonl); `color` adds ANSI styles to text."""
    ensure_format(fmt, EXTRACT_FORMATS)
    if fmt == "text":
        from notice_check.reports.text import extraction_text

        return extraction_text(result, color=color)
    from notice_check.reports import data

    return data.extraction_json(result) if fmt == "json" else data.extraction_jsonl(result)


def render_check(result: CheckResult, fmt: str = "text", *, color: bool = False, notice_text: str | None = None) -> str:
    """The findings of a check as `fmt` (text, json, jsonl, markdown, sarif or html).

    `color` adds ANSI styles to text; `notice_text` (the notice file as written) lets SARIF give the line
    and column of each sentence in the file rather than in the cleaned text.
    """
    ensure_format(fmt, CHECK_FORMATS)
    if fmt == "text":
        from notice_check.reports.text import check_text

        return check_text(result, color=color)
    if fmt == "markdown":
        from notice_check.reports.markdown import check_markdown

        return check_markdown(result)
    if fmt == "sarif":
        from notice_check.reports.sarif import check_sarif

        return check_sarif(result, notice_text=notice_text)
    if fmt == "html":
        from notice_check.reports.html import check_html

        return check_html(result)
    from notice_check.reports import data

    return data.check_json(result) if fmt == "json" else data.check_jsonl(result)


__all__ = [
    "CHECK_FORMATS",
    "EXTRACT_FORMATS",
    "UnsupportedFormatError",
    "ensure_format",
    "render_check",
    "render_extraction",
]
