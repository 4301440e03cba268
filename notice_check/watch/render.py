"""Watch reports (text, json, markdown) and the cleaned-text rendering of `fetch`."""

from __future__ import annotations

import json
from typing import Any

from notice_check.diff import render_diff
from notice_check.models import Document, tool_info


def _dumps(obj: Any) -> str:
    return json.dumps(obj, indent=2, ensure_ascii=False) + "\n"


def render_watch(report: dict[str, Any], fmt: str = "text") -> str:
    """text: one line a notice plus its changes; json: SPEC "Watch JSON"; markdown: a digest for an issue."""
    if fmt == "json":
        return _dumps({"tool": tool_info(), **report})
    md = fmt == "markdown"
    counts: dict[str, int] = {}
    for n in report["notices"]:
        counts[n["status"]] = counts.get(n["status"], 0) + 1
    lines = [("# " if md else "") + "notice-check watch: " + ", ".join(f"{v} {k}" for k, v in sorted(counts.items()))]
    for n in report["notices"]:
        head = f"{n['id']}: {n['status']}"
        if n["version"]:
            head += f" (version {n['version']})"
        if n["error"]:
            head += f": {n['error_kind']}: {n['error']}"
        lines.append(("\n## " if md else "") + head)
        for warning in n.get("warnings") or []:
            lines.append(f"{'- ' if md else '  '}warning: {warning}")
        findings = n.get("findings")
        if findings:
            for key in ("new", "resolved"):
                for f in findings[key]:
                    lines.append(f"{'- ' if md else '  '}{key} finding [{f['verdict']}] {f['message']}")
        if n.get("diff"):
            body = render_diff(n["diff"], "markdown" if md else "text")
            lines.append(body.rstrip("\n") if md else "\n".join("    " + x if x else x for x in body.splitlines()))
    return "\n".join(lines) + "\n"


def render_document(doc: Document, fmt: str = "text") -> str:
    """The cleaned notice as Markdown-ish text (headings with #, list items with -), or JSON with its blocks."""
    if fmt == "json":
        return _dumps({"tool": tool_info(), "notice": doc.notice_info(), "text": doc.text,
                       "blocks": [b.model_dump(mode="json") for b in doc.blocks]})
    out: list[str] = []
    for block in doc.blocks:
        if block.kind == "heading":
            out.append(f"{'#' * max(1, min(block.level, 6))} {block.text}")
        elif block.kind == "list_item":
            out.append(f"{'  ' * max(0, block.level - 1)}- {block.text}")
        else:
            out.append(block.text)
    if not out:
        return doc.text + "\n"
    text = ""
    for i, line in enumerate(out):
        tight = i and doc.blocks[i].kind in ("list_item", "table_row") and doc.blocks[i - 1].kind == doc.blocks[i].kind
        text += ("\n" if tight else "\n\n" if i else "") + line
    return text + "\n"
