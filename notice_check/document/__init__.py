"""The DOCUMENT stage: a notice (HTML, Markdown, text, URL, stdin) to a Document of clean text,
blocks and sentences with exact offsets, and its language."""

from notice_check.document.builder import RawBlock, build_document
from notice_check.document.encoding import decode
from notice_check.document.language import detect_language, warm_up
from notice_check.document.loader import load_document, sniff_format
from notice_check.document.sentences import sentences, split_sentences

__all__ = [
    "RawBlock",
    "build_document",
    "decode",
    "detect_language",
    "load_document",
    "sentences",
    "sniff_format",
    "split_sentences",
    "warm_up",
]
