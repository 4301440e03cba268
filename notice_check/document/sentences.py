"""A cheap rule-based sentence splitter that returns exact character spans.

spaCy's parser would split better but costs a model load and most of the run time; notices are
edited prose where a period, a space and a capital letter end a sentence except after a known
abbreviation, an initial or a list number. The abbreviation lists are data (data/abbreviations.yaml).
"""

from __future__ import annotations

import re
from functools import cache

from notice_check.document.resources import load_data

# Sentence-final punctuation and the closing quotes/brackets that belong to the sentence it ends.
_CLOSERS = "\"'”’»)]}」』）】〕"
_END = re.compile(rf"(?:[.!?]+|…+|[。！？]+)[{re.escape(_CLOSERS)}]*")
_CJK_END = "。！？"
_JA_PARTICLES = "とをのがはにもでやって"
_OPENERS = "\"'“‘«([{「『（【"
_DOTTED = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")  # U.S, e.g, S.A
_GLUED = re.compile(r"[a-z]{3}\.(?=[A-Z][a-z]{1,}\b)")  # "period.We": a sentence end whose space was lost
_ENUMERATOR = re.compile(r"^\(?(?:\d{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,5})\)?$")


@cache
def _abbreviations() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = load_data("abbreviations")

    def forms(words: list[str]) -> frozenset[str]:
        out = set(words)
        out.update(w[0].upper() + w[1:] for w in words if w[:1].islower())
        return frozenset(out)

    return forms(data["non_final"]), forms(data["maybe_final"]), frozenset(data["sentence_openers"])


def _raw_token_before(text: str, end: int) -> str:
    """The word that a period at `end` closes, with any leading quotes or brackets."""
    i = end
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    return text[i:end]


def _next_word(text: str, i: int) -> str:
    j = i
    while j < len(text) and text[j] in _OPENERS:
        j += 1
    k = j
    while k < len(text) and (text[k].isalnum() or text[k] in "-'’"):
        k += 1
    return text[j:k]


def _is_boundary(text: str, m: re.Match[str], sent_start: int, nxt: int) -> bool:
    """Whether the punctuation run `m`, followed by the text at `nxt`, ends a sentence."""
    punct = m.group()
    if punct[0] in _CJK_END:
        # 「保存します。」と記載: a quoted sentence followed by a particle is part of a larger one
        return not (punct[-1] in _CLOSERS and text[nxt] in _JA_PARTICLES)
    word = _next_word(text, nxt)
    first = word[:1] or text[nxt]
    if first.islower():
        return False  # "e.g. the", "approx. ten", "yes." he said
    if not punct.startswith(".") or punct.startswith(".."):
        return True  # ! ? and ellipses followed by a capital
    raw = _raw_token_before(text, m.start())
    token = raw.lstrip(_OPENERS)
    if not token:
        return True
    if raw != token and _ENUMERATOR.match(token):
        return False  # a quoted section title: see “4. Purpose of use”
    non_final, maybe_final, openers = _abbreviations()
    if token in non_final:
        return False
    if len(token) == 1 and token.isalpha() and token.isupper():
        return False  # an initial: "J. Smith"
    if _ENUMERATOR.match(text[sent_start : m.start()].strip()):
        return False  # the sentence so far is only a list number: "1. We collect"
    if token in maybe_final or _DOTTED.match(token) or _DOTTED.match(token.rsplit("-", 1)[-1]):
        return word in openers  # "U.S.", and "EU-U.S. Data Privacy Framework" ("Swiss-U.S.")
    return True


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans (start, end) of the sentences of one block of text, whitespace excluded.

    Every span satisfies `text[start:end] == text[start:end].strip()`, so evidence quotes never
    begin or end with a space and offsets stay exact in the document text.
    """
    spans: list[tuple[int, int]] = []
    n = len(text)
    start = 0
    while start < n and text[start].isspace():
        start += 1
    for m in _END.finditer(text):
        end = m.end()
        if m.start() < start:
            continue
        if m.group()[0] not in _CJK_END and end < n and not text[end].isspace():
            if not _GLUED.match(text, max(0, m.start() - 3)):
                continue  # "3.5", "example.com", "U.S.A" mid-token
            # "...such storage period.We may continue ...": a lost space between two sentences
            spans.append((start, end))
            start = end
            continue
        nxt = end
        while nxt < n and text[nxt].isspace():
            nxt += 1
        if nxt >= n:
            break
        if _is_boundary(text, m, start, nxt):
            spans.append((start, end))
            start = nxt
    stop = n
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    if stop > start:
        spans.append((start, stop))
    return spans


def sentences(text: str) -> list[str]:
    """The sentences of `text` as strings (a convenience for tests and callers without offsets)."""
    return [text[a:b] for a, b in split_sentences(text)]
