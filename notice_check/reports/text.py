"""Plain text for people at a terminal: findings grouped by verdict, each with its evidence and manifest refs.

The layout is built as styled segments; without colour they are joined as they are, with colour rich turns
them into ANSI codes. Either way the words are the same, so tests and pipes see what people see.
"""

from __future__ import annotations

import io
import textwrap
from pathlib import PurePath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from notice_check.api import CheckResult, ExtractionResult
    from notice_check.manifest.model import Manifest
    from notice_check.models import Assertion, Document, Finding, Location, ManifestRef

WIDTH = 100
KEEP = "\x00"  # a space that wrapping must not break at ("stores.talk_media (manifest.yaml:23)")
VERDICT_STYLE = {
    "contradicted": "bold red",
    "undisclosed": "bold yellow",
    "vague": "yellow",
    "unverifiable": "cyan",
    "supported": "green",
}


class _Writer:
    """Lines of (text, style) segments, rendered plain or through rich."""

    def __init__(self) -> None:
        self.lines: list[list[tuple[str, str | None]]] = []

    def line(self, *segments: tuple[str, str | None] | str) -> None:
        self.lines.append([(s, None) if isinstance(s, str) else s for s in segments])

    def wrapped(self, text: str, *, indent: str, style: str | None = None, first: str | None = None) -> None:
        """Wrap long prose so it stays under the indent it belongs to; KEEP joins words never split."""
        first = indent if first is None else first
        for i, chunk in enumerate(
            textwrap.wrap(
                " ".join(text.split()),
                WIDTH,
                initial_indent=first,
                subsequent_indent=indent,
                break_long_words=False,
                break_on_hyphens=False,
            )
            or [first]
        ):
            lead = first if i == 0 else indent
            self.line(lead, (chunk[len(lead) :].replace(KEEP, " "), style))

    def blank(self) -> None:
        self.lines.append([])

    def render(self, color: bool) -> str:
        if not color:
            return "".join("".join(text for text, _ in line) + "\n" for line in self.lines)
        from rich.console import Console
        from rich.text import Text

        buffer = io.StringIO()
        console = Console(
            file=buffer,
            force_terminal=True,
            color_system="standard",
            width=10_000,
            highlight=False,
            soft_wrap=True,
            emoji=False,
            markup=False,
        )
        for line in self.lines:
            text = Text()
            for segment, style in line:
                text.append(segment, style=style or "")
            console.print(text)
        return buffer.getvalue()


# --------------------------------------------------------------------------- pieces


def _notice_line(document: Document) -> str:
    title = f' "{document.title}"' if document.title else ""
    return f"notice: {document.source}{title} ({document.language}, sha256 {document.sha256[:12]})"


def describe_location(location: Location) -> str:
    """ "in JP, KR", "outside EEA (30 countries)", "in DE, FR, ... (open)"."""
    regions = location.regions or location.countries
    where = ", ".join(regions) if regions else f'"{location.text}"'
    if location.countries and sorted(location.countries) != sorted(regions):
        if len(location.countries) <= 8:
            where += f" = {', '.join(location.countries)}"
        else:
            where += f" ({len(location.countries)} countries)"
    return f"{location.mode} {where}" + (" (open list)" if location.open else "")


def describe_assertion(assertion: Assertion) -> str:
    """One line that says everything the extractor read, in SPEC field order."""
    parts = [f"{assertion.practice} {assertion.polarity} {assertion.modality} {assertion.scope}"]
    if assertion.data is not None:
        cats = ", ".join(assertion.data.categories) or "?"
        parts.append(f'data: {cats} ("{assertion.data.text}")')
    if assertion.location is not None:
        parts.append("location: " + describe_location(assertion.location))
    if assertion.parties:
        parties = [f'{p.kind} ("{p.name or p.text}")' for p in assertion.parties]
        parts.append("parties: " + ", ".join(parties))
    if assertion.retention is not None:
        retention = []
        if assertion.retention.max_days is not None:
            retention.append(f"max {assertion.retention.max_days} days")
        if assertion.retention.until:
            retention.append(f"until {assertion.retention.until}")
        if assertion.retention.on_device:
            retention.append("on the reader's device")
        parts.append("retention: " + (", ".join(retention) or f'"{assertion.retention.text}"'))
    if assertion.encryption is not None:
        parts.append(f"encryption: {assertion.encryption.kind}")
    if assertion.conditions:
        parts.append("conditions: " + "; ".join(f'"{c}"' for c in assertion.conditions))
    return " | ".join(parts)


def describe_ref(ref: ManifestRef, manifest: Manifest) -> str:
    """ "stores.talk_media (manifest.yaml:23)": the record, then where to find it."""
    name = PurePath(manifest.source).name if manifest.source else ""
    where = (
        f"{name}:{ref.line}"
        if name and ref.line is not None
        else name or (f"line {ref.line}" if ref.line is not None else "")
    )
    return f"{ref.section}.{ref.key}" + (f" ({where})" if where else "")


def summary_line(summary: dict[str, int]) -> str:
    return ", ".join(f"{count} {verdict}" for verdict, count in summary.items())


# --------------------------------------------------------------------------- renderers


def extraction_text(result: ExtractionResult, *, color: bool = False) -> str:
    """Sentences in notice order, each followed by one line per assertion it carries."""
    out = _Writer()
    out.line((_notice_line(result.document), "bold"))
    groups: dict[tuple[int, int, str], list[Assertion]] = {}
    for assertion in sorted(result.assertions, key=lambda a: (a.evidence.start, a.evidence.end)):
        ev = assertion.evidence
        groups.setdefault((ev.start, ev.end, ev.text), []).append(assertion)
    current_section: str | None = None
    for (_, _, sentence), assertions in groups.items():
        out.blank()
        section = assertions[0].evidence.section
        if section and section != current_section:  # a heading once, above the sentences under it
            out.line(("[" + section + "]", "dim"))
        current_section = section
        out.wrapped(f'"{sentence}"', indent="  ", style="italic")
        for assertion in assertions:
            out.line("  - ", describe_assertion(assertion))  # never wrapped: one line per assertion, for grep
    out.blank()
    n, s = len(result.assertions), len(groups)
    out.line((f"{n} assertion{'s' if n != 1 else ''} in {s} sentence{'s' if s != 1 else ''}", "bold"))
    return out.render(color)


def _finding(out: _Writer, finding: Finding, manifest: Manifest) -> None:
    style = VERDICT_STYLE.get(finding.verdict)
    out.line("  ", (f"[{finding.severity or '-'}] {finding.practice}", style))
    out.wrapped(finding.message, indent="    ")
    if finding.evidence is not None:
        out.wrapped(f'"{finding.evidence.text}"', indent="    ", style="italic")
        if finding.evidence.section:
            out.wrapped(f"section: {finding.evidence.section}", indent="    ", style="dim")
    if finding.manifest_refs:
        refs = ", ".join(describe_ref(r, manifest).replace(" ", KEEP) for r in finding.manifest_refs)
        out.wrapped(f"manifest: {refs}", indent="      ", first="    ", style="dim")


def check_text(result: CheckResult, *, color: bool = False) -> str:
    """Findings grouped by verdict, contradicted first; a summary line last."""
    from notice_check.api import summarize
    from notice_check.models import VERDICTS

    out = _Writer()
    out.line((_notice_line(result.document), "bold"))
    manifest = result.manifest
    org = manifest.organization.name if manifest.organization else None
    out.line((f"manifest: {manifest.source or '-'}" + (f" ({org})" if org else ""), "bold"))
    for verdict in VERDICTS:
        findings = [f for f in result.findings if f.verdict == verdict]
        if not findings:
            continue
        out.blank()
        out.line((f"{verdict.upper()} ({len(findings)})", VERDICT_STYLE[verdict]))
        for i, finding in enumerate(findings):
            if i:
                out.blank()
            _finding(out, finding, manifest)
    out.blank()
    if not result.findings:
        out.line("no findings")
    out.line(("summary: " + summary_line(summarize(result.findings)), "bold"))
    return out.render(color)
