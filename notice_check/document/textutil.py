"""Whitespace and invisible-character normalisation shared by the readers."""

from __future__ import annotations

import re

_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad\u200e\u200f]")
_WS = re.compile(r"\s+")
# Scripts written without spaces: a source line break between two such characters is not a space.
_CJK = "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_GAP = re.compile(f"(?<=[{_CJK}]) (?=[{_CJK}])")
_SPACE_BEFORE_PUNCT = re.compile(r" (?=[.,](?:\s|$))")
_SPACE_AFTER_OPEN = re.compile(r"(?<=\() ")
_SPACE_BEFORE_CLOSE = re.compile(r" (?=\))")


def clean_inline(text: str) -> str:
    """One line of readable text: invisible characters dropped, whitespace runs collapsed.

    Inline markup in the source ("in <b>Japan</b> .", a line break inside a Japanese sentence)
    leaves stray spaces that a reader never sees; they are removed so that offsets quote clean text.
    """
    text = _INVISIBLE.sub("", text)
    text = _WS.sub(" ", text).strip()
    if not text:
        return text
    text = _CJK_GAP.sub("", text)
    text = _SPACE_BEFORE_PUNCT.sub("", text)
    text = _SPACE_AFTER_OPEN.sub("", text)
    return _SPACE_BEFORE_CLOSE.sub("", text)
