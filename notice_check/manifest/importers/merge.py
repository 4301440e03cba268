"""Several partial manifests made one: Terraform for stores, a sub-processor list for accessors, a
hand-written file for disclosures.

Each input is validated with our loader first. Records are matched by section and key: the same record
twice is kept once (evidence joined); list fields (categories, replicas, evidence) are joined; a field
with two different values is a conflict, reported, and the first file's value is kept. Coverage keeps
`partial` where the inputs disagree, since one partial source cannot make a section complete.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from notice_check.errors import ManifestError
from notice_check.manifest.importers.common import RECORD_SECTIONS, ImportResult, load_structured

_LISTS = ("categories", "replicas", "evidence")


def _join(into: list[Any], more: list[Any]) -> None:
    for item in more:
        if item not in into:
            into.append(item)


def merge_manifests(paths: list[str | Path]) -> ImportResult:
    """One manifest dict from several manifest files; conflicts are in the result's notes."""
    from notice_check.manifest.loader import validate_manifest

    out: dict[str, Any] = {"manifest_version": 1}
    result = ImportResult(out, ", ".join(str(p) for p in paths), verb="merged")
    origin: dict[tuple[str, str], str] = {}
    for path in paths:
        # each input must be sound on its own, except for references another input may declare
        problems = [e for e in validate_manifest(path) if "is not declared in" not in e.message]
        if problems:
            raise problems[0]
        data = load_structured(path, "manifest")
        name = str(path)
        for field in ("organization", "as_of"):
            if data.get(field) is None:
                continue
            value = data[field] if field != "as_of" else str(data[field])
            if field not in out:
                out[field], origin[(field, "")] = value, name
            elif out[field] != value:
                result.notes.append(f"conflict: {field} is {value!r} in {name} but {out[field]!r} in "
                                    f"{origin[(field, '')]}; kept {out[field]!r}")
        if data.get("coverage") is not None:
            cov = data["coverage"]
            cov = dict.fromkeys(("stores", "accesses", "disclosures"), cov) if isinstance(cov, str) else cov
            merged = out.setdefault("coverage", {})
            for section, level in cov.items():
                if section in merged and merged[section] != level:
                    result.notes.append(f"conflict: coverage.{section} is {level} in {name} but "
                                        f"{merged[section]} elsewhere; kept partial")
                    merged[section] = "partial"
                else:
                    merged.setdefault(section, level)
        for ext in data.get("categories") or []:
            cats = out.setdefault("categories", [])
            same = next((c for c in cats if c["key"] == ext["key"]), None)
            if same is None:
                cats.append(dict(ext))
            elif same.get("parent", ext.get("parent")) != ext.get("parent", same.get("parent")):
                result.notes.append(f"conflict: category {ext['key']} has parent {ext.get('parent')} in {name} "
                                    f"but {same.get('parent')} in {origin.get(('categories', ext['key']))}; "
                                    f"kept {same.get('parent')}")
            else:
                _join(same.setdefault("aliases", []), ext.get("aliases") or [])
            origin.setdefault(("categories", ext["key"]), name)
        for section in RECORD_SECTIONS:
            records = out.setdefault(section, [])
            for rec in data.get(section) or []:
                key = str(rec["key"])
                same = next((r for r in records if r["key"] == key), None)
                if same is None:
                    records.append(dict(rec))
                    origin[(section, key)] = name
                    continue
                for field, value in rec.items():
                    if field in _LISTS and isinstance(value, list):
                        _join(same.setdefault(field, []), value)
                        if field == "categories":
                            same.pop("categories_unknown", None)
                    elif field == "categories_unknown" and same.get("categories"):
                        continue
                    elif field not in same:
                        same[field] = value
                    elif same[field] != value:
                        result.notes.append(f"conflict: {section}.{key}.{field} is {value!r} in {name} but "
                                            f"{same[field]!r} in {origin[(section, key)]}; kept {same[field]!r}")
    names: dict[str, list[str]] = {}
    for ent in out.get("entities") or []:
        if ent.get("name"):
            names.setdefault(" ".join(str(ent["name"]).lower().split()), []).append(str(ent["key"]))
    for name, keys in names.items():
        if len(keys) > 1 and len({k.rsplit("_", 1)[0] for k in keys}) > 1:
            result.notes.append(f"entities {', '.join(keys)} share the name '{name}'; the same party under "
                                "different keys?")
    _check(result, origin)
    return result


def _check(result: ImportResult, origin: dict[tuple[str, str], str]) -> None:
    """The merged manifest must load; a reference no input declares is blamed on the file that made it."""
    from notice_check.manifest.importers.common import dump_manifest

    try:
        dump_manifest(result.manifest, source="merged manifest", blame_importer=False)
    except ManifestError as err:
        found = re.match(r"(\w+)\[\d+\] \(([^)]+)\): (.*)", err.message)
        if not found:
            raise
        section, key, problem = found.groups()
        raise ManifestError(f"{section} {key}: {problem}, in none of the merged manifests",
                            source=origin.get((section, key), "merged manifest")) from None
