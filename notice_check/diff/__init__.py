"""Diff two versions of a notice: the text diff and the assertion diff (SPEC "Diff JSON").

    diff_documents(old, new, old_assertions, new_assertions) -> dict
    render_diff(diff, fmt) -> str       # text | json | markdown
"""

from notice_check.diff.core import assertion_key, diff_assertions, diff_documents, normalise_phrase, summarise_change
from notice_check.diff.render import render_diff

__all__ = [
    "assertion_key",
    "diff_assertions",
    "diff_documents",
    "normalise_phrase",
    "render_diff",
    "summarise_change",
]
