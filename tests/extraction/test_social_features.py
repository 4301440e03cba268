"""Social media features that collect on the organisation's site are third parties collecting there.

"Social media features may collect your IP address ... and may set a cookie" is how most notices describe the
like and share buttons other companies run on their pages; OPP-115 files it as third-party collection (sharing),
and so do we for any named kind of third party (rule sharing.collected_by.v1). The features named no party, so
the claim was the organisation's own collection. "These features may collect ..." reads the features of the
sentence before, as "they" does.
"""

from __future__ import annotations

import pytest

from notice_check.document import load_document
from notice_check.extraction import extract


@pytest.mark.parametrize("text", [
    "Social media registration features may collect your IP address and may set a cookie.",
    "Social media plugins may collect information about your visit.",
    "Social networking widgets may collect your IP address.",
])
def test_social_features_collecting_are_third_parties(claims, text):
    found = [a for a in claims(text) if a.practice == "sharing"]
    assert found and all([p.kind for p in a.parties] == ["third_party"] for a in found)


def test_these_features_are_the_ones_just_named():
    text = ("Our Websites include Social Media Features, such as the Facebook Like button. These features may "
            "collect your IP address and which pages you are visiting on our Websites.\n")
    doc = load_document("-", data=text.encode())
    found = [a for a in extract(doc) if a.evidence.text.startswith("These features")]
    assert {(a.practice, tuple(p.kind for p in a.parties)) for a in found} >= {("sharing", ("third_party",))}


def test_our_own_features_are_not_a_party(claims):
    found = claims("Our registration features collect your e-mail address.")
    assert [a for a in found if a.practice == "sharing"] == []
