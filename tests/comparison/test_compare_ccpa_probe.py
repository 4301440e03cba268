"""False contradictions the C3PA probe found (`bench/cross_check.py --corpus c3pa`: CCPA-era passages of 400
policies, 100 of its findings read by two readers before any fix), in our own words. Each limited denial has a
plain twin that must stay contradicted."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("example", "text", "practice"), [
    # data that points back, or a part of it
    ("eea-only", "We do not collect this type of information.", "collection"),
    ("eea-only", "For our services, we do not collect the following information from users:", "collection"),
    ("sale-sharing", "We have not sold such personal data for valuable consideration.", "sale"),
    ("sale-sharing", "We do not sell other categories of personal information.", "sale"),
    ("eea-only", "Most of the personal information we hold is not collected by us from consumers.", "collection"),
    # whose data, which channel, which source
    ("sale-sharing", "We do not sell the personal information of consumers we know are less than 16 years old.",
     "sale"),
    ("sale-sharing", "We have not sold any personal data relating to job applicants.", "sale"),
    ("sale-sharing", "We do not sell or share information collected upon a visit to our corporate website.", "sale"),
    ("sale-sharing", "We do not share any user data via the Example Civic Data API.", "sharing"),
    ("eea-only", "We do not collect contact data about Europeans from third parties.", "collection"),
    ("eea-only", "We never directly collect personal data from mobile applications.", "collection"),
    # conditions and exceptions
    ("sale-sharing", "We do not and will not disclose or sell your personal information without giving you notice "
                     "and an opportunity to opt out.", "sale"),
    ("sale-sharing", "We do not and will not disclose or sell your personal information without giving you notice "
                     "and an opportunity to opt out.", "sharing"),
    ("sale-sharing", "Otherwise, we do not sell personal information.", "sale"),
    ("line-2021", "We do not disclose any non-public personal information about you, except as permitted by law.",
     "sharing"),
    ("line-2021", "This check ensures that personal data is not disclosed to any person who has no right to it.",
     "sharing"),
    ("eea-only", "Such tools are not necessarily designed to collect personal information.", "collection"),
    ("sale-sharing", "If you are a business user, we do not share your personal information with third parties.",
     "sharing"),
    ("sale-sharing", "We will not share your contact information with partners unless we have the rights to do so.",
     "sharing"),
    ("eea-only", "Partners onboard offline data for us, but we do not use or have access to any personal data as "
                 "part of this process.", "processing"),
    # purposes
    ("line-2021", "We do not share personal information with unaffiliated companies for use in marketing their "
                  "products.", "sharing"),
    ("sale-sharing", "Data from the text program will not be shared with third parties for their marketing "
                     "reasons/purposes.", "sharing"),
    ("eea-only", "We do not share personal information with service providers for any purpose other than the "
                 "services they perform for us.", "sharing"),
])
def test_a_limited_ccpa_denial_is_not_contradicted(verdicts_of, example, text, practice):
    verdicts = verdicts_of(example, text, practice)
    assert verdicts and "contradicted" not in verdicts


@pytest.mark.parametrize(("example", "text", "practice"), [
    ("eea-only", "We do not collect personal information.", "collection"),
    ("sale-sharing", "We have not sold personal data in the past twelve months.", "sale"),
    ("sale-sharing", "We do not sell the personal information of our users.", "sale"),
    ("sale-sharing", "We do not sell your personal information; and we will not sell it without providing you the "
                     "ability to opt out.", "sale"),
    ("line-2021", "We do not disclose any personal information about you.", "sharing"),
    ("sale-sharing", "We do not share your personal information with third parties.", "sharing"),
])
def test_the_plain_ccpa_denial_is_still_contradicted(verdicts_of, example, text, practice):
    assert "contradicted" in verdicts_of(example, text, practice)
