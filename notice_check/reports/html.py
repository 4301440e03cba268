"""One self-contained HTML page for people who review a notice: the notice itself with each judged sentence
highlighted in its verdict's colour, the details of each finding a click away, and the undisclosed
practices (which have no sentence) in their own section.

The page makes no network request (inline CSS and JS, and a Content-Security-Policy that forbids any
other source), so it can be mailed, attached to a ticket or opened offline. Everything that comes from
the notice or the manifest is escaped by Jinja2's autoescaping: a notice is untrusted input, and a
`<script>` in it must show as text, never run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from notice_check.reports.text import describe_assertion, describe_ref

if TYPE_CHECKING:
    import jinja2

    from notice_check.api import CheckResult
    from notice_check.models import Assertion, Finding

VERDICT_ORDER = ("contradicted", "undisclosed", "vague", "unverifiable", "supported")
LABELS = {
    "contradicted": "the manifest holds a counter-example: the statement is false",
    "undisclosed": "the manifest holds a practice that no statement discloses",
    "vague": "the notice covers the fact only in broad terms",
    "unverifiable": "the manifest is silent, partial or coarser than the statement",
    "supported": "the manifest confirms the statement",
}


@dataclass
class _Mark:
    """One highlighted stretch of the notice text and the findings about it."""

    id: str
    start: int
    end: int
    findings: list[dict[str, Any]] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        """The most severe verdict gives the colour."""
        return min((f["verdict"] for f in self.findings), key=VERDICT_ORDER.index)

    @property
    def tooltip(self) -> str:
        return "\n".join(f"{f['verdict']}: {f['message']}" for f in self.findings)


@cache
def _environment() -> jinja2.Environment:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("notice_check.reports", "templates"),
        autoescape=True,  # every template here is HTML
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _finding_view(finding: Finding, assertion: Assertion | None, result: CheckResult) -> dict[str, Any]:
    return {
        "id": finding.id,
        "verdict": finding.verdict,
        "severity": finding.severity,
        "practice": finding.practice,
        "message": finding.message,
        "evidence": finding.evidence,
        "assertion": describe_assertion(assertion) if assertion is not None else None,
        "assertion_id": finding.assertion_id,
        "refs": [describe_ref(ref, result.manifest) for ref in finding.manifest_refs],
    }


def _marks(findings: list[dict[str, Any]], text: str) -> list[_Mark]:
    """Findings grouped by the stretch of text they quote; overlapping stretches merge into one mark."""
    spans: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for view in findings:
        ev = view["evidence"]
        if ev is None or not (0 <= ev.start < ev.end <= len(text)):
            continue
        spans.setdefault((ev.start, ev.end), []).append(view)
    marks: list[_Mark] = []
    for (start, end), views in sorted(spans.items()):
        if marks and start < marks[-1].end:
            marks[-1].end = max(marks[-1].end, end)
            marks[-1].findings.extend(views)
            continue
        marks.append(_Mark(f"m{len(marks) + 1}", start, end, list(views)))
    for mark in marks:
        mark.findings.sort(key=lambda f: VERDICT_ORDER.index(f["verdict"]))
    return marks


def _segments(start: int, end: int, text: str, marks: list[_Mark]) -> list[tuple[str, _Mark | None, bool]]:
    """The text of one block cut at mark boundaries: (text, mark or None, whether the mark starts here)."""
    out: list[tuple[str, _Mark | None, bool]] = []
    pos = start
    for mark in marks:
        if mark.end <= start or mark.start >= end:
            continue
        a, z = max(mark.start, start), min(mark.end, end)
        if a > pos:
            out.append((text[pos:a], None, False))
        out.append((text[a:z], mark, a == mark.start))
        pos = z
    if pos < end:
        out.append((text[pos:end], None, False))
    return out


def check_html(result: CheckResult) -> str:
    """The HTML page of a check (UTF-8, self-contained)."""
    from notice_check.api import summarize
    from notice_check.models import tool_info

    doc = result.document
    by_id = {a.id: a for a in result.assertions}
    views = [_finding_view(f, by_id.get(f.assertion_id or ""), result) for f in result.findings]
    marks = _marks(views, doc.text)
    mark_of = {id(view): mark for mark in marks for view in mark.findings}
    for number, view in enumerate(views, start=1):
        mark = mark_of.get(id(view))
        view["mark"] = mark.id if mark else None
        view["anchor"] = f"f{number}"  # finding ids may repeat (same sentence, same refs): anchors must not
    spans = [(b.kind, b.level, b.start, b.end) for b in doc.blocks]
    if not spans:  # a Document built by hand, without blocks: one paragraph per line
        pos = 0
        for line in doc.text.split("\n"):
            if line.strip():
                spans.append(("paragraph", 0, pos, pos + len(line)))
            pos += len(line) + 1
    blocks = [
        {"kind": kind, "level": level, "segments": _segments(start, end, doc.text, marks)}
        for kind, level, start, end in spans
    ]
    stated = [v for v in views if v["evidence"] is not None]
    template = _environment().get_template("check.html.j2")
    org = result.manifest.organization.name if result.manifest.organization else None
    return template.render(
        tool=tool_info(),
        document=doc,
        manifest_source=result.manifest.source,
        organization=org,
        summary=summarize(result.findings),
        labels=LABELS,
        blocks=blocks,
        marks=marks,
        by_verdict=[(v, [f for f in stated if f["verdict"] == v]) for v in VERDICT_ORDER],
        undisclosed=[v for v in views if v["evidence"] is None],
        total=len(views),
    )
