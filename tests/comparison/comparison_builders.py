"""Assertions and manifests built in code, so each comparator test states exactly the facts it needs."""

from __future__ import annotations

from typing import Any

from notice_check.manifest.model import Manifest
from notice_check.models import Assertion

COMPLETE = {"stores": "complete", "accesses": "complete", "disclosures": "complete"}

_EXPANSIONS = {
    "EEA": [
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "HU",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
        "IS",
        "LI",
        "NO",
    ],
}
_EXPANSIONS["EU"] = [c for c in _EXPANSIONS["EEA"] if c not in ("IS", "LI", "NO")]


def claim(
    practice: str,
    sentence: str | None = None,
    *,
    polarity: str = "affirm",
    modality: str = "fact",
    scope: str = "unspecified",
    data: str | None = "your personal data",
    categories: list[str] | None = None,
    regions: list[str] | None = None,
    mode: str = "in",
    open_list: bool = False,
    parties: list[str] | None = None,
    max_days: int | None = None,
    until: str | None = None,
    encryption: str | None = None,
    conditions: list[str] | None = None,
    start: int = 0,
) -> Assertion:
    """An assertion as the extractor would give it; `regions` are expanded like geo does (EU, EEA)."""
    location = None
    if regions is not None:
        countries: list[str] = []
        for region in regions:
            countries += _EXPANSIONS.get(region, [region])
        location = {
            "text": " ".join(regions),
            "mode": mode,
            "regions": regions,
            "countries": countries,
            "open": open_list,
        }
    text = sentence or f"{practice} {polarity} {data} {regions}"
    raw: dict[str, Any] = {
        "practice": practice,
        "polarity": polarity,
        "modality": modality,
        "scope": scope,
        "data": {"text": data, "categories": categories or []} if data is not None else None,
        "location": location,
        "parties": [{"text": kind.replace("_", " ") + "s", "kind": kind} for kind in (parties or [])],
        "retention": {"text": "retention", "max_days": max_days, "until": until}
        if (max_days is not None or until)
        else None,
        "encryption": {"kind": encryption} if encryption else None,
        "conditions": conditions or [],
        "evidence": {"text": text, "start": start, "end": start + len(text), "section": ""},
    }
    return Assertion.model_validate(raw).assign_id()


def manifest(
    *,
    country: str | None = "JP",
    coverage: dict[str, str] | None = None,
    categories: list[dict] | None = None,
    entities: list[dict] | None = None,
    locations: list[dict] | None = None,
    stores: list[dict] | None = None,
    accesses: list[dict] | None = None,
    disclosures: list[dict] | None = None,
) -> Manifest:
    """A manifest as the loader would give it; every record gets a distinct line number."""
    line = iter(range(10, 10_000))
    sections: dict[str, list[dict]] = {
        "entities": entities or [],
        "locations": locations or [],
        "stores": stores or [],
        "accesses": accesses or [],
        "disclosures": disclosures or [],
    }
    for records in sections.values():
        for record in records:
            record.setdefault("line", next(line))
    return Manifest.model_validate(
        {
            "source": "manifest.yaml",
            "organization": {"name": "Example Corp.", "country": country},
            "coverage": coverage if coverage is not None else COMPLETE,
            "categories": categories or [],
            **sections,
        }
    )


def message_store(**store: Any) -> Manifest:
    """A manifest with one store of messages in Canada, with the store's fields given ("retention_indefinite")."""
    message = {"key": "user.content.private.message", "parent": "user.content.private", "aliases": ["messages"]}
    return manifest(country="CA", categories=[message], locations=[{"key": "ca", "country": "CA"}],
                    stores=[{"key": "messages", "location": "ca", "categories": [message["key"]], **store}])


def keys(finding: Any) -> set[str]:
    return {f"{ref.section}.{ref.key}" for ref in finding.manifest_refs}


def only(findings: list, verdict: str | None = None, practice: str | None = None) -> list:
    return [
        f
        for f in findings
        if (verdict is None or f.verdict == verdict) and (practice is None or f.practice == practice)
    ]


def judged(findings: list, assertion: Assertion) -> Any:
    """The one finding that judges `assertion` (vague findings only cite it as broad evidence)."""
    mine = [f for f in findings if f.assertion_id == assertion.id and f.verdict != "vague"]
    assert len(mine) == 1, mine
    return mine[0]
