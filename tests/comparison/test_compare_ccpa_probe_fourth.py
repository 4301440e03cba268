"""False contradictions of the C3PA probe's last unread findings (`bench/cross_check.py --corpus c3pa`: all 108
findings no one had read after the third round, read by two readers), in our own words. Each limited denial has
a plain twin that must stay contradicted."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("example", "text", "practice"), [
    # a thing, a tool or another company does it
    ("eea-only", "The tracking technologies used by our partner do not collect your name or email address.",
     "collection"),
    ("sale-sharing", "We have configured our analytics tool to not share data with third parties.", "sharing"),
    # what the user does or sends first
    ("sale-sharing", "If you do not enable location services, we don't collect your precise location.",
     "collection"),
    ("eea-only", "It signals your preferences to us so that we do not collect data for interest-based ads.",
     "collection"),
    ("eea-only", "A browser signal requesting that a user's activity not be tracked is sent to websites.",
     "collection"),
    # the statute, hedges, hypotheticals
    ("eea-only", "Under the CCPA, a business cannot collect new categories of personal information without notice.",
     "collection"),
    ("sale-sharing", "Depending on your interactions with us, we may not have collected, disclosed, or sold each of "
                     "these categories of personal information.", "sale"),
    ("eea-only", "We do not collect all categories of personal information from each source.", "collection"),
    ("eea-only", "We do not often collect personal data from individuals directly.", "collection"),
    # one channel, one purpose, one kind of data
    ("eea-only", "We do not track personal information about your online activities once you leave our website.",
     "collection"),
    ("sale-sharing", "We do not currently sell personal information about users of the web site.", "sale"),
    ("eea-only", "Information for our data products is not gathered by this web site.", "collection"),
    ("sale-sharing", "We do not share information with third parties for their independent marketing.", "sharing"),
    ("line-2021", "We will not share your name or phone number for the purposes of such campaigns.", "sharing"),
    ("sale-sharing", "Personal data from applications will not be sold to unaffiliated third parties.", "sale"),
    ("sale-sharing", "Our online services don't collect precise geolocation data from GPS sensors.", "collection"),
    ("eea-only", "We do not collect your name or contact details in or related to our delivery of ads.",
     "collection"),
    ("truthful-saas", "We retain the types of information noted above for up to one year.", "retention"),
    ("retention-encryption", "We will not collect or store the contents of any off-platform communication.",
     "storage"),
])
def test_a_limited_denial_of_the_last_sample_is_not_contradicted(verdicts_of, example, text, practice):
    verdicts = verdicts_of(example, text, practice)
    assert verdicts and "contradicted" not in verdicts


@pytest.mark.parametrize(("example", "text", "practice"), [
    ("eea-only", "We do not collect or store any personal information.", "storage"),
    ("eea-only", "We do not collect your name or email address.", "collection"),
    ("sale-sharing", "We do not share data with third parties.", "sharing"),
    ("sale-sharing", "We do not collect your location.", "collection"),
    ("sale-sharing", "We do not sell personal information.", "sale"),
    ("truthful-saas", "We retain your information for up to one year.", "retention"),
    ("retention-encryption", "We will not store your messages.", "storage"),
])
def test_the_plain_twin_is_still_contradicted(verdicts_of, example, text, practice):
    assert "contradicted" in verdicts_of(example, text, practice)


def test_users_of_the_services_are_all_users(verdicts_of):
    """Users of the website are one channel's; users of the services are everyone the notice is for."""
    text = "We do not sell the personal information of users of the Services."
    assert "contradicted" in verdicts_of("sale-sharing", text, "sale")
