"""Extraction stage: Document -> Assertions, with spaCy and rules kept as data (rules/*.yml)."""

from notice_check.extraction.extractor import SUPPORTED_LANGUAGES, extract, extract_many, extract_sentences

__all__ = ["SUPPORTED_LANGUAGES", "extract", "extract_many", "extract_sentences"]
