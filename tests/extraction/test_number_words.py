"""Periods written in words.

"forty-five (45) days" was read as 5 days and "one hundred twenty days" as 20: the lexicon knew a fixed list of
number words, so the period matched from its last word; "2 years and 6 months" was 2 years, and "one and a half
years" no period at all. A period read short of what the notice says turns a
true claim into a false *contradicted* against any store that keeps the data longer than the stray number.
"""

from __future__ import annotations

import pytest

from notice_check.document import load_document
from notice_check.extraction import extract


def periods(text: str) -> list[int | None]:
    found = extract(load_document("-", data=text.encode()))
    return [a.retention.max_days for a in found if a.practice == "retention" and a.retention]


@pytest.mark.parametrize(("said", "days"), [
    ("forty-five days", 45),
    ("forty-five (45) days", 45),
    ("45 (forty-five) days", 45),
    ("one hundred twenty days", 120),
    ("one hundred and twenty (120) days", 120),
    ("seventy-two hours", 3),
    ("sixteen months", 480),
    ("two thousand days", 2000),
    ("1,000 days", 1000),
    ("thirty days", 30),
    ("a year", 365),
    ("one and a half years", 548),
    ("a couple of weeks", 14),
    ("2 years and 6 months", 910),
    ("1 year, 2 months", 425),
])
def test_a_period_in_words_is_read_whole(said, days):
    assert periods(f"We keep your messages for {said}.") == [days]


def test_periods_of_one_unit_are_separate_bounds():
    """ "14 days, 30 days and 90 days" are three bounds (the longest counts), not one period of 134 days."""
    assert periods("We keep logs for 14 days, 30 days and 90 days.") == [90]


def test_digits_win_over_words_that_disagree():
    assert periods("We keep your messages for thirty (60) days.") == [60]


def test_what_lasts_must_be_data():
    """ "if the dispute remains unresolved for 45 days" says how long a dispute lasts, not how long data is kept;
    cookies and copies of data still last."""
    assert periods("If the dispute remains unresolved for forty-five days, either party may start arbitration.") == []
    assert periods("Copies of your messages may remain in our backups for ninety days.") == [90]
    assert periods("The opt-out cookie will last for five years.") == [1825]


def test_a_period_after_the_account_is_deleted_runs_from_that_event():
    """ "1 (one) calendar month" is read now; its days run from the account's deletion, so they are no cap."""
    found = extract(load_document("-", data=b"Data is deleted no later than 1 (one) calendar month after the account "
                                             b"is deleted."))
    assert [(a.retention.max_days, a.retention.until) for a in found if a.practice == "retention"] == [
        (30, "account_deletion")]


def test_data_kept_after_the_account_is_deleted_is_not_kept_until_then():
    found = extract(load_document("-", data=b"Some information may remain in our archived records after your account "
                                             b"has been deleted."))
    assert [a.retention.until for a in found if a.practice == "retention" and a.retention] == [None]


def test_content_that_remains_is_still_kept():
    assert periods("If the dispute remains unresolved for forty-five days, either party may start arbitration.") == []
    found = extract(load_document("-", data=b"After account deletion, portions of your public contributions may "
                                             b"remain intact for 90 days."))
    assert [a.retention.max_days for a in found if a.practice == "retention" and a.retention] == [90]
