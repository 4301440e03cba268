import pytest

from notice_check.extraction import extract_sentences
from notice_check.models import Assertion, Sentence


def _extract(text: str, section: tuple[str, ...] = ()) -> list[Assertion]:
    return extract_sentences([Sentence(text=text, start=0, end=len(text), section=section)])


@pytest.fixture(scope="session")
def claims():
    """Extract the assertions of one sentence with the real spaCy pipeline."""
    return _extract
