"""The stranded-subject repair (tree_repair.py): a main verb's subject the model hung inside the opening clause."""

from __future__ import annotations

import pytest

from notice_check.extraction.pipeline import load_nlp

STRANDED = ("When you visit a page that includes one of these sharing tools, the third-party company that operates "
            "the tool may be collecting information about your browser.")


def test_the_apposition_before_the_verb_becomes_its_subject():
    doc = load_nlp()(STRANDED)
    verb = next(t for t in doc if t.text == "collecting")
    assert [(c.text, c.dep_) for c in verb.children if c.dep_ == "nsubj"] == [("company", "nsubj")]


def test_the_collector_is_a_party_and_no_part_of_the_condition(claims):
    [collection] = [a for a in claims(STRANDED) if a.practice == "collection"]
    assert [(p.kind, p.text) for p in collection.parties] == [("third_party", "the third-party company")]
    assert collection.conditions == ["When you visit a page that includes one of these sharing tools"]


@pytest.mark.parametrize("text", [
    "When you use the app, our affiliates in China may access your messages.",  # parsed right: left alone
    "We work with one partner, Acme Ltd, which may access your data.",  # an apposition that is one
])
def test_well_formed_trees_are_left_alone(text):
    nlp = load_nlp()
    plain = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name != "notice_check_stranded_subject":
            plain = proc(plain)
    mended = nlp(text)
    assert [(t.dep_, t.head.i) for t in mended] == [(t.dep_, t.head.i) for t in plain]
