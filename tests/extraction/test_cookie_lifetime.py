"""How long a cookie lives on the reader's device is not how long the organisation's stores keep data.

"Persistent cookies stay on your computer until you delete them" is worth reading (a nightly diff should show a
cookie's lifetime going from 13 months to 2 years), but it is not a store's retention: "session cookies, which
are not permanently stored on your hard drive" read as a denial that cookie data is kept at all, and a manifest
store of cookie data then *contradicted* it. Such claims are marked `retention.on_device`; data the
organisation keeps, cookie data included, is a store's retention as before.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "polarity", "days"), [
    ("Cookies may be session cookies (which expire once you close your web browser) and persistent cookies "
     "(which stay on your computer until you delete them).", "affirm", None),
    ("The blocking cookie for the ad network will last for five years.", "affirm", 1825),
    ('The "persistent" cookies placed by our third party ad servers will remain on your computer for up to 20 '
     "years unless you choose to delete them.", "affirm", 7300),
    ('We predominately use "session" cookies, which are not permanently stored on your hard drive.', "deny", None),
    ("Session cookies expire after two hours of inactivity or when you close your browser.", "affirm", 1),
    ("We store cookies on your device for 2 years.", "affirm", 730),
])
def test_a_cookies_lifetime_is_marked_as_on_the_readers_device(claims, text, polarity, days):
    found = [a for a in claims(text) if a.practice in ("retention", "storage")]
    assert {(a.practice, a.polarity, a.retention.on_device) for a in found} == {("retention", polarity, True)}
    assert days in {a.retention.max_days for a in found}


@pytest.mark.parametrize(("text", "days"), [
    ("We keep cookie data for 13 months.", 390),
    ("We retain cookies for 2 years.", 730),
    ("We keep your messages for 30 days.", 30),
])
def test_what_the_organisation_keeps_is_a_stores_retention(claims, text, days):
    found = [a for a in claims(text) if a.practice == "retention"]
    assert [(a.polarity, a.retention.max_days, a.retention.on_device) for a in found] == [("affirm", days, False)]


def test_data_kept_on_the_device_is_still_storage(claims):
    found = claims("Photos are stored locally on your device.")
    assert [(a.practice, a.polarity) for a in found] == [("storage", "affirm")]
