"""Loading and validating a manifest (SPEC section 3), with one file:line error per problem.

The validator walks the parsed tree itself instead of leaning on pydantic's messages, because a user
who mistyped a location key needs "infra.yaml:23: stores[2] (talk_media): location 'kr_dcx' is not
declared in locations", not a pydantic error path. Once the tree is clean the records are built with
pydantic, which then cannot fail.

Conventions of the messages: records are named `section[index] (key)` with a 0-based index; the line
is that of the offending value when the file says where it is, else the record's first line.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, get_args

from pydantic import ValidationError

from notice_check.errors import ManifestError
from notice_check.manifest.durations import parse_retention
from notice_check.manifest.model import (
    Access,
    Coverage,
    Disclosure,
    EncryptionFacts,
    Entity,
    Manifest,
    Place,
    Relationship,
    Store,
)
from notice_check.manifest.source import (
    Loaded,
    item_line,
    key_line,
    line_of,
    parse_manifest_bytes,
    read_manifest_file,
    value_line,
)
from notice_check.taxonomy import Taxonomy, default_taxonomy

MANIFEST_VERSION = 1
RECORD_SECTIONS = ("entities", "locations", "stores", "accesses", "disclosures")
SECTIONS = ("manifest_version", "organization", "as_of", "coverage", "categories", *RECORD_SECTIONS)
RELATIONSHIPS: tuple[str, ...] = get_args(Relationship)
TRIGGERS = ("legal_process", "voluntary")
COVERAGE_SECTIONS = tuple(Coverage.model_fields)
COVERAGE_LEVELS = ("complete", "partial")
CATEGORY_KEY = re.compile(r"^[A-Za-z0-9_.<>-]+$")

_MODELS: dict[str, type] = {
    "entities": Entity, "locations": Place, "stores": Store, "accesses": Access, "disclosures": Disclosure,
}
# Fields the user writes (the loader fills `line`, and the parsed retention/country fields).
_FIELDS: dict[str, tuple[str, ...]] = {
    "entities": ("key", "name", "country", "relationship"),
    "locations": ("key", "country", "provider", "region", "city", "operator"),
    "stores": ("key", "location", "replicas", "categories", "encryption", "retention", "purpose", "evidence"),
    "accesses": ("key", "accessor", "store", "categories", "purpose", "evidence"),
    "disclosures": ("key", "recipient", "categories", "purpose", "sale", "trigger", "evidence"),
}
_HINTS = {"e2e": "end_to_end", "e2ee": "end_to_end", "encrypted_at_rest": "at_rest",
          "encrypted_in_transit": "in_transit", "categories_ext": "categories", "category": "categories",
          "data_categories": "categories", "replica": "replicas", "consideration": "sale"}


# --------------------------------------------------------------------------- public API


def load_manifest(path: str | Path) -> Manifest:
    """The validated manifest; raises the first problem (by line) as one ManifestError.

    The raised error carries every problem in `.errors`; its message says how many more there are.
    """
    return _finish(read_manifest_file(path))


def loads_manifest(text: str, *, source: str = "<manifest>", fmt: str = "yaml") -> Manifest:
    """Same as load_manifest for text already in memory (importers, tests); fmt is "yaml" or "json"."""
    return _finish(parse_manifest_bytes(text.encode("utf-8"), source=source, fmt=fmt))


def validate_manifest(path: str | Path) -> list[ManifestError]:
    """Every problem of the manifest, in file order; [] when it is valid. Never raises ManifestError."""
    try:
        loaded = read_manifest_file(path)
    except ManifestError as exc:
        return [exc]
    return _Validator(loaded).run()[1]


def summarize(manifest: Manifest) -> dict[str, int]:
    """Record counts per section, for `notice-check manifest validate`."""
    return {
        "categories": len(manifest.categories),
        "entities": len(manifest.entities),
        "locations": len(manifest.locations),
        "stores": len(manifest.stores),
        "accesses": len(manifest.accesses),
        "disclosures": len(manifest.disclosures),
    }


def _finish(loaded: Loaded) -> Manifest:
    manifest, errors = _Validator(loaded).run()
    if errors:
        first = errors[0]
        if len(errors) > 1:
            more = len(errors) - 1
            first = ManifestError(f"{first.message} (+{more} more problem{'s' if more > 1 else ''})",
                                  source=first.source, line=first.line)
        first.errors = errors  # type: ignore[attr-defined]
        raise first
    assert manifest is not None
    return manifest


# --------------------------------------------------------------------------- validation


def _geo() -> Any:
    import notice_check.geo as geo

    return geo


def _shown(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return str(value)


def _did_you_mean(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str:
    choices = list(choices)
    if word in _HINTS and _HINTS[word] in choices:
        return f" (did you mean '{_HINTS[word]}'?)"
    close = difflib.get_close_matches(word, choices, n=1, cutoff=cutoff)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _plain(value: Any) -> Any:
    """ruamel/JSON containers -> dict/list, dates kept, so extras and evidence are ordinary data."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value


class _Validator:
    def __init__(self, loaded: Loaded) -> None:
        self.loaded = loaded
        self.source = loaded.source
        self.errors: list[ManifestError] = []
        self.keys: dict[str, dict[str, int | None]] = {s: {} for s in RECORD_SECTIONS}
        self.taxonomy: Taxonomy = default_taxonomy()
        self.declared_categories: set[str] = set()  # even broken ones: no cascade of "unknown category"

    def err(self, line: int | None, message: str) -> None:
        self.errors.append(ManifestError(message, source=self.source, line=line))

    # ------------------------------------------------------------------ driver

    def run(self) -> tuple[Manifest | None, list[ManifestError]]:
        root = self.loaded.data
        if root is None:
            self.err(None, "manifest is empty (no sections)")
            return None, self.errors
        if not isinstance(root, dict):
            what = "a list" if isinstance(root, list) else f"a single value ({_shown(root)})"
            self.err(line_of(root) or 1,
                     f"a manifest must be a mapping of sections (manifest_version, locations, stores, ...), "
                     f"not {what}")
            return None, self.errors
        out: dict[str, Any] = {"source": self.source, "sha256": self.loaded.sha256}
        for key in root:
            if not isinstance(key, str):
                self.err(key_line(root, key), f"top-level key {_shown(key)} is not a name")
            elif key not in SECTIONS and not key.startswith(("x-", "x_")):
                self.err(key_line(root, key), f"unknown top-level key '{key}'"
                         f"{_did_you_mean(key, SECTIONS)}; sections are: {', '.join(SECTIONS)}")

        self._version(root, out)
        self._organization(root, out)
        self._as_of(root, out)
        self._coverage(root, out)
        self._categories(root, out)
        records = {s: self._records(root, s) for s in RECORD_SECTIONS}
        for section, items in records.items():
            checker: Callable[[str, Any, int | None, dict[str, Any]], None] = getattr(self, f"_{section}")
            built = []
            for label, rec, line in items:
                clean: dict[str, Any] = {"key": str(rec["key"]), "line": line}
                self._fields(section, label, rec, clean)
                checker(label, rec, line, clean)
                built.append(clean)
            out[section] = built

        self.errors.sort(key=lambda e: e.line or 0)
        if self.errors:
            return None, self.errors
        try:
            manifest = Manifest.model_validate(out)
        except ValidationError as exc:  # a gap in the checks above: still one line, still file-level
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            self.err(1, f"{where}: {first['msg']}")
            return None, self.errors
        manifest._taxonomy = self.taxonomy
        return manifest, []

    # ------------------------------------------------------------------ top-level sections

    def _version(self, root: dict, out: dict) -> None:
        if "manifest_version" not in root:
            self.err(line_of(root) or 1,
                     f"manifest_version is missing (add 'manifest_version: {MANIFEST_VERSION}')")
            return
        v = root["manifest_version"]
        if isinstance(v, bool) or not isinstance(v, int) or v != MANIFEST_VERSION:
            self.err(value_line(root, "manifest_version"),
                     f"manifest_version must be {MANIFEST_VERSION}, got {_shown(v)}")
            return
        out["manifest_version"] = MANIFEST_VERSION

    def _organization(self, root: dict, out: dict) -> None:
        if "organization" not in root or root["organization"] is None:
            return
        org = root["organization"]
        line = key_line(root, "organization")
        if isinstance(org, str) and org.strip():
            out["organization"] = {"name": org.strip()}
            return
        if not isinstance(org, dict):
            self.err(line, "organization must be a mapping like {name: ..., country: JP}, "
                     f"got {_shown(org)}")
            return
        clean: dict[str, Any] = _plain(org)
        name = org.get("name")
        if not isinstance(name, str) or not name.strip():
            self.err(value_line(org, "name") if "name" in org else line,
                     "organization.name is missing or empty")
        for field in org:
            if field not in ("name", "country") and _did_you_mean(str(field), ("name", "country"), 0.8):
                self.err(value_line(org, field), f"organization: unknown field '{field}'"
                         f"{_did_you_mean(str(field), ('name', 'country'), 0.8)}")
        if org.get("country") is not None:
            clean["country"] = self._country(org["country"], value_line(org, "country"),
                                             "organization: country")
        out["organization"] = clean

    def _as_of(self, root: dict, out: dict) -> None:
        if root.get("as_of") is None:
            return
        v = root["as_of"]
        line = value_line(root, "as_of")
        if isinstance(v, dt.datetime):
            out["as_of"] = v.date()
        elif isinstance(v, dt.date):
            out["as_of"] = v
        else:
            try:
                out["as_of"] = dt.date.fromisoformat(str(v).strip())
            except ValueError:
                self.err(line, f"as_of must be a date like 2021-03-01, got {_shown(v)}")

    def _coverage(self, root: dict, out: dict) -> None:
        if root.get("coverage") is None:
            return
        cov = root["coverage"]
        line = key_line(root, "coverage")
        if isinstance(cov, str):  # one level for every section
            if cov in COVERAGE_LEVELS:
                out["coverage"] = dict.fromkeys(COVERAGE_SECTIONS, cov)
            else:
                self.err(line, "coverage must be 'complete', 'partial' or a mapping per section, "
                         f"got {_shown(cov)}")
            return
        if not isinstance(cov, dict):
            self.err(line, f"coverage must be a mapping like {{stores: complete}}, got {_shown(cov)}")
            return
        clean = {}
        for section, level in cov.items():
            vline = value_line(cov, section)
            if section not in COVERAGE_SECTIONS:
                self.err(vline, f"coverage: unknown section '{section}'"
                         f"{_did_you_mean(str(section), COVERAGE_SECTIONS)}; "
                         f"coverage applies to {', '.join(COVERAGE_SECTIONS)}")
            elif level not in COVERAGE_LEVELS:
                self.err(vline, f"coverage.{section} must be 'complete' or 'partial', got {_shown(level)}")
            else:
                clean[section] = level
        out["coverage"] = clean

    def _categories(self, root: dict, out: dict) -> None:
        exts = root.get("categories")
        if exts is None:
            out["categories"] = []
            return
        line = key_line(root, "categories")
        if not isinstance(exts, list):
            self.err(line, f"categories must be a list of {{key, parent, aliases}}, got {_shown(exts)}")
            return
        built: list[dict[str, Any]] = []
        seen: dict[str, int | None] = {}
        for i, ext in enumerate(exts):
            rline = line_of(ext) or item_line(exts, i)
            label = f"categories[{i}]"
            if not isinstance(ext, dict):
                self.err(rline, f"{label} must be a mapping {{key, parent, aliases}}, got {_shown(ext)}")
                continue
            key = ext.get("key")
            if not isinstance(key, str) or not key.strip():
                self.err(rline, f"{label}: key is missing or not a string")
                continue
            label = f"categories[{i}] ({key})"
            if not CATEGORY_KEY.match(key):
                self.err(value_line(ext, "key"),
                         f"{label}: category key may only hold letters, digits and _ . < > -")
                continue
            if key in seen:
                self.err(value_line(ext, "key"),
                         f"{label}: duplicate key '{key}' (first declared on line {seen[key]})")
                continue
            seen[key] = rline
            self.declared_categories.add(key)
            for field in ext:
                if field not in ("key", "parent", "aliases"):
                    self.err(value_line(ext, field), f"{label}: unknown field '{field}'"
                             f"{_did_you_mean(str(field), ('key', 'parent', 'aliases'))}")
            parent = ext.get("parent")
            known_parent = default_taxonomy().get(key).parent if self.taxonomy.known(key) else None
            if parent is None and known_parent is not None:
                parent = known_parent  # aliases for a fideslang key: its parent is implied
            if not isinstance(parent, str) or not parent.strip():
                self.err(rline, f"{label}: parent is missing (every extension names the category it refines)")
                continue
            aliases = ext.get("aliases") or []
            if isinstance(aliases, str):
                aliases = [aliases]
            if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
                self.err(value_line(ext, "aliases"), f"{label}: aliases must be a list of phrases")
                aliases = []
            built.append({"key": str(key), "parent": str(parent), "aliases": [str(a) for a in aliases], "line": rline,
                          "_parent_line": value_line(ext, "parent")})

        declared = {b["key"] for b in built}
        ok: list[dict[str, Any]] = []
        for i, b in enumerate(built):
            label = f"categories[{i}] ({b['key']})"
            parent = b["parent"]
            if not (self.taxonomy.known(parent) or parent in declared):
                self.err(b["_parent_line"], f"{label}: parent '{parent}' is not a fideslang category "
                         f"nor declared in categories{self._hint_category(parent, declared)}")
                continue
            if self.taxonomy.known(b["key"]) and self.taxonomy.get(b["key"]).parent != parent:
                self.err(b["_parent_line"], f"{label}: '{b['key']}' is a fideslang category whose parent is "
                         f"'{self.taxonomy.get(b['key']).parent}', not '{parent}'")
                continue
            ok.append(b)
        try:
            self.taxonomy = default_taxonomy().extended(ok)
        except ValueError as exc:  # a cycle among extensions
            self.err(line, f"categories: {exc}")
        out["categories"] = [{k: v for k, v in b.items() if not k.startswith("_")} for b in ok]

    def _hint_category(self, key: str, extra: Iterable[str] = ()) -> str:
        close = difflib.get_close_matches(key, [*self.taxonomy.keys(), *extra], n=1, cutoff=0.75)
        return f" (did you mean '{close[0]}'?)" if close else ""

    # ------------------------------------------------------------------ record sections

    def _records(self, root: dict, section: str) -> list[tuple[str, Any, int | None]]:
        """(label, record, line) of the well-formed records, keys registered for reference checks."""
        items = root.get(section)
        if items is None:
            return []
        if not isinstance(items, list):
            self.err(key_line(root, section), f"{section} must be a list of records, got {_shown(items)}")
            return []
        out = []
        keys = self.keys[section]
        for i, rec in enumerate(items):
            line = line_of(rec) or item_line(items, i)
            label = f"{section}[{i}]"
            if not isinstance(rec, dict):
                self.err(line, f"{label} must be a mapping with a key, got {_shown(rec)}")
                continue
            key = rec.get("key")
            if key is None:
                self.err(line, f"{label}: key is missing (every record needs a unique key)")
                continue
            if not isinstance(key, str) or not key.strip():
                self.err(value_line(rec, "key"),
                         f"{label}: key must be a non-empty string, got {_shown(key)}")
                continue
            label = f"{section}[{i}] ({key})"
            if key in keys:
                self.err(value_line(rec, "key"),
                         f"{label}: duplicate key '{key}' in {section} (first declared on line {keys[key]})")
                continue
            keys[key] = line
            out.append((label, rec, line))
        return out

    def _fields(self, section: str, label: str, rec: dict, clean: dict) -> None:
        """Unknown fields: a likely typo is an error, anything else is kept as an extension field."""
        known = _FIELDS[section]
        for field in rec:
            if not isinstance(field, str):
                self.err(line_of(rec), f"{label}: field {_shown(field)} is not a name")
                continue
            if field in known:
                continue
            if field == "line" or field in _MODELS[section].model_fields:
                self.err(value_line(rec, field),
                         f"{label}: field '{field}' is set by the loader, not in the file")
                continue
            hint = _did_you_mean(field, known, 0.8)
            if hint:
                self.err(value_line(rec, field), f"{label}: unknown field '{field}'{hint}")
                continue
            clean[field] = _plain(rec[field])

    def _ref(self, label: str, rec: dict, field: str, section: str, value: Any,
             line: int | None) -> str | None:
        if not isinstance(value, str) or not value.strip():
            self.err(line, f"{label}: {field} must be a key of {section}, got {_shown(value)}")
            return None
        if value not in self.keys[section]:
            self.err(line, f"{label}: {field} '{value}' is not declared in {section}"
                     f"{_did_you_mean(value, self.keys[section])}")
            return None
        return str(value)

    def _required_ref(self, label: str, rec: dict, field: str, section: str, rline: int | None,
                      clean: dict) -> None:
        if rec.get(field) is None:
            self.err(rline, f"{label}: {field} is missing (a key of {section})")
            return
        ref = self._ref(label, rec, field, section, rec[field], value_line(rec, field))
        if ref:
            clean[field] = ref

    def _string(self, label: str, rec: dict, field: str, clean: dict) -> None:
        if rec.get(field) is None:
            return
        v = rec[field]
        if isinstance(v, (str, int, float)) and not isinstance(v, bool) and str(v).strip():
            clean[field] = str(v)
        else:
            self.err(value_line(rec, field), f"{label}: {field} must be text, got {_shown(v)}")

    def _country(self, value: Any, line: int | None, label: str) -> str | None:
        code = _geo().country_code(value) if isinstance(value, str) else None
        if code is None:
            self.err(line, f"{label} {_shown(value)} is not an ISO 3166-1 alpha-2 country code "
                     "(e.g. JP, KR, DE)")
        return code

    def _category_list(self, label: str, rec: dict, clean: dict) -> None:
        if rec.get("categories") is None:
            return
        cats = rec["categories"]
        line = value_line(rec, "categories")
        if isinstance(cats, str):
            cats = [cats]
        if not isinstance(cats, list):
            self.err(line, f"{label}: categories must be a list of data-category keys, got {_shown(cats)}")
            return
        good = []
        for j, cat in enumerate(cats):
            cline = item_line(cats, j) if not isinstance(rec["categories"], str) else line
            if not isinstance(cat, str):
                self.err(cline, f"{label}: categories[{j}] must be a data-category key, got {_shown(cat)}")
            elif cat in self.declared_categories and not self.taxonomy.known(cat):
                continue  # its declaration is already reported
            elif not self.taxonomy.known(cat):
                self.err(cline, f"{label}: unknown data category '{cat}'{self._hint_category(cat)}; "
                         "use a fideslang key or declare it in categories")
            elif cat not in good:
                good.append(str(cat))
        clean["categories"] = good

    def _evidence(self, label: str, rec: dict, clean: dict) -> None:
        if rec.get("evidence") is None:
            return
        ev = rec["evidence"]
        if isinstance(ev, dict):
            ev = [ev]
        if not isinstance(ev, list) or not all(isinstance(e, dict) for e in ev):
            self.err(value_line(rec, "evidence"),
                     f"{label}: evidence must be a list of mappings like [{{source: terraform, ref: ...}}]")
            return
        clean["evidence"] = _plain(ev)

    # one checker per section: (label, raw record, record line, clean dict to fill)

    def _entities(self, label: str, rec: dict, line: int | None, clean: dict) -> None:
        self._string(label, rec, "name", clean)
        if rec.get("country") is not None:
            code = self._country(rec["country"], value_line(rec, "country"), f"{label}: country")
            if code:
                clean["country"] = code
        if rec.get("relationship") is not None:
            rel = rec["relationship"]
            if rel in RELATIONSHIPS:
                clean["relationship"] = rel
            else:
                self.err(value_line(rec, "relationship"),
                         f"{label}: relationship {_shown(rel)} is not one of {', '.join(RELATIONSHIPS)}"
                         f"{_did_you_mean(str(rel), RELATIONSHIPS)}")

    def _locations(self, label: str, rec: dict, line: int | None, clean: dict) -> None:
        for field in ("city",):
            self._string(label, rec, field, clean)
        country = None
        if rec.get("country") is not None:
            country = self._country(rec["country"], value_line(rec, "country"), f"{label}: country")
            if country:
                clean["country"] = country
        provider, region = rec.get("provider"), rec.get("region")
        if provider is None and region is None:
            if rec.get("country") is None:
                self.err(line, f"{label}: a location needs a country, or a provider and region")
            elif country:
                clean["countries"] = [country]
        elif provider is None or region is None:
            missing = "provider" if provider is None else "region"
            self.err(line, f"{label}: {missing} is missing (a cloud location names both provider and region)")
        elif not isinstance(provider, str) or not isinstance(region, str):
            self.err(value_line(rec, "region"), f"{label}: provider and region must be text")
        else:
            geo = _geo()
            pid = geo.cloud_provider(provider) if hasattr(geo, "cloud_provider") else provider.strip().lower()
            place = geo.cloud_region(provider, region.strip()) if pid else None
            if pid is None:
                self.err(value_line(rec, "provider"), f"{label}: unknown cloud provider '{provider}'")
            elif place is None:
                self.err(value_line(rec, "region"),
                         f"{label}: unknown region '{region}' for provider '{provider}'")
            else:
                countries = list(getattr(place, "countries", ()) or ())
                code = str(getattr(place, "code", ""))
                canonical = code.split(":", 1)[1] if code.startswith(f"{pid}:") else region.strip()
                clean["provider"], clean["region"] = pid, canonical  # "Japan East" -> japaneast
                if country and countries and country not in countries:
                    self.err(value_line(rec, "country"),
                             f"{label}: country {country} does not match {provider} {region} "
                             f"({', '.join(countries)})")
                clean["countries"] = countries or ([country] if country else [])
                if not country and len(countries) == 1:
                    clean["country"] = countries[0]
        if rec.get("operator") is not None:
            ref = self._ref(label, rec, "operator", "entities", rec["operator"], value_line(rec, "operator"))
            if ref:
                clean["operator"] = ref

    def _stores(self, label: str, rec: dict, line: int | None, clean: dict) -> None:
        self._required_ref(label, rec, "location", "locations", line, clean)
        if rec.get("replicas") is not None:
            reps = rec["replicas"]
            if isinstance(reps, str):
                reps = [reps]
            if not isinstance(reps, list):
                self.err(value_line(rec, "replicas"), f"{label}: replicas must be a list of location keys")
            else:
                good = []
                for j, rep in enumerate(reps):
                    rl = (item_line(reps, j) if isinstance(rec["replicas"], list)
                          else value_line(rec, "replicas"))
                    ref = self._ref(label, rec, f"replicas[{j}]", "locations", rep, rl)
                    if ref and ref not in good:
                        good.append(ref)
                clean["replicas"] = good
        self._category_list(label, rec, clean)
        self._encryption(label, rec, clean)
        if rec.get("retention") is not None:
            try:
                days, indefinite = parse_retention(rec["retention"])
            except ValueError as exc:
                self.err(value_line(rec, "retention"), f"{label}: {exc}")
            else:
                raw = rec["retention"]
                clean["retention"] = int(raw) if isinstance(raw, int) else str(raw)
                clean["retention_days"] = days
                clean["retention_indefinite"] = indefinite
        self._string(label, rec, "purpose", clean)
        self._evidence(label, rec, clean)

    def _encryption(self, label: str, rec: dict, clean: dict) -> None:
        if rec.get("encryption") is None:
            return
        enc = rec["encryption"]
        line = value_line(rec, "encryption")
        fields = tuple(EncryptionFacts.model_fields)
        if not isinstance(enc, dict):
            self.err(line, f"{label}: encryption must be a mapping like {{at_rest: true, in_transit: true, "
                     f"end_to_end: false}}, got {_shown(enc)}")
            return
        facts = {}
        for k, v in enc.items():
            vline = value_line(enc, k)
            if k not in fields:
                self.err(vline, f"{label}: unknown encryption field '{k}'{_did_you_mean(str(k), fields)}; "
                         f"use {', '.join(fields)}")
            elif v is not None and not isinstance(v, bool):
                self.err(vline, f"{label}: encryption.{k} must be true or false, got {_shown(v)}")
            else:
                facts[k] = v
        clean["encryption"] = facts

    def _accesses(self, label: str, rec: dict, line: int | None, clean: dict) -> None:
        self._required_ref(label, rec, "accessor", "entities", line, clean)
        if rec.get("store") is not None:
            ref = self._ref(label, rec, "store", "stores", rec["store"], value_line(rec, "store"))
            if ref:
                clean["store"] = ref
        self._category_list(label, rec, clean)
        self._string(label, rec, "purpose", clean)
        self._evidence(label, rec, clean)

    def _disclosures(self, label: str, rec: dict, line: int | None, clean: dict) -> None:
        self._required_ref(label, rec, "recipient", "entities", line, clean)
        self._category_list(label, rec, clean)
        self._string(label, rec, "purpose", clean)
        if "sale" in rec:
            sale = rec["sale"]
            if isinstance(sale, bool):
                clean["sale"] = sale
            elif isinstance(sale, str) and sale.strip().lower() == "unknown":
                clean["sale"] = "unknown"
            else:
                self.err(value_line(rec, "sale"),
                         f"{label}: sale must be true, false or unknown, got {_shown(sale)}")
        if rec.get("trigger") is not None:
            trig = rec["trigger"]
            if trig in TRIGGERS:
                clean["trigger"] = trig
            else:
                self.err(value_line(rec, "trigger"), f"{label}: trigger {_shown(trig)} is not one of "
                         f"{', '.join(TRIGGERS)}{_did_you_mean(str(trig), TRIGGERS)}")
        self._evidence(label, rec, clean)


__all__ = ["MANIFEST_VERSION", "load_manifest", "loads_manifest", "summarize", "validate_manifest"]
