"""Markdown for pull-request comments and issue trackers: a summary table, then findings by verdict."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from notice_check.reports.text import describe_ref

if TYPE_CHECKING:
    from notice_check.api import CheckResult
    from notice_check.models import Finding

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_LEADING = re.compile(r"^([#+\-=]|\d+[.)])")


def escape(text: str) -> str:
    """Quoted notice text must never turn into links, HTML, emphasis or a heading in the rendered comment."""
    text = _SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return _LEADING.sub(lambda m: m.group(0)[:-1] + "\\" + m.group(0)[-1], text)


def _code(text: str) -> str:
    fence = "``" if "`" in text else "`"
    return f"{fence}{text}{fence}"


def _finding(finding: Finding, result: CheckResult) -> list[str]:
    lines = [f"- **{finding.practice}** ({finding.severity}): {escape(finding.message)}"]
    if finding.evidence is not None:
        lines.append("")
        lines.append(f"  > {escape(finding.evidence.text)}")
        if finding.evidence.section:
            lines.append("")
            lines.append(f"  Section: *{escape(finding.evidence.section)}*")
    if finding.manifest_refs:
        refs = ", ".join(_code(describe_ref(r, result.manifest)) for r in finding.manifest_refs)
        lines.append("")
        lines.append(f"  Manifest: {refs}")
    lines.append("")
    return lines


def check_markdown(result: CheckResult) -> str:
    from notice_check.api import summarize
    from notice_check.models import VERDICTS, tool_info

    doc, manifest = result.document, result.manifest
    org = manifest.organization.name if manifest.organization else None
    tool = tool_info()
    lines = [
        "# notice-check report",
        "",
        f"- Notice: {_code(doc.source)}"
        + (f" ({escape(doc.title)})" if doc.title else "")
        + f", language {doc.language}, sha256 {_code(doc.sha256[:12])}",
        f"- Manifest: {_code(manifest.source or '-')}" + (f" ({escape(org)})" if org else ""),
        f"- Tool: {tool['name']} {tool['version']}",
        "",
        "| verdict | findings |",
        "| --- | ---: |",
    ]
    summary = summarize(result.findings)
    lines += [f"| {verdict} | {count} |" for verdict, count in summary.items()]
    lines.append("")
    for verdict in VERDICTS:
        findings = [f for f in result.findings if f.verdict == verdict]
        if not findings:
            continue
        lines += [f"## {verdict.capitalize()} ({len(findings)})", ""]
        for finding in findings:
            lines += _finding(finding, result)
    if not result.findings:
        lines += ["No findings.", ""]
    return "\n".join(lines).rstrip("\n") + "\n"
