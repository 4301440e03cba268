"""Words that point back one sentence: "We use agents to fulfil orders. They have access to ...", "Your data is
stored in Japan. It is not stored anywhere else."

The extractor reads one sentence at a time, so "they" names nobody and "anywhere else" is anywhere at all. Here a
sentence that opens with such a pronoun (see `anaphora` in lexicon.yml) is parsed with the pronoun replaced by the
party phrase of the sentence before it in the same paragraph, and a sentence that names no place but says
"anywhere else" or "elsewhere" is parsed with the places of the sentence before ("anywhere other than Japan").
Only `parse_text` changes: the evidence quoted is the sentence as written. The sentences before are parsed once
more, but few sentences open with a pronoun.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from notice_check.extraction import slots
from notice_check.models import Assertion, DataRef, Sentence

if TYPE_CHECKING:
    from notice_check.extraction.pipeline import Analyzer
    from notice_check.extraction.rules import Lexicon


def resolve_pronoun_subjects(sentences: list[Sentence], an: Analyzer) -> list[Sentence]:
    """The same sentences; those opening with a pronoun for a party get that party in their parse text."""
    opener = an.rules.lexicon.pattern("anaphora", "openers")
    found = [(i, m) for i in range(1, len(sentences))
             if sentences[i].parse_text is None and _same_paragraph(sentences[i - 1], sentences[i])
             and (m := opener.match(sentences[i].text)) is not None]
    out = list(sentences)
    # versions of one notice repeat these pairs: parse each sentence before once
    texts = list(dict.fromkeys(sentences[i - 1].analysed for i, _ in found))
    phrases = {t: slots.party_phrase(doc, an.rules.lexicon) for t, doc in zip(texts, an.nlp.pipe(texts), strict=True)}
    for i, m in found:
        phrase = phrases[sentences[i - 1].analysed]
        if phrase is not None:
            s = sentences[i]
            a, b = m.span(1)
            out[i] = s.model_copy(update={"parse_text": f"{s.text[:a]}{phrase}{s.text[b:]}"})
    return out


def resolve_elsewhere(sentences: list[Sentence], an: Analyzer) -> list[Sentence]:
    """The same sentences; one that says "anywhere else" and names no place gets the places of the sentence
    before: a denial of storage "anywhere else" was a denial of storage anywhere, which every store contradicted.
    """
    from notice_check.extraction.places import find_places

    pattern = an.rules.lexicon.pattern("anaphora", "elsewhere")
    out = list(sentences)
    for i in range(1, len(sentences)):
        s, prev = sentences[i], sentences[i - 1]
        m = pattern.search(s.analysed)
        if m is None or not _same_paragraph(prev, s) or find_places(an.nlp.make_doc(s.analysed), an.places):
            continue
        named = find_places(an.nlp.make_doc(prev.analysed), an.places)
        if not named:
            continue
        places = " and ".join(dict.fromkeys(p.span.text for p in named))
        text = s.analysed
        where = m.group(1) or "anywhere"  # "elsewhere" reads as "anywhere other than ..."
        out[i] = s.model_copy(update={"parse_text": f"{text[:m.start()]}{where} other than {places}{text[m.end():]}"})
    return out


def resolve_data_references(sentences: list[Sentence], found: list[list[Assertion]],
                            lexicon: Lexicon) -> list[list[Assertion]]:
    """The same assertions; one whose data is "this data", "such information" or "them" names the data of
    the claim before it (same sentence first, then the sentence before in the same paragraph), in brackets:
    "this data (biometric data)". Unresolved, it stays as written, and the comparator does not read it as all
    data: "We do not collect ... this data" was contradicted by every store."""
    pattern = lexicon.pattern("anaphora", "data_reference")

    def refers(a: Assertion) -> bool:
        return a.data is not None and not a.data.categories and bool(pattern.match(a.data.text.strip()))

    out = [list(claims) for claims in found]
    named_by: dict[int, DataRef] = {}  # a resolved claim -> the data it refers to, so "it" after "this data"
    for i, claims in enumerate(out):  # names the data, not "this data (...)"
        for k, a in enumerate(claims):
            if not refers(a):
                continue
            before = claims[:k]
            if i > 0 and _same_paragraph(sentences[i - 1], sentences[i]):
                before = out[i - 1] + before
            named = next((named_by.get(id(b), b.data) for b in reversed(before)
                          if b.data is not None and b.data.categories and not refers(b)), None)
            if named is not None:  # a generic "data" names nothing either: left unresolved
                data = DataRef(text=f"{a.data.text} ({named.text})", categories=list(named.categories))
                claims[k] = a.model_copy(update={"data": data})
                named_by[id(claims[k])] = named
    return out


def resolve_following_places(sentences: list[Sentence], found: list[list[Assertion]],
                             lexicon: Lexicon) -> list[list[Assertion]]:
    """The same assertions; the places of a labelled list ("Countries and regions to which Personal Data is
    transferred: Japan, Korea and Vietnam.") are an open list when an earlier sentence of its section, after
    the list before it, points to them as examples ("... to the subcontractor, including companies located in
    the following countries or regions."). Read alone, the list was every place the data goes, and a store
    anywhere else contradicted it."""
    labelled = lexicon.pattern("anaphora", "labelled_list")
    pointer = lexicon.pattern("anaphora", "following_open")
    out = found
    for i, claims in enumerate(found):
        s = sentences[i]
        if not claims or not labelled.match(s.analysed):
            continue
        colon = s.analysed.find(":")  # the places follow the label
        listed = [k for k, a in enumerate(claims)
                  if a.location is not None and a.location.mode == "in" and not a.location.open
                  and s.analysed.find(a.location.text) > colon]
        if not listed or not _answers_open_pointer(sentences, found, i, labelled, pointer):
            continue
        if out is found:
            out = [list(c) for c in found]
        for k in listed:
            a = out[i][k]
            out[i][k] = a.model_copy(update={"location": a.location.model_copy(update={"open": True})})
    return out


def _answers_open_pointer(sentences: list[Sentence], found: list[list[Assertion]], i: int,
                          labelled: re.Pattern[str], pointer: re.Pattern[str]) -> bool:
    """An earlier sentence of the same section, after the last labelled list of places, says "including ... the
    following countries"."""
    s = sentences[i]
    for j in range(i - 1, max(-1, i - 1 - _POINTER_REACH), -1):
        prev = sentences[j]
        if prev.section != s.section or prev.start >= s.start:
            return False  # another section, or another notice of the batch
        if labelled.match(prev.analysed) and any(a.location is not None for a in found[j]):
            return False  # the list before this one: the pointer was its own
        if pointer.search(prev.analysed):
            return True
    return False


_POINTER_REACH = 20  # sentences back: LINE's group-sharing pointer is 12 sentences before its list


def _same_paragraph(prev: Sentence, s: Sentence) -> bool:
    """Sentences of one paragraph follow each other after one space; blocks are joined by line breaks."""
    return prev.kind == s.kind == "paragraph" and prev.section == s.section and 0 <= s.start - prev.end <= 1
