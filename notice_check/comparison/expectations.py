"""Expected findings (a reviewer's `expected.yaml`) matched against what the comparator found.

Used by the worked examples in corpora/examples/ and usable for any regression corpus: the serious
verdicts (contradicted, undisclosed, vague) must match one to one, with exactly the manifest records
expected; the informational ones listed (supported, unverifiable) must be present, citing at least the
records listed.

    - verdict: contradicted
      practice: storage
      evidence_contains: "stored on servers located in Japan"   # or null for undisclosed findings
      manifest_keys: [stores.talk_media]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from notice_check.errors import InputError
from notice_check.models import PRACTICES, VERDICTS, Finding

STRICT_VERDICTS: tuple[str, ...] = ("contradicted", "undisclosed", "vague")


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


def finding_keys(finding: Finding) -> frozenset[str]:
    return frozenset(f"{ref.section}.{ref.key}" for ref in finding.manifest_refs)


@dataclass(frozen=True)
class Expected:
    verdict: str
    practice: str
    evidence_contains: str | None
    manifest_keys: frozenset[str]
    line: int | None = None

    @property
    def strict(self) -> bool:
        return self.verdict in STRICT_VERDICTS

    def matches(self, finding: Finding) -> bool:
        if finding.verdict != self.verdict or finding.practice != self.practice:
            return False
        if self.evidence_contains is None:
            if finding.evidence is not None:
                return False
        elif finding.evidence is None or _squash(self.evidence_contains) not in _squash(finding.evidence.text):
            return False
        keys = finding_keys(finding)
        return keys == self.manifest_keys if self.strict else self.manifest_keys <= keys

    def __str__(self) -> str:
        where = f'"{self.evidence_contains}"' if self.evidence_contains is not None else "(no evidence)"
        return f"{self.verdict} {self.practice} {where} [{', '.join(sorted(self.manifest_keys))}]"


def load_expected(path: str | Path) -> list[Expected]:
    """Read an expected.yaml; a malformed entry is an InputError naming the file and line."""
    source = str(path)
    try:
        raw = YAML(typ="rt").load(Path(path).read_text("utf-8"))
    except (OSError, YAMLError) as err:
        raise InputError(f"cannot read expected findings: {err}".splitlines()[0], source=source) from err
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise InputError("expected findings must be a YAML list", source=source, line=1)
    out: list[Expected] = []
    for index, item in enumerate(raw):
        line = item.lc.line + 1 if hasattr(item, "lc") else None
        if not isinstance(item, dict):
            raise InputError(f"item {index} is not a mapping", source=source, line=line)
        verdict, practice = item.get("verdict"), item.get("practice")
        if verdict not in VERDICTS:
            raise InputError(
                f"item {index}: verdict {verdict!r} is not one of {', '.join(VERDICTS)}", source=source, line=line
            )
        if practice not in PRACTICES:
            raise InputError(
                f"item {index}: practice {practice!r} is not one of {', '.join(PRACTICES)}", source=source, line=line
            )
        evidence = item.get("evidence_contains")
        keys = item.get("manifest_keys") or []
        if evidence is not None and not isinstance(evidence, str):
            raise InputError(f"item {index}: evidence_contains must be text or null", source=source, line=line)
        if not isinstance(keys, list) or not all(isinstance(k, str) and "." in k for k in keys):
            raise InputError(f"item {index}: manifest_keys must be a list of section.key", source=source, line=line)
        out.append(Expected(str(verdict), str(practice), evidence, frozenset(keys), line))
    return out


@dataclass
class ExpectationReport:
    missing: list[Expected]
    unexpected: list[Finding]

    @property
    def ok(self) -> bool:
        return not self.missing and not self.unexpected

    def describe(self) -> str:
        lines = [f"expected but not found: {e}" for e in self.missing]
        for f in self.unexpected:
            where = f'"{f.evidence.text}"' if f.evidence else "(no evidence)"
            lines.append(
                f"found but not expected: {f.verdict} {f.practice} {where} "
                f"[{', '.join(sorted(finding_keys(f)))}] - {f.message}"
            )
        return "\n".join(lines) or "all expectations met"


def check_expected(findings: Sequence[Finding], expected: Sequence[Expected]) -> ExpectationReport:
    """Serious findings must equal the serious expectations; listed informational ones must be present."""
    strict_found = [f for f in findings if f.verdict in STRICT_VERDICTS]
    used: set[int] = set()
    missing: list[Expected] = []
    for exp in expected:
        pool = strict_found if exp.strict else list(findings)
        hit = next((i for i, f in enumerate(pool) if exp.matches(f) and (not exp.strict or i not in used)), None)
        if hit is None:
            missing.append(exp)
        elif exp.strict:
            used.add(hit)
    unexpected = [f for i, f in enumerate(strict_found) if i not in used]
    return ExpectationReport(missing, unexpected)
