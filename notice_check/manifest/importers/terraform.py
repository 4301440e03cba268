"""Stores from `terraform show -json` (plan or state): where each data store is, its copies, encryption, retention.

Which resource types are stores, and which attribute says what, is data (`data/terraform.yaml`); this
module walks the JSON, resolves regions with `notice_check.geo`, and never guesses: a store whose region
cannot be resolved is left out of the manifest and listed in the import summary.

Categories come from a `data_categories` tag (AWS, Azure) or label (GCP) holding comma-separated
fideslang keys, else from the user's mapping file (resource address pattern -> categories, first match
wins); a store with neither is imported with `categories_unknown: true`.
"""

from __future__ import annotations

import fnmatch
import math
import re
from pathlib import Path
from typing import Any

from notice_check.errors import InputError
from notice_check.manifest.importers.common import (
    ImportResult,
    Keys,
    category_keys,
    days_text,
    load_structured,
    rules,
    slug,
)

TAG = "data_categories"
_PROVIDERS = {"aws": "aws", "google": "gcp", "google-beta": "gcp", "azurerm": "azure"}
_INDEX = re.compile(r"\[[^\]]*\]")


# --------------------------------------------------------------------------- input


def _resources_of(module: dict[str, Any]) -> list[dict[str, Any]]:
    out = list(module.get("resources") or [])
    for child in module.get("child_modules") or []:
        out += _resources_of(child)
    return out


def _read_resources(doc: dict[str, Any], path: str) -> tuple[list[dict[str, Any]], str]:
    """(resources as {address, type, provider, values}, "plan" | "state")."""
    if "planned_values" in doc:
        root = (doc.get("planned_values") or {}).get("root_module") or {}
        return [_norm(r) for r in _resources_of(root)], "plan"
    if "values" in doc and isinstance(doc.get("values"), dict):
        root = doc["values"].get("root_module") or {}
        return [_norm(r) for r in _resources_of(root)], "state"
    if isinstance(doc.get("resources"), list) and "version" in doc:  # a raw .tfstate (version 4)
        out = []
        for res in doc["resources"]:
            prefix = f"{res['module']}." if res.get("module") else ""
            for i, inst in enumerate(res.get("instances") or []):
                key = inst.get("index_key")
                index = "" if key is None and len(res.get("instances") or []) == 1 else (
                    f'["{key}"]' if isinstance(key, str) else f"[{key if key is not None else i}]")
                out.append(_norm({"address": f"{prefix}{res.get('type')}.{res.get('name')}{index}",
                                  "mode": res.get("mode", "managed"), "type": res.get("type"),
                                  "provider_name": res.get("provider", ""),
                                  "values": inst.get("attributes") or {}}))
        return out, "state"
    raise InputError("not a Terraform plan or state: expected the output of `terraform show -json` "
                     "(planned_values or values) or a .tfstate file", source=path)


def _norm(res: dict[str, Any]) -> dict[str, Any]:
    provider = str(res.get("provider_name") or "")
    m = re.search(r"(?:^|/)(aws|google-beta|google|azurerm)(?![\w-])", provider)
    short = m.group(1) if m else str(res.get("type", "")).split("_", 1)[0]
    return {"address": str(res.get("address", "")), "mode": res.get("mode", "managed"),
            "type": str(res.get("type", "")), "provider": _PROVIDERS.get(short),
            "values": res.get("values") or {}}


def _config_modules(module: dict[str, Any], prefix: str = "") -> list[tuple[str, dict[str, Any]]]:
    out = [(prefix, module)]
    for name, call in (module.get("module_calls") or {}).items():
        out += _config_modules(call.get("module") or {}, f"{prefix}module.{name}.")
    return out


def _provider_regions(doc: dict[str, Any]) -> tuple[dict[str, str | None], dict[str, str], dict[str, Any]]:
    """(provider config key -> constant region or None, resource address -> provider config key,
    resource address -> its configuration expressions)."""
    conf = doc.get("configuration") or {}
    regions: dict[str, str | None] = {}
    for key, pc in (conf.get("provider_config") or {}).items():
        expr = (pc.get("expressions") or {})
        value = None
        for field in ("region", "location"):
            if field in expr:
                value = (expr[field] or {}).get("constant_value")
                break
        regions[key] = value if isinstance(value, str) else None
    owners: dict[str, str] = {}
    exprs: dict[str, Any] = {}
    for prefix, module in _config_modules(conf.get("root_module") or {}):
        for res in module.get("resources") or []:
            if res.get("provider_config_key"):
                owners[prefix + str(res.get("address"))] = str(res["provider_config_key"])
            exprs[prefix + str(res.get("address"))] = res.get("expressions") or {}
    return regions, owners, exprs


# --------------------------------------------------------------------------- values


def _pluck(value: Any, path: str) -> list[Any]:
    """Every value at a dotted path; Terraform blocks are lists, so lists are walked through."""
    items = [value]
    for part in path.split("."):
        nxt: list[Any] = []
        for item in items:
            for obj in (item if isinstance(item, list) else [item]):
                if isinstance(obj, dict) and obj.get(part) is not None:
                    nxt.append(obj[part])
        items = nxt
    flat: list[Any] = []
    for item in items:
        flat += item if isinstance(item, list) else [item]
    return flat


def _first(value: Any, path: str) -> Any:
    found = _pluck(value, path)
    return found[0] if found else None


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


class _Importer:
    def __init__(self, path: str, doc: dict[str, Any], mapping: list[tuple[str, list[str]]] | None) -> None:
        self.path = path
        self.name = Path(path).name
        self.doc = doc
        self.mapping = mapping or []
        self.rules = rules("terraform.yaml")
        self.keys = Keys()
        self.locations: dict[tuple[str, str], str] = {}
        self.out: dict[str, Any] = {"manifest_version": 1, "locations": [], "stores": []}
        self.result = ImportResult(self.out, path, category_hint="tag them data_categories or pass --categories")
        self.regions, self.owners, self.exprs = _provider_regions(doc)
        self.by_address: dict[str, dict[str, Any]] = {}

    # ---- regions

    def provider_region(self, res: dict[str, Any]) -> str | None:
        bare = _INDEX.sub("", res["address"])
        key = self.owners.get(bare)
        if key is None:  # resource in a module: the config key may be "module.x:aws" or the root "aws"
            short = {"aws": "aws", "gcp": "google", "azure": "azurerm"}.get(res["provider"] or "", "")
            key = short
        region = self.regions.get(key)
        if key not in self.regions and ":" in key:  # a module without providers of its own inherits the root's
            region = self.regions.get(key.rsplit(":", 1)[1])
        return region

    def resolve(self, provider: str, region: str) -> tuple[str, str] | None:
        """(provider, canonical region) when geo knows it."""
        from notice_check import geo

        region = region.strip()
        if provider == "gcp" and region.startswith("regional-"):
            region = region[len("regional-"):]
        place = geo.cloud_region(provider, region)
        if place is None:
            return None
        code = str(place.code)
        return provider, code.split(":", 1)[1] if ":" in code else region

    def region_of(self, res: dict[str, Any], rule: dict[str, Any]) -> tuple[tuple[str, str] | None, str]:
        """((provider, region) or None, what was tried) from the resource's attributes, then its provider."""
        provider = rule["provider"]
        tried = []
        for field in rule.get("region") or []:
            value = res["values"].get(field)
            if field == "arn" and isinstance(value, str):
                parts = value.split(":")
                value = parts[3] if len(parts) > 5 and parts[3] else None
            if isinstance(value, str) and value.strip():
                found = self.resolve(provider, value)
                if found:
                    return found, ""
                tried.append(f"{field} '{value}'")
        fallback = self.provider_region(res)
        if fallback:
            found = self.resolve(provider, fallback)
            if found:
                return found, ""
            tried.append(f"provider region '{fallback}'")
        else:
            tried.append("no constant provider region")
        return None, ", ".join(tried)

    def location_key(self, place: tuple[str, str]) -> str:
        if place not in self.locations:
            key = self.keys.take("locations", slug(f"{place[0]}_{place[1]}"))
            self.locations[place] = key
            self.out["locations"].append({"key": key, "provider": place[0], "region": place[1]})
        return self.locations[place]

    # ---- categories

    def categories(self, res: dict[str, Any], label: str) -> list[str] | None:
        values = res["values"]
        tag = None
        for field in ("tags", "tags_all", "labels", "effective_labels"):
            found = values.get(field)
            if isinstance(found, dict) and isinstance(found.get(TAG), str):
                tag = found[TAG]
                break
        if tag is not None:
            keys, bad = category_keys(tag, dashes=res["provider"] == "gcp")
            for item in bad:
                self.result.notes.append(f"{label}: {TAG} value '{item}' is not a fideslang key; dropped")
            if keys:
                return keys
        for pattern, cats in self.mapping:
            if fnmatch.fnmatchcase(res["address"], pattern) or fnmatch.fnmatchcase(_INDEX.sub("", res["address"]),
                                                                                  pattern):
                return cats
        return None

    # ---- stores

    def run(self, resources: list[dict[str, Any]]) -> ImportResult:
        managed = [r for r in resources if r["mode"] == "managed"]
        buckets: dict[str, dict[str, Any]] = {}
        settings = set(self.rules["s3_bucket_settings"])
        for res in managed:
            rule = self.rules["stores"].get(res["type"])
            if rule is None:
                continue
            record = self.store(res, rule)
            if record is not None:
                self.by_address.setdefault(_INDEX.sub("", res["address"]), record)
                self.by_address[res["address"]] = record
            if record is not None and res["type"] == "aws_s3_bucket":
                for name in (res["values"].get("bucket"), res["values"].get("id")):
                    if isinstance(name, str):
                        buckets[name] = record
        for res in managed:
            if res["type"] in settings:
                self.bucket_setting(res, buckets)
        return self.result

    def store(self, res: dict[str, Any], rule: dict[str, Any]) -> dict[str, Any] | None:
        values = res["values"]
        address = res["address"]
        evidence = [{"source": "terraform", "file": self.name, "ref": address}]
        place, tried = self.region_of(res, rule)
        custom = [str(v) for v in _pluck(values, "custom_placement_config.data_locations")]
        if place is not None and custom:  # a configurable dual-region: the data sits in the named regions only
            place = self.resolve(place[0], custom[0]) or place
        if place is None:
            self.result.unresolved.append(f"{address} ({res['type']}): region not resolved ({tried})")
            return None
        key = self.keys.take("stores", slug(address.replace("module.", "")))
        record: dict[str, Any] = {"key": key, "location": self.location_key(place)}
        record["_res"] = res
        replicas = self.replicas(res, rule, place, key)
        if replicas:
            record["replicas"] = replicas
        cats = self.categories(res, f"stores.{key}")
        if cats:
            record["categories"] = cats
        else:
            record["categories_unknown"] = True
            self.result.unknown_categories.append(f"stores.{key} ({address})")
        encrypted = self.encrypted(values, rule)
        if encrypted is not None:
            record["encryption"] = {"at_rest": encrypted}
        retention = self.retention(values, rule)
        if retention is not None:
            record["retention"] = retention
        backup = self.backup(values, rule)
        if backup is not None:
            record["backup_retention"] = backup
        if res["type"] == "aws_s3_bucket":
            self.inline_s3(record, values)
        elif res["type"] == "google_storage_bucket":
            deletes = [r for r in _pluck(values, "lifecycle_rule") if isinstance(r, dict)
                       and "Delete" in _pluck(r, "action.type")]
            self.apply_lifecycle(record, deletes, whole=_whole_gcs_rule, days_path="condition.age")
        name = values.get(rule.get("name", "name"))
        if isinstance(name, str) and name and name != key:
            record["name"] = name
        record["evidence"] = evidence
        self.out["stores"].append(record)
        return record

    def replicas(self, res: dict[str, Any], rule: dict[str, Any], home: tuple[str, str], key: str) -> list[str]:
        values = res["values"]
        regions: list[str] = []
        for path in rule.get("replicas") or []:
            regions += [v for v in _pluck(values, path) if isinstance(v, str)]
        for field, kinds in (rule.get("paired_when") or {}).items():
            if str(values.get(field, "")).upper() in kinds:
                pair = self.rules["azure_pairs"].get(home[1])
                if pair:
                    regions.append(pair)
                else:
                    self.result.unresolved.append(f"stores.{key} ({res['address']}): {field} "
                                                  f"{values.get(field)} but {home[1]} has no known pair region")
        regions += [str(v) for v in _pluck(values, "custom_placement_config.data_locations")][1:]
        out = []
        for region in regions:
            place = self.resolve(home[0], region)
            if place is None:
                self.result.unresolved.append(f"stores.{key} ({res['address']}): replica region '{region}' "
                                              "not resolved")
                continue
            if place != home:
                loc = self.location_key(place)
                if loc not in out:
                    out.append(loc)
        return out

    @staticmethod
    def encrypted(values: dict[str, Any], rule: dict[str, Any]) -> bool | None:
        said = None
        for path in rule.get("encrypted") or []:
            for v in _pluck(values, path):
                if v is True or (isinstance(v, str) and v.strip()):
                    return True
                if v is False:
                    said = False
        if rule.get("at_rest_default"):
            return True
        return said

    @staticmethod
    def retention(values: dict[str, Any], rule: dict[str, Any]) -> str | None:
        for field, per_day in (("retention_days", 1), ("retention_hours", 24), ("retention_seconds", 86400),
                               ("retention_ms", 86_400_000)):
            if field not in rule:
                continue
            n = _number(_first(values, rule[field]))
            if n is None:
                if rule.get("zero_is_indefinite"):
                    return "indefinite"
                continue
            if n == 0 and rule.get("zero_is_indefinite"):
                return "indefinite"
            if n > 0:
                return days_text(math.ceil(n / per_day - 1e-9))
        return None

    @staticmethod
    def backup(values: dict[str, Any], rule: dict[str, Any]) -> str | None:
        if "backup_days" not in rule:
            return None
        n = _number(_first(values, rule["backup_days"]))
        return days_text(int(n)) if n is not None else None

    # ---- S3: settings in the bucket (provider < 4) or in resources of their own

    def inline_s3(self, record: dict[str, Any], values: dict[str, Any]) -> None:
        rules_ = [r for r in _pluck(values, "lifecycle_rule") if isinstance(r, dict) and r.get("enabled", True)]
        self.apply_lifecycle(record, rules_, whole=lambda r: not r.get("prefix") and not r.get("tags"))
        for algo in _pluck(values, "server_side_encryption_configuration.rule."
                           "apply_server_side_encryption_by_default.sse_algorithm"):
            if algo:
                record["encryption"] = {"at_rest": True}
        dests = _pluck(values, "replication_configuration.rules.destination.bucket")
        if dests:
            record["_replicate_to"] = [str(d) for d in dests]

    def apply_lifecycle(self, record: dict[str, Any], rules_: list[dict[str, Any]], whole: Any,
                        days_path: str = "expiration.days") -> None:
        """Retention of a bucket: the longest expiration among rules that apply to every object."""
        days = [int(d) for r in rules_ if whole(r) for d in _pluck(r, days_path) if _number(d)]
        if days:
            record["retention"] = days_text(max(days))
        elif rules_ and any(_pluck(r, days_path) for r in rules_):
            self.result.notes.append(f"stores.{record['key']}: lifecycle expiration applies to part of the "
                                     "bucket only (a filter); retention left unset")

    def bucket_setting(self, res: dict[str, Any], buckets: dict[str, dict[str, Any]]) -> None:
        values = res["values"]
        bucket = values.get("bucket")
        record = buckets.get(bucket) if isinstance(bucket, str) else None
        if record is None:  # in a plan the name of a new bucket is not known yet: follow the reference
            record = next((self.by_address[a] for a in self.references(res, "bucket") if a in self.by_address),
                          None)
            bucket = bucket if isinstance(bucket, str) else "(known after apply)"
        if record is None:
            self.result.unresolved.append(f"{res['address']} ({res['type']}): bucket "
                                          f"'{bucket}' is not among the imported buckets; ignored")
            return
        record["evidence"].append({"source": "terraform", "file": self.name, "ref": res["address"]})
        if res["type"] == "aws_s3_bucket_server_side_encryption_configuration":
            if any(_pluck(values, "rule.apply_server_side_encryption_by_default.sse_algorithm")):
                record["encryption"] = {"at_rest": True}
        elif res["type"] == "aws_s3_bucket_lifecycle_configuration":
            enabled = [r for r in _pluck(values, "rule") if isinstance(r, dict)
                       and str(r.get("status", "Enabled")).lower() == "enabled"]
            self.apply_lifecycle(record, enabled, whole=_whole_bucket_rule)
        else:  # replication
            record["_replicate_to"] = [str(d) for d in _pluck(values, "rule.destination.bucket")] or [
                f"ref:{a}" for a in self.references(res, "rule.destination.bucket")]

    def references(self, res: dict[str, Any], path: str) -> list[str]:
        """Addresses of the S3 buckets an attribute of the resource's configuration refers to."""
        bare = _INDEX.sub("", res["address"])
        prefix = re.match(r"^((?:module\.[^.]+\.)*)", bare).group(1)  # type: ignore[union-attr]
        out = []
        for expr in _pluck(self.exprs.get(bare) or {}, path):
            for ref in expr.get("references") or [] if isinstance(expr, dict) else []:
                m = re.match(r"^(aws_s3_bucket\.[^.\[]+)", str(ref))
                if m and prefix + m.group(1) not in out:
                    out.append(prefix + m.group(1))
        return out

    def finish(self) -> ImportResult:
        by_name: dict[str, dict[str, Any]] = {}
        for rec in self.out["stores"]:
            res = rec["_res"]
            if res["type"] == "aws_s3_bucket":
                for field in ("bucket", "id", "arn"):
                    if isinstance(res["values"].get(field), str):
                        by_name[res["values"][field]] = rec
        for rec in self.out["stores"]:
            for dest in rec.pop("_replicate_to", []):
                name = dest.split(":::", 1)[-1]
                target = by_name.get(dest) or by_name.get(name) or self.by_address.get(dest[4:])
                if target is None:
                    self.result.unresolved.append(f"stores.{rec['key']}: replication to bucket '{name}' that is "
                                                  "not in this file; its region is not known")
                    continue
                loc = target["location"]
                if loc != rec["location"] and loc not in rec.setdefault("replicas", []):
                    rec["replicas"].append(loc)
        for rec in self.out["stores"]:
            rec.pop("_res", None)
            if rec.get("replicas") == []:
                rec.pop("replicas")
        return self.result


def _whole_bucket_rule(rule: dict[str, Any]) -> bool:
    """A lifecycle rule with no filter, or an empty prefix, applies to every object."""
    if rule.get("prefix"):
        return False
    filters = _pluck(rule, "filter")
    if not filters:
        return True
    return all(not f.get("prefix") and not f.get("tag") and not f.get("and") and not f.get("tags")
               for f in filters if isinstance(f, dict))


def _whole_gcs_rule(rule: dict[str, Any]) -> bool:
    """A Delete rule conditioned on age alone applies to every object (prefixes, classes narrow it)."""
    return all(set(k for k, v in c.items() if v not in (None, [], "", False, 0)) <= {"age", "with_state"}
               for c in _pluck(rule, "condition") if isinstance(c, dict))


# --------------------------------------------------------------------------- public API


def load_mapping(path: str | Path) -> list[tuple[str, list[str]]]:
    """A categories mapping file: {address pattern: [fideslang keys] or "k1, k2"}; patterns use * and ?."""
    data = load_structured(path, "categories mapping")
    if not isinstance(data, dict):
        raise InputError("a categories mapping must map resource address patterns to category lists, "
                         "e.g. {'module.media.*': [user.content]}", source=str(path))
    out = []
    for pattern, cats in data.items():
        text = ", ".join(str(c) for c in cats) if isinstance(cats, list) else str(cats or "")
        keys, bad = category_keys(text)
        if bad:
            raise InputError(f"pattern '{pattern}': '{bad[0]}' is not a fideslang data category key",
                             source=str(path))
        out.append((str(pattern), keys))
    return out


def import_terraform(path: str | Path, *, mapping: str | Path | None = None) -> ImportResult:
    """A manifest (SPEC section 3 dict) of the data stores in a Terraform plan or state (JSON)."""
    doc = load_structured(path, "Terraform JSON", fmt="json")
    if not isinstance(doc, dict):
        raise InputError("not a Terraform plan or state: the JSON is not an object", source=str(path))
    resources, _kind = _read_resources(doc, str(path))
    importer = _Importer(str(path), doc, load_mapping(mapping) if mapping else None)
    importer.run(resources)
    return importer.finish()
