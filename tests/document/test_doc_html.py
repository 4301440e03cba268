"""HTML notices: chrome removed, structure kept, list intros merged."""

from __future__ import annotations

from pathlib import Path

import pytest

from notice_check.document import load_document
from notice_check.errors import InputError
from notice_check.models import Document

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def chrome() -> Document:
    return load_document(str(FIXTURES / "chrome.html"))


def _sentence(doc: Document, needle: str):
    found = [s for s in doc.sentences if needle in s.text]
    assert found, f"no sentence contains {needle!r}"
    return found[0]


@pytest.mark.parametrize(
    "chrome_text",
    [
        "Skip to content",
        "Home",
        "Blog",  # skip link, nav
        "sell your browsing data",
        "Accept all",
        "stores cookies in the United States",  # cookie banners
        "trackingConfig",
        "font-family",  # script, style
        "Decorative duplicate",
        "Atlantis",
        "pirates",
        "Opens in a new window",  # hidden
        "Brazil",
        "Canada",
        "Iceland",
        "Mars",
        "Antarctica",
        "Email",  # aside, footer, svg, noscript, form
    ],
)
def test_page_chrome_is_removed(chrome: Document, chrome_text: str) -> None:
    assert chrome_text not in chrome.text


def test_title_and_article_header_are_kept(chrome: Document) -> None:
    assert chrome.title == "Privacy Notice | Example Messaging"
    assert chrome.text.startswith("Privacy Notice\n\nLast updated: 1 March 2024")
    assert chrome.language == "en"


def test_inline_markup_joins_with_single_spaces(chrome: Document) -> None:
    s = _sentence(chrome, "This notice explains")
    assert s.text == "This notice explains how we handle your information."
    assert (
        _sentence(chrome, "runs the Example").text
        == "Example Messaging Corp. (“we”) runs the Example chat app."
    )


def test_heading_paths(chrome: Document) -> None:
    headings = {b.text: b for b in chrome.blocks if b.kind == "heading"}
    assert headings["2.1 Service providers"].section == ("Privacy Notice", "2. Sharing")
    assert headings["2.1 Service providers"].level == 3
    assert headings["Privacy Notice"].section == ()
    # a bold-only paragraph is a heading one level below the last real heading
    assert headings["Affiliates"].level == 4
    korea = _sentence(chrome, "access account data from Korea")
    assert korea.section == ("Privacy Notice", "2. Sharing", "2.1 Service providers", "Affiliates")
    assert korea.section_path == "Privacy Notice > 2. Sharing > 2.1 Service providers > Affiliates"
    assert _sentence(chrome, "2. Sharing").kind == "heading"


def test_short_list_after_intro_is_one_sentence(chrome: Document) -> None:
    s = _sentence(chrome, "We store data in:")
    assert s.kind == "list_item"
    assert s.text == "We store data in:\n\nJapan\nSingapore"
    assert s.parse_text == "We store data in: Japan and Singapore."
    assert s.section == ("Privacy Notice", "1. Where we store data")
    # the intro is not emitted a second time, the sentence before it is
    assert [x.text for x in chrome.sentences].count("We store data in:") == 0
    assert _sentence(chrome, "kept on our own servers").kind == "paragraph"
    items = [b for b in chrome.blocks if b.kind == "list_item" and b.text in ("Japan", "Singapore")]
    assert len(items) == 2 and items[0].list_id == items[1].list_id
    assert all(b.intro == "We store data in:" for b in items)


def test_long_list_items_stay_separate_with_intro(chrome: Document) -> None:
    intro = "We share personal information with the following recipients:"
    assert _sentence(chrome, intro).text == intro
    cloud = _sentence(chrome, "Cloud hosting companies")
    assert cloud.kind == "list_item"
    assert cloud.text.startswith("Cloud hosting companies")
    assert cloud.parse_text == f"{intro} {cloud.text}"
    nested = [b for b in chrome.blocks if b.text == "Helpdesk Ltd. in Ireland"][0]
    assert nested.level == 2
    assert nested.intro == "Customer support vendors, who may read the messages you send to our help desk."
    top = [b for b in chrome.blocks if b.text.startswith("Cloud hosting")][0]
    assert top.level == 1 and top.list_id != nested.list_id
    # items of one list (and its sublists) are separated by single newlines
    assert "for us.\nCustomer support" in chrome.text


def test_table_rows_and_definitions(chrome: Document) -> None:
    rows = [b for b in chrome.blocks if b.kind == "table_row"]
    assert [r.text for r in rows] == [
        "Data | Where | Period",
        "Account data | Japan | Until you delete your account",
        "Chat media | Korea | 30 days",
    ]
    assert "Chat media | Korea | 30 days" in [s.text for s in chrome.sentences if s.kind == "table_row"]
    assert "How long we keep data\n\nData | Where | Period\nAccount data" in chrome.text
    assert _sentence(chrome, "Backups").text == "Backups: Kept for 90 days."


def _load_html(tmp_path: Path, body: str, name: str = "n.html") -> Document:
    p = tmp_path / name
    p.write_text(f"<html><head><title>T</title></head><body>{body}</body></html>", encoding="utf-8")
    return load_document(str(p))


def test_main_is_preferred_over_the_rest_of_the_page(tmp_path: Path) -> None:
    doc = _load_html(
        tmp_path,
        "<div><p>Sidebar text about storing data in Peru.</p></div>"
        "<main><h1>Notice</h1><p>We store data in Japan only. It never leaves Japan. "
        "Backups are also in Japan.</p></main>",
    )
    assert "Peru" not in doc.text
    assert "We store data in Japan only." in doc.text


def test_largest_article_is_chosen(tmp_path: Path) -> None:
    doc = _load_html(
        tmp_path,
        "<article><p>Short teaser about Chile.</p></article>"
        "<article><h1>Privacy</h1><p>We keep your data in Norway. "
        + "More words here. " * 20
        + "</p></article>",
    )
    assert "Norway" in doc.text and "Chile" not in doc.text


def test_cookie_section_of_the_notice_is_not_a_banner(tmp_path: Path) -> None:
    doc = _load_html(
        tmp_path,
        '<main><h1>Privacy</h1><section id="cookies" class="cookie-policy">'
        "<h2>Cookies</h2><p>We use cookies stored in your browser.</p></section></main>",
    )
    assert "We use cookies stored in your browser." in doc.text


def test_consent_banner_by_aria_label_and_page_wide_form(tmp_path: Path) -> None:
    # ASP.NET-style pages wrap everything in a <form>: it must not take the notice with it
    doc = _load_html(
        tmp_path,
        '<form id="form1"><div aria-label="Cookie consent"><p>Accept cookies from '
        "Narnia.</p></div><h1>Privacy</h1><p>We store data in Japan.</p></form>",
    )
    assert "Narnia" not in doc.text
    assert "We store data in Japan." in doc.text


def test_numbered_sections_in_an_ordered_list_are_read_as_sections(tmp_path: Path) -> None:
    doc = _load_html(
        tmp_path,
        "<ol><li><h2>Collection</h2><p>We collect your name.</p></li>"
        "<li><h2>Storage</h2><p>We store data in Japan.</p></li></ol>",
    )
    s = [s for s in doc.sentences if s.text == "We store data in Japan."][0]
    assert s.kind == "paragraph" and s.section == ("Storage",)


def test_select_and_remove(tmp_path: Path) -> None:
    p = tmp_path / "n.html"
    p.write_text(
        '<body><div class="promo"><p>Buy now in Spain.</p></div><div id="notice"><p>We store data'
        ' in Japan.</p><p class="ad">Ad text from Italy.</p></div></body>',
        encoding="utf-8",
    )
    doc = load_document(str(p), select="#notice", remove=[".ad"])
    assert doc.text == "We store data in Japan."
    with pytest.raises(InputError, match="matches nothing"):
        load_document(str(p), select="#absent")


def test_breaks_split_paragraphs_and_headings_need_text(tmp_path: Path) -> None:
    doc = _load_html(tmp_path, "<h1>Privacy</h1><h2> </h2><p>First line<br>Second line</p>")
    assert [b.text for b in doc.blocks] == ["Privacy", "First line", "Second line"]


def test_stdin_html_is_sniffed() -> None:
    doc = load_document(
        "-",
        data=b"<!doctype html><html><body><h1>Hi</h1><p>We store data in Japan.</p>"
        b"<script>x()</script></body></html>",
    )
    assert doc.text == "Hi\n\nWe store data in Japan."
    assert doc.source == "-"
    assert doc.title == "Hi"


def test_responsive_hidden_classes_and_long_notice_containers_are_kept(tmp_path: Path) -> None:
    body = (
        '<div class="hidden md:block"><p>Visible on desktop: data stays in Japan.</p></div>'
        '<div class="hidden"><p>Truly hidden text about Peru.</p></div>'
        '<div class="cookie-notice"><h2>Cookies</h2><p>Session cookies expire.</p><h2>Analytics</h2>'
        "<p>Analytics cookies last one year.</p></div>"
        '<div class="cookie-banner"><p>Accept cookies from Chile?</p></div>'
        '<div class="ot-sdk-container"><h2>Preference centre</h2><p>Vendors in Fiji.</p><h3>More</h3></div>'
    )
    doc = _load_html(tmp_path, body)
    assert "Visible on desktop: data stays in Japan." in doc.text
    assert "Analytics cookies last one year." in doc.text  # generic name, but two headings: content
    for gone in ("Peru", "Chile", "Fiji"):
        assert gone not in doc.text


def test_heading_permalinks_are_dropped(tmp_path: Path) -> None:
    doc = _load_html(tmp_path, '<h2 id="s">Storage <a href="#s">¶</a></h2><p>We store data in Japan.</p>')
    assert doc.blocks[0].text == "Storage"
    assert doc.sentences[1].section == ("Storage",)


def test_pre_block_is_read_as_plain_text(tmp_path: Path) -> None:
    doc = _load_html(tmp_path, "<pre>STORAGE\r\n\r\nWe store data in:\r\n- Japan\r\n- Korea\r\n</pre>")
    assert doc.blocks[0].kind == "heading" and doc.blocks[0].text == "STORAGE"
    assert doc.sentences[-1].parse_text == "We store data in: Japan and Korea."
