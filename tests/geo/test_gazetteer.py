"""The gazetteer as the extractor uses it: a spaCy PhraseMatcher on LOWER, then a cased look-up."""

from __future__ import annotations

import pytest
import spacy
from spacy.matcher import PhraseMatcher
from spacy.util import filter_spans

from notice_check import geo


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return spacy.blank("en")


@pytest.fixture(scope="module")
def matcher(nlp: spacy.language.Language) -> PhraseMatcher:
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    forms = list(geo.gazetteer(cased=True)) + list(geo.gazetteer())
    matcher.add("PLACE", list(nlp.tokenizer.pipe(forms)))
    return matcher


def places_in(text: str, nlp: spacy.language.Language, matcher: PhraseMatcher) -> list[tuple[str, str]]:
    doc = nlp(text)
    spans = filter_spans([doc[start:end] for _, start, end in matcher(doc)])
    found = []
    for span in spans:
        place = geo.lookup(span.text, cased=True)
        if place is not None:
            found.append((span.text, place.code))
    return found


def test_written_forms_keep_their_case() -> None:
    surface = geo.gazetteer(cased=True)
    assert surface["U.S."].code == "US"
    assert surface["Washington, D.C."].code == "Washington, D.C."
    assert surface["People\u2019s Republic of China"].code == "CN"
    assert "Korea, Republic of" not in surface  # ISO's inverted names are not running text
    assert {p.code for p in surface.values()} == {p.code for p in geo.gazetteer().values()}


def test_keys_are_lower_case_without_article() -> None:
    gaz = geo.gazetteer()
    assert len(gaz) > 2000
    for key in gaz:
        assert key == key.lower() and key == key.strip()
        assert not key.startswith("the ")


@pytest.mark.parametrize("word", ["and", "can", "per", "png", "gb", "in", "it", "is", "no", "me", "be",
                                  "do", "to", "at", "as", "or", "den", "nice", "reading", "mobile", "ec",
                                  "dc", "na", "lac", "anz", "sea", "global", "europe (frankfurt)"])
def test_common_words_and_stray_codes_are_not_keys(word: str) -> None:
    assert word not in geo.gazetteer()


def test_forms_extractor_needs_are_keys() -> None:
    gaz = geo.gazetteer()
    for key, code in [("united states", "US"), ("eu-central-1", "aws:eu-central-1"), ("frankfurt", "Frankfurt"),
                      ("eea", "EEA"), ("korean", "KR"), ("türkiye", "TR"), ("turkiye", "TR"),
                      ("people\u2019s republic of china", "CN"), ("europe-west3", "gcp:europe-west3"),
                      ("westeurope", "azure:westeurope"), ("azure west europe", "azure:westeurope"),
                      ("aws frankfurt", "aws:eu-central-1"), ("google cloud asia-northeast1", "gcp:asia-northeast1"),
                      ("us", "US"), ("u.s.", "US"), ("eu/eea", "EEA"), ("asia-pacific", "APAC"),
                      ("asia pacific", "APAC"), ("alibaba cloud ap-southeast-3", "alibaba:ap-southeast-3")]:
        assert key in gaz, key
        assert gaz[key].code == code, key


def test_matching_sentences(nlp: spacy.language.Language, matcher: PhraseMatcher) -> None:
    text = ("Let us know if you object. We store data in the US, in Georgia and in Türkiye; our Korean "
            "affiliate uses AWS Frankfurt and eu-west-1, and backups stay in the People's Republic of China.")
    assert places_in(text, nlp, matcher) == [
        ("US", "US"), ("Georgia", "GE"), ("Türkiye", "TR"), ("Korean", "KR"),
        ("AWS Frankfurt", "aws:eu-central-1"), ("eu-west-1", "aws:eu-west-1"),
        ("People's Republic of China", "CN"),
    ]


def test_matching_rejects_lower_case_abbreviations_and_words(nlp: spacy.language.Language,
                                                              matcher: PhraseMatcher) -> None:
    text = "Tell us, and we will polish the chad; a turkey is not in the eu."
    assert places_in(text, nlp, matcher) == []


def test_longest_match_wins(nlp: spacy.language.Language, matcher: PhraseMatcher) -> None:
    text = "Staff in Papua New Guinea, the Republic of China and Washington, D.C. and the EU/EEA."
    assert places_in(text, nlp, matcher) == [
        ("Papua New Guinea", "PG"), ("Republic of China", "TW"), ("Washington, D.C.", "Washington, D.C."),
        ("EU/EEA", "EEA"),
    ]
