"""load_document: any notice source (file, URL, standard input) to a Document.

Input problems are the user's most common error, so each one (missing file, directory, binary or
empty file, file too large, damaged .docx/.pdf, a PDF without text, format not supported yet) is a
one-line InputError naming the source, raised before any expensive work.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from notice_check.document.builder import Ids, RawBlock, build_document
from notice_check.document.docx_reader import read_docx
from notice_check.document.encoding import decode
from notice_check.document.html_reader import read_html
from notice_check.document.language import detect_language
from notice_check.document.markdown_reader import read_markdown
from notice_check.document.pdf_reader import read_pdf
from notice_check.document.text_reader import read_text
from notice_check.errors import InputError
from notice_check.fetching.http import fetch_url, human_size
from notice_check.models import Document

STDIN_NAME = "<stdin>"
EXTENSIONS = {
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown",
    ".txt": "text", ".text": "text",
    ".docx": "docx", ".pdf": "pdf",
}
BINARY_FORMATS = ("docx", "pdf")  # read from bytes by their own readers, never decoded as text
NOT_YET = (".doc", ".odt", ".rtf")
CONTENT_TYPES = {
    "text/html": "html", "application/xhtml+xml": "html",
    "text/markdown": "markdown", "text/x-markdown": "markdown",
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}
CONTENT_TYPES_NOT_YET = {
    "application/msword": ".doc",
}

_HTML_SNIFF = re.compile(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<(?:p|div|h[1-6]|ul|ol|li|table|article|main|section|span|a)"
    r"[\s>][^<]*</", re.IGNORECASE,
)
_MD_SNIFF = re.compile(
    r"^#{1,6}[ \t]+\S|^\S.*\n(?:=+|-+)[ \t]*$|\[[^\]\n]+\]\([^)\s]+\)|\*\*[^*\n]+\*\*|^\|.*\|[ \t]*$|^```",
    re.MULTILINE,
)


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def sniff_format(text: str) -> str:
    """"html", "markdown" or "text" for content whose name says nothing (stdin, odd extensions)."""
    head = text[:8192]
    stripped = head.lstrip().lower()
    if stripped.startswith(("<!doctype html", "<html", "<?xml")) or len(_HTML_SNIFF.findall(head)) >= 2:
        return "html"
    if _MD_SNIFF.search(head):
        return "markdown"
    return "text"


def _read_file(path: Path, source: str, max_bytes: int) -> bytes:
    try:
        st = path.stat()
    except FileNotFoundError:
        raise InputError("file not found", source=source) from None
    except OSError as err:
        raise InputError(f"cannot read the file ({err.strerror or err})", source=source) from None
    if path.is_dir():
        raise InputError("is a directory, not a notice file", source=source)
    if st.st_size > max_bytes:
        raise InputError(f"file is {human_size(st.st_size)}, over the {human_size(max_bytes)} limit",
                         source=source)
    try:
        with path.open("rb") as fh:
            raw = fh.read(max_bytes + 1)
    except OSError as err:
        raise InputError(f"cannot read the file ({err.strerror or err})", source=source) from None
    if len(raw) > max_bytes:
        raise InputError(f"file is over the {human_size(max_bytes)} limit", source=source)
    return raw


def _not_yet(ext: str, source: str) -> InputError:
    return InputError(f"{ext} is not supported yet (save the notice as .docx, .pdf, .html, .md or .txt)",
                      source=source)


def sniff_binary(raw: bytes) -> str | None:
    """"pdf" or "docx" for bytes whose name says nothing (stdin, a URL served as octet-stream)."""
    if raw[:1024].lstrip().startswith(b"%PDF-"):
        return "pdf"
    if raw.startswith(b"PK\x03\x04") and b"word/" in raw[:65536]:
        return "docx"
    return None


def _parse(fmt: str, text: str, source: str, select: str | None,
           remove: Sequence[str]) -> tuple[list[RawBlock], str | None]:
    ids = Ids()
    if fmt == "html":
        return read_html(text, ids, select=select, remove=remove, source=source)
    if fmt == "markdown":
        return read_markdown(text, ids)
    return read_text(text, ids)


def load_document(
    source: str,
    *,
    data: bytes | None = None,
    max_bytes: int = 20_000_000,
    timeout: float = 30.0,
    select: str | None = None,
    remove: Sequence[str] = (),
) -> Document:
    """Read a notice from a path (.html/.htm/.md/.markdown/.txt/.docx/.pdf, others sniffed), an http(s) URL or
    "-" (standard input, or `data`) into clean text, blocks and sentences with exact offsets.

    `data` supplies the bytes for any source (a stored snapshot, piped input) so nothing is read or
    fetched; `select`/`remove` are CSS selectors for HTML (the notice body, extra chrome).
    Raises InputError (bad input) or FetchError (URL failures).
    """
    name = STDIN_NAME if source == "-" else source
    fmt: str | None = None
    declared: str | None = None
    if source == "-":
        raw = data if data is not None else sys.stdin.buffer.read(max_bytes + 1)
    elif is_url(source):
        ext = PurePosixPath(urlsplit(source).path).suffix.lower()
        if data is not None:
            raw = data
            fmt = EXTENSIONS.get(ext)
        else:
            page = fetch_url(source, timeout=timeout, max_bytes=max_bytes)
            raw, declared = page.content, page.encoding
            if page.content_type in CONTENT_TYPES_NOT_YET:
                raise _not_yet(CONTENT_TYPES_NOT_YET[page.content_type], name)
            fmt = CONTENT_TYPES.get(page.content_type)
            if fmt is None and page.content_type == "text/plain":
                fmt = EXTENSIONS.get(ext)  # raw .md / .txt files are served as text/plain
    else:
        ext = Path(source).suffix.lower()
        if ext in NOT_YET:
            raise _not_yet(ext, name)
        fmt = EXTENSIONS.get(ext)
        raw = data if data is not None else _read_file(Path(source), name, max_bytes)
    if len(raw) > max_bytes:
        raise InputError(f"notice is over the {human_size(max_bytes)} limit", source=name)
    if not raw.strip():
        raise InputError("empty notice (the file holds no text)", source=name)
    if fmt is None:
        fmt = sniff_binary(raw)  # piped in, or served without a useful content type
    if fmt in BINARY_FORMATS:
        reader = read_pdf if fmt == "pdf" else read_docx
        blocks, title = reader(raw, Ids(), source=name)
        return _finish(source, name, fmt, blocks, title)
    text = decode(raw, declared=declared, markup=fmt in (None, "html"), source=name)
    if not text.strip():
        raise InputError("empty notice (the file holds no text)", source=name)
    fmt = fmt or sniff_format(text)
    blocks, title = _parse(fmt, text, name, select, remove)
    return _finish(source, name, fmt, blocks, title)


def _finish(source: str, name: str, fmt: str, blocks: list[RawBlock], title: str | None) -> Document:
    doc = build_document(source, blocks, title)
    if not doc.text.strip():
        what = " (the page holds only navigation, scripts or banners)" if fmt == "html" else ""
        raise InputError(f"empty notice: no text found{what}", source=name)
    doc.language = detect_language(doc.text)
    return doc
