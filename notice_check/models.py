"""The data that flows between stages: notice -> Document -> Assertion -> Finding -> Report.

Every stage takes and returns these models, never bare dicts, so a field added here is visible to
every stage and to the JSON contract (`../shared/SPEC.md` sections 2 and 4) at once.
"""

from __future__ import annotations

import hashlib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from notice_check import __version__

Practice = Literal[
    "storage",
    "processing",
    "transfer",
    "sharing",
    "sale",
    "retention",
    "encryption",
    "law_enforcement",
    "collection",
]
PRACTICES: tuple[str, ...] = Practice.__args__  # type: ignore[attr-defined]
Polarity = Literal["affirm", "deny"]
Modality = Literal["fact", "may"]
Scope = Literal["exclusive", "unspecified"]
PartyKind = Literal[
    "self", "affiliate", "processor", "third_party", "advertiser", "public_authority", "public", "unspecified"
]
PARTY_KINDS: tuple[str, ...] = PartyKind.__args__  # type: ignore[attr-defined]
EncryptionKind = Literal["end_to_end", "in_transit", "at_rest"]
Verdict = Literal["contradicted", "undisclosed", "vague", "unverifiable", "supported"]
VERDICTS: tuple[str, ...] = Verdict.__args__  # type: ignore[attr-defined]
SEVERITY: dict[str, str] = {
    "contradicted": "high",
    "undisclosed": "medium",
    "vague": "low",
    "unverifiable": "info",
    "supported": "info",
}
BlockKind = Literal["heading", "paragraph", "list_item", "table_row"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --------------------------------------------------------------------------- document


class Block(_Model):
    """A heading, paragraph, list item or table row of the cleaned notice text."""

    kind: BlockKind
    text: str
    start: int  # character offsets into Document.text
    end: int
    section: tuple[str, ...] = ()  # heading path above this block (headings: the path of their parents)
    level: int = 0  # heading level (1-6) for headings, nesting depth for list items
    list_id: int | None = None  # list items of one list share an id
    intro: str | None = None  # list items: the sentence that introduces the list ("We store data in:")


class Sentence(_Model):
    """The unit the extractor reads; `parse_text` is what it parses, `text` is the evidence quoted."""

    text: str
    start: int
    end: int
    section: tuple[str, ...] = ()
    kind: BlockKind = "paragraph"
    parse_text: str | None = None  # e.g. a list's intro joined with its items; None means `text`

    @property
    def analysed(self) -> str:
        return self.parse_text if self.parse_text is not None else self.text

    @property
    def section_path(self) -> str:
        return " > ".join(self.section)


class Document(_Model):
    """A notice reduced to clean text with its structure; every offset points into `text`."""

    source: str
    text: str
    title: str | None = None
    language: str = "en"
    blocks: list[Block] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def notice_info(self) -> dict:
        return {"source": self.source, "sha256": self.sha256, "language": self.language, "title": self.title}


# --------------------------------------------------------------------------- assertions


class DataRef(_Model):
    text: str
    categories: list[str] = Field(default_factory=list)


class Location(_Model):
    text: str
    mode: Literal["in", "outside"] = "in"
    regions: list[str] = Field(default_factory=list)  # as written, normalised: "JP", "EU", "EEA"
    countries: list[str] = Field(default_factory=list)  # regions expanded to ISO alpha-2
    open: bool = False


class Party(_Model):
    text: str
    kind: PartyKind = "unspecified"
    name: str | None = None


class Retention(_Model):
    text: str
    max_days: int | None = None
    until: str | None = None
    # how long a cookie lives on the reader's device, not how long a store keeps data (extension of the SPEC)
    on_device: bool = False


class Encryption(_Model):
    kind: EncryptionKind


class Evidence(_Model):
    text: str
    start: int
    end: int
    section: str = ""


class Assertion(_Model):
    id: str = ""
    practice: Practice
    polarity: Polarity = "affirm"
    modality: Modality = "fact"
    scope: Scope = "unspecified"
    data: DataRef | None = None
    location: Location | None = None
    parties: list[Party] = Field(default_factory=list)
    retention: Retention | None = None
    encryption: Encryption | None = None
    conditions: list[str] = Field(default_factory=list)
    evidence: Evidence
    rule: str | None = None  # id of the extraction rule that fired (extension of the SPEC)
    _token: int = PrivateAttr(default=-1)  # the trigger token inside its sentence, while extracting

    def assign_id(self) -> Assertion:
        """Ids depend on the sentence and the claim, not on position, so they survive unrelated edits."""
        key = "|".join(
            [
                self.practice,
                self.polarity,
                " ".join(self.evidence.text.split()).lower(),
                ",".join(self.location.countries) if self.location else "",
                self.encryption.kind if self.encryption else "",
                ",".join(p.kind for p in self.parties),
            ]
        )
        self.id = "a-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
        return self


# --------------------------------------------------------------------------- findings


class ManifestRef(_Model):
    section: str
    key: str
    line: int | None = None


class Finding(_Model):
    id: str = ""
    verdict: Verdict
    severity: str = ""
    practice: Practice
    assertion_id: str | None = None
    evidence: Evidence | None = None
    manifest_refs: list[ManifestRef] = Field(default_factory=list)
    message: str

    def finalise(self) -> Finding:
        """Fill severity and a stable id (verdict, practice, evidence sentence, manifest keys)."""
        self.severity = SEVERITY[self.verdict]
        key = "|".join(
            [
                self.verdict,
                self.practice,
                " ".join(self.evidence.text.split()).lower() if self.evidence else "",
                ",".join(sorted(f"{r.section}:{r.key}" for r in self.manifest_refs)),
            ]
        )
        self.id = "f-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
        return self


def tool_info() -> dict:
    return {"name": "notice-check", "version": __version__}
