"""False contradictions of the C3PA probe's second sample (`bench/cross_check.py --corpus c3pa`: 100 findings
no one had read, drawn after the first round of fixes and read by two readers), in our own words. Each limited
denial has a plain twin that must stay contradicted."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("example", "text", "practice"), [
    # whose data: children, written without "the age of" or as "known minors" (the manifest records no children's data)
    ("sale-sharing", "We do not sell the personal information of people under age 18.", "sale"),
    ("line-2021", 'We do not "share" the personal information of known minors under 13.', "sharing"),
    ("eea-only", "We will not collect or use student data beyond what is needed for school purposes.", "collection"),
    # what the user does first: an opt-out, an e-mail, a browser signal
    ("sale-sharing", "If you submit our opt-out form, none of your data will be sold or shared by us with third "
                     "parties.", "sharing"),
    ("sale-sharing", "We will not sell your personal data after we receive your email asking us not to.", "sale"),
    ("sale-sharing", "If your browser sends a Global Privacy Control signal, we will not sell your personal "
                     "information.", "sale"),
    ("eea-only", "Opting out means that we will no longer collect data for interest-based advertising.",
     "collection"),
    ("eea-only", "We do not collect personal information about visitors except when visitors provide it "
                 "voluntarily.", "collection"),
    # what the sentence points back to, and exceptions listed after it
    ("line-2021", "We do not share personal information about you in this case.", "sharing"),
    ("sale-sharing", "We will not sell or disclose customer data to a third party, except in limited "
                     "circumstances, including:", "sale"),
    ("eea-only", "We may gather this sort of information about you if you answer a survey. We do not collect this "
                 "information when you sign up.", "collection"),
    # purposes and returns the manifest does not record
    ("sale-sharing", "We do not share your data with third parties for such third parties to directly market their "
                     "products to you.", "sharing"),
    ("sale-sharing", "We do not sell your personal information for monetary benefit.", "sale"),
    ("line-2021", "This check helps make sure we do not disclose personal data to the wrong person.", "sharing"),
    # one tool, one source, one channel
    ("eea-only", "These cookies do not track any personally identifiable information.", "collection"),
    ("eea-only", "We do not use Google Analytics to collect personally identifiable information.", "collection"),
    ("eea-only", "We do not receive your personal data from these partners.", "collection"),
    ("eea-only", "We do not collect your name or phone number in order to use our website.", "collection"),
    ("sale-sharing", "Therefore we would not be able to track your activity across the web.", "collection"),
    # data narrowed inside or after its phrase
    ("sale-sharing", "Information that you send us to ask for a quote is never sold to third parties.", "sale"),
    ("line-2021", "We will never share data originating from calendar integrations with third parties.",
     "sharing"),
    ("line-2021", "We do not share personal information we store in local storage, such as names.", "sharing"),
    ("retention-encryption", "We will not store the information in your contact list.", "storage"),
    ("eea-only", "Our staff never access the content of personal data obtained by means of cookies.", "processing"),
    ("truthful-saas", "Data we have logged about ad bids is deleted after 15 days.", "retention"),
    ("truthful-saas", "Personal data associated with cookie identifiers is deleted after 12 months.", "retention"),
])
def test_a_limited_denial_of_the_second_sample_is_not_contradicted(verdicts_of, example, text, practice):
    verdicts = verdicts_of(example, text, practice)
    assert verdicts and "contradicted" not in verdicts


@pytest.mark.parametrize(("example", "text", "practice"), [
    ("sale-sharing", "We do not sell the personal information of our customers.", "sale"),
    ("sale-sharing", "We will not sell your personal data.", "sale"),
    ("sale-sharing", "We do not sell your personal information for advertising.", "sale"),
    ("eea-only", "We do not collect personally identifiable information.", "collection"),
    ("eea-only", "We do not collect personal information about visitors.", "collection"),
    ("line-2021", "We do not share personal information about you.", "sharing"),
    ("sale-sharing", "Information that you send us is never sold to third parties.", "sale"),
    ("retention-encryption", "We will not store your messages.", "storage"),
    ("retention-encryption", "Messages are deleted after 30 days.", "retention"),
])
def test_the_plain_twin_is_still_contradicted(verdicts_of, example, text, practice):
    assert "contradicted" in verdicts_of(example, text, practice)


def test_a_child_limit_is_settled_by_a_manifest_that_records_childrens_data(tmp_path):
    """The children limit leaves a denial open only because the manifest cannot say which data is children's."""
    import yaml

    import notice_check
    from tests.conftest import EXAMPLES

    manifest = yaml.safe_load((EXAMPLES / "sale-sharing" / "manifest.yaml").read_text(encoding="utf-8"))
    for item in manifest["disclosures"]:
        if item.get("sale"):
            item["categories"] = [*item["categories"], "user.childrens"]
    path = tmp_path / "manifest.yaml"
    path.write_text(yaml.safe_dump(manifest), encoding="utf-8")
    result = notice_check.check("-", path, data=b"We do not sell the personal information of minors.\n")
    assert "contradicted" in [f.verdict for f in result.findings if f.practice == "sale" and f.evidence]
