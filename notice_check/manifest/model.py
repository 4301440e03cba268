"""The infrastructure manifest (SPEC section 3) as typed records.

Each record keeps the line it was declared on so that a finding can cite "stores.talk_media, line 23".
Loading and validation live in `loader.py`; this module only says what a valid manifest holds.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

if TYPE_CHECKING:
    from notice_check.taxonomy import Taxonomy

Relationship = Literal[
    "self", "affiliate", "processor", "sub_processor", "third_party", "advertiser", "public_authority"
]
CoverageLevel = Literal["complete", "partial"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="allow")

    key: str
    line: int | None = None  # 1-based line of the record in the manifest file


class Organization(BaseModel):
    model_config = ConfigDict(extra="allow")

    name: str
    country: str | None = None


class Coverage(BaseModel):
    """How much of reality each section declares; only `complete` sections can support a universal claim."""

    model_config = ConfigDict(extra="forbid")

    stores: CoverageLevel = "partial"
    accesses: CoverageLevel = "partial"
    disclosures: CoverageLevel = "partial"


class CategoryExtension(BaseModel):
    model_config = ConfigDict(extra="forbid")

    key: str
    parent: str
    aliases: list[str] = Field(default_factory=list)
    line: int | None = None


class Entity(_Record):
    name: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    relationship: Relationship = "third_party"


class Place(_Record):
    """An entry of `locations`: a country, or a provider region that resolves to one."""

    country: str | None = None  # filled from provider/region by the loader when absent
    provider: str | None = None
    region: str | None = None
    city: str | None = None
    operator: str | None = None  # entity key
    # added: every country the place may put data in. [country] for a country or a one-country region;
    # several for a multi-region (GCP "EU"), in which case `country` stays None.
    countries: list[str] = Field(default_factory=list)


class EncryptionFacts(BaseModel):
    model_config = ConfigDict(extra="forbid")

    at_rest: bool | None = None
    in_transit: bool | None = None
    end_to_end: bool | None = None


class Store(_Record):
    location: str  # key into `locations`
    replicas: list[str] = Field(default_factory=list)  # more location keys holding copies (extension)
    categories: list[str] = Field(default_factory=list)
    encryption: EncryptionFacts | None = None
    retention: str | int | None = None  # as written
    retention_days: int | None = None  # parsed; None when unknown or indefinite
    retention_indefinite: bool = False
    purpose: str | None = None
    evidence: list[dict] = Field(default_factory=list)


class Access(_Record):
    """Remote access by an entity; counts as a transfer to the accessor's country."""

    accessor: str  # key into `entities`
    store: str | None = None  # key into `stores`
    categories: list[str] = Field(default_factory=list)  # defaults to the store's categories
    purpose: str | None = None
    evidence: list[dict] = Field(default_factory=list)


class Disclosure(_Record):
    recipient: str  # key into `entities`
    categories: list[str] = Field(default_factory=list)
    purpose: str | None = None
    sale: bool | Literal["unknown"] = False
    trigger: Literal["legal_process", "voluntary"] | None = None
    evidence: list[dict] = Field(default_factory=list)


class Manifest(BaseModel):
    model_config = ConfigDict(extra="allow", arbitrary_types_allowed=True)

    source: str = ""
    sha256: str = ""
    manifest_version: int = 1
    organization: Organization | None = None
    as_of: dt.date | None = None
    coverage: Coverage = Field(default_factory=Coverage)
    categories: list[CategoryExtension] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    locations: list[Place] = Field(default_factory=list)
    stores: list[Store] = Field(default_factory=list)
    accesses: list[Access] = Field(default_factory=list)
    disclosures: list[Disclosure] = Field(default_factory=list)

    _taxonomy: object = PrivateAttr(default=None)

    # ---- lookups used by the comparator

    def taxonomy(self) -> Taxonomy:
        """fideslang's categories plus this manifest's `categories` extensions and aliases."""
        if self._taxonomy is None:
            from notice_check.taxonomy import default_taxonomy

            self._taxonomy = default_taxonomy().extended(self.categories)
        return self._taxonomy

    def entity(self, key: str) -> Entity | None:
        return next((e for e in self.entities if e.key == key), None)

    def place(self, key: str) -> Place | None:
        return next((p for p in self.locations if p.key == key), None)

    def store(self, key: str) -> Store | None:
        return next((s for s in self.stores if s.key == key), None)

    def store_countries(self, store: Store) -> list[str]:
        """Countries holding the store's data: its location and its replicas."""
        out: list[str] = []
        for key in [store.location, *store.replicas]:
            place = self.place(key)
            if place is None:
                continue
            for country in place.countries or ([place.country] if place.country else []):
                if country not in out:
                    out.append(country)
        return out

    def access_categories(self, access: Access) -> list[str]:
        if access.categories:
            return access.categories
        store = self.store(access.store) if access.store else None
        return store.categories if store else []

    def info(self) -> dict:
        return {
            "source": self.source,
            "sha256": self.sha256,
            "organization": self.organization.name if self.organization else None,
        }
