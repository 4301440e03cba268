"""The assertion diff pairs claims across versions; the text diff is a plain unified diff."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from notice_check.cli.app import app
from notice_check.diff import diff_assertions, diff_documents, normalise_phrase, render_diff, summarise_change
from notice_check.models import Assertion, Document


def claim(sentence: str, practice: str = "storage", data: str = "all user data", section: str = "Storage",
          **fields) -> Assertion:
    a = Assertion.model_validate({
        "practice": practice, "data": {"text": data, "categories": ["user"]},
        "evidence": {"text": sentence, "start": 0, "end": len(sentence), "section": section}, **fields})
    return a.assign_id()


def loc(*countries: str, **kw) -> dict:
    return {"text": "in " + ", ".join(countries), "regions": list(countries), "countries": list(countries), **kw}


def test_location_change_is_one_changed_claim_with_a_summary():
    old = [claim("All user data is stored in Japan.", location=loc("JP"))]
    new = [claim("All user data is stored in Japan, the US and Korea.", location=loc("JP", "US", "KR"))]
    d = diff_assertions(old, new)
    assert d["added"] == [] and d["removed"] == []
    assert [c["summary"] for c in d["changed"]] == ["storage location JP -> JP, US, KR"]


@pytest.mark.parametrize(
    ("before", "after", "summary"),
    [
        ({"parties": [{"text": "providers", "kind": "processor"}]},
         {"parties": [{"text": "providers", "kind": "processor"}, {"text": "affiliates", "kind": "affiliate"}]},
         "sharing parties processor -> processor, affiliate"),
        ({"retention": {"text": "30 days", "max_days": 30}}, {"retention": {"text": "1 year", "max_days": 365}},
         "sharing retention 30 days -> 365 days"),
        ({"encryption": {"kind": "in_transit"}}, {"encryption": {"kind": "end_to_end"}},
         "sharing encryption in_transit -> end_to_end"),
        ({}, {"modality": "may"}, "sharing modality fact -> may"),
        ({"scope": "exclusive"}, {}, "sharing scope exclusive -> unspecified"),
        ({"location": loc("JP")}, {"location": loc("EEA", mode="outside")}, "sharing location JP -> outside EEA"),
    ],
)
def test_each_aspect_is_summarised(before, after, summary):
    assert summarise_change(claim("a", "sharing", **before), claim("b", "sharing", **after)) == summary


def test_same_claims_in_moved_text_give_an_empty_diff():
    a = claim("All user data is stored in Japan.", location=loc("JP"))
    b = claim("All  user data is stored in Japan.", location=loc("JP"))
    b.evidence.start, b.evidence.end = 500, 533
    assert diff_assertions([a], [b]) == {"added": [], "removed": [], "changed": []}


def test_unrelated_claims_are_added_and_removed():
    old = [claim("We sell nothing.", practice="sale", data="personal information", polarity="deny")]
    new = [claim("Messages are end-to-end encrypted.", practice="encryption", data="messages",
                 encryption={"kind": "end_to_end"})]
    d = diff_assertions(old, new)
    assert [a["practice"] for a in d["added"]] == ["encryption"]
    assert [a["practice"] for a in d["removed"]] == ["sale"]
    assert d["changed"] == []


def test_a_reworded_data_phrase_in_a_similar_sentence_still_pairs():
    old = [claim("We store your personal data in Japan.", data="your personal data", location=loc("JP"))]
    new = [claim("We store your personal information in Japan and Korea.", data="your personal information",
                 location=loc("JP", "KR"))]
    d = diff_assertions(old, new)
    assert [c["summary"] for c in d["changed"]] == ["storage location JP -> JP, KR"]


def test_normalise_phrase():
    assert normalise_phrase("All  User-Data") == normalise_phrase("user data") == "user data"
    assert normalise_phrase("2. Where we store") == "where we store"


def test_diff_documents_follows_the_spec_shape_and_renders():
    old = Document(source="old.md", text="Storage\n\nAll user data is stored in Japan.", language="en")
    new = Document(source="new.md", text="Speicherung\n\nAlle Daten werden in Japan gespeichert.", language="de")
    d = diff_documents(old, new, [claim("All user data is stored in Japan.", location=loc("JP"))], [])
    assert set(d) == {"old", "new", "text", "assertions"}
    assert d["old"]["sha256"] == old.sha256 and d["new"]["source"] == "new.md"
    assert d["text"]["changed"] and d["text"]["language_changed"]
    assert d["text"]["unified"].startswith("--- old\n+++ new\n@@")
    assert len(d["assertions"]["removed"]) == 1
    assert json.loads(render_diff(d, "json")) == d
    text = render_diff(d, "text")
    assert "language changed: en -> de" in text and "- storage" in text
    assert "```diff" in render_diff(d, "markdown")
    same = diff_documents(old, old, [], [])
    assert not same["text"]["changed"] and same["text"]["unified"] == ""


def test_diff_command_on_two_files(tmp_path):
    (tmp_path / "old.md").write_text("# Privacy\n\nAll user data is stored in Japan.\n\nWe keep logs for 30 days.\n")
    (tmp_path / "new.md").write_text("# Privacy\n\nAll user data is stored in Japan and Singapore.\n\n"
                                     "We keep logs for 90 days.\n")
    result = CliRunner().invoke(app, ["diff", str(tmp_path / "old.md"), str(tmp_path / "new.md"), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    summaries = sorted(c["summary"] for c in json.loads(result.stdout)["assertions"]["changed"])
    assert summaries == ["retention 30 days -> 90 days", "storage location JP -> JP, SG"]
    md = CliRunner().invoke(app, ["diff", str(tmp_path / "old.md"), str(tmp_path / "new.md"), "-f", "markdown"])
    assert md.exit_code == 0 and "### Changed" in md.stdout
    bad = CliRunner().invoke(app, ["diff", str(tmp_path / "old.md"), str(tmp_path / "nope.md")])
    assert bad.exit_code == 2 and "nope.md" in bad.stderr
