"""Ways a notice says where its servers are or where data is looked at from, which read as no claim before:
a storage noun with a copula ("Our data centers are in Japan"), a storage noun under a verb that is a trigger
of another practice ("We use servers in ..."), and access "from" a country (the LINE case: engineers abroad
reading data kept at home). Sentences are our own.
"""

from __future__ import annotations

import pytest


def _countries(claims, text, practice):
    return [sorted(a.location.countries) for a in claims(text) if a.practice == practice and a.location]


@pytest.mark.parametrize(("text", "countries"), [
    ("Our data centers are in Japan.", ["JP"]),
    ("Our servers are not in China.", ["CN"]),
    ("We use servers in Japan and South Korea.", ["JP", "KR"]),
    ("We operate data centers in Ireland and the United States.", ["IE", "US"]),
])
def test_where_servers_are_is_a_storage_claim(claims, text, countries):
    assert _countries(claims, text, "storage") == [countries]


@pytest.mark.parametrize(("text", "polarity", "modality"), [
    ("We do not process your data on servers located in China.", "deny", "fact"),
    ("We may process your data on a server located in Germany.", "affirm", "may"),
    ("We process your data on a server located in Germany.", "affirm", "fact"),
])
def test_servers_located_somewhere_take_the_verbs_negation_and_hedge(claims, text, polarity, modality):
    """"on servers located in China" under "do not process" was a plain storage claim in China: against a
    manifest with no store there, a false contradiction made from a denial."""
    found = [a for a in claims(text) if a.practice in ("storage", "processing")]
    assert {a.practice for a in found} == {"storage", "processing"}
    assert {(a.polarity, a.modality) for a in found} == {(polarity, modality)}


@pytest.mark.parametrize(("text", "polarity"), [
    ("We do not use servers located in China.", "deny"),
    ("We use servers located in China.", "affirm"),
    ("We never store your data in data centers located in Russia.", "deny"),
])
def test_servers_the_verb_takes_as_object_share_its_polarity(claims, text, polarity):
    assert [a.polarity for a in claims(text) if a.practice == "storage"] == [polarity]


def test_the_verbs_subject_is_not_the_holder_of_servers_it_names(claims):
    """The participle takes the verb's negation, not its subject: the providers process, not "we"."""
    [found] = [a for a in claims("We do not rely on cloud providers based in the United States.")
               if a.practice == "processing"]
    assert (found.polarity, [p.kind for p in found.parties]) == ("deny", ["processor"])


def test_a_copula_says_nothing_of_offices(claims):
    assert claims("Our offices are in Japan.") == []


def test_access_from_a_country_is_processing_there(claims):
    assert _countries(claims, "User data may be accessed from China for maintenance.", "processing") == [["CN"]]
    # "from" still names a source when data moves: the destination alone is where it goes
    assert _countries(claims, "Data is transferred from the EEA to the United States.", "transfer") == [["US"]]


@pytest.mark.parametrize(("text", "mode"), [
    ("We don't use servers in China.", "in"),  # the place hangs on the verb, not on "servers"
    ("We do not have servers outside of Japan.", "outside"),
])
def test_no_servers_somewhere_is_a_storage_denial(claims, text, mode):
    found = [a for a in claims(text) if a.practice == "storage"]
    assert [(a.polarity, a.location.mode) for a in found] == [("deny", mode)]


def test_a_place_of_partners_is_no_server_place(claims):
    assert [a.practice for a in claims("We share data with partners in Japan.")] == ["sharing"]


def test_backed_up_somewhere_is_storage_there(claims):
    found = [a for a in claims("Your data is stored in Japan and backed up in Korea.") if a.practice == "storage"]
    assert sorted(c for a in found for c in a.location.countries) == ["JP", "KR"]


@pytest.mark.parametrize(("text", "scope"), [
    ("We store all of your data in Japan, except for images and videos.", "unspecified"),
    ("Except for photos, all user data is stored in Japan.", "unspecified"),
    ("All user data is stored in Japan.", "exclusive"),
])
def test_an_exception_for_some_data_makes_the_place_not_the_only_one(claims, text, scope):
    assert [a.scope for a in claims(text) if a.practice == "storage"] == [scope]
