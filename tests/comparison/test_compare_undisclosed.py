"""undisclosed and vague: facts of the manifest that no affirmative assertion discloses."""

from __future__ import annotations

from comparison_builders import claim, keys, manifest, only

from notice_check.comparison import compare


def world(**overrides):
    """A Japanese company: accounts in Japan with a replica in Singapore, a Chinese affiliate reaching them,
    an ad partner in the US buying device data, a voluntary police disclosure."""
    spec = dict(
        country="JP",
        entities=[
            {"key": "sh_dev", "name": "Dev Shanghai", "country": "CN", "relationship": "affiliate"},
            {"key": "adco", "name": "AdCo", "country": "US", "relationship": "advertiser"},
            {"key": "police", "name": "Police", "country": "KR", "relationship": "public_authority"},
        ],
        locations=[{"key": "tokyo", "country": "JP"}, {"key": "sg", "country": "SG"}],
        stores=[{"key": "accounts", "location": "tokyo", "replicas": ["sg"], "categories": ["user.account"]}],
        accesses=[{"key": "dev", "accessor": "sh_dev", "store": "accounts"}],
        disclosures=[
            {"key": "ads", "recipient": "adco", "categories": ["user.device"], "sale": True},
            {"key": "tip", "recipient": "police", "categories": ["user.account"], "trigger": "voluntary"},
        ],
    )
    spec.update(overrides)
    return manifest(**spec)


def table(findings, verdicts=("undisclosed", "vague")):
    return {(f.verdict, f.practice, frozenset(keys(f))) for f in findings if f.verdict in verdicts}


def test_a_silent_notice_leaves_every_fact_undisclosed_home_country_included() -> None:
    findings = compare([], world())
    assert table(findings) == {
        ("undisclosed", "storage", frozenset({"stores.accounts"})),
        ("undisclosed", "transfer", frozenset({"accesses.dev"})),
        ("undisclosed", "transfer", frozenset({"disclosures.ads"})),
        ("undisclosed", "sale", frozenset({"disclosures.ads"})),
        ("undisclosed", "sharing", frozenset({"disclosures.ads"})),
        ("undisclosed", "law_enforcement", frozenset({"disclosures.tip"})),
    }
    [storage] = only(findings, "undisclosed", "storage")
    assert "Japan and Singapore" in storage.message  # the home country counts only if named
    assert storage.evidence is None and storage.assertion_id is None and storage.severity == "medium"
    # a public authority's country is not a place the notice must name
    assert not [f for f in findings if f.practice == "transfer" and "disclosures.tip" in keys(f)]


def test_naming_the_countries_for_overlapping_data_discloses_the_places() -> None:
    a = claim(
        "storage",
        "Account information is stored in Japan and Singapore.",
        data="account information",
        regions=["JP", "SG"],
    )
    b = claim(
        "processing",
        "Your data may be accessed from China and the United States.",
        modality="may",
        data="your data",
        regions=["CN", "US"],
        start=100,
    )
    findings = compare([a, b], world())
    assert table(findings) == {
        ("undisclosed", "sale", frozenset({"disclosures.ads"})),
        ("undisclosed", "sharing", frozenset({"disclosures.ads"})),
        ("undisclosed", "law_enforcement", frozenset({"disclosures.tip"})),
    }


def test_a_narrower_claim_still_discloses_a_broader_fact_and_vice_versa() -> None:
    m = world(stores=[{"key": "accounts", "location": "tokyo", "categories": ["user"]}], accesses=[], disclosures=[])
    narrow = claim("storage", "Your email address is stored in Japan.", data="your email address", regions=["JP"])
    assert table(compare([narrow], m)) == set()
    unrelated = world(
        stores=[{"key": "accounts", "location": "tokyo", "categories": ["user.account"]}], accesses=[], disclosures=[]
    )
    assert table(compare([narrow], unrelated)) == {("undisclosed", "storage", frozenset({"stores.accounts"}))}


def test_broad_terms_give_vague_instead_of_undisclosed() -> None:
    m = world(disclosures=[])
    group = claim(
        "transfer",
        "We may transfer data to Asia-Pacific countries such as Singapore.",
        modality="may",
        data="data",
        regions=["SG"],
        open_list=True,
    )
    findings = compare([group], m)
    # Singapore is named; Japan (home) and China are only among the "countries such as Singapore"
    assert table(findings) == {
        ("vague", "storage", frozenset({"stores.accounts"})),
        ("vague", "transfer", frozenset({"accesses.dev"})),
    }
    [store] = [f for f in findings if f.verdict == "vague" and "stores.accounts" in keys(f)]
    assert "Japan" in store.message and "Singapore" not in store.message
    [vague] = [f for f in findings if f.verdict == "vague" and "accesses.dev" in keys(f)]
    assert vague.evidence.text.startswith("We may transfer") and vague.assertion_id == group.id
    assert vague.severity == "low"


def test_a_group_covers_its_members_only_in_broad_terms() -> None:
    m = manifest(
        country="DE",
        locations=[{"key": "fra", "country": "DE"}],
        stores=[{"key": "db", "location": "fra", "categories": ["user"]}],
    )
    eu = claim("storage", "We store your data in the EU.", regions=["EU"])
    assert table(compare([eu], m)) == {("vague", "storage", frozenset({"stores.db"}))}
    germany = claim("storage", "We store your data in Germany.", regions=["DE"])
    assert table(compare([germany], m)) == set()


def test_outside_a_region_is_broad() -> None:
    m = world(disclosures=[])
    a = claim("transfer", "We may transfer your data outside Japan.", modality="may", regions=["JP"], mode="outside")
    b = claim(
        "storage",
        "Account information may be stored in Japan.",
        modality="may",
        data="account information",
        regions=["JP"],
        start=100,
    )
    findings = compare([a, b], m)
    assert table(findings) == {
        ("vague", "storage", frozenset({"stores.accounts"})),
        ("vague", "transfer", frozenset({"accesses.dev"})),
    }


def test_a_counter_example_is_not_reported_again_as_undisclosed() -> None:
    m = world()
    stored = claim(
        "storage",
        "Account information is stored only in Japan.",
        data="account information",
        regions=["JP"],
        scope="exclusive",
    )
    no_sale = claim("sale", "We do not sell personal information.", polarity="deny", start=100)
    findings = compare([stored, no_sale], m)
    contradicted = {(f.practice, frozenset(keys(f))) for f in only(findings, "contradicted")}
    assert contradicted == {("storage", frozenset({"stores.accounts"})), ("sale", frozenset({"disclosures.ads"}))}
    assert table(findings) == {
        ("undisclosed", "transfer", frozenset({"accesses.dev"})),
        ("undisclosed", "transfer", frozenset({"disclosures.ads"})),
        ("undisclosed", "sharing", frozenset({"disclosures.ads"})),  # the sale is reported, the sharing not yet
        ("undisclosed", "law_enforcement", frozenset({"disclosures.tip"})),
    }


def test_sale_and_sharing_disclosed_by_affirmative_claims() -> None:
    m = world(stores=[], accesses=[])
    sale = claim(
        "sale",
        "We may sell device data to advertisers.",
        modality="may",
        data="device data",
        categories=["user.device"],
        parties=["advertiser"],
    )
    assert table(compare([sale], m), ("undisclosed",)) == {
        ("undisclosed", "transfer", frozenset({"disclosures.ads"})),
        ("undisclosed", "law_enforcement", frozenset({"disclosures.tip"})),
    }


def test_unspecified_partners_cover_an_advertiser_only_vaguely() -> None:
    m = world(stores=[], accesses=[], disclosures=[{"key": "ads", "recipient": "adco", "categories": ["user.device"]}])
    partners = claim("sharing", "We share information with our partners.", data="information", parties=["unspecified"])
    third = claim(
        "sharing", "We share information with third parties.", data="information", parties=["third_party"], start=100
    )
    assert ("vague", "sharing", frozenset({"disclosures.ads"})) in table(compare([partners], m))
    assert not [f for f in compare([partners, third], m) if f.practice == "sharing" and f.verdict == "vague"]


def test_voluntary_disclosure_is_disclosed_by_an_unrestricted_law_enforcement_claim() -> None:
    m = world(
        stores=[],
        accesses=[],
        disclosures=[{"key": "tip", "recipient": "police", "categories": ["user.account"], "trigger": "voluntary"}],
    )
    may = claim(
        "law_enforcement",
        "We may share information with the police to prevent harm.",
        modality="may",
        data="information",
        conditions=["to prevent harm"],
    )
    assert table(compare([may], m)) == set()
    restricted = claim(
        "law_enforcement",
        "We disclose data only when required by law.",
        scope="exclusive",
        conditions=["when required by law"],
        data="data",
    )
    findings = compare([restricted], m)
    assert [f.verdict for f in findings] == ["contradicted"]  # reported once, as a contradiction
