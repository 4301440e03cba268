"""Fixtures every test folder shares."""

from __future__ import annotations

from pathlib import Path

import pytest

import notice_check

EXAMPLES = Path(__file__).resolve().parents[1] / "corpora" / "examples"


@pytest.fixture(scope="session")
def check_example():
    """`notice-check check` of a text against a shipped example's manifest, end to end with the real pipeline:
    check_example("line-2021", "Your data is stored in Japan.")."""

    def run(example: str, text: str | bytes) -> notice_check.CheckResult:
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        return notice_check.check("-", EXAMPLES / example / "manifest.yaml", data=data.rstrip(b"\n") + b"\n")

    return run


@pytest.fixture(scope="session")
def findings_of(check_example):
    """The findings about one practice that quote the text (not the undisclosed ones):
    findings_of("line-2021", "We never share your phone number with anyone.", "sharing")."""

    def run(example: str, text: str, practice: str) -> list:
        return [f for f in check_example(example, text).findings if f.practice == practice and f.evidence]

    return run


@pytest.fixture(scope="session")
def verdicts_of(findings_of):
    """The verdicts of those findings: verdicts_of("sale-sharing", "We do not sell your data.", "sale")."""

    def run(example: str, text: str, practice: str) -> list[str]:
        return [f.verdict for f in findings_of(example, text, practice)]

    return run
