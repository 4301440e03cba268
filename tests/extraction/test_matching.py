"""The trigger index must find exactly what spaCy's Matcher finds over the same rules, in the same order."""

from __future__ import annotations

from pathlib import Path

import yaml
from spacy.matcher import Matcher

from notice_check.extraction.matching import build_trigger_index
from notice_check.extraction.pipeline import load_analyzer
from notice_check.extraction.rules import Trigger

GOLD = Path(__file__).resolve().parents[2] / "corpora" / "gold"


def _gold_texts() -> list[str]:
    texts = []
    for name in ("dev.yml", "test.yml"):
        for item in yaml.safe_load((GOLD / name).read_text(encoding="utf-8")):
            texts.append(item.get("text") or "")
    return [t for t in texts if t]


def test_index_equals_matcher_on_the_gold_sentences():
    an = load_analyzer()
    matcher = Matcher(an.nlp.vocab)
    for trig in an.rules.triggers:
        matcher.add(trig.id, [trig.pattern])
    compared = 0
    for doc in an.nlp.pipe(_gold_texts()):
        expected = [(start, an.nlp.vocab.strings[key]) for key, start, _ in matcher(doc)]
        got = [(tok.i, trig.id) for tok, trig in an.triggers.hits(doc)]
        assert got == expected, doc.text
        compared += len(expected)
    assert compared > 500  # the comparison covered real trigger hits


def test_patterns_the_index_cannot_express_fall_back_to_the_matcher():
    an = load_analyzer()
    two_tokens = Trigger(id="x.two.v1", practice="storage", pattern=[{"LOWER": "data"}, {"LOWER": "centre"}],
                         requires=(), requires_any=(), forbids=(), place_mode=None, yields_to_retention_when=None,
                         examples={})
    one_token = next(t for t in an.rules.triggers if t.id == "storage.verb.v1")
    index = build_trigger_index(an.nlp, [one_token, two_tokens])
    doc = an.nlp("Data is stored in our data centre in Dublin.")
    assert [(tok.text, trig.id) for tok, trig in index.hits(doc)] == [("stored", "storage.verb.v1"),
                                                                      ("data", "x.two.v1")]
