"""The public API: what the CLI does, importable. `notice_check.check(notice, manifest)` is the main job.

Each function chains the stages (document -> extraction -> comparison) and returns a plain result object
that the renderers in `notice_check.reports` turn into text, JSON or Markdown. Nothing here prints or exits;
every failure is a `notice_check.errors.NoticeCheckError` with a one-line message.

Stage modules are imported inside the functions so that `import notice_check` stays cheap and spaCy is
loaded only by the calls that read a notice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from os import PathLike
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from notice_check.manifest.model import Manifest
    from notice_check.models import Assertion, Document, Finding

FailOn = Literal["contradicted", "undisclosed", "vague", "none"]
FAIL_ON_LEVELS: tuple[str, ...] = ("contradicted", "undisclosed", "vague", "none")
"""`--fail-on` levels, strictest first: each level fails on its own verdict and every verdict before it."""


@dataclass(frozen=True)
class ExtractionResult:
    """A notice and the assertions read from it."""

    document: Document
    assertions: list[Assertion]


@dataclass(frozen=True)
class CheckResult:
    """A notice, its assertions, the manifest they were judged against and the findings."""

    document: Document
    assertions: list[Assertion]
    manifest: Manifest
    findings: list[Finding]

    @property
    def summary(self) -> dict[str, int]:
        """Findings per verdict, every verdict present (zeros included) so scripts can index blindly."""
        return summarize(self.findings)

    def fails(self, fail_on: FailOn | str = "contradicted") -> bool:
        """True when a finding is at or above `fail_on`; this is the CLI's exit code 1."""
        return fails(self.findings, fail_on)


def summarize(findings: list[Finding]) -> dict[str, int]:
    """Count findings per verdict in the SPEC order (contradicted first), zeros included."""
    from notice_check.comparison import summarize as _summarize

    return _summarize(findings)


def fails(findings: list[Finding], fail_on: FailOn | str = "contradicted") -> bool:
    """Whether any finding reaches `fail_on` (levels: contradicted < undisclosed < vague < none)."""
    from notice_check.comparison import severity_at_least

    return severity_at_least(findings, fail_on)


def load_notice(source: str | PathLike[str], *, data: bytes | None = None) -> Document:
    """Read a notice (path, http(s) URL, or "-" with `data`) into a Document without analysing it."""
    from notice_check.document import load_document

    return load_document(str(source), data=data)


def extract(source: str | PathLike[str], *, data: bytes | None = None,
            progress: Callable[[int, int], None] | None = None) -> ExtractionResult:
    """Read a notice and extract its assertions.

    source: a path (.html, .htm, .md, .txt, ...), an http(s) URL, or "-" with the bytes in `data`.
    progress: called as `progress(done, total)` while sentences are read (for a progress bar).
    """
    from notice_check.extraction import extract as extract_assertions

    document = load_notice(source, data=data)
    return ExtractionResult(document=document, assertions=extract_assertions(document, progress=progress))


def extract_many(documents: list[Document], *, jobs: int = 1,
                 progress: Callable[[int, int], None] | None = None) -> list[ExtractionResult]:
    """Extract several loaded notices in one batch (`jobs` processes); sentences they share are read once.

    Load them with `load_notice` first, so that one unreadable file can be reported without losing the rest.
    """
    from notice_check.extraction import extract_many as extract_batch

    found = extract_batch(documents, n_process=max(1, jobs), progress=progress)
    return [ExtractionResult(document=d, assertions=a) for d, a in zip(documents, found, strict=True)]


def load_manifest(path: str | PathLike[str]) -> Manifest:
    """Load and validate a manifest (YAML or JSON); errors name the file and line."""
    from notice_check.manifest import load_manifest as _load_manifest

    return _load_manifest(path)


def check(
    source: str | PathLike[str],
    manifest: str | PathLike[str] | Manifest,
    *,
    data: bytes | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> CheckResult:
    """Judge a notice's assertions against a manifest.

    The manifest is loaded first: a broken manifest fails in milliseconds, before the language model loads.
    """
    from notice_check.comparison import compare

    if isinstance(manifest, str | PathLike):
        manifest = load_manifest(manifest)
    extraction = extract(source, data=data, progress=progress)
    findings = compare(extraction.assertions, manifest)
    return CheckResult(
        document=extraction.document,
        assertions=extraction.assertions,
        manifest=manifest,
        findings=findings,
    )
