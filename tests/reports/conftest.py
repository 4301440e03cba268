"""Hand-built results: the renderers are tested without spaCy, a notice file or a manifest file."""

from __future__ import annotations

import pytest

from notice_check.api import CheckResult, ExtractionResult
from notice_check.manifest.model import Manifest, Organization, Place, Store
from notice_check.models import (
    Assertion,
    DataRef,
    Document,
    Encryption,
    Evidence,
    Finding,
    Location,
    ManifestRef,
    Party,
    Retention,
)

TEXT = (
    "Where we store data\n"
    "All user data is stored on servers located in Japan and encrypted at rest.\n"
    "We may share your contact details with our affiliates, such as NAVER Corp.\n"
    "We keep messages for 30 days unless you report them.\n"
)
SENTENCE_1 = "All user data is stored on servers located in Japan and encrypted at rest."
SENTENCE_2 = "We may share your contact details with our affiliates, such as NAVER Corp."
SENTENCE_3 = "We keep messages for 30 days unless you report them."


def _evidence(sentence: str, section: str = "Where we store data") -> Evidence:
    start = TEXT.index(sentence)
    return Evidence(text=sentence, start=start, end=start + len(sentence), section=section)


@pytest.fixture
def document() -> Document:
    return Document(source="notices/example.md", text=TEXT, title="Example Privacy Notice", language="en")


@pytest.fixture
def assertions() -> list[Assertion]:
    made = [
        Assertion(
            practice="storage",
            scope="exclusive",
            data=DataRef(text="All user data", categories=["user"]),
            location=Location(text="in Japan", regions=["JP"], countries=["JP"]),
            evidence=_evidence(SENTENCE_1),
        ),
        Assertion(
            practice="encryption",
            data=DataRef(text="All user data", categories=["user"]),
            encryption=Encryption(kind="at_rest"),
            evidence=_evidence(SENTENCE_1),
        ),
        Assertion(
            practice="sharing",
            modality="may",
            data=DataRef(text="your contact details", categories=["user.contact"]),
            parties=[
                Party(text="our affiliates", kind="affiliate"),
                Party(text="NAVER Corp.", kind="affiliate", name="NAVER Corp."),
            ],
            evidence=_evidence(SENTENCE_2, "Sharing"),
        ),
        Assertion(
            practice="retention",
            data=DataRef(text="messages", categories=["user.content.private"]),
            retention=Retention(text="for 30 days", max_days=30),
            conditions=["unless you report them"],
            evidence=_evidence(SENTENCE_3, ""),
        ),
    ]
    return [a.assign_id() for a in made]


@pytest.fixture
def manifest() -> Manifest:
    return Manifest(
        source="manifests/example.yaml",
        sha256="0" * 64,
        organization=Organization(name="Example Messaging Corp.", country="JP"),
        locations=[Place(key="kr_dc", country="KR", line=9)],
        stores=[Store(key="talk_media", location="kr_dc", categories=["user.content.private"], line=23)],
    )


@pytest.fixture
def findings(assertions: list[Assertion]) -> list[Finding]:
    storage = assertions[0]
    made = [
        Finding(
            verdict="supported",
            practice="encryption",
            assertion_id=assertions[1].id,
            evidence=assertions[1].evidence,
            message="Every store of user data is encrypted at rest.",
        ),
        Finding(
            verdict="contradicted",
            practice="storage",
            assertion_id=storage.id,
            evidence=storage.evidence,
            manifest_refs=[
                ManifestRef(section="stores", key="talk_media", line=23),
                ManifestRef(section="locations", key="kr_dc", line=9),
            ],
            message=("The notice says user data is stored only in Japan; store talk_media holds chat media in KR."),
        ),
        Finding(
            verdict="undisclosed",
            practice="transfer",
            manifest_refs=[ManifestRef(section="accesses", key="sh_dev_access", line=None)],
            message="Access sh_dev_access reaches user.contact from CN, a country the notice never names.",
        ),
    ]
    return [f.finalise() for f in made]


@pytest.fixture
def extraction(document: Document, assertions: list[Assertion]) -> ExtractionResult:
    return ExtractionResult(document=document, assertions=assertions)


@pytest.fixture
def check_result(document, assertions, manifest, findings) -> CheckResult:
    return CheckResult(document=document, assertions=assertions, manifest=manifest, findings=findings)
