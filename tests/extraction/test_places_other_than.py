""""Countries other than Japan, including South Korea" names South Korea as a place data goes.

The "other than" test ran over the whole sentence and set the claim's mode to *outside* for every place in it,
so South Korea was read as excluded with Japan. LINE-style notices say exactly this, and `check` then reported
the Korean store as never named by the notice. Now only the place after "other than" is left out, and the named
examples count, as they already did for "countries outside the EEA, including the United States".
"""

from __future__ import annotations

import pytest


def _located(found):
    return [(a.practice, a.location.mode, sorted(a.location.countries), a.location.open) for a in found
            if a.location is not None]


@pytest.mark.parametrize(("text", "expected"), [
    ("Some of your information may be stored in countries other than Japan, including South Korea.",
     [("storage", "in", ["KR"], True)]),
    ("Your data may be transferred to countries outside the EEA, including the United States.",
     [("transfer", "in", ["US"], True)]),
    # nothing named besides the place left out: the claim is about everywhere else
    ("Your data may be transferred to countries other than Japan.", [("transfer", "outside", ["JP"], False)]),
    ("We do not store your data anywhere other than Japan.", [("storage", "outside", ["JP"], False)]),
])
def test_only_the_place_after_other_than_is_left_out(claims, text, expected):
    assert _located(claims(text)) == expected


def test_a_named_example_discloses_the_store_end_to_end(check_example):
    text = b"Photos and videos you send may be stored in countries other than Japan, including South Korea.\n"
    result = check_example("line-2021", text)
    korea = [f for f in result.findings if ("stores", "talk_media") in {(r.section, r.key) for r in f.manifest_refs}]
    assert korea and {f.verdict for f in korea} == {"supported"}


# "Personal information is not transferred abroad, except to South Korea" read as "not transferred to South
# Korea" (the exception's place taken for the denied one), which the Korean store then contradicted. Abroad,
# except one place, is: abroad only to that place.
@pytest.mark.parametrize(("text", "countries"), [
    ("Personal information is not transferred abroad, except to South Korea.", ["KR"]),
    ("We do not transfer your data overseas except to our affiliates in Singapore.", ["SG"]),
])
def test_not_abroad_except_one_place_is_only_that_place(claims, text, countries):
    found = [a for a in claims(text) if a.practice == "transfer"]
    assert [(a.polarity, a.scope, a.location.mode, a.location.countries) for a in found] == [
        ("affirm", "exclusive", "in", countries)]


def test_not_abroad_except_korea_end_to_end(check_example):
    text = b"Personal information is not transferred abroad, except to South Korea.\n"
    found = check_example("line-2021", text).findings
    china = [f for f in found if f.verdict == "contradicted"]  # the Korean store is allowed; China's access is not
    assert [[(r.section, r.key) for r in f.manifest_refs] for f in china] == [[("accesses", "sh_dev_access")]]
