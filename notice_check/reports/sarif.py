"""SARIF 2.1.0 for code-scanning tools (GitHub, GitLab, IDEs): one result per finding.

A finding about a sentence is located in the notice file by line and column: the sentence is searched in
the file as written, tolerating the markup between its words (HTML tags, entities, Markdown emphasis),
because the evidence offsets point into the cleaned text, not the file. A finding with no sentence (an
`undisclosed` practice) is located at its record in the manifest. When the notice text is not given,
the region is computed in the cleaned text, which is the file for plain-text notices.
"""

from __future__ import annotations

import json
import re
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from notice_check.api import CheckResult
    from notice_check.models import Finding

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

RULES: dict[str, tuple[str, str]] = {  # verdict -> (short description, default level)
    "contradicted": ("The manifest holds a counter-example: the notice's statement is false.", "error"),
    "undisclosed": ("The manifest holds a practice that no statement of the notice discloses.", "warning"),
    "vague": ("The notice covers the fact only in broad terms.", "note"),
    "unverifiable": ("The manifest is silent, partial or coarser than the notice's statement.", "none"),
    "supported": ("The manifest confirms the notice's statement.", "none"),
}
KIND = {"contradicted": "fail", "undisclosed": "fail", "vague": "fail", "unverifiable": "review", "supported": "pass"}

_WORD = re.compile(r"\w+")
# what may sit between two words of a sentence in the file: spaces, punctuation, tags, entities, `*_,
# and the target of a Markdown link ("[cookie policy](/cookies)")
_BETWEEN = r"(?:\]\([^)\s]*\)|[^\w<&]|<[^>]*>|&#?\w+;|_)*?"


def _uri(source: str) -> str:
    """Paths as forward-slash relative references (what code-scanning UIs match against the repo)."""
    if re.match(r"^[a-z][a-z0-9+.-]*://", source, re.IGNORECASE):
        return source
    if source == "-":
        return "stdin"
    return PurePath(source).as_posix().replace(" ", "%20")


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def locate(sentence: str, text: str) -> tuple[int, int] | None:
    """Start and end offsets of `sentence` in `text` as written (markup allowed between its words)."""
    words = _WORD.findall(sentence)
    if not words:
        return None
    for count in dict.fromkeys((len(words), min(len(words), 8), min(len(words), 4))):  # else a prefix
        pattern = re.compile(r"\b" + _BETWEEN.join(re.escape(w) for w in words[:count]))
        match = pattern.search(text)
        if match:
            return match.start(), match.end()
    return None


def _region(start: int, end: int, text: str, snippet: str) -> dict[str, Any]:
    start_line, start_col = _line_col(text, start)
    end_line, end_col = _line_col(text, end)
    return {
        "startLine": start_line,
        "startColumn": start_col,
        "endLine": end_line,
        "endColumn": end_col,
        "snippet": {"text": snippet},
    }


def _manifest_location(result: CheckResult, finding: Finding, index: int) -> dict[str, Any] | None:
    ref = finding.manifest_refs[index]
    location: dict[str, Any] = {
        "physicalLocation": {"artifactLocation": {"uri": _uri(result.manifest.source or "manifest"), "index": 1}},
        "message": {"text": f"{ref.section}.{ref.key}"},
    }
    if ref.line is not None:
        location["physicalLocation"]["region"] = {"startLine": ref.line}
    return location


def _result(result: CheckResult, finding: Finding, notice_text: str | None) -> dict[str, Any]:
    level = RULES[finding.verdict][1]
    out: dict[str, Any] = {
        "ruleId": finding.verdict,
        "ruleIndex": list(RULES).index(finding.verdict),
        "kind": KIND[finding.verdict],
        "level": level,
        "message": {"text": finding.message},
        "partialFingerprints": {"noticeCheckFinding/v1": finding.id},
        "properties": {
            "verdict": finding.verdict,
            "severity": finding.severity,
            "practice": finding.practice,
            "assertion_id": finding.assertion_id,
        },
    }
    manifest_locations = [_manifest_location(result, finding, i) for i in range(len(finding.manifest_refs))]
    if finding.evidence is not None:
        evidence = finding.evidence
        physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(result.document.source), "index": 0}}
        if notice_text is not None:
            span = locate(evidence.text, notice_text)
            if span:
                physical["region"] = _region(*span, notice_text, evidence.text)
        else:
            physical["region"] = _region(evidence.start, evidence.end, result.document.text, evidence.text)
        out["locations"] = [{"physicalLocation": physical}]
        if evidence.section:
            out["properties"]["section"] = evidence.section
        if manifest_locations:
            out["relatedLocations"] = [{"id": i, **loc} for i, loc in enumerate(manifest_locations)]
    elif manifest_locations:
        first, *rest = manifest_locations
        out["locations"] = [first]
        if rest:
            out["relatedLocations"] = [{"id": i, **loc} for i, loc in enumerate(rest)]
    return out


def check_sarif(result: CheckResult, *, notice_text: str | None = None) -> str:
    """The SARIF log of a check; `notice_text` is the notice file as written, for exact line numbers."""
    from notice_check.api import summarize
    from notice_check.models import tool_info

    tool = tool_info()
    rules = [
        {
            "id": verdict,
            "name": verdict.capitalize(),
            "shortDescription": {"text": description},
            "defaultConfiguration": {"level": level},
            "properties": {
                "severity": {"contradicted": "high", "undisclosed": "medium", "vague": "low"}.get(verdict, "info")
            },
        }
        for verdict, (description, level) in RULES.items()
    ]
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": tool["name"], "version": tool["version"], "rules": rules}},
                "columnKind": "unicodeCodePoints",
                "artifacts": [
                    {"location": {"uri": _uri(result.document.source)}, "roles": ["analysisTarget"]},
                    {
                        "location": {"uri": _uri(result.manifest.source or "manifest")},
                        "roles": ["referencedOnCommandLine"],
                    },
                ],
                "results": [_result(result, f, notice_text) for f in result.findings],
                "properties": {
                    "notice": result.document.notice_info(),
                    "manifest": result.manifest.info(),
                    "summary": summarize(result.findings),
                },
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
