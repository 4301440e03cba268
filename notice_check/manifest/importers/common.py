"""What every importer shares: the result it returns, record keys, categories, and the YAML writer.

An importer turns someone else's file into a plain dict in SPEC section 3 shape. The writer dumps it
and loads it back with our own loader, so an importer can never hand the user a manifest that
`notice-check manifest validate` would reject.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from notice_check.errors import InputError, ManifestError

# SPEC section 3 order of the top-level sections and of the fields inside each record.
SECTION_ORDER = ("manifest_version", "organization", "as_of", "coverage", "categories",
                 "entities", "locations", "stores", "accesses", "disclosures")
FIELD_ORDER = ("key", "name", "country", "relationship", "provider", "region", "city", "operator",
               "accessor", "recipient", "location", "replicas", "store", "categories", "categories_unknown",
               "encryption", "retention", "backup_retention", "purpose", "sale", "trigger")
RECORD_SECTIONS = ("entities", "locations", "stores", "accesses", "disclosures")
CATEGORY_SPLIT = re.compile(r"\s*(?:[,;|\n]|--)\s*")


@dataclass
class ImportResult:
    """The manifest an importer built and what the person running it should know about it."""

    manifest: dict[str, Any]
    source: str
    unknown_categories: list[str] = field(default_factory=list)  # "stores.x (ref)": no category source
    unresolved: list[str] = field(default_factory=list)  # "ref: why": not imported, or imported without a place
    notes: list[str] = field(default_factory=list)  # anything else (dropped tag values, conflicts)
    category_hint: str = "add a data categories column"  # how to give the unknown categories
    verb: str = "imported"

    def counts(self) -> dict[str, int]:
        return {s: len(self.manifest.get(s) or []) for s in ("categories", *RECORD_SECTIONS)}

    def summary_lines(self) -> list[str]:
        """The import summary for standard error: counts, then every record the user should look at."""
        counts = ", ".join(f"{n} {s}" for s, n in self.counts().items())
        lines = [f"{self.source}: {self.verb} {counts}"]
        if self.unknown_categories:
            lines.append(f"categories unknown ({len(self.unknown_categories)}; {self.category_hint}):")
            lines += [f"  {item}" for item in self.unknown_categories]
        if self.unresolved:
            lines.append(f"unresolved ({len(self.unresolved)}; not guessed):")
            lines += [f"  {item}" for item in self.unresolved]
        lines += [f"note: {n}" for n in self.notes]
        return lines


# --------------------------------------------------------------------------- small helpers


def slug(text: str, fallback: str = "record") -> str:
    """A record key from a name or address: lower case, letters, digits and underscores."""
    out = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")
    return out[:60].rstrip("_") or fallback


class Keys:
    """Unique keys per section: a second "acme" becomes "acme_2"."""

    def __init__(self) -> None:
        self.used: dict[str, set[str]] = {}

    def take(self, section: str, wanted: str) -> str:
        used = self.used.setdefault(section, set())
        key, n = wanted, 2
        while key in used:
            key, n = f"{wanted}_{n}", n + 1
        used.add(key)
        return key


@cache
def _taxonomy() -> Any:
    from notice_check.taxonomy import default_taxonomy

    return default_taxonomy()


def known_category(key: str) -> bool:
    return bool(_taxonomy().known(key))


def category_keys(text: str, *, phrases: bool = False, dashes: bool = False) -> tuple[list[str], list[str]]:
    """(fideslang keys, items not understood) for a comma-separated cell, tag or label value.

    `dashes` reads "user-contact-email" as user.contact.email (GCP label values cannot hold dots);
    `phrases` also maps free text ("email addresses") through the taxonomy's phrase table.
    """
    keys: list[str] = []
    bad: list[str] = []
    for item in CATEGORY_SPLIT.split(text or ""):
        item = item.strip()
        if not item:
            continue
        found: list[str] = []
        if known_category(item):
            found = [item]
        elif dashes and known_category(item.replace("-", ".")):
            found = [item.replace("-", ".")]
        elif phrases:
            found = list(_taxonomy().categories_for(item))
        if not found:
            bad.append(item)
        for key in found:
            if key not in keys:
                keys.append(key)
    return keys, bad


def days_text(days: int | None, *, indefinite: bool = False) -> str | None:
    """A retention value as the manifest writes it: P30D, or 'indefinite'."""
    if indefinite:
        return "indefinite"
    return None if days is None else f"P{int(days)}D"


def read_text(path: str | Path, what: str) -> str:
    """A file's text, or one InputError line naming it (missing, a folder, not UTF-8)."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"no such {what} file", source=str(path)) from None
    except IsADirectoryError:
        raise InputError(f"is a directory, not a {what} file", source=str(path)) from None
    except OSError as err:
        raise InputError(f"cannot read the {what} file: {err.strerror or err}", source=str(path)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(f"not UTF-8 text (byte {err.start}); is this a {what} file?", source=str(path)) from None


def load_structured(path: str | Path, what: str, fmt: str | None = None) -> Any:
    """A JSON or YAML file as plain data; a syntax error is one line with its line number."""
    text = read_text(path, what)
    if fmt == "json" or str(path).lower().endswith(".json") or text.lstrip()[:1] in ("{", "["):
        try:
            return json.loads(text)
        except json.JSONDecodeError as err:
            if fmt != "json" and not str(path).lower().endswith(".json"):
                return _yaml(text, path)  # a YAML flow mapping also starts with "{"
            raise InputError(f"not valid JSON: {err.msg} (column {err.colno})", source=str(path),
                             line=err.lineno) from None
    return _yaml(text, path)


def _yaml(text: str, path: str | Path) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = getattr(err, "problem", None) or "syntax error"
        raise InputError(f"not valid YAML: {problem}", source=str(path),
                         line=mark.line + 1 if mark else None) from None


@cache
def rules(name: str) -> dict[str, Any]:
    """A rule file shipped in `importers/data/` (resource types, column names)."""
    text = resources.files("notice_check.manifest.importers").joinpath("data", name).read_text("utf-8")
    return yaml.safe_load(text)


# --------------------------------------------------------------------------- writer


def _ordered(record: dict[str, Any]) -> dict[str, Any]:
    head = {k: record[k] for k in FIELD_ORDER if k in record}
    tail = {k: v for k, v in record.items() if k not in head and k != "evidence"}
    out = {**head, **tail}
    if "evidence" in record:
        out["evidence"] = record["evidence"]
    return out


def ordered_manifest(data: dict[str, Any]) -> dict[str, Any]:
    """Sections in SPEC order, empty sections dropped, fields of each record in a fixed order."""
    out: dict[str, Any] = {}
    for section in SECTION_ORDER:
        value = data.get(section)
        if value is None or value == [] or value == {}:
            continue
        out[section] = [_ordered(r) for r in value] if section in RECORD_SECTIONS else value
    for key, value in data.items():
        if key not in out and key not in SECTION_ORDER and value not in (None, [], {}):
            out[key] = value
    out.setdefault("manifest_version", 1)
    return {"manifest_version": out.pop("manifest_version"), **out}


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:  # never &id001 anchors in a file people read
        return True


def dump_manifest(data: dict[str, Any], *, source: str = "<import>", blame_importer: bool = True) -> str:
    """The manifest as YAML, checked by loading it back; an importer bug raises ManifestError, never
    writes a manifest our own loader rejects. `blame_importer=False` raises the loader's own error."""
    buf = io.StringIO()
    yaml.dump(ordered_manifest(data), buf, Dumper=_Dumper, sort_keys=False, allow_unicode=True,
              default_flow_style=False, width=110)
    text = buf.getvalue()
    from notice_check.manifest.loader import loads_manifest

    try:
        loads_manifest(text, source=source, fmt="yaml")
    except ManifestError as err:
        if not blame_importer:
            raise
        raise ManifestError(f"the imported manifest does not validate ({err.message}); "
                            "please report this with the input file", source=source, line=err.line) from None
    return text
