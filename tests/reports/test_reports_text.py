"""Text and Markdown for people: what they must see, not how it is coloured."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from notice_check.models import Location
from notice_check.reports import render_check, render_extraction
from notice_check.reports.text import describe_location

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_extraction_text_prints_each_sentence_once_with_one_line_per_assertion(extraction):
    out = render_extraction(extraction, "text")
    assert out.startswith('notice: notices/example.md "Example Privacy Notice" (en, sha256 ')
    assert out.count("All user data is stored on servers located in Japan") == 1
    lines = out.splitlines()
    storage = next(line for line in lines if line.startswith("  - storage"))
    assert "storage affirm fact exclusive" in storage
    assert "location: in JP" in storage
    assert 'data: user ("All user data")' in storage
    assert any(line.startswith("  - encryption") and "encryption: at_rest" in line for line in lines)
    sharing = next(line for line in lines if line.startswith("  - sharing"))
    assert "may" in sharing and 'affiliate ("our affiliates")' in sharing and "NAVER Corp." in sharing
    retention = next(line for line in lines if line.startswith("  - retention"))
    assert "max 30 days" in retention and '"unless you report them"' in retention
    assert out.count("[Where we store data]") == 1 and "[Sharing]" in out
    assert lines[-1] == "4 assertions in 3 sentences"


def test_check_text_groups_findings_by_verdict_contradicted_first(check_result):
    out = render_check(check_result, "text")
    assert "\x1b[" not in out
    order = [out.index(h) for h in ("CONTRADICTED (1)", "UNDISCLOSED (1)", "SUPPORTED (1)")]
    assert order == sorted(order)
    assert "VAGUE" not in out  # empty groups are left out
    contradicted = out[out.index("CONTRADICTED") : out.index("UNDISCLOSED")]
    assert "[high] storage" in contradicted
    assert '"All user data is stored on servers located in Japan and encrypted at rest."' in contradicted
    assert "section: Where we store data" in contradicted
    assert "manifest: stores.talk_media (example.yaml:23), locations.kr_dc (example.yaml:9)" in contradicted
    assert "store talk_media holds chat media in KR" in contradicted
    undisclosed = out[out.index("UNDISCLOSED") : out.index("SUPPORTED")]
    assert "accesses.sh_dev_access (example.yaml)" in undisclosed
    assert out.splitlines()[1] == "manifest: manifests/example.yaml (Example Messaging Corp.)"
    assert out.rstrip().splitlines()[-1] == (
        "summary: 1 contradicted, 1 undisclosed, 0 vague, 0 unverifiable, 1 supported"
    )


def test_check_text_with_colour_has_the_same_words(check_result):
    plain = render_check(check_result, "text")
    coloured = render_check(check_result, "text", color=True)
    assert "\x1b[" in coloured
    assert ANSI.sub("", coloured) == plain


def test_long_lines_are_wrapped_under_their_indent(check_result):
    check_result.findings[1].message = "word " * 60
    lines = render_check(check_result, "text").splitlines()
    message_lines = [line for line in lines if line.strip().startswith("word")]
    assert len(message_lines) >= 3
    assert all(line.startswith("    word") and len(line) <= 100 for line in message_lines)


def test_no_findings_says_so(check_result):
    empty = type(check_result)(
        document=check_result.document, assertions=[], manifest=check_result.manifest, findings=[]
    )
    out = render_check(empty, "text")
    assert "no findings" in out
    assert "summary: 0 contradicted" in out


def test_location_description_names_groups_and_open_lists():
    eea = Location(text="outside the EEA", mode="outside", regions=["EEA"], countries=["AT"] * 30)
    assert describe_location(eea) == "outside EEA (30 countries)"
    cities = Location(
        text="in Frankfurt and Paris, among others", regions=["DE", "FR"], countries=["DE", "FR"], open=True
    )
    assert describe_location(cities) == "in DE, FR (open list)"


def test_markdown_report_renders_to_safe_html(check_result):
    check_result.assertions[0].evidence.text = "Data <script>x</script> stays in *Japan* [only](http://x)."
    check_result.findings[1].evidence = check_result.assertions[0].evidence
    out = render_check(check_result, "markdown")
    assert out.startswith("# notice-check report\n")
    assert "| contradicted | 1 |" in out and "| vague | 0 |" in out
    assert out.index("## Contradicted (1)") < out.index("## Undisclosed (1)") < out.index("## Supported (1)")
    assert "`stores.talk_media (example.yaml:23)`" in out
    html = MarkdownIt("commonmark").enable("table").render(out)
    assert "<script>" not in html and "<em>Japan</em>" not in html and 'href="http://x"' not in html
    assert "<blockquote>" in html and "<table>" in html
    assert "Data &lt;script&gt;x&lt;/script&gt; stays in *Japan* [only](http://x)." in html


def test_manifest_refs_are_never_split_across_lines(check_result):
    from notice_check.models import ManifestRef

    finding = check_result.findings[1]
    finding.manifest_refs = [ManifestRef(section="disclosures", key=f"record_{i}", line=40 + i) for i in range(9)]
    lines = render_check(check_result, "text").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("    manifest: disclosures.record_0"))
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith("      "))
    block = lines[start:end]
    assert len([line for line in block if "record_" in line]) >= 2  # long lists do wrap...
    text = " ".join(line.strip() for line in block)
    for i in range(9):  # ...but each ref stays whole on its line
        assert f"disclosures.record_{i} (example.yaml:{40 + i})" in text
    assert all(line.rstrip().endswith((",", ")")) for line in block if "record_" in line)
