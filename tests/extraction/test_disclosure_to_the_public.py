"""Data made public or shown to other users, read from OPP-115 sharing misses (tuned half).

Paraphrased in our own words. Each kind of sentence has a twin that must stay as it was: the reader's own
choice, a thing that is not data, a place that is not data, a negation the adverb cannot carry, other users
as the people the data is about.
"""

from __future__ import annotations

import pytest

from notice_check.extraction.rules import load_rules
from notice_check.extraction.slots import classify_party


def _of(claims, text, practice):
    return [a for a in claims(text) if a.practice == practice]


def _kinds(found):
    return sorted({p.kind for a in found for p in a.parties})


# ---------------------------------------------------------------- "becomes public", "made publicly available"


@pytest.mark.parametrize(("text", "polarity"), [
    ("Anything you write on the forums, together with your screen name, becomes public.", "affirm"),
    ("We may make your reviews public.", "affirm"),
    ("Your profile details, including your hometown, may be made public on your profile page.", "affirm"),
    ("Comments left under our articles are public.", "affirm"),
    ("What you post on the message board is made publicly available.", "affirm"),
    ("We may display your username publicly next to your ratings.", "affirm"),
    ("Your email address will never be made public.", "deny"),
])
def test_data_made_public_is_disclosed_to_the_public(claims, text, polarity):
    found = _of(claims, text, "sharing")
    assert [(a.polarity, a.rule) for a in found] == [(polarity, "sharing.public.v1")]
    assert [(p.text, p.kind) for a in found for p in a.parties] == [("the public", "public")]


@pytest.mark.parametrize("text", [
    "This privacy notice is public.",  # not data
    "You can make your profile public in the settings.",  # the reader's choice
    "You may choose to share your photos publicly.",  # the reader shares
    "Most records held by a public body are public.",  # "public body" is no disclosure; a record is not data here
])
def test_public_that_discloses_nothing(claims, text):
    assert [a for a in _of(claims, text, "sharing") if a.rule == "sharing.public.v1" and a.polarity == "affirm"] \
        == []


@pytest.mark.parametrize("text", [
    "We make sure that deleted posts are not publicly available.",
    "Your profile is not publicly visible.",
])
def test_not_publicly_is_a_denial_the_adverb_takes_from_its_head(claims, text):
    found = _of(claims, text, "sharing")
    assert [(a.polarity, a.rule) for a in found] == [("deny", "sharing.public.v1")]
    assert [p.kind for a in found for p in a.parties] == ["public"]


def test_a_hedge_reaches_the_adverb_like_a_negation(claims):
    """The adverb takes its head's hedge as it takes its negation: a possibility, never contradicted by a fact."""
    assert [(a.polarity, a.modality) for a in _of(claims, "Your profile may be publicly visible.", "sharing")] == [
        ("affirm", "may")]
    assert [(a.polarity, a.modality) for a in _of(claims, "Your profile is publicly visible.", "sharing")] == [
        ("affirm", "fact")]


# ---------------------------------------------------------------- "visible to other users", "viewable by the public"


@pytest.mark.parametrize("text", [
    "Your profile is visible to other users.",
    "Ratings you leave are viewable by the public.",
    "Your reviews may be accessible to other users.",
])
def test_data_visible_to_other_users_is_shared_with_the_public(claims, text):
    found = _of(claims, text, "sharing")
    assert [(a.polarity, a.rule) for a in found] == [("affirm", "sharing.available.v1")]
    assert _kinds(found) == ["public"]


def test_a_place_that_is_not_available_to_the_public_discloses_nothing(claims):
    text = "Your details are kept in secure systems that are not available to the public."
    assert [a for a in _of(claims, text, "sharing") if a.rule == "sharing.available.v1"] == []


# ---------------------------------------------------------------- other users as the ones who see or read it


@pytest.mark.parametrize(("text", "practice", "rule"), [
    ("Other users can see your profile.", "processing", "processing.see.v1"),
    ("Other users may view your profile and your posts.", "processing", "processing.verb.v1"),
    ("Anything you post in the forums can be read or collected by other users.", "collection", "collection.verb"),
])
def test_other_users_reaching_the_data(claims, text, practice, rule):
    found = [a for a in _of(claims, text, practice) if rule in a.rule]
    assert found and {a.polarity for a in found} == {"affirm"}
    assert "public" in _kinds(found)


def test_seeing_by_a_named_kind_of_party_is_that_party(claims):
    found = _of(claims, "Some of our services allow third parties to see your personal information.", "processing")
    assert [(a.rule, _kinds([a])) for a in found] == [("processing.see.v1", ["third_party"])]


@pytest.mark.parametrize("text", [
    "See Section 9 for your rights.",  # a pointer, not an act
    "You can see your profile at any time.",  # the reader
    "Our advertisers do not see your name.",  # only affirmations
])
def test_see_that_is_no_other_party_reaching_the_data(claims, text):
    assert [a for a in claims(text) if a.rule == "processing.see.v1"] == []


def test_the_reader_who_is_one_of_the_other_users_still_speaks_as_the_reader(claims):
    assert _of(claims, "Other users can share photos with you.", "sharing") == []


@pytest.mark.parametrize("text", [
    "Other users may share your posts with their friends.",
    "Other users may copy or save the content you post.",
    "Other users can forward your messages to anyone.",
    "Your posts may be shared by other users.",
])
def test_what_other_users_do_with_the_data_is_not_the_organisations_practice(claims, text):
    # they see, read or collect it (above); what they then do with it is their act, as the reader's would be
    assert [a for a in claims(text) if a.practice in ("sharing", "storage", "transfer", "retention")] == []


# ---------------------------------------------------------------- other users as whom the data is about


@pytest.mark.parametrize("text", [
    "We do not record or retain any content of your video calls with other users.",
    "We do not permanently keep the messages between you and other users on our servers.",
])
def test_chats_with_other_users_do_not_make_other_users_a_recipient(claims, text):
    found = claims(text)
    assert found and all(p.kind != "public" for a in found for p in a.parties)


def test_sharing_with_other_users_names_them(claims):
    found = _of(claims, "We may share your profile with other users.", "sharing")
    assert [(a.polarity, _kinds([a])) for a in found] == [("affirm", ["public"])]


# ---------------------------------------------------------------- readings the probes on real notices showed


def test_a_negation_reaches_an_adjective_hung_on_the_first_verbs_by(claims):
    found = _of(claims, "The clips will not be saved by us or viewable by other users.", "sharing")
    assert [(a.polarity, _kinds([a])) for a in found] == [("deny", ["public"])]


@pytest.mark.parametrize("text", [
    "We may collect information that is publicly available online.",  # where data comes from
    "We take steps to prevent children from posting or publicly disclosing personal information.",
])
def test_publicly_available_sources_and_prevented_acts_disclose_nothing(claims, text):
    assert [a for a in claims(text) if a.rule == "sharing.public.v1"] == []


def test_the_public_holds_nothing(claims):
    found = claims("Some of your public activity may remain stored on our servers and accessible to the public.")
    assert [_kinds([a]) for a in found if a.practice == "storage"] == [[]]
    assert [_kinds([a]) for a in found if a.practice == "sharing"] == [["public"]]


@pytest.mark.parametrize(("phrase", "kind"), [
    ("the public", "public"),
    ("the general public", "public"),
    ("members of the public who visit", "public"),
    ("other users", "public"),
    ("the public activity on your account", None),  # what the public sees, not who
    ("the public authorities", "public_authority"),
    ("other members of our family of companies", "affiliate"),
])
def test_who_counts_as_the_public(phrase, kind):
    assert classify_party(load_rules().lexicon, phrase) == kind


def test_visiting_a_site_is_no_access_to_data(claims):
    text = "Anything you post there may be read by any member of the public who visits or accesses these websites."
    assert [a for a in _of(claims, text, "processing") if any(p.kind == "public" for p in a.parties)
            and "websites" in (a.data.text if a.data else "")] == []


@pytest.mark.parametrize(("text", "data"), [
    ("Anything you write in the forums becomes public.", "Anything you write in the forums"),
    ("What you post on the message board is made publicly available.", "What you post on the message board"),
    ("We may make your reviews public.", "your reviews"),
])
def test_what_is_made_public_is_the_data(claims, text, data):
    found = [a for a in claims(text) if a.rule == "sharing.public.v1"]
    assert [a.data.text if a.data else None for a in found] == [data]


# ---------------------------------------------------------------- recipients named by what they do


@pytest.mark.parametrize("text", [
    "We may pass your contact details to the authors whose sites we manage.",
    "We may also give your postal address to people who will send you catalogues of their products.",
])
def test_recipients_named_by_what_they_do_are_third_parties(claims, text):
    found = _of(claims, text, "sharing")
    assert [(a.polarity, _kinds([a])) for a in found] == [("affirm", ["third_party"])]


def test_people_described_by_what_they_do_on_the_site_are_no_discloser(claims):
    assert _of(claims, "People who visit our site may share their photos.", "sharing") == []
