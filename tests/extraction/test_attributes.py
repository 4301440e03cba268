"""The fast attribute ruler and cached lemmatizer must annotate exactly as the model's own components do."""

import importlib
from pathlib import Path

import pytest
import yaml
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from notice_check.extraction.attributes import CachedEnglishLemmatizer, FastAttributeRuler
from notice_check.extraction.pipeline import MODEL_PACKAGE, UNUSED_COMPONENTS, load_nlp

GOLD = Path(__file__).resolve().parents[2] / "corpora" / "gold"
ATTRS = ["ORTH", "POS", "TAG", "MORPH", "LEMMA", "DEP", "HEAD", "SENT_START", "NORM"]


def _gold_texts() -> list[str]:
    texts: list[str] = []
    for path in sorted(GOLD.glob("*.yml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            texts += [t for t in [item.get("text"), item.get("intro"), *(item.get("items") or [])] if t]
    return texts


def _tokens(doc: Doc) -> list[tuple]:
    return [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


@pytest.fixture(scope="module")
def original():
    """The model as published, attribute ruler and lemmatizer included."""
    return importlib.import_module(MODEL_PACKAGE).load(exclude=UNUSED_COMPONENTS)


def test_load_nlp_uses_the_fast_components():
    nlp = load_nlp()
    assert isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), CachedEnglishLemmatizer)
    assert not any(type(p) in (AttributeRuler, EnglishLemmatizer) for _, p in nlp.pipeline)
    assert nlp.pipe_names.index("attribute_ruler") < nlp.pipe_names.index("lemmatizer")


def test_same_annotations_as_the_model_on_gold_sentences(original):
    texts = _gold_texts()
    assert len(texts) >= 300
    fast = load_nlp()
    assert fast.get_pipe("attribute_ruler").patterns == original.get_pipe("attribute_ruler").patterns
    n_tokens = 0
    for text, a, b in zip(texts, original.pipe(texts), fast.pipe(texts), strict=True):
        assert (a.to_array(ATTRS) == b.to_array(ATTRS)).all(), text
        assert _tokens(a) == _tokens(b), text
        n_tokens += len(a)
    assert n_tokens > 5000


def test_patterns_outside_the_model_fall_back_without_changing_results(original):
    """Operators, regexes, multi-token and conflicting patterns (later wins), as an AttributeRuler applies them."""
    extra = [
        {"patterns": [[{"LOWER": "personal"}, {"LOWER": "data", "OP": "+"}]], "attrs": {"LEMMA": "PD"}, "index": -1},
        {"patterns": [[{"TAG": "NN", "LOWER": {"REGEX": "^da"}}]], "attrs": {"POS": "PROPN", "MORPH": "Foo=Bar"}},
        {"patterns": [[{"LOWER": "we"}, {"TAG": {"IN": ["VBP", "MD"]}}]], "attrs": {"LEMMA": "WE"}, "index": 0},
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "X"}},
        {"patterns": [[{"ORTH": "Data"}]], "attrs": {"TAG": "XX", "LEMMA": "DATUM"}},
    ]
    texts = ["We store personal data in Japan.", "Data is kept. We may share personal data data with partners.",
             *_gold_texts()[:60]]
    slow = AttributeRuler(original.vocab)
    slow.add_patterns(original.get_pipe("attribute_ruler").patterns + extra)
    fast = FastAttributeRuler(original.vocab)
    fast.add_patterns(slow.patterns)
    with original.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        parsed = list(original.pipe(texts))
    for doc in parsed:
        a, b = slow(Doc(original.vocab).from_docs([doc])), fast(Doc(original.vocab).from_docs([doc]))
        assert _tokens(a) == _tokens(b), doc.text
    assert [t.lemma_ for t in slow(Doc(original.vocab).from_docs([parsed[1]]))][-5:-3] == ["PD", "PD"]
