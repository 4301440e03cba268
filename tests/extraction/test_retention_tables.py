"""A retention table names its data in the first cell.

"| Text messages | 14 days |" under a "Retention" heading was read as "we keep user data for at most 14 days",
which the 30-day store of photos and videos then contradicted. The row's label (or the label before a colon in a
"Photos and videos: 30 days" line) is now the claim's data.
"""

from __future__ import annotations

from notice_check.document import load_document
from notice_check.extraction import extract

TABLE = b"""# Privacy Policy

## Retention

| Data | Retention period |
| --- | --- |
| Text messages | 14 days |
| Photos and videos | 30 days |

## How long we keep data

Chat media: 30 days
"""


def test_each_row_names_its_data():
    found = [a for a in extract(load_document("-", data=TABLE)) if a.practice == "retention"]
    assert [(a.data.text if a.data else None, a.retention.max_days) for a in found] == [
        ("Text messages", 14), ("Photos and videos", 30), ("Chat media", 30)]


def test_a_row_is_judged_against_its_own_store(check_example):
    findings = [f for f in check_example("line-2021", TABLE).findings if f.practice == "retention"]
    assert findings and "contradicted" not in {f.verdict for f in findings}


PLACES = b"""# Privacy Policy

## Where we store data

| Data | Location |
| --- | --- |
| Account information | Japan |
| Photos and videos | South Korea |
"""


def test_a_table_of_places_names_its_data_per_row(check_example):
    """ "| Account information | Japan |" was "we store user data only in Japan" (the Korean media store
    contradicted it), and the next row made no claim at all: the parser tags "|" as a verb."""
    found = [a for a in extract(load_document("-", data=PLACES)) if a.practice == "storage"]
    assert [(a.data.text, a.location.countries) for a in found] == [
        ("Account information", ["JP"]), ("Photos and videos", ["KR"])]
    findings = check_example("line-2021", PLACES).findings
    assert "contradicted" not in {f.verdict for f in findings}


def test_a_claim_in_a_row_that_names_no_data_is_about_the_row_label():
    """A row whose last cell says "Deleted after 3 days." (a verb, no data) read as a period for all data; so did
    "It is deleted ...". The first cell, up to its first full stop, is what the row is about."""
    table = (b"# Retention\n\n| Data | Legal basis | Retention |\n| --- | --- | --- |\n"
             b"| Location data. See the definitions above. | Needed for our contract. | Deleted after 3 days. |\n"
             b"| Chat data | Needed for our contract. | It is deleted after 3 days. |\n")
    found = [a for a in extract(load_document("-", data=table)) if a.practice == "retention"]
    assert [(a.data.text, a.data.categories, a.retention.max_days) for a in found] == [
        ("Location data", ["user.location"], 3), ("Chat data", ["user.content.private"], 3)]
