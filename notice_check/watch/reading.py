"""Fetched bytes to a Document, keeping what the server said about them (its charset) when the bytes are passed
to `load_document(url, data=...)`, which would otherwise only see the markup. Used for live pages and for
stored snapshots alike, so a re-extraction reads a snapshot exactly as the first run did."""

from __future__ import annotations

import codecs
from collections.abc import Sequence

from notice_check.document import load_document
from notice_check.document.encoding import codec_for
from notice_check.fetching.http import FetchedPage, parse_content_type
from notice_check.models import Document

_TEXT_MEDIA = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown", "")


def as_utf8(content: bytes, content_type: str | None) -> bytes:
    """The bytes re-encoded as UTF-8 with a BOM when the Content-Type header names a charset that decodes them
    (the header outranks a <meta charset>, as in browsers); otherwise unchanged."""
    media, charset = parse_content_type(content_type)
    codec = codec_for(charset)
    if not codec or media not in _TEXT_MEDIA or content.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE,
                                                                     codecs.BOM_UTF16_BE)):
        return content
    try:
        text = content.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return content
    return codecs.BOM_UTF8 + text.encode("utf-8")


def read_page(url: str, content: bytes, content_type: str | None, *, select: str | None = None,
              remove: Sequence[str] = ()) -> Document:
    """A fetched page (or a stored snapshot) as a Document; raises InputError like load_document."""
    return load_document(url, data=as_utf8(content, content_type), select=select, remove=tuple(remove))


def content_type_of(page: FetchedPage) -> str:
    """The Content-Type header as served (charset included), whatever its case; the media type without one."""
    for key, value in page.headers.items():
        if key.lower() == "content-type":
            return value
    return page.content_type
