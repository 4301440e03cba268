"""Invariants of every Document, checked over every fixture, and load speed."""

from __future__ import annotations

from pathlib import Path

import pytest

from notice_check.document import load_document
from notice_check.models import Document

FIXTURES = Path(__file__).parent / "fixtures"
ALL = sorted(p.name for p in FIXTURES.iterdir() if p.is_file())


@pytest.fixture(scope="module", params=ALL)
def doc(request: pytest.FixtureRequest) -> Document:
    return load_document(str(FIXTURES / request.param))


def test_fixtures_are_all_covered() -> None:
    assert len(ALL) >= 7


def test_sentence_offsets_are_exact(doc: Document) -> None:
    assert doc.sentences
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text
        assert s.text == s.text.strip()


def test_block_offsets_are_exact_and_ordered(doc: Document) -> None:
    prev_end = 0
    for b in doc.blocks:
        assert doc.text[b.start : b.end] == b.text
        assert b.start >= prev_end
        sep = doc.text[prev_end : b.start]
        assert sep in ("", "\n", "\n\n")
        prev_end = b.end
    assert prev_end == len(doc.text)


def test_sentences_are_ordered_and_cover_every_block(doc: Document) -> None:
    starts = [s.start for s in doc.sentences]
    assert starts == sorted(starts)
    for a, b in zip(doc.sentences, doc.sentences[1:], strict=False):
        assert a.end <= b.start
    for block in doc.blocks:
        assert any(
            s.start <= block.start < s.end or block.start <= s.start < block.end for s in doc.sentences
        )


def test_headings_are_sentences_and_sections_name_headings(doc: Document) -> None:
    heading_texts = {b.text for b in doc.blocks if b.kind == "heading"}
    assert heading_texts <= {s.text for s in doc.sentences if s.kind == "heading"}
    for s in doc.sentences:
        assert set(s.section) <= heading_texts


def test_no_blank_or_multiline_blocks(doc: Document) -> None:
    for b in doc.blocks:
        assert b.text and "\n" not in b.text and "  " not in b.text


def _big_notice(words: int) -> str:
    para = (
        "We store your account data and messages on servers in Japan, e.g. in Tokyo and Osaka. "
        "Backups are kept by Example Co. Ltd. in Singapore for 30 days. We never sell data. "
    )
    n = len(para.split())
    sections = []
    for i in range(words // (2 * n) + 1):
        sections.append(
            f"<section><h2>Section {i}</h2><p>{para}</p><p>We share data with:</p>"
            f"<ul><li>Japan</li><li>Korea</li></ul><p><a href='#'>{para}</a></p>"
            f"<table><tr><td>Logs</td><td>30 days</td></tr></table></section>"
        )
    return (
        "<html><head><title>Big</title></head><body><nav>Menu</nav><main><h1>Notice</h1>"
        + "".join(sections)
        + "</main><footer>Footer</footer></body></html>"
    )


def test_a_5000_word_notice_loads_whole(tmp_path: Path) -> None:
    """Speed is measured by bench/speed.py, not here; here: nothing of a long notice is lost."""
    p = tmp_path / "big.html"
    p.write_text(_big_notice(5000), encoding="utf-8")
    doc = load_document(str(p))
    assert len(doc.text.split()) >= 5000
    assert all(doc.text[s.start : s.end] == s.text for s in doc.sentences)


def test_empty_blocks_are_dropped_and_nesting_survives() -> None:
    from notice_check.document import RawBlock, build_document

    raw = [
        RawBlock("paragraph", "We store data in:"),
        RawBlock("list_item", "", level=1, list_id=1, group=1),
        RawBlock("list_item", "Japan", level=2, list_id=2, group=1, parent=1),
        RawBlock("list_item", "Korea", level=2, list_id=2, group=1, parent=1),
    ]
    doc = build_document("x", raw)
    assert doc.text == "We store data in:\n\nJapan\nKorea"
    assert [s.parse_text for s in doc.sentences] == ["We store data in: Japan and Korea."]


def test_a_paragraph_ending_in_a_semicolon_is_no_lead_in() -> None:
    """A list item after "... if you ask us not to share your information ...;" was parsed after that sentence,
    so its own "we will transfer your information" became a denial. A semicolon ends a statement, like a full
    stop; a colon (or no mark) still leads in."""
    from notice_check.document import RawBlock, build_document

    raw = [
        RawBlock("paragraph", "If you ask us not to share your data, some features may stop working;"),
        RawBlock("list_item", "On a merger, we will transfer your data to the buyer.", level=1, list_id=1, group=1),
        RawBlock("paragraph", "We share data with"),
        RawBlock("list_item", "our affiliates", level=1, list_id=2, group=2),
    ]
    doc = build_document("x", raw)
    parsed = {s.text: s.parse_text for s in doc.sentences}
    assert parsed["On a merger, we will transfer your data to the buyer."] is None
    assert parsed["our affiliates"] == "We share data with our affiliates"


def _sections(text: str, name: str = "notice.md") -> dict[str, tuple[str, ...]]:
    doc = load_document(name, data=text.encode())
    return {s.text: s.section for s in doc.sentences if s.kind != "heading"}


def test_an_outline_label_below_a_numbered_heading_is_a_subheading() -> None:
    """ "5.b.Subcontracting" written as a plain line under "5. Sharing": its sentences belong to 5.b, not to 5."""
    text = ("## 5. Sharing\n\nWe share data as follows.\n\n5.a.Public posts\n\nYour posts are public.\n\n"
            "5.b. Subcontracting\n\nProviders handle orders.\n\n5.b.i.Payment\n\nA bank handles payments.\n\n"
            "## 6. Security\n\nWe encrypt data.")
    sections = _sections(text)
    assert sections["We share data as follows."] == ("5. Sharing",)
    assert sections["Your posts are public."] == ("5. Sharing", "5.a.Public posts")
    assert sections["Providers handle orders."] == ("5. Sharing", "5.b. Subcontracting")
    assert sections["A bank handles payments."] == ("5. Sharing", "5.b. Subcontracting", "5.b.i.Payment")
    assert sections["We encrypt data."] == ("6. Security",)


@pytest.mark.parametrize("line", [
    "6.a.Retention",  # another heading's number
    "5.a.i.Too deep",  # two steps below
    "5.1 million users trust us",  # a number, not a title
    "5.a. We share your data with our providers.",  # a sentence
])
def test_a_line_that_is_no_sub_label_stays_a_paragraph(line: str) -> None:
    text = f"## 5. Sharing\n\n{line}\n\nProviders handle orders."
    assert _sections(text)["Providers handle orders."] == ("5. Sharing",)
