"""Bytes to text: a byte-order mark, then the declared charset, then detection.

Notices in Japan and Korea are still served in Shift_JIS and EUC-KR, sometimes without a declared
charset; reading them as UTF-8 with replacement characters would lose every place name.
"""

from __future__ import annotations

import codecs
import re
from functools import cache

from charset_normalizer import from_bytes

from notice_check.document.resources import load_data
from notice_check.errors import InputError

BINARY_MESSAGE = "binary file, not a notice (expected .html, .md or .txt)"

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_MAGIC = (b"%PDF-", b"PK\x03\x04", b"\x7fELF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\xd0\xcf\x11\xe0")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


@cache
def _aliases() -> dict[str, str]:
    return {k.lower(): v for k, v in load_data("encodings")["aliases"].items()}


def codec_for(charset: str | None) -> str | None:
    """The Python codec for a declared charset (browser supersets for legacy Asian charsets)."""
    if not charset:
        return None
    name = charset.strip().strip("\"'").lower()
    name = _aliases().get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def declared_in_markup(raw: bytes) -> str | None:
    """The charset named by <meta charset>, <meta http-equiv> or an XML declaration."""
    head = raw[:4096]
    m = _XML_ENCODING.match(head.lstrip()) or _META_CHARSET.search(head)
    return m.group(1).decode("ascii") if m else None


def _bom(raw: bytes) -> str | None:
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            return codec
    return None


def _try(raw: bytes, codec: str | None) -> str | None:
    if not codec:
        return None
    try:
        return raw.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def looks_binary(raw: bytes) -> bool:
    """NUL bytes or a known binary signature (PDF, ZIP/DOCX, images, old Word) in a file without a BOM."""
    if _bom(raw):
        return False
    head = raw[:8192]
    return head.startswith(_MAGIC) or b"\x00" in head


def decode(raw: bytes, *, declared: str | None = None, markup: bool = True, source: str = "") -> str:
    """Text of a notice: BOM, then `declared` (e.g. the HTTP header), then the markup's own
    declaration, then UTF-8, then charset-normalizer. A declaration the bytes contradict is ignored.

    Raises InputError for bytes that are not text.
    """
    where = source or None
    if looks_binary(raw):
        raise InputError(BINARY_MESSAGE, source=where)
    bom = _bom(raw)
    text = _try(raw, bom) if bom else None
    if text is None:
        text = _try(raw, codec_for(declared))
    if text is None and markup:
        text = _try(raw, codec_for(declared_in_markup(raw)))
    if text is None:
        text = _try(raw, "utf-8")
    if text is None:
        best = from_bytes(raw).best()
        if best is None:
            raise InputError(BINARY_MESSAGE, source=where)
        text = str(best)
    sample = text[:20000]
    if sample and len(_CONTROL.findall(sample)) > max(2, len(sample) // 100):
        raise InputError(BINARY_MESSAGE, source=where)
    return text.replace("\r\n", "\n").replace("\r", "\n")
