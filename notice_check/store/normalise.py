"""The text a change is detected on: cosmetic edits (whitespace, tracking parameters, list renumbering) never
count as a new version. The stored version keeps the cleaned text as it was; only its hash uses this."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Bump when the rules below change. Not yet used by a migration: a store written under older rules sees each
# notice as "changed" once after an upgrade.
NORMALISER_VERSION = 1
_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_[ce]id|_ga|_gl|yclid|igshid|ref|ref_src|"
                       r"sessionid|sid|nonce|_hs(?:enc|mi)|mkt_tok)$", re.IGNORECASE)
_URL = re.compile(r"https?://[^\s<>()\"']+")
_LIST_MARK = re.compile(r"^(?:[-*\u2022\u25cf\u30fb]|\(?\d{1,3}(?:\.\d{1,3})*[.)]|\(?[a-z][.)]|\(?[ivx]{1,5}[.)])\s+",
                        re.IGNORECASE)
# e-mail addresses and the forms sites obfuscate them into (Cloudflare's "[email protected]", "name [at] host
# [dot] com"): some fetches get one form, some the other, and that is no change of the notice
_EMAIL = re.compile(
    r"\[email(?:\s|&#160;|\u00a0)*protected\]"
    r"|[\w.+-]+\s*(?:@|\[at\]|\(at\)|\sat\s)\s*[\w-]+(?:\s*(?:\.|\[dot\]|\(dot\))\s*[\w-]+)+",
    re.IGNORECASE)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


def strip_tracking(url: str) -> str:
    """https://x.com/p?utm_source=a&id=3 -> https://x.com/p?id=3"""
    parts = urlsplit(url)
    if not parts.query:
        return url
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)]
    return urlunsplit(parts._replace(query=urlencode(query)))


def normalise_text(text: str) -> str:
    """NFKC, no invisible characters, tracking parameters dropped from URLs, e-mail addresses in any
    obfuscation the same, list markers and numbering dropped, runs of white space collapsed, blank lines
    dropped."""
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE)
    text = _URL.sub(lambda m: strip_tracking(m.group(0)), text)
    text = _EMAIL.sub("[email]", text)
    lines = []
    for line in text.splitlines():
        line = " ".join(line.split())
        line = _LIST_MARK.sub("", line)
        if line:
            lines.append(line)
    return "\n".join(lines)


def normalised_sha256(text: str) -> str:
    """The version identity of a cleaned text."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()
