"""Baselines: the findings a team has already seen (a previous `check` output) are left out of the next report,
so that CI fails on what a change of the notice or the manifest brings, not on known debt.

Finding ids are stable (verdict, practice, sentence, manifest records: `Finding.finalise`), so an edit of
another paragraph keeps them; a previous JSON, JSON Lines or SARIF output of `check` holds them.
"""

from __future__ import annotations

import json
from dataclasses import replace
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

from notice_check.errors import InputError

if TYPE_CHECKING:
    from notice_check.api import CheckResult

SARIF_FINGERPRINT = "noticeCheckFinding/v1"


def _ids_from_json(doc: Any, source: str) -> set[str]:
    if isinstance(doc, dict) and isinstance(doc.get("findings"), list):
        findings = doc["findings"]
    elif isinstance(doc, dict) and isinstance(doc.get("runs"), list):  # SARIF
        ids: set[str] = set()
        for run in doc["runs"]:
            for result in (run or {}).get("results") or []:
                fingerprint = ((result or {}).get("partialFingerprints") or {}).get(SARIF_FINGERPRINT)
                if isinstance(fingerprint, str):
                    ids.add(fingerprint)
        return ids
    elif isinstance(doc, dict) and "verdict" in doc:  # a single JSON Lines record
        findings = [doc]
    else:
        raise InputError("not a json, jsonl or sarif output of notice-check check (no findings)", source=source)
    ids = set()
    for k, finding in enumerate(findings):
        if not isinstance(finding, dict) or not isinstance(finding.get("id"), str):
            raise InputError(f"finding {k + 1} has no id", source=source)
        ids.add(finding["id"])
    return ids


def load_baseline(path: str | PathLike[str]) -> set[str]:
    """The finding ids in a previous json, jsonl or sarif output of `check`.

    Raises InputError (one line, naming the file) for a missing or unreadable file or one of another kind.
    """
    source = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError("baseline file not found", source=source) from None
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"cannot read the baseline ({getattr(err, 'strerror', None) or err})", source=source) from None
    stripped = text.strip()
    if not stripped:
        return set()  # an empty jsonl output: nothing was found last time
    try:
        return _ids_from_json(json.loads(stripped), source)
    except json.JSONDecodeError:
        pass
    ids: set[str] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(f"not JSON, JSON Lines or SARIF ({err.msg})", source=source, line=number) from None
        try:
            ids |= _ids_from_json(record, source)
        except InputError as err:
            raise InputError(err.message, source=source, line=number) from None
    return ids


def without_baseline(result: CheckResult, known: set[str]) -> tuple[CheckResult, int]:
    """The result with the known findings left out, and how many were left out."""
    kept = [f for f in result.findings if f.id not in known]
    return replace(result, findings=kept), len(result.findings) - len(kept)
