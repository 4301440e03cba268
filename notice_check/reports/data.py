"""JSON (SPEC sections 2 and 4) and JSON Lines: what scripts and CI pipelines read.

Keys keep the SPEC's order; `ensure_ascii=False` keeps quoted sentences readable in any language.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from notice_check.models import tool_info

if TYPE_CHECKING:
    from notice_check.api import CheckResult, ExtractionResult


def _dumps(obj: Any) -> str:
    return json.dumps(obj, indent=2, ensure_ascii=False) + "\n"


def _line(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def extraction_dict(result: ExtractionResult) -> dict[str, Any]:
    """SPEC §2: tool, notice, assertions."""
    return {
        "tool": tool_info(),
        "notice": result.document.notice_info(),
        "assertions": [a.model_dump(mode="json") for a in result.assertions],
    }


def check_dict(result: CheckResult) -> dict[str, Any]:
    """SPEC §4: tool, notice, manifest, summary, findings; `assertions` is our extension."""
    from notice_check.api import summarize

    return {
        "tool": tool_info(),
        "notice": result.document.notice_info(),
        "manifest": result.manifest.info(),
        "summary": summarize(result.findings),
        "findings": [f.model_dump(mode="json") for f in result.findings],
        "assertions": [a.model_dump(mode="json") for a in result.assertions],
    }


def extraction_json(result: ExtractionResult) -> str:
    return _dumps(extraction_dict(result))


def check_json(result: CheckResult) -> str:
    return _dumps(check_dict(result))


def extraction_jsonl(result: ExtractionResult) -> str:
    """One assertion per line, for `grep`, `jq -c` and streaming loaders."""
    return "".join(_line(a.model_dump(mode="json")) + "\n" for a in result.assertions)


def check_jsonl(result: CheckResult) -> str:
    """One finding per line."""
    return "".join(_line(f.model_dump(mode="json")) + "\n" for f in result.findings)
