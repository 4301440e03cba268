"""`compare`: every assertion through its practice's check, then the facts nobody disclosed."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from notice_check.comparison.checks import CHECKS
from notice_check.comparison.context import Context, Judgement
from notice_check.comparison.undisclosed import undisclosed_findings
from notice_check.errors import NoticeCheckError
from notice_check.manifest.model import Manifest
from notice_check.models import VERDICTS, Assertion, Finding

FAIL_ON_LEVELS: tuple[str, ...] = ("contradicted", "undisclosed", "vague", "none")
_RANK = {verdict: i for i, verdict in enumerate(VERDICTS)}
_NO_OFFSET = 1 << 62


def _with_ids(assertions: Sequence[Assertion]) -> list[Assertion]:
    """Assertions as given; those without an id get a copy with one (the caller's objects are untouched)."""
    return [a if a.id else a.model_copy(deep=True).assign_id() for a in assertions]


def _order(finding: Finding) -> tuple[int, int, int, str, str]:
    lines = [r.line for r in finding.manifest_refs if r.line is not None]
    return (
        _RANK[finding.verdict],
        finding.evidence.start if finding.evidence else _NO_OFFSET,
        min(lines) if lines else _NO_OFFSET,
        finding.id,
        finding.assertion_id or "",
    )


def compare(assertions: Sequence[Assertion], manifest: Manifest) -> list[Finding]:
    """Judge a notice's assertions against a manifest (SPEC section 4).

    One finding per assertion (contradicted, supported or unverifiable; see `checks.CHECKS` for the
    reading of each practice), then one `undisclosed` or `vague` finding per manifest fact (and aspect)
    that no affirmative assertion discloses (see `undisclosed`). Findings come in a fixed order: verdict
    severity, then the evidence's offset in the notice, then the first cited manifest line; a claim judged
    twice is reported once, and two claims of one sentence with the same outcome keep distinct ids.
    """
    items = _with_ids(assertions)
    ctx = Context(manifest, items)
    findings: list[Finding] = []
    counter_aspects: set[tuple[str, str, str]] = set()
    for assertion in items:
        judgement = CHECKS[assertion.practice](assertion, ctx)
        reference = ctx.unresolved_reference(assertion)
        if judgement.verdict == "contradicted" and reference is not None:
            judgement = Judgement(
                "unverifiable",
                f"{judgement.said}, but {reference!r} refers to data named before this sentence, which the tool "
                f"could not identify, so the manifest cannot tell.",
                judgement.refs,
            )
        if judgement.verdict == "contradicted":
            counter_aspects |= judgement.aspects
        findings.append(
            Finding(
                verdict=judgement.verdict,
                practice=assertion.practice,
                assertion_id=assertion.id or None,
                evidence=assertion.evidence,
                manifest_refs=[fact.ref() for fact in judgement.refs],
                message=judgement.message,
            ).finalise()
        )
    findings.extend(undisclosed_findings(ctx, counter_aspects))
    unique: dict[str, Finding] = {}
    for finding in sorted(findings, key=_order):
        if finding.id in unique:
            if unique[finding.id].assertion_id == finding.assertion_id:
                continue  # the same claim judged twice
            # two assertions of one sentence with the same verdict and records ("encrypted at rest and
            # in transit"): Finding ids ignore the assertion, so derive a distinct, still stable one
            finding.id = _distinct_id(finding)
            if finding.id in unique:
                continue
        unique[finding.id] = finding
    return list(unique.values())


def _distinct_id(finding: Finding) -> str:
    key = f"{finding.id}|{finding.assertion_id or ''}"
    return "f-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def summarize(findings: Sequence[Finding]) -> dict[str, int]:
    """Findings per verdict, all five verdicts present, in severity order (SPEC section 4 `summary`)."""
    counts = dict.fromkeys(VERDICTS, 0)
    for finding in findings:
        counts[finding.verdict] += 1
    return counts


def severity_at_least(findings: Sequence[Finding], level: str) -> bool:
    """Whether a finding reaches `--fail-on` (contradicted > undisclosed > vague; `none` never fails)."""
    if level not in FAIL_ON_LEVELS:
        raise NoticeCheckError(f"unknown --fail-on level {level!r}; expected one of {', '.join(FAIL_ON_LEVELS)}")
    if level == "none":
        return False
    limit = _RANK[level]
    return any(_RANK[f.verdict] <= limit for f in findings)
