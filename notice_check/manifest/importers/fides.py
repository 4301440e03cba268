"""Entities, stores, accesses and disclosures from a fides (fideslang) manifest file, YAML or JSON.

fideslang says what data a system handles and why, not where it lives (the location fields were dropped
in fideslang 3.0), so what this importer can place comes from:
- `fidesctl_meta.resource_id` holding an AWS ARN with a region: the system is a store there;
- the legacy `third_country_transfers` (ISO alpha-3) on a system or dataset: the data goes to those
  countries, written as an access from each country (remote access counts as a transfer);
- `meta.location` / `meta.country` / `meta.provider` + `meta.region` on a dataset: the dataset is a store.
Datasets with none of these are listed as unresolved, not placed. Declarations that share data with third
parties become disclosures to an entity named by `third_parties`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from notice_check.errors import InputError
from notice_check.manifest.importers.common import (
    ImportResult,
    Keys,
    known_category,
    load_structured,
    slug,
)

_RESPONSIBILITY = {"processor": "processor", "sub-processor": "sub_processor", "controller": "self"}


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _dataset_categories(node: Any, out: list[str]) -> list[str]:
    """Every data category of a dataset, its collections and (nested) fields."""
    if isinstance(node, dict):
        for key in _list(node.get("data_categories")):
            if isinstance(key, str) and key not in out:
                out.append(key)
        for child in ("collections", "fields"):
            for item in _list(node.get(child)):
                _dataset_categories(item, out)
    return out


class _Fides:
    def __init__(self, path: str) -> None:
        self.path = path
        self.name = Path(path).name
        self.keys = Keys()
        self.out: dict[str, Any] = {"manifest_version": 1, "categories": [], "entities": [], "locations": [],
                                    "stores": [], "accesses": [], "disclosures": []}
        self.result = ImportResult(self.out, path, category_hint="declare data_categories in fides")
        self.custom: set[str] = set()
        self.locations: dict[tuple[str, ...], str] = {}

    def ev(self, ref: str) -> list[dict[str, Any]]:
        return [{"source": "fides", "file": self.name, "ref": ref}]

    def cats(self, keys: list[Any], ref: str) -> list[str]:
        good = []
        for key in keys:
            if isinstance(key, str) and (known_category(key) or key in self.custom):
                if key not in good:
                    good.append(key)
            else:
                self.result.notes.append(f"{ref}: data category '{key}' is not a fideslang key; dropped")
        return good

    def with_categories(self, rec: dict[str, Any], cats: list[str], ref: str) -> dict[str, Any]:
        if cats:
            rec["categories"] = cats
        else:
            rec["categories_unknown"] = True
            self.result.unknown_categories.append(f"{ref}")
        return rec

    def location(self, **fields: str) -> str:
        ident = tuple(f"{k}={v}" for k, v in sorted(fields.items()))
        if ident not in self.locations:
            key = self.keys.take("locations", slug("_".join(fields.values())))
            self.locations[ident] = key
            self.out["locations"].append({"key": key, **fields})
        return self.locations[ident]

    def transfers(self, owner_key: str, owner_name: str, relationship: str, alpha3: list[Any],
                  cats: list[str], ref: str) -> None:
        from notice_check import geo

        for raw in alpha3:
            code = geo.country_code(str(raw))
            if code is None:
                self.result.unresolved.append(f"{ref}: third_country_transfers '{raw}' is not a country code")
                continue
            ent = self.keys.take("entities", f"{owner_key}_{code.lower()}")
            self.out["entities"].append({"key": ent, "name": f"{owner_name} ({code})", "country": code,
                                         "relationship": relationship, "evidence": self.ev(ref)})
            rec = {"key": self.keys.take("accesses", f"{ent}_transfer"), "accessor": ent,
                   "purpose": "third_country_transfer"}
            self.with_categories(rec, cats, f"accesses.{rec['key']} ({ref})")
            rec["evidence"] = self.ev(f"{ref}.third_country_transfers")
            self.out["accesses"].append(rec)

    def run(self, doc: dict[str, Any]) -> ImportResult:
        from notice_check import geo

        orgs = _list(doc.get("organization"))
        if orgs and isinstance(orgs[0], dict) and orgs[0].get("name"):
            self.out["organization"] = {"name": str(orgs[0]["name"])}
        for cat in _list(doc.get("data_category")):
            if (isinstance(cat, dict) and cat.get("fides_key") and cat.get("parent_key")
                    and not known_category(str(cat["fides_key"]))):
                self.custom.add(str(cat["fides_key"]))
                self.out["categories"].append({"key": str(cat["fides_key"]), "parent": str(cat["parent_key"])})
        for i, system in enumerate(_list(doc.get("system"))):
            if not isinstance(system, dict) or not system.get("fides_key"):
                raise InputError(f"system[{i}] has no fides_key", source=self.path)
            self.system(system)
        for i, dataset in enumerate(_list(doc.get("dataset"))):
            if not isinstance(dataset, dict) or not dataset.get("fides_key"):
                raise InputError(f"dataset[{i}] has no fides_key", source=self.path)
            ref = f"dataset.{dataset['fides_key']}"
            cats = self.cats(_dataset_categories(dataset, []), ref)
            key = slug(str(dataset["fides_key"]))
            self.transfers(key, str(dataset.get("name") or dataset["fides_key"]), "self",
                           _list(dataset.get("third_country_transfers")), cats, ref)
            meta = dataset.get("meta") or dataset.get("fides_meta") or {}
            loc = None
            if isinstance(meta, dict) and meta.get("provider") and meta.get("region"):
                place = geo.cloud_region(str(meta["provider"]), str(meta["region"]))
                if place is not None:
                    loc = self.location(provider=str(place.code).split(":")[0],
                                        region=str(place.code).split(":", 1)[1])
            elif isinstance(meta, dict) and (meta.get("country") or meta.get("location")):
                code = geo.country_code(str(meta.get("country") or meta.get("location")))
                if code:
                    loc = self.location(country=code)
            if loc is None:
                self.result.unresolved.append(f"{ref}: fides does not say where it is stored; no store imported")
                continue
            rec = {"key": self.keys.take("stores", key), "location": loc}
            self.with_categories(rec, cats, f"stores.{rec['key']} ({ref})")
            if dataset.get("retention") and str(dataset["retention"]).strip().upper().startswith("P"):
                rec["retention"] = str(dataset["retention"]).strip().upper()
            rec["evidence"] = self.ev(ref)
            self.out["stores"].append(rec)
        return self.result

    def system(self, system: dict[str, Any]) -> None:
        ref = f"system.{system['fides_key']}"
        key = self.keys.take("entities", slug(str(system["fides_key"])))
        name = str(system.get("name") or system["fides_key"])
        resp = [str(r).lower() for r in _list(system.get("responsibility"))]
        relationship = next((_RESPONSIBILITY[r] for r in resp if r in _RESPONSIBILITY), "self")
        self.out["entities"].append({"key": key, "name": name, "relationship": relationship,
                                     "evidence": self.ev(ref)})
        all_cats: list[str] = []
        for j, decl in enumerate(_list(system.get("privacy_declarations"))):
            if not isinstance(decl, dict):
                continue
            dref = f"{ref}.privacy_declarations[{j}]"
            cats = self.cats(_list(decl.get("data_categories")), dref)
            all_cats += [c for c in cats if c not in all_cats]
            if decl.get("data_shared_with_third_parties") or decl.get("third_parties"):
                who = str(decl.get("third_parties") or "third parties")
                ent = self.keys.take("entities", slug(who, "third_parties"))
                self.out["entities"].append({"key": ent, "name": who, "relationship": "third_party",
                                             "evidence": self.ev(dref)})
                shared = self.cats(_list(decl.get("shared_categories")), dref) or cats
                rec: dict[str, Any] = {"key": self.keys.take("disclosures", f"{key}_to_{ent}"), "recipient": ent}
                self.with_categories(rec, shared, f"disclosures.{rec['key']} ({dref})")
                if decl.get("data_use"):
                    rec["purpose"] = str(decl["data_use"])
                rec["sale"] = "unknown"
                rec["evidence"] = self.ev(dref)
                self.out["disclosures"].append(rec)
            if decl.get("retention_period"):
                self.result.notes.append(f"{dref}: retention_period '{decl['retention_period']}' kept as text "
                                         "only (fides gives it no unit)")
        self.transfers(key, name, relationship, _list(system.get("third_country_transfers")), all_cats, ref)
        arn = str((system.get("fidesctl_meta") or {}).get("resource_id") or "")
        parts = arn.split(":")
        if arn.startswith("arn:") and len(parts) > 5 and parts[3]:
            from notice_check import geo

            if geo.cloud_region("aws", parts[3]) is None:
                self.result.unresolved.append(f"{ref}: region '{parts[3]}' of {arn} not resolved")
                return
            rec = {"key": self.keys.take("stores", f"{key}_store"),
                   "location": self.location(provider="aws", region=parts[3])}
            self.with_categories(rec, all_cats, f"stores.{rec['key']} ({ref})")
            rec["evidence"] = self.ev(f"{ref}.fidesctl_meta.resource_id")
            self.out["stores"].append(rec)


def import_fides(path: str | Path) -> ImportResult:
    """A manifest (SPEC section 3 dict) from a fides manifest file (system, dataset, data_category...)."""
    doc = load_structured(path, "fides")
    if not isinstance(doc, dict) or not any(k in doc for k in ("system", "dataset", "organization")):
        raise InputError("not a fides manifest: expected top-level 'system', 'dataset' or 'organization' lists",
                         source=str(path))
    return _Fides(str(path)).run(doc)


__all__ = ["import_fides"]
