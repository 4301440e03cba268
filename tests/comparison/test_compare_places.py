"""storage / transfer / processing with places: SPEC section 4, first three readings."""

from __future__ import annotations

import pytest
from comparison_builders import claim, judged, keys, manifest, only

from notice_check.comparison import compare

MEDIA = {
    "key": "user.content.private.message.media",
    "parent": "user.content.private",
    "aliases": ["photos and videos sent in chats"],
}


def messenger(**overrides):
    """Accounts in Japan, chat media in Korea (run by an affiliate), developers in Shanghai."""
    spec = dict(
        categories=[MEDIA],
        entities=[
            {"key": "naver", "name": "NAVER Corp.", "country": "KR", "relationship": "affiliate"},
            {"key": "sh_dev", "name": "Example Digital (Shanghai)", "country": "CN", "relationship": "affiliate"},
        ],
        locations=[{"key": "jp_dc", "country": "JP"}, {"key": "kr_dc", "country": "KR", "operator": "naver"}],
        stores=[
            {"key": "accounts", "location": "jp_dc", "categories": ["user.account", "user.contact"]},
            {"key": "talk_media", "location": "kr_dc", "categories": [MEDIA["key"]]},
        ],
        accesses=[{"key": "sh_dev_access", "accessor": "sh_dev", "store": "accounts"}],
    )
    spec.update(overrides)
    return manifest(**spec)


STORED_IN_JAPAN = "Your personal data is stored on servers located in Japan."


def test_closed_list_is_exhaustive_a_store_elsewhere_contradicts_it() -> None:
    a = claim("storage", STORED_IN_JAPAN, regions=["JP"])
    finding = judged(compare([a], messenger()), a)
    assert finding.verdict == "contradicted"
    assert keys(finding) == {"stores.talk_media"}
    assert finding.evidence.text == STORED_IN_JAPAN and finding.assertion_id == a.id
    assert finding.message == (
        "The notice says it stores your personal data only in Japan; store talk_media "
        "holds photos and videos sent in chats in South Korea."
    )
    assert finding.manifest_refs[0].line is not None and finding.severity == "high"


def test_country_named_elsewhere_for_that_data_lifts_the_contradiction() -> None:
    a = claim("storage", STORED_IN_JAPAN, regions=["JP"])
    b = claim(
        "transfer",
        "Photos and videos sent in chats may be transferred to South Korea.",
        data="photos and videos sent in chats",
        modality="may",
        regions=["KR"],
        start=500,
    )
    findings = compare([a, b], messenger())
    storage = judged(findings, a)
    assert storage.verdict == "supported"
    assert keys(storage) == {"stores.accounts"}


def test_country_named_elsewhere_for_other_data_does_not_lift_it() -> None:
    a = claim("storage", STORED_IN_JAPAN, regions=["JP"])
    b = claim(
        "transfer",
        "Your contact details may be transferred to South Korea.",
        data="your contact details",
        categories=["user.contact"],
        modality="may",
        regions=["KR"],
        start=500,
    )
    storage = judged(compare([a, b], messenger()), a)
    assert storage.verdict == "contradicted"


def test_exclusive_claim_is_contradicted_even_when_the_country_is_named_elsewhere() -> None:
    a = claim(
        "storage", "All user data is stored only in Japan.", data="all user data", scope="exclusive", regions=["JP"]
    )
    b = claim(
        "storage",
        "Chat media is stored in South Korea.",
        data="photos and videos sent in chats",
        regions=["KR"],
        start=500,
    )
    [storage_a] = [f for f in compare([a, b], messenger()) if f.assertion_id == a.id]
    assert storage_a.verdict == "contradicted" and keys(storage_a) == {"stores.talk_media"}


def test_may_and_open_lists_are_never_contradicted_by_a_fact_elsewhere() -> None:
    hedged = claim("storage", "Your data may be stored in Japan.", modality="may", regions=["JP"])
    open_list = claim("storage", "We store data in countries such as Japan.", regions=["JP"], open_list=True, start=100)
    findings = compare([hedged, open_list], messenger())
    assert not only(findings, "contradicted")
    judged = [f for f in findings if f.assertion_id in (hedged.id, open_list.id) and f.verdict != "vague"]
    assert [f.verdict for f in judged] == ["supported", "supported"]
    # the open list still covers Korea and China, in broad terms only
    assert {(f.verdict, f.practice, frozenset(keys(f))) for f in only(findings, "vague")} == {
        ("vague", "storage", frozenset({"stores.talk_media"})),
        ("vague", "transfer", frozenset({"accesses.sh_dev_access"})),
    }


def test_storage_ranges_over_stores_only_not_accesses() -> None:
    m = messenger(stores=[{"key": "accounts", "location": "jp_dc", "categories": ["user.account"]}])
    a = claim("storage", STORED_IN_JAPAN, regions=["JP"])
    storage = judged(compare([a], m), a)
    assert storage.verdict == "supported"  # the Shanghai access is not a store


def test_processing_ranges_over_accesses_remote_access_is_a_transfer_there() -> None:
    m = messenger(stores=[{"key": "accounts", "location": "jp_dc", "categories": ["user.account"]}])
    a = claim("processing", "Your personal data is processed in Japan.", regions=["JP"])
    finding = judged(compare([a], m), a)
    assert finding.verdict == "contradicted"
    assert keys(finding) == {"accesses.sh_dev_access"}
    assert "from China" in finding.message


def test_transfer_list_does_not_count_the_home_country_as_a_destination() -> None:
    m = messenger(stores=[{"key": "accounts", "location": "jp_dc", "categories": ["user.account"]}])
    a = claim("transfer", "We transfer your personal data to China for development.", regions=["CN"])
    finding = judged(compare([a], m), a)
    assert finding.verdict == "supported"  # the Japanese store is the origin, not a destination
    m_kr = messenger()
    [finding] = [f for f in compare([a], m_kr) if f.assertion_id == a.id]
    assert finding.verdict == "contradicted" and keys(finding) == {"stores.talk_media"}


def test_deny_outside_is_contradicted_by_a_replica_and_a_remote_access_outside() -> None:
    m = manifest(
        country="NL",
        entities=[{"key": "helpdesk", "name": "Helpdesk Inc.", "country": "US", "relationship": "processor"}],
        locations=[
            {"key": "dublin", "country": "IE"},
            {"key": "virginia", "country": "US"},
            {"key": "frankfurt", "country": "DE"},
        ],
        stores=[
            {"key": "main_db", "location": "dublin", "replicas": ["virginia"], "categories": ["user"]},
            {"key": "cache", "location": "frankfurt", "categories": ["user.device"]},
        ],
        accesses=[{"key": "support", "accessor": "helpdesk", "store": "main_db"}],
    )
    a = claim(
        "transfer",
        "No personal data leaves the European Economic Area.",
        polarity="deny",
        data="personal data",
        regions=["EEA"],
        mode="outside",
    )
    finding = judged(compare([a], m), a)
    assert finding.verdict == "contradicted"
    assert keys(finding) == {"stores.main_db", "accesses.support"}
    assert "replica" in finding.message and "United States" in finding.message


def test_deny_outside_with_every_fact_inside_is_supported_only_with_complete_coverage() -> None:
    spec = dict(
        country="DE",
        locations=[{"key": "fra", "country": "DE"}],
        stores=[{"key": "db", "location": "fra", "categories": ["user"]}],
    )
    a = claim(
        "transfer", "We do not transfer personal data outside the EU.", polarity="deny", regions=["EU"], mode="outside"
    )
    complete = judged(compare([a], manifest(**spec)), a)
    assert complete.verdict == "supported" and keys(complete) == {"stores.db"}
    partial = manifest(**spec, coverage={"stores": "complete", "accesses": "partial", "disclosures": "complete"})
    finding = judged(compare([a], partial), a)
    assert finding.verdict == "unverifiable" and "accesses" in finding.message


def test_deny_in_is_contradicted_by_a_fact_in_the_named_country() -> None:
    a = claim("transfer", "We do not transfer your personal data to China.", polarity="deny", regions=["CN"])
    finding = judged(compare([a], messenger()), a)
    assert finding.verdict == "contradicted" and keys(finding) == {"accesses.sh_dev_access"}
    b = claim("transfer", "We do not transfer your personal data to Russia.", polarity="deny", regions=["RU"])
    finding = judged(compare([b], messenger()), b)
    assert finding.verdict == "supported"


def test_a_fact_broader_than_the_claim_is_not_a_counter_example() -> None:
    m = messenger(
        stores=[
            {"key": "accounts", "location": "jp_dc", "categories": [MEDIA["key"]]},
            {"key": "blob", "location": "kr_dc", "categories": ["user"]},
        ]
    )
    a = claim(
        "storage",
        "Photos and videos sent in chats are stored in Japan.",
        data="photos and videos sent in chats",
        regions=["JP"],
    )
    finding = judged(compare([a], m), a)
    assert finding.verdict == "unverifiable"
    assert "store blob" in finding.message and "broader data" in finding.message


def test_manifest_alias_narrows_the_reading_of_the_data_phrase() -> None:
    notes = {"key": "user.content.private.notes", "parent": "user.content.private", "aliases": ["your notes"]}
    base = dict(
        country="DE", categories=[notes], locations=[{"key": "fra", "country": "DE"}, {"key": "us", "country": "US"}]
    )
    a = claim(
        "transfer",
        "Your notes never leave the EEA.",
        polarity="deny",
        data="your notes",
        categories=["user"],
        regions=["EEA"],
        mode="outside",
    )
    account_in_us = manifest(
        **base,
        stores=[
            {"key": "notes", "location": "fra", "categories": [notes["key"]]},
            {"key": "accounts", "location": "us", "categories": ["user.account"]},
        ],
    )
    finding = judged(compare([a], account_in_us), a)
    assert finding.verdict == "supported"  # the extractor said `user`, the manifest's alias says notes
    notes_in_us = manifest(**base, stores=[{"key": "notes", "location": "us", "categories": [notes["key"]]}])
    finding = judged(compare([a], notes_in_us), a)
    assert finding.verdict == "contradicted" and keys(finding) == {"stores.notes"}


def test_extractor_categories_then_user_when_the_phrase_says_nothing() -> None:
    m = messenger()
    contact = claim(
        "storage", "Contact details are stored in Japan.", data="blah", categories=["user.contact"], regions=["JP"]
    )
    finding = judged(compare([contact], m), contact)
    assert finding.verdict == "supported"  # talk_media holds no contact data
    nothing = claim("storage", "It is stored in Japan.", data=None, regions=["JP"])
    finding = judged(compare([nothing], m), nothing)
    assert finding.verdict == "contradicted"  # no data phrase: all user data


def test_parties_narrow_a_location_claim_to_those_entities() -> None:
    a = claim(
        "transfer", "We transfer chat media to our affiliate in South Korea.", regions=["KR"], parties=["affiliate"]
    )
    finding = judged(compare([a], messenger()), a)
    # the Shanghai affiliate also reaches user data, so the closed list "Korea" is contradicted
    assert finding.verdict == "contradicted" and keys(finding) == {"accesses.sh_dev_access"}


def test_affirm_outside_is_supported_by_a_fact_outside() -> None:
    a = claim("transfer", "We may transfer your data outside Japan.", modality="may", regions=["JP"], mode="outside")
    finding = judged(compare([a], messenger()), a)
    assert finding.verdict == "supported"
    assert keys(finding) == {"stores.talk_media", "accesses.sh_dev_access"}


def test_deny_storage_without_place() -> None:
    a = claim(
        "storage",
        "We do not store photos and videos sent in chats.",
        polarity="deny",
        data="photos and videos sent in chats",
    )
    finding = judged(compare([a], messenger()), a)
    assert finding.verdict == "contradicted" and keys(finding) == {"stores.talk_media"}


def test_affirm_without_place_is_unverifiable() -> None:
    a = claim("storage", "We store your data securely.")
    finding = judged(compare([a], messenger()), a)
    assert finding.verdict == "unverifiable" and finding.manifest_refs == []


def test_universal_claim_needs_a_confirming_record() -> None:
    a = claim("storage", "Your data is stored in Germany.", regions=["DE"])
    m = manifest(country="DE", locations=[{"key": "fra", "country": "DE"}])
    finding = judged(compare([a], m), a)
    assert finding.verdict == "unverifiable" and "no store" in finding.message


def test_store_with_unknown_categories_never_contradicts() -> None:
    """An imported store whose data is not labelled may hold nothing personal: unverifiable, not false."""
    m = manifest(
        locations=[{"key": "jp_dc", "country": "JP"}, {"key": "us_dc", "country": "US"}],
        stores=[
            {"key": "accounts", "location": "jp_dc", "categories": ["user.account"]},
            {"key": "build_cache", "location": "us_dc", "categories": []},
        ],
    )
    a = claim("storage", "All user data is stored in Japan.", regions=["JP"], scope="exclusive")
    finding = judged(compare([a], m), a)
    assert finding.verdict == "unverifiable"
    assert "stores.build_cache" in keys(finding) or "build_cache" in finding.message


@pytest.mark.parametrize(("text", "contradicted"), [
    ("All of your data is stored in Japan.", True),
    # LINE's own shape: the notice excepts the media, so the media store in Korea does not contradict it
    ("We store all of your data in Japan, except for images and videos.", False),
])
def test_a_stated_exception_is_no_contradiction(text, contradicted) -> None:
    from notice_check.extraction import extract_sentences
    from notice_check.models import Sentence

    found = [a for a in extract_sentences([Sentence(text=text, start=0, end=len(text))]) if a.practice == "storage"]
    m = manifest(locations=[{"key": "tokyo", "country": "JP"}, {"key": "seoul", "country": "KR"}],
                 stores=[{"key": "accounts", "location": "tokyo", "categories": ["user.account"]},
                         {"key": "media", "location": "seoul", "categories": ["user.content"]}])
    assert (judged(compare(found, m), found[0]).verdict == "contradicted") is contradicted


def test_an_affiliate_named_with_its_place_discloses_it() -> None:
    """ "Our affiliate in South Korea stores ...": the small model read the verb as a noun, the sentence made no
    claim, and the store in Korea was reported as never named by the notice."""
    from notice_check.extraction import extract_sentences
    from notice_check.models import Sentence

    text = "Our affiliate in South Korea stores photos and videos sent in chats."
    found = extract_sentences([Sentence(text=text, start=0, end=len(text))])
    findings = compare(found, messenger())
    assert [f.verdict for f in findings if "stores.talk_media" in keys(f)] == ["supported"]


def test_barring_access_from_abroad_is_contradicted_by_developers_in_shanghai() -> None:
    from notice_check.extraction import extract_sentences
    from notice_check.models import Sentence

    text = "We do not allow access to your account information from outside Japan."
    found = extract_sentences([Sentence(text=text, start=0, end=len(text))])
    finding = judged(compare(found, messenger()), found[0])
    assert finding.verdict == "contradicted" and "accesses.sh_dev_access" in keys(finding)


def test_a_partys_place_names_the_country_and_is_never_contradicted() -> None:
    """ "Our affiliates are located in South Korea": Korea is named (no "undisclosed" for the store there), and a
    hedged claim is not contradicted by the developers' access from China."""
    from notice_check.extraction import extract_sentences
    from notice_check.models import Sentence

    text = "Our affiliates are located in South Korea."
    found = extract_sentences([Sentence(text=text, start=0, end=len(text))])
    findings = compare(found, messenger())
    assert [f.verdict for f in findings if "stores.talk_media" in keys(f)] == ["supported"]
    assert not any(f.verdict == "contradicted" for f in findings)


def test_backups_in_the_excepted_country_do_not_contradict_the_denial() -> None:
    from notice_check.extraction import extract_sentences
    from notice_check.models import Sentence

    text = "We do not store any data outside Japan, except for backups in South Korea."
    found = extract_sentences([Sentence(text=text, start=0, end=len(text))])
    finding = judged(compare(found, messenger()), found[0])
    # the developers' access from China still contradicts it; the media store in Korea, excepted, does not
    assert finding.verdict == "contradicted" and keys(finding) == {"accesses.sh_dev_access"}
