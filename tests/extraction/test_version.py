"""The extractor version keys stored assertions: it must cover the code, not only the rule files."""

from __future__ import annotations

from notice_check.extraction.pipeline import extractor_version
from notice_check.extraction.rules import load_rules


def test_extractor_version_is_stable_and_covers_more_than_the_rules():
    first = extractor_version()
    extractor_version.cache_clear()
    assert extractor_version() == first  # the same files give the same version in a new process
    assert len(first) == 12 and int(first, 16) >= 0
    assert first != load_rules().version  # code and data are hashed too, not only triggers.yml + lexicon.yml
