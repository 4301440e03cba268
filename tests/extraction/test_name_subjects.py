"""A name followed by a practice verb: "Example Talk stores photos in South Korea". The small model reads the
name and the verb as one noun phrase ("Walmart stores"), so without a second parse (extraction/reparse.py) the
sentence makes no claim, and it is the claim a notice makes about where data is.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "scope"), [
    ("Acme stores all user data in Japan.", "exclusive"),
    ("Example Talk stores photos and videos in South Korea.", "unspecified"),
    ("Acme hosts all user data in Japan.", "exclusive"),
    ("TikTok stores US user data in the United States, Malaysia and Singapore.", "unspecified"),  # camel case
])
def test_a_named_subject_storing_data_somewhere_is_a_storage_claim(claims, text, scope):
    found = [a for a in claims(text) if a.practice == "storage"]
    assert [(a.polarity, a.scope, a.location is not None and bool(a.location.countries)) for a in found] == [
        ("affirm", scope, True)]
    assert found[0].evidence.text == text  # the evidence is the sentence as written, not the text parsed again


def test_a_named_subject_sharing_data_names_the_recipient(claims):
    found = [a for a in claims("ACME Corporation shares user data with advertisers.") if a.practice == "sharing"]
    assert [[p.kind for p in a.parties] for a in found] == [["advertiser"]]


@pytest.mark.parametrize("text", [
    "Walmart stores sell groceries.",  # shops: no object after the noun
    "International Data Transfers",  # a heading
    "How Acme Uses Your Information",  # a heading that opens with a question word
])
def test_nouns_after_a_name_are_left_alone(claims, text):
    assert claims(text) == []


def test_a_name_that_is_a_kind_of_party_keeps_its_own_parse():
    from notice_check.extraction.pipeline import load_analyzer
    from notice_check.extraction.reparse import name_subject_text

    an = load_analyzer()
    lex = an.rules.lexicon
    assert name_subject_text(an.nlp("Acme stores all user data in Japan."), an.verbs, lex) == (
        "It stores all user data in Japan.")
    # "Group" makes the subject an affiliate, which the rules read: no second parse that would hide it
    assert name_subject_text(an.nlp("Acme Group stores all user data in Japan."), an.verbs, lex) is None


@pytest.mark.parametrize(("text", "practice", "kind", "country"), [
    ("Our affiliate in South Korea stores images and videos.", "storage", "affiliate", "KR"),
    ("Our affiliates in Korea process personal data.", "processing", "affiliate", "KR"),
    ("Our vendors in the Philippines process payments data.", "processing", "processor", "PH"),
])
def test_a_party_with_its_place_before_a_verb_read_as_a_noun(claims, text, practice, kind, country):
    """The small model reads "Korea process" and "South Korea stores" as noun compounds: no verb, no claim, and
    the comparator then reports Korea as never named. The verb gets a "will" for a second parse."""
    found = [a for a in claims(text) if a.practice == practice]
    assert [(a.polarity, a.modality, [p.kind for p in a.parties], a.location.countries) for a in found] == [
        ("affirm", "fact", [kind], [country])]
    assert found[0].evidence.text == text


@pytest.mark.parametrize("text", [
    "Payment Process Details",  # a heading: no second parse
    "If as part of the application process we ask for your title, it is only to address you correctly.",
])
def test_a_noun_that_names_a_process_is_not_parsed_again(text):
    from notice_check.extraction.pipeline import load_analyzer
    from notice_check.extraction.reparse import misread_verb_text

    an = load_analyzer()
    assert misread_verb_text(an.nlp(text), an.verbs) is None


def test_a_product_name_that_reads_as_data_still_denies(claims):
    """ "Talk" reads as data to the taxonomy, so the sentence looked like "the data discloses ...": a topic."""
    found = claims("Example Talk does not share your messages with advertisers.")
    assert [(a.practice, a.polarity, [p.kind for p in a.parties]) for a in found] == [
        ("sharing", "deny", ["advertiser"])]


def test_a_defined_term_built_on_a_data_word_is_still_data(claims):
    text = "Other Information is any information other than Personal Information that does not reveal your identity."
    assert [a for a in claims(text) if a.practice == "sharing"] == []


# "Our payment provider receives your name, email address and invoices": the subject is the recipient, and the
# claim named none, so `check` compared it with outside parties only and found no disclosure to a processor.
@pytest.mark.parametrize(("text", "kind"), [
    ("Our payment provider receives your name, email address and invoices to process payments.", "processor"),
    ("Advertisers receive aggregate information about the viewers of their videos.", "advertiser"),
])
def test_the_subject_of_receive_is_the_recipient(claims, text, kind):
    found = [a for a in claims(text) if a.practice == "sharing"]
    assert [[p.kind for p in a.parties] for a in found] == [[kind]]
