"""Markdown and plain-text notices."""

from __future__ import annotations

from pathlib import Path

import pytest

from notice_check.document import load_document, sniff_format
from notice_check.models import Document

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def md() -> Document:
    return load_document(str(FIXTURES / "notice.md"))


@pytest.fixture(scope="module")
def txt() -> Document:
    return load_document(str(FIXTURES / "notice.txt"))


def _by_text(doc: Document, text: str):
    return [b for b in doc.blocks if b.text == text][0]


def test_markdown_headings_atx_and_setext(md: Document) -> None:
    headings = [(b.level, b.text) for b in md.blocks if b.kind == "heading"]
    assert headings == [
        (1, "Privacy Policy"),
        (2, "Where we store data"),
        (2, "Who can access your data"),
        (3, "Retention"),
    ]
    assert md.title == "Example Notes Privacy Policy"  # front matter wins over the first heading
    assert "updated: 2024" not in md.text


def test_markdown_inline_markup_is_stripped(md: Document) -> None:
    assert "Example Notes Ltd. makes a note-taking app." in md.text
    assert "Read the full terms too." in md.text
    assert "**" not in md.text and "](" not in md.text


def test_markdown_list_with_intro(md: Document) -> None:
    s = [s for s in md.sentences if s.text.startswith("We store your notes in:")][0]
    assert s.parse_text == "We store your notes in: Germany and France."
    assert s.section == ("Privacy Policy", "Where we store data")


def test_markdown_nested_lists(md: Document) -> None:
    canada = _by_text(md, "Our engineers in Canada, who fix problems with the service when you ask for help.")
    india = _by_text(md, "Acme Support Inc. in India")
    assert canada.level == 1 and canada.intro is None  # the list follows a heading
    assert india.level == 2 and india.intro == "Contractors:"
    s = [s for s in md.sentences if "Acme" in s.text][0]
    assert s.text == "Contractors:\nAcme Support Inc. in India\nGlobex LLC in Brazil"
    assert s.parse_text == "Contractors: Acme Support Inc. in India and Globex LLC in Brazil."


def test_markdown_table(md: Document) -> None:
    rows = [b.text for b in md.blocks if b.kind == "table_row"]
    assert rows == ["Data | Retention", "Notes | Until you delete them", "Logs | 30 days"]
    assert all(
        b.section == ("Privacy Policy", "Who can access your data", "Retention")
        for b in md.blocks
        if b.kind == "table_row"
    )


def test_markdown_asterisk_and_numbered_lists(tmp_path: Path) -> None:
    p = tmp_path / "n.markdown"
    p.write_text("Intro text:\n\n* one item\n* two item\n\n1. first\n2. second\n", encoding="utf-8")
    doc = load_document(str(p))
    items = [b for b in doc.blocks if b.kind == "list_item"]
    assert [b.text for b in items] == ["one item", "two item", "first", "second"]
    assert items[0].list_id == items[1].list_id != items[2].list_id


def test_plain_text_headings(txt: Document) -> None:
    headings = [(b.level, b.text) for b in txt.blocks if b.kind == "heading"]
    assert headings == [
        (1, "EXAMPLE FITNESS PRIVACY NOTICE"),
        (2, "1. Information we collect"),
        (2, "2. Where we store data"),
        (3, "2.1 Retention"),
        (2, "Contact us"),
    ]
    assert txt.title == "EXAMPLE FITNESS PRIVACY NOTICE"


def test_plain_text_paragraphs_unwrap(txt: Document) -> None:
    assert (
        "This notice explains what we do with the information you give us, e.g. your name and route history."
    ) in [s.text for s in txt.sentences]
    retention = [s for s in txt.sentences if s.text == "Deleted accounts are erased within 30 days."][0]
    assert retention.section == ("EXAMPLE FITNESS PRIVACY NOTICE", "2. Where we store data", "2.1 Retention")


def test_plain_text_bullets_and_intro(txt: Document) -> None:
    s = [s for s in txt.sentences if s.text.startswith("We store data in:")][0]
    assert s.parse_text == "We store data in: Australia and New Zealand."
    pay = [s for s in txt.sentences if s.text.startswith("payment processors")][0]
    assert pay.parse_text == (
        "We may share data with: payment processors that charge your card in the United "
        "States when you subscribe to premium plans"
    )
    assert "We may share data with:" in [s.text for s in txt.sentences]


def test_plain_text_bullet_styles(tmp_path: Path) -> None:
    p = tmp_path / "n.txt"
    p.write_text(
        "Recipients:\n● hosting firms\n・ analytics firms\n(a) lawyers\n1. auditors\n"
        "* banks\n  - central banks that\n    regulate us\n",
        encoding="utf-8",
    )
    doc = load_document(str(p))
    items = [b for b in doc.blocks if b.kind == "list_item"]
    assert [b.text for b in items] == [
        "hosting firms",
        "analytics firms",
        "lawyers",
        "auditors",
        "banks",
        "central banks that regulate us",
    ]
    assert items[-1].level == 2 and items[-1].intro == "banks"


def test_numbered_lines_in_a_run_are_items_not_headings(tmp_path: Path) -> None:
    p = tmp_path / "n.txt"
    p.write_text(
        "We store data in the following countries:\n\n1. Japan\n\n2. Singapore\n\n3. Korea\n\n"
        "Other text follows here.\n",
        encoding="utf-8",
    )
    doc = load_document(str(p))
    assert [b.kind for b in doc.blocks] == ["paragraph", "list_item", "list_item", "list_item", "paragraph"]
    s = [s for s in doc.sentences if s.kind == "list_item"][0]
    assert s.parse_text == "We store data in the following countries: Japan, Singapore and Korea."


def test_legal_style_enumeration_and_or(tmp_path: Path) -> None:
    p = tmp_path / "n.txt"
    p.write_text("Your data may be transferred to:\n- Japan;\n- India; or\n- Brazil.\n", encoding="utf-8")
    doc = load_document(str(p))
    assert doc.sentences[-1].parse_text == "Your data may be transferred to: Japan, India or Brazil."


def test_and_or_enumeration(tmp_path: Path) -> None:
    p = tmp_path / "n.md"
    p.write_text(
        "We use data for these purposes:\n\n- providing the service;\n- security; and/or\n- ads for you.\n",
        encoding="utf-8",
    )
    doc = load_document(str(p))
    assert (
        doc.sentences[-1].parse_text
        == "We use data for these purposes: providing the service, security and ads for you."
    )


def test_intro_that_is_a_statement_is_not_prefixed(tmp_path: Path) -> None:
    p = tmp_path / "n.txt"
    p.write_text(
        "We never sell your data.\n- We share data with vendors.\n- We keep logs.\n", encoding="utf-8"
    )
    doc = load_document(str(p))
    items = [s for s in doc.sentences if s.kind == "list_item"]
    assert [s.parse_text for s in items] == [None, None]
    assert items[0].text == "We share data with vendors."


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("<html><body><p>x</p></body></html>", "html"),
        ("<div><p>Hello</p><p>World</p></div>", "html"),
        ("# Title\n\nText", "markdown"),
        ("Title\n=====\n\nText", "markdown"),
        ("See [our terms](https://example.com).", "markdown"),
        ("PRIVACY\n\nWe store data in Japan.\n• one", "text"),
    ],
)
def test_sniff_format(text: str, fmt: str) -> None:
    assert sniff_format(text) == fmt


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    p = tmp_path / "notice.policy"
    p.write_text("## Storage\n\nWe store data in:\n\n- Japan\n- Korea\n", encoding="utf-8")
    doc = load_document(str(p))
    assert doc.blocks[0].kind == "heading"
    assert doc.sentences[-1].parse_text == "We store data in: Japan and Korea."


def test_stdin_plain_text() -> None:
    doc = load_document("-", data=b"PRIVACY\n\nWe store data in Japan.\n")
    assert doc.text == "PRIVACY\n\nWe store data in Japan."
    assert doc.blocks[0].kind == "heading"


def test_glyph_bullets_on_hard_broken_lines_are_a_list() -> None:
    """CommonMark does not know "●": lines joined by hard breaks are still list items, with their lead-in."""
    from notice_check.document import load_document

    text = "# Cookies\n\nWe use cookies:  \n● to store your login state;  \n● to store language settings.\n"
    doc = load_document("-", data=text.encode())
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert kinds == [("heading", "Cookies"), ("paragraph", "We use cookies:"),
                     ("list_item", "to store your login state;"), ("list_item", "to store language settings.")]
    assert all(b.intro == "We use cookies:" for b in doc.blocks if b.kind == "list_item")
    assert all(doc.text[s.start : s.end] == s.text for s in doc.sentences)
