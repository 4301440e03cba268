"""An Atom 1.0 feed of a watchlist's changes, so a feed reader can follow the nightly job.

One entry per notice that is new or changed (id from the notice id and its stored version, so a re-run never
duplicates it) and one per failure (id from the notice id and the run time). Entries of the previous feed are
kept, newest first, up to KEEP_OLD of them.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any
from urllib.parse import quote

from notice_check import __version__
from notice_check.errors import InputError
from notice_check.watch.render import render_watch

ATOM_NS = "http://www.w3.org/2005/Atom"
TAG_AUTHORITY = "tag:notice-check.invalid,2024:"
KEEP_OLD = 50

ET.register_namespace("", ATOM_NS)


def _q(name: str) -> str:
    return f"{{{ATOM_NS}}}{name}"


def _sub(parent: ET.Element, name: str, text: str | None = None, **attrs: str) -> ET.Element:
    child = ET.SubElement(parent, _q(name), attrs)
    if text is not None:
        child.text = text
    return child


def entry_id(notice: dict[str, Any], run_time: str) -> str:
    """A tag URI (RFC 4151): stable per stored version; a failure gets one per run."""
    nid = quote(notice["id"], safe="")
    if notice["status"] == "failed":
        return f"{TAG_AUTHORITY}{nid}:failed:{quote(run_time, safe='')}"
    return f"{TAG_AUTHORITY}{nid}:v{quote(str(notice['version']), safe='')}"


def entry_title(notice: dict[str, Any]) -> str:
    """ "example-privacy-en changed: storage location JP -> JP, US, KR" (the assertion changes, else the rest)."""
    nid, status = notice["id"], notice["status"]
    if status == "failed":
        return f"{nid} failed: {notice.get('error_kind')}: {notice.get('error')}"
    parts: list[str] = []
    diff = notice.get("diff")
    if diff:
        assertions = diff.get("assertions") or {}
        parts += [c["summary"] for c in assertions.get("changed") or []]
        if assertions.get("added"):
            parts.append(f"{len(assertions['added'])} assertion(s) added")
        if assertions.get("removed"):
            parts.append(f"{len(assertions['removed'])} assertion(s) removed")
        if not parts:
            parts.append("text changed")
    elif status == "new":
        parts.append(f"first version {notice.get('version')}")
    return f"{nid} {status}: " + "; ".join(parts)


def _summary(notice: dict[str, Any]) -> str:
    """The notice's section of the Markdown digest, without the digest's own header."""
    text = render_watch({"notices": [notice]}, "markdown")
    return text.split("\n", 1)[1].strip() + "\n"


def _old_entries(path: Path) -> list[ET.Element]:
    if not path.exists():
        return []
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as err:
        line = err.position[0] if err.position else None
        raise InputError(f"the existing Atom feed is not valid XML ({err}); move it away to start afresh",
                         source=str(path), line=line) from None
    except OSError as err:
        raise InputError(f"cannot read the existing Atom feed ({err.strerror or err})", source=str(path)) from None
    if root.tag != _q("feed"):
        raise InputError("the existing file is not an Atom feed; move it away to start afresh", source=str(path))
    return root.findall(_q("entry"))


def build_atom(report: dict[str, Any], previous: str | Path | None = None, *, title: str | None = None) -> str:
    """The feed as XML text: this run's entries first, then up to KEEP_OLD entries of the `previous` feed file."""
    run = report.get("run") or {}
    run_time = run.get("finished") or run.get("started") or ""
    watchlist = str(run.get("watchlist") or "watchlist")
    feed = ET.Element(_q("feed"))
    _sub(feed, "id", f"{TAG_AUTHORITY}watch:{quote(Path(watchlist).name, safe='')}")
    _sub(feed, "title", title or f"notice-check watch: {Path(watchlist).name}")
    _sub(feed, "updated", run_time)
    _sub(feed, "generator", "notice-check", version=__version__)
    new_ids: set[str] = set()
    for notice in report.get("notices") or []:
        if notice["status"] not in ("new", "changed", "failed"):
            continue
        eid = entry_id(notice, run_time)
        new_ids.add(eid)
        entry = _sub(feed, "entry")
        _sub(entry, "id", eid)
        _sub(entry, "title", entry_title(notice))
        _sub(entry, "updated", run_time)
        author = _sub(entry, "author")
        _sub(author, "name", "notice-check")
        _sub(entry, "category", term=notice["status"])
        _sub(entry, "content", _summary(notice), type="text")
    if previous is not None:
        kept = [e for e in _old_entries(Path(previous)) if (e.findtext(_q("id")) or "") not in new_ids]
        feed.extend(kept[:KEEP_OLD])
    ET.indent(feed)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"
