"""Encodings, input errors and language detection."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from notice_check.document import decode, detect_language, load_document
from notice_check.errors import InputError

FIXTURES = Path(__file__).parent / "fixtures"


# --------------------------------------------------------------------------- encodings


@pytest.mark.parametrize("name", ["sjis_declared.html", "sjis_undeclared.html"])
def test_shift_jis(name: str) -> None:
    doc = load_document(str(FIXTURES / name))
    assert doc.title == "プライバシーポリシー｜サンプル"
    assert "当社は、お客様のメッセージを日本国内のサーバーに保存します。" in [s.text for s in doc.sentences]
    assert "\ufffd" not in doc.text
    assert doc.language == "ja"
    store = [b for b in doc.blocks if b.text == "東京データセンター"][0]
    assert store.section == ("プライバシーポリシー", "データの保存場所")


def test_shift_jis_vendor_characters_follow_the_declaration() -> None:
    doc = load_document(str(FIXTURES / "sjis_declared.html"))
    assert "①本人の同意がある場合も同様です。" in doc.text  # a cp932 extension character


@pytest.mark.parametrize("name", ["euckr_declared.html", "euckr_undeclared.html"])
def test_euc_kr(name: str) -> None:
    doc = load_document(str(FIXTURES / name))
    assert "회사는 이용자의 메시지를 대한민국 내 서버에 저장합니다." in [s.text for s in doc.sentences]
    assert doc.title == "개인정보 처리방침"
    assert doc.language == "ko"


def test_declared_charset_beats_detection_and_wrong_declaration_is_ignored() -> None:
    raw = "Daten werden in Köln gespeichert.".encode("cp1252")
    assert decode(raw, declared="iso-8859-1") == "Daten werden in Köln gespeichert."
    utf8 = "Daten werden in Köln gespeichert.".encode()
    assert decode(utf8, declared="shift_jis", markup=False) != ""  # bytes that fail a declaration fall back
    assert decode("東京".encode("cp932") * 20, declared="utf-8") == "東京" * 20


@pytest.mark.parametrize(
    ("bom", "codec"), [(b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")]
)
def test_byte_order_marks(tmp_path: Path, bom: bytes, codec: str) -> None:
    p = tmp_path / "n.txt"
    p.write_bytes(bom + "We store data in Zürich.\r\n".encode(codec))
    doc = load_document(str(p))
    assert doc.text == "We store data in Zürich."


# --------------------------------------------------------------------------- input errors


def test_binary_file(tmp_path: Path) -> None:
    p = tmp_path / "notice.bin"
    p.write_bytes(b"\x00\x01\x02\x89PNG" * 100)
    with pytest.raises(InputError) as err:
        load_document(str(p))
    assert str(err.value) == f"{p}: binary file, not a notice (expected .html, .md or .txt)"


def test_binary_content_in_a_txt_file(tmp_path: Path) -> None:
    p = tmp_path / "notice.txt"
    p.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    with pytest.raises(InputError, match="binary file"):
        load_document(str(p))


@pytest.mark.parametrize("ext", [".docx", ".pdf"])
def test_damaged_office_file(tmp_path: Path, ext: str) -> None:
    p = tmp_path / f"notice{ext}"
    p.write_bytes(b"PK\x03\x04")
    with pytest.raises(InputError, match=rf"notice\{ext}: not a valid \{ext} file"):
        load_document(str(p))


@pytest.mark.parametrize("ext", [".doc", ".odt"])
def test_not_supported_yet(tmp_path: Path, ext: str) -> None:
    p = tmp_path / f"notice{ext}"
    p.write_bytes(b"PK\x03\x04")
    with pytest.raises(InputError, match=rf"notice\{ext}: \{ext} is not supported yet"):
        load_document(str(p))


@pytest.mark.parametrize("content", [b"", b"  \n\t\n"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    p = tmp_path / "empty.md"
    p.write_bytes(content)
    with pytest.raises(InputError, match=r"empty\.md: empty notice"):
        load_document(str(p))


def test_html_with_only_chrome_is_empty(tmp_path: Path) -> None:
    p = tmp_path / "chrome.html"
    p.write_text("<html><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>")
    with pytest.raises(InputError, match="empty notice: no text found"):
        load_document(str(p))


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        load_document(str(tmp_path / "nope.html"))
    assert str(err.value) == f"{tmp_path / 'nope.html'}: file not found"
    assert "\n" not in str(err.value)
    with pytest.raises(InputError, match="is a directory"):
        load_document(str(tmp_path))


def test_oversize_file_is_rejected_before_reading(tmp_path: Path) -> None:
    p = tmp_path / "huge.html"
    with p.open("wb") as fh:  # a sparse 50 MB file: costs nothing to create
        fh.seek(50_000_000 - 1)
        fh.write(b"\0")
    t0 = time.perf_counter()
    with pytest.raises(InputError, match=r"huge\.html: file is 50\.0 MB, over the 20\.0 MB limit"):
        load_document(str(p))
    assert time.perf_counter() - t0 < 1.0  # generous: reading 50 MB would not fail, checking the size first does
    small = tmp_path / "small.txt"
    small.write_text("We store data in Japan. " * 10)
    with pytest.raises(InputError, match=r"small\.txt: file is 240 bytes, over the 100 bytes limit"):
        load_document(str(small), max_bytes=100)
    with pytest.raises(InputError, match=r"<stdin>: notice is over"):
        load_document("-", data=b"x" * 200, max_bytes=100)


# --------------------------------------------------------------------------- language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("We store data in Japan.", "en"),
        ("We do not sell personal information.", "en"),
        ("Data retention", "en"),  # too short to tell
        (
            "Your messages are stored on servers in Japan and Singapore. We never sell your data to anyone.",
            "en",
        ),
        (
            "Wir speichern Ihre Daten ausschließlich in Deutschland und geben sie nicht an Dritte weiter.",
            "de",
        ),
        ("Alle Daten werden in der EU gespeichert.", "de"),
        ("当社は、お客様の個人情報を日本国内のサーバーに保存し、第三者には提供しません。", "ja"),
        ("Nous conservons vos données personnelles en France et ne les vendons jamais.", "fr"),
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_german_notice_is_loaded_with_its_language(tmp_path: Path) -> None:
    p = tmp_path / "datenschutz.txt"
    p.write_text(
        "DATENSCHUTZERKLÄRUNG\n\nWir speichern Ihre personenbezogenen Daten auf Servern in Frankfurt. "
        "Eine Übermittlung in Drittländer findet nicht statt.\n",
        encoding="utf-8",
    )
    assert load_document(str(p)).language == "de"
