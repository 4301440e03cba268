"""Diff reports: text for a terminal or an e-mail, JSON (SPEC "Diff JSON") for scripts, Markdown for issues."""

from __future__ import annotations

import json
from typing import Any

from notice_check.errors import InputError

FORMATS = ("text", "json", "markdown")


def _claim(a: dict[str, Any]) -> str:
    bits = [a["practice"]]
    if a.get("polarity") == "deny":
        bits.append("(denied)")
    if a.get("data"):
        bits.append(f"of {a['data']['text']!r}")
    loc = a.get("location")
    if loc:
        bits.append(("outside " if loc.get("mode") == "outside" else "in ") + ", ".join(loc.get("countries") or
                                                                                         loc.get("regions") or []))
    if a.get("parties"):
        bits.append("with " + ", ".join(p.get("name") or p["kind"] for p in a["parties"]))
    if a.get("retention") and a["retention"].get("max_days") is not None:
        bits.append(f"for {a['retention']['max_days']} days")
    if a.get("encryption"):
        bits.append(a["encryption"]["kind"])
    return " ".join(bits)


def _section(a: dict[str, Any]) -> str:
    section = a["evidence"].get("section")
    return f" [{section}]" if section else ""


def _lines(diff: dict[str, Any], md: bool) -> list[str]:
    out: list[str] = []
    text, claims = diff["text"], diff["assertions"]
    old, new = diff["old"], diff["new"]
    head = "## " if md else ""
    out.append(f"{head}{old['source']} -> {new['source']}")
    if text.get("language_changed"):
        out.append(f"language changed: {old.get('language')} -> {new.get('language')}")
    if not text["changed"]:
        out.append("text unchanged")
    n = {k: len(v) for k, v in claims.items()}
    out.append(f"assertions: {n['added']} added, {n['removed']} removed, {n['changed']} changed")
    bullet = "- " if md else "  "
    for title, key, sign in (("Added", "added", "+"), ("Removed", "removed", "-")):
        if claims[key]:
            out.append(f"\n{'### ' if md else ''}{title}")
            for a in claims[key]:
                out.append(f"{bullet}{sign} {_claim(a)}{_section(a)}")
                out.append(f"{'  ' if md else '      '}> {a['evidence']['text']}" if md else
                           f"      \"{a['evidence']['text']}\"")
    if claims["changed"]:
        out.append(f"\n{'### ' if md else ''}Changed")
        for c in claims["changed"]:
            out.append(f"{bullet}~ {c['summary']}{_section(c['new'])}")
            if md:
                out.append(f"  - before: {c['old']['evidence']['text']}")
                out.append(f"  - after: {c['new']['evidence']['text']}")
            else:
                out.append(f"      before: \"{c['old']['evidence']['text']}\"")
                out.append(f"      after:  \"{c['new']['evidence']['text']}\"")
    if text["unified"]:
        out.append(f"\n{'### ' if md else ''}Text")
        if md:
            out.append("```diff")
        out.append(text["unified"].rstrip("\n"))
        if md:
            out.append("```")
    return out


def render_diff(diff: dict[str, Any], fmt: str = "text") -> str:
    """Render one diff (from diff_documents) as text, json or markdown."""
    if fmt == "json":
        return json.dumps(diff, indent=2, ensure_ascii=False) + "\n"
    if fmt not in FORMATS:
        raise InputError(f"unknown diff format {fmt!r} (choose text, json or markdown)")
    return "\n".join(_lines(diff, fmt == "markdown")) + "\n"
