"""Language of a notice (ISO 639-1), so the extractor never reads a German notice with English rules.

py3langid is reliable on paragraphs but guesses on a line or two ("We store data in Japan." comes
out Italian), and short notices exist; so the model is restricted to languages notices are written
in, kana and hangul decide Japanese and Korean outright, and a short Latin-script text full of English
function words is English. Lists are data (data/language.yaml).
"""

from __future__ import annotations

import re
from functools import cache

from notice_check.document.resources import load_data

MIN_LETTERS = 20  # below this there is nothing to tell; notices default to English
_SHORT = 400  # letters: below this the model's guess is checked against English function words
_SAMPLE = 20000
_CLEARLY_ENGLISH = 0.3  # share of English function words; German or French prose stays far below
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _identifier():  # py3langid has no type hints
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    known = set(ident.nb_classes)
    ident.set_languages([c for c in load_data("language")["candidates"] if c in known])
    return ident


@cache
def _english_markers() -> frozenset[str]:
    return frozenset(load_data("language")["english_markers"])


def _script_share(text: str, lo: int, hi: int, letters: int) -> float:
    return sum(1 for c in text if lo <= ord(c) <= hi) / letters


def detect_language(text: str) -> str:
    """ISO 639-1 code of `text`'s language; "en" when the text is too short to tell (< 20 letters)."""
    sample = text[:_SAMPLE]
    letters = sum(1 for c in sample if c.isalpha())
    if letters < MIN_LETTERS:
        return "en"
    if _script_share(sample, 0x3040, 0x30FF, letters) > 0.15:  # hiragana and katakana (30-60% of Japanese)
        return "ja"
    if _script_share(sample, 0xAC00, 0xD7AF, letters) > 0.3:  # hangul syllables
        return "ko"
    words = [w.lower() for w in _WORD.findall(sample)]
    if letters >= _SHORT and words:
        # fast path: prose where a third of the words are English function words is English; the model
        # (a second to load) is only asked when that is not plain
        share = sum(1 for w in words if w in _english_markers()) / len(words)
        if share >= _CLEARLY_ENGLISH:
            return "en"
    ranked = _identifier().rank(sample)
    best = ranked[0][0]
    if best == "en" or letters >= _SHORT:
        return best
    hits = sum(1 for w in words if w in _english_markers())
    top = {lang for lang, _ in ranked[:5]}
    if "en" in top and hits >= 2 and hits >= 0.25 * len(words):
        return "en"
    return best


def warm_up() -> None:
    """Load the language model now (about a second) rather than inside the first timed load."""
    _identifier()
