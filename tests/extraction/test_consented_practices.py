"""What the reader consents to is the organisation's practice.

"By using the Service, you consent to the transfer of your information to the United States" gave no claim: the
reader was the subject, so the transfer read as the reader's own act, and the place went to "consent" (or to
"using") instead of to the transfer noun. Found on OPP-115 (Instagram, Geocaching, IFSA-Butler) and Meta's
notices. The same sentences showed two more gaps: "or to any other country in which we maintain facilities"
did not open the list of places (a closed list of one country, which any other store contradicted), and a
"possible transfer" was stated as a fact.
"""

from __future__ import annotations

import pytest

from notice_check.comparison import compare
from notice_check.manifest import load_manifest


def _located(found):
    return [(a.practice, a.polarity, a.modality, a.location.mode if a.location else None,
             sorted(a.location.countries) if a.location else None) for a in found]


@pytest.mark.parametrize(("text", "practice", "countries"), [
    ("By using the Service, you consent to the transfer of your information to the United States.",
     "transfer", ["US"]),
    ("You consent to the transfer of your personal data to Japan.", "transfer", ["JP"]),
    ("By using the Service you consent to the storage of your data in Japan.", "storage", ["JP"]),
    ("By using our website, you agree to the transfer of information to Singapore.", "transfer", ["SG"]),
])
def test_a_practice_the_reader_consents_to_is_claimed(claims, text, practice, countries):
    assert _located(claims(text)) == [(practice, "affirm", "fact", "in", countries)]


def test_processing_the_reader_agrees_to_is_claimed_but_not_a_law_on_processing(claims):
    found = claims("By using our services, you agree to the processing of your data in the United States.")
    assert _located(found) == [("processing", "affirm", "fact", "in", ["US"])]
    assert claims("The processing of data in the EEA is governed by the GDPR.") == []


def test_a_possible_transfer_is_a_may_claim(claims):
    found = claims("Accepting this policy means that you also consent to the possible transfer of your "
                   "personal information to Canada.")
    assert _located(found) == [("transfer", "affirm", "may", "in", ["CA"])]


@pytest.mark.parametrize("text", [
    "If you live in the EEA, you consent to the terms of this policy.",
    "You agree to the transfer of your data to another provider.",
    "You can request the transfer of your data to another provider in Germany.",
    "We give you access to your account from anywhere in the world.",
    # the place is where the reader is sent, not where data is kept (a guard: an intermediate fix read it so)
    "When you register, you will be redirected to servers of Example Ireland Limited, 1 Main Street, Dublin, Ireland.",
])
def test_what_the_reader_does_or_gets_stays_no_claim(claims, text):
    assert [a for a in claims(text) if a.location is not None] == []


@pytest.mark.parametrize("text", [
    "We may transfer your information to the U.S. or to any other country in which we maintain facilities.",
    "You consent to the transfer of information to the U.S. or to any other country where our providers work.",
    "Your data may be moved to Japan or another country.",
])
def test_any_other_country_opens_the_list(claims, text):
    found = [a for a in claims(text) if a.practice == "transfer"]
    assert found and all(a.location is not None and a.location.open for a in found)


def test_a_denial_of_any_other_country_stays_closed(claims):
    found = claims("We store your data in Japan and do not transfer it to any other country.")
    assert _located(found) == [("storage", "affirm", "fact", "in", ["JP"]),
                               ("transfer", "deny", "fact", "outside", ["JP"])]


def test_places_the_parser_cut_from_the_list_stay_with_the_transfer(claims):
    found = claims('For transfers to the Chinese Mainland (limited to remote technical support purposes and the '
                   'purposes set out in the section entitled "Who do we share your data with?"), Hong Kong SAR, '
                   'Malaysia and Singapore, we rely on standard contractual clauses.')
    assert _located(found) == [("transfer", "affirm", "fact", "in", ["CN", "HK", "MY", "SG"])]


MANIFEST = """
manifest_version: 1
organization: {name: Example Corp., country: US}
coverage: {stores: complete}
entities:
  - {key: example, name: Example Corp., country: US, relationship: self}
locations:
  - {key: us_dc, country: US, operator: example}
  - {key: sg_dc, country: SG, operator: example}
stores:
  - {key: accounts, location: us_dc, categories: [user.account]}
  - {key: backups, location: sg_dc, categories: [user.account]}
"""


def test_any_other_country_is_no_contradiction_end_to_end(claims, tmp_path):
    path = tmp_path / "manifest.yaml"
    path.write_text(MANIFEST, encoding="utf-8")
    manifest = load_manifest(path)
    open_list = claims("We may transfer your information to the United States or to any other country in which "
                       "we maintain facilities.")
    closed = claims("You consent to the transfer of your information to the United States.")
    verdicts = {f.verdict for f in compare(open_list, manifest)}
    assert "contradicted" not in verdicts and "vague" in verdicts  # the US store supported, Singapore's vague
    assert "contradicted" in {f.verdict for f in compare(closed, manifest)}
