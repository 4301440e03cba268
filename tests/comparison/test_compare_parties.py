"""sharing, sale and law_enforcement: who receives data, whether it is sold, on what trigger."""

from __future__ import annotations

import pytest
from comparison_builders import claim, judged, keys, manifest, only

from notice_check.comparison import compare
from notice_check.models import Party

ENTITIES = [
    {"key": "adco", "name": "AdCo Ltd.", "country": "US", "relationship": "advertiser"},
    {"key": "broker", "name": "Data Broker LLC", "country": "US", "relationship": "third_party"},
    {"key": "sister", "name": "Example Group KK", "country": "JP", "relationship": "affiliate"},
    {"key": "mailer", "name": "Mailer Inc.", "country": "US", "relationship": "processor"},
    {"key": "submailer", "name": "Sub Mailer", "country": "US", "relationship": "sub_processor"},
    {"key": "police", "name": "Metropolitan Police", "country": "JP", "relationship": "public_authority"},
]


def with_disclosures(*disclosures: dict, accesses: list[dict] | None = None, coverage: dict | None = None):
    return manifest(
        country="US",
        entities=[dict(e) for e in ENTITIES],
        locations=[{"key": "us", "country": "US"}],
        stores=[{"key": "db", "location": "us", "categories": ["user"]}],
        accesses=accesses or [],
        disclosures=[dict(d) for d in disclosures],
        **({"coverage": coverage} if coverage else {}),
    )


# --------------------------------------------------------------------------- sharing


@pytest.mark.parametrize(
    ("kind", "recipient", "contradicted"),
    [
        ("third_party", "broker", True),
        ("third_party", "adco", True),  # third parties include advertisers
        ("advertiser", "adco", True),
        ("advertiser", "broker", False),
        ("unspecified", "sister", True),  # "anyone" includes affiliates
        ("unspecified", "mailer", False),
        ("processor", "submailer", True),  # service providers include their sub-processors
        ("affiliate", "mailer", False),
    ],
)
def test_sharing_deny_is_contradicted_by_a_disclosure_to_that_kind_of_party(kind, recipient, contradicted) -> None:
    m = with_disclosures({"key": "d1", "recipient": recipient, "categories": ["user.contact"]})
    a = claim("sharing", "We do not share your personal data with them.", polarity="deny", parties=[kind])
    finding = judged(compare([a], m), a)
    assert (finding.verdict == "contradicted") is contradicted
    if contradicted:
        assert keys(finding) == {"disclosures.d1"}
    else:
        assert finding.verdict == "supported"


def test_sharing_deny_with_affiliates_is_contradicted_by_an_affiliate_access() -> None:
    m = with_disclosures(accesses=[{"key": "dev", "accessor": "sister", "store": "db"}])
    a = claim("sharing", "We do not share your data with our affiliates.", polarity="deny", parties=["affiliate"])
    finding = judged(compare([a], m), a)
    assert finding.verdict == "contradicted" and keys(finding) == {"accesses.dev"}


def test_sharing_deny_ignores_data_it_does_not_cover() -> None:
    m = with_disclosures({"key": "d1", "recipient": "adco", "categories": ["user.device"]})
    a = claim(
        "sharing",
        "We do not share your email address with advertisers.",
        polarity="deny",
        data="your email address",
        categories=["user.contact.email"],
        parties=["advertiser"],
    )
    finding = judged(compare([a], m), a)
    assert finding.verdict == "supported"


def test_sharing_affirm_is_supported_by_a_matching_disclosure_and_unverifiable_without() -> None:
    m = with_disclosures({"key": "mail", "recipient": "mailer", "categories": ["user.contact.email"]})
    providers = claim("sharing", "We share personal data with service providers.", parties=["processor"])
    affiliates = claim("sharing", "We share personal data with our affiliates.", parties=["affiliate"], start=50)
    findings = compare([providers, affiliates], m)
    assert judged(findings, providers).verdict == "supported"
    assert keys(judged(findings, providers)) == {"disclosures.mail"}
    assert judged(findings, affiliates).verdict == "unverifiable"


def test_sharing_only_with_some_parties_is_contradicted_by_another_kind() -> None:
    m = with_disclosures(
        {"key": "mail", "recipient": "mailer", "categories": ["user.contact"]},
        {"key": "ads", "recipient": "adco", "categories": ["user.device"]},
    )
    a = claim(
        "sharing", "We share personal data only with our service providers.", scope="exclusive", parties=["processor"]
    )
    finding = judged(compare([a], m), a)
    assert finding.verdict == "contradicted" and keys(finding) == {"disclosures.ads"}


def test_sharing_deny_needs_complete_disclosures_to_be_supported() -> None:
    m = with_disclosures(coverage={"stores": "complete", "accesses": "complete", "disclosures": "partial"})
    a = claim("sharing", "We do not share personal data with third parties.", polarity="deny", parties=["third_party"])
    finding = judged(compare([a], m), a)
    assert finding.verdict == "unverifiable" and "partial" in finding.message


# --------------------------------------------------------------------------- sale


def test_sale_deny_is_contradicted_by_a_sale() -> None:
    m = with_disclosures({"key": "ads", "recipient": "adco", "categories": ["user.device"], "sale": True})
    a = claim("sale", "We do not sell your personal information.", polarity="deny")
    finding = judged(compare([a], m), a)
    assert finding.verdict == "contradicted" and keys(finding) == {"disclosures.ads"}
    assert "sells" in finding.message and "AdCo" in finding.message


def test_sale_unknown_leaves_a_denial_unverifiable_and_says_so() -> None:
    m = with_disclosures({"key": "ads", "recipient": "adco", "categories": ["user.device"], "sale": "unknown"})
    a = claim("sale", "We do not sell your personal information.", polarity="deny")
    finding = judged(compare([a], m), a)
    assert finding.verdict == "unverifiable"
    assert "sale: unknown" in finding.message and keys(finding) == {"disclosures.ads"}


def test_sale_deny_is_supported_when_no_disclosure_is_a_sale_and_coverage_is_complete() -> None:
    m = with_disclosures({"key": "mail", "recipient": "mailer", "categories": ["user.contact"], "sale": False})
    a = claim("sale", "We never sell personal data.", polarity="deny")
    assert judged(compare([a], m), a).verdict == "supported"


def test_sale_affirm_is_supported_by_a_sale() -> None:
    m = with_disclosures({"key": "ads", "recipient": "adco", "categories": ["user.device.device_id"], "sale": True})
    a = claim(
        "sale",
        "We may sell device identifiers to advertisers.",
        modality="may",
        data="device identifiers",
        categories=["user.device"],
    )
    finding = judged(compare([a], m), a)
    assert finding.verdict == "supported" and keys(finding) == {"disclosures.ads"}
    b = claim(
        "sale", "We may sell your contact details.", modality="may", data="contact details", categories=["user.contact"]
    )
    assert judged(compare([b], m), b).verdict == "unverifiable"


# --------------------------------------------------------------------------- law enforcement


def test_law_enforcement_deny_is_contradicted_by_any_disclosure_to_an_authority() -> None:
    m = with_disclosures(
        {"key": "order", "recipient": "police", "categories": ["user.account"], "trigger": "legal_process"}
    )
    a = claim("law_enforcement", "We never hand your data to governments.", polarity="deny")
    finding = judged(compare([a], m), a)
    assert finding.verdict == "contradicted" and keys(finding) == {"disclosures.order"}


@pytest.mark.parametrize(
    ("scope", "conditions", "sentence"),
    [
        ("unspecified", ["when required by law"], "We disclose data to the police when required by law."),
        ("exclusive", [], "We disclose data to authorities only in response to a court order."),
    ],
)
def test_law_enforcement_restricted_to_legal_process(scope, conditions, sentence) -> None:
    a = claim("law_enforcement", sentence, scope=scope, conditions=conditions)
    voluntary = with_disclosures(
        {"key": "tipoff", "recipient": "police", "categories": ["user.account"], "trigger": "voluntary"}
    )
    finding = judged(compare([a], voluntary), a)
    assert finding.verdict == "contradicted" and keys(finding) == {"disclosures.tipoff"}
    legal = with_disclosures(
        {"key": "order", "recipient": "police", "categories": ["user.account"], "trigger": "legal_process"}
    )
    finding = judged(compare([a], legal), a)
    assert finding.verdict == "supported" and keys(finding) == {"disclosures.order"}


def test_law_enforcement_unrestricted_affirm_is_not_contradicted_by_voluntary_disclosure() -> None:
    a = claim(
        "law_enforcement",
        "We may share information with law enforcement to protect our users.",
        modality="may",
        conditions=["to protect our users"],
    )
    m = with_disclosures(
        {"key": "tipoff", "recipient": "police", "categories": ["user.account"], "trigger": "voluntary"}
    )
    findings = compare([a], m)
    assert judged(findings, a).verdict == "supported"
    assert not [f for f in findings if f.verdict in ("contradicted", "undisclosed") and f.practice == "law_enforcement"]


def test_law_enforcement_restricted_with_unknown_trigger_is_unverifiable() -> None:
    a = claim(
        "law_enforcement",
        "We disclose data only when legally required.",
        scope="exclusive",
        conditions=["when legally required"],
    )
    m = with_disclosures({"key": "req", "recipient": "police", "categories": ["user.account"]})
    finding = judged(compare([a], m), a)
    assert finding.verdict == "unverifiable" and "legal process" in finding.message


@pytest.mark.parametrize(("named", "own"), [("Example Corp.", True), ("Example", True), ("EXAMPLE CORPORATION", True),
                                            ("Example Digital", False), ("AdCo", False)])
def test_a_recipient_named_like_the_organisation_is_not_another_party(named, own) -> None:
    m = manifest(country="US", coverage={"stores": "complete", "accesses": "complete", "disclosures": "complete"})
    a = claim("sharing", f"Your search terms are sent to {named}.")
    a = a.model_copy(update={"parties": [Party(text=named, kind="unspecified", name=named)]})
    [finding] = only(compare([a], m), practice="sharing")
    assert ("the organisation itself" in finding.message) is own
    assert finding.verdict == "unverifiable"


@pytest.mark.parametrize(("text", "recipient", "verdict"), [
    # the exception is who receives the data: no contradiction from the processor
    ("We do not share your personal data with third parties other than our service providers.", "mailer",
     "supported"),
    # the rest are denied
    ("We do not share your personal data with third parties other than our service providers.", "broker",
     "contradicted"),
])
def test_a_denial_with_an_exception_read_from_the_sentence(text, recipient, verdict) -> None:
    from notice_check.extraction import extract_sentences
    from notice_check.models import Sentence

    found = [a for a in extract_sentences([Sentence(text=text, start=0, end=len(text))]) if a.practice == "sharing"]
    m = with_disclosures({"key": "d1", "recipient": recipient, "categories": ["user.contact"]})
    assert [judged(compare(found, m), a).verdict for a in found] == [verdict]


def test_sharing_only_with_service_providers_is_contradicted_by_an_advertiser() -> None:
    from notice_check.extraction import extract_sentences
    from notice_check.models import Sentence

    text = "We share your personal data only with our service providers."
    found = [a for a in extract_sentences([Sentence(text=text, start=0, end=len(text))]) if a.practice == "sharing"]
    m = with_disclosures({"key": "d1", "recipient": "mailer", "categories": ["user.contact"]},
                         {"key": "d2", "recipient": "adco", "categories": ["user.contact"]})
    finding = judged(compare(found, m), found[0])
    assert finding.verdict == "contradicted" and keys(finding) == {"disclosures.d2"}


@pytest.mark.parametrize(("text", "verdict"), [
    # the manifest records who receives data, not what for: a denial limited to a purpose cannot be contradicted
    ("We do not share your personal data with advertisers for their own marketing purposes.", "unverifiable"),
    ("We do not share your personal data with advertisers.", "contradicted"),
])
def test_a_denial_limited_to_the_recipients_own_purposes(text, verdict) -> None:
    from notice_check.extraction import extract_sentences
    from notice_check.models import Sentence

    found = [a for a in extract_sentences([Sentence(text=text, start=0, end=len(text))]) if a.practice == "sharing"]
    m = with_disclosures({"key": "d1", "recipient": "adco", "categories": ["user.contact"]})
    finding = judged(compare(found, m), found[0])
    assert finding.verdict == verdict
    if verdict == "unverifiable":
        assert "for purposes it does not record" in finding.message


@pytest.mark.parametrize("text", [
    "We require our vendors not to share your personal data with anyone else.",
    "Our service providers are not permitted to sell your personal data.",
    "We do not allow our vendors to collect your contact details.",
])
def test_a_rule_for_another_party_is_not_contradicted_by_our_disclosures(text) -> None:
    """It read as the organisation's own denial, and a sale to a broker contradicted it."""
    from notice_check.extraction import extract_sentences
    from notice_check.models import Sentence

    found = extract_sentences([Sentence(text=text, start=0, end=len(text))])
    m = with_disclosures({"key": "d1", "recipient": "broker", "categories": ["user.contact"], "sale": True})
    assert [f.verdict for f in compare(found, m) if f.verdict == "contradicted"] == []


def test_a_denial_of_sharing_with_anyone_reaches_service_providers(check_example):
    """ "anyone" was read as third parties only, so giving the phone number to an SMS provider did not
    contradict "we never share your phone number with anyone". "Third parties" still leaves providers out."""
    anyone = check_example("line-2021", "We never share your phone number with anyone.").findings
    [finding] = [f for f in anyone if f.practice == "sharing"]
    assert finding.verdict == "contradicted"
    assert "sms_verification" in {r.key for r in finding.manifest_refs}
    third = check_example("line-2021", "We never share your phone number with third parties.").findings
    assert all("sms_verification" not in {r.key for r in f.manifest_refs} for f in third if f.practice == "sharing")


# --------------------------------------------------------------------------- the public


@pytest.mark.parametrize("polarity", ["affirm", "deny"])
def test_what_other_users_or_the_public_can_see_is_not_in_the_manifest(polarity) -> None:
    # a manifest lists recipients; "your reviews become public" is neither supported nor contradicted by them
    m = with_disclosures({"key": "d1", "recipient": "broker", "categories": ["user"]})
    a = claim("sharing", "Your reviews become public.", polarity=polarity, parties=["public"])
    finding = judged(compare([a], m), a)
    assert finding.verdict == "unverifiable"
    assert "what other users or the public can see" in finding.message


def test_other_users_seeing_the_data_is_said_as_seeing() -> None:
    m = with_disclosures({"key": "d1", "recipient": "broker", "categories": ["user"]})
    a = claim("processing", "Other users can see your profile.", parties=["public"])
    finding = judged(compare([a], m), a)
    assert finding.verdict == "unverifiable"
    assert "can see your personal data, but the manifest records recipients" in finding.message
    assert "process" not in finding.message


def test_a_disclosure_to_the_public_does_not_disclose_the_recipients_of_the_manifest() -> None:
    # the same sentence with an unnamed party would cover the broker; the public covers no recipient
    m = with_disclosures({"key": "d1", "recipient": "broker", "categories": ["user"]})
    public = claim("sharing", "Your profile is visible to other users.", parties=["public"])
    unnamed = claim("sharing", "We may share your profile.", parties=None)
    assert only(compare([public], m), "undisclosed", "sharing")
    assert not only(compare([unnamed], m), "undisclosed", "sharing")
