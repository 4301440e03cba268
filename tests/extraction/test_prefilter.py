"""The prefilter drops sentences before parsing: it must never drop one that yields an assertion."""

from __future__ import annotations

import dataclasses
import importlib.util
from pathlib import Path

import pytest

from notice_check import geo
from notice_check.extraction import extract_sentences
from notice_check.extraction.pipeline import load_analyzer
from notice_check.extraction.prefilter import build_prefilter, required_literals
from notice_check.extraction.rules import Trigger, load_rules
from notice_check.models import Sentence

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wants():
    pf = load_analyzer().prefilter
    return lambda text, section=(): pf.wants(text, section)


def _trigger_examples():
    for trig in load_rules().triggers:
        for text in trig.examples.get("match", []):
            yield pytest.param(text, id=f"{trig.id}:{text[:30]}")


@pytest.mark.parametrize("text", list(_trigger_examples()))
def test_keeps_every_trigger_example(wants, text):
    assert wants(text)


@pytest.mark.parametrize("text", [
    "We never sell your personal information.",
    "We share your email address with advertising partners.",
    "We provide your data to Acme Analytics.",
    "Your photos are stored on servers located in the United States.",
    "We retain logs for 30 days.",
    "All traffic is protected with TLS.",
    "We may disclose information to law enforcement in response to a subpoena.",
    "Our engineers cannot see your messages.",  # "cannot" is two tokens: "can", "not"
    "Data is hosted in the US.",
])
def test_keeps_claims_of_each_practice(wants, text):
    assert wants(text)
    assert extract_sentences([Sentence(text=text, start=0, end=len(text))]), "the example must yield a claim"


@pytest.mark.parametrize("text", [
    "You can contact us by email.",
    "Please read this policy carefully.",
    "We provide this service for free.",  # "provide" with no recipient
    "Our support team will respond to you shortly.",  # "respond" with no legal request
    "Tell us about your day.",
])
def test_drops_sentences_without_a_possible_claim(wants, text):
    assert not wants(text)
    assert not extract_sentences([Sentence(text=text, start=0, end=len(text))], prefilter=False)


def test_capital_needed_only_where_the_gazetteer_needs_it(wants):
    assert wants("Files are transferred to the US.")
    assert not wants("Files are transferred to us.")
    assert wants("Files are transferred to japan.")


def test_every_gazetteer_form_counts_as_a_place(wants):
    forms = sorted(set(geo.gazetteer(cased=True)))
    missed = [f for f in forms if not wants(f"Our servers are located in {f}.")]
    assert not missed, missed[:20]


def test_retention_heading_path(wants):
    """"Retention" > "90 days." has no trigger; `_from_heading` reads it, so it must be kept."""
    assert wants("90 days.", ("Data retention",))
    assert not wants("Contact our team.", ("Data retention",))


def test_an_unknown_check_never_narrows():
    rules = load_rules()
    extra = Trigger(id="test.extra.v1", practice="sale", pattern=[{"LOWER": "zorble"}],
                    requires=("some_new_check",))
    pf = build_prefilter(dataclasses.replace(rules, triggers=[*rules.triggers, extra]), load_analyzer().nlp)
    assert pf.wants("We zorble nothing at all.")


@pytest.mark.parametrize(("pattern", "need"), [
    (r"\b(law enforcement|police|courts?)\b", {"enforcement", "police", "court"}),
    (r"\b(?P<num>\d+|one)\s*(?P<unit>days?|weeks?)\b", {"day", "week"}),
    (r"\badvertis\w*|ad (networks?|partners?)", {"advertis", "network", "partner"}),
    (r"\bfor (the )?\w+", {"for"}),
])
def test_required_literals(pattern, need):
    assert required_literals(pattern) == need


def test_required_literals_gives_up_when_unbounded():
    assert required_literals(r"\d+|data") is None
    assert required_literals(r"(foo)?\w+") is None


def _gold_sentences() -> list[Sentence]:
    spec = importlib.util.spec_from_file_location("bench_gold", ROOT / "bench" / "gold.py")
    gold = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gold)
    return [gold.sentence_for(item) for name in ("dev", "test") if (gold.GOLD / f"{name}.yml").exists()
            for item in gold.load_set(name)]


def test_gold_set_same_with_and_without_prefilter():
    sentences = _gold_sentences()
    assert len(sentences) > 100

    def dump(prefilter: bool) -> list[dict]:
        return [a.model_dump(mode="json") for a in extract_sentences(sentences, prefilter=prefilter)]

    with_pf, without = dump(True), dump(False)
    assert with_pf == without
    kept = sum(load_analyzer().prefilter.wants(s.analysed, s.section) for s in sentences)
    assert kept < len(sentences), "the prefilter should drop something on the gold set"
