"""Manifest records turned into the facts assertions are judged against.

SPEC section 3: a store is data kept in a place (its location and its replicas); an access is an entity
reaching data remotely (a transfer to the accessor's country); a disclosure is data given to an entity
(in the recipient's country, with a relationship, maybe sold, maybe on legal process).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

from notice_check.manifest.model import Access, Disclosure, Entity, Manifest, Store
from notice_check.models import ManifestRef

Section = Literal["stores", "accesses", "disclosures"]
SECTIONS: tuple[Section, ...] = ("stores", "accesses", "disclosures")


@dataclass(frozen=True, eq=False)
class Fact:
    """One store, access or disclosure, with the countries and categories it puts data in."""

    section: Section
    record: Store | Access | Disclosure
    countries: tuple[str, ...]
    categories: tuple[str, ...]
    entity: Entity | None  # store: operator of its location; access: accessor; disclosure: recipient

    @property
    def key(self) -> str:
        return self.record.key

    @property
    def line(self) -> int | None:
        return self.record.line

    @property
    def relationship(self) -> str | None:
        return self.entity.relationship if self.entity else None

    @property
    def entity_name(self) -> str:
        if self.entity is None:
            return "an unnamed entity"
        return self.entity.name or self.entity.key

    @property
    def noun(self) -> str:
        """How a message names the record: "store talk_media"."""
        return {"stores": "store", "accesses": "access", "disclosures": "disclosure"}[self.section] + " " + self.key

    def ref(self) -> ManifestRef:
        return ManifestRef(section=self.section, key=self.key, line=self.line)

    def aspect(self, name: str) -> tuple[str, str, str]:
        """An identity for one side of this fact (a country, a sale, a party) used to avoid reporting a
        counter-example a second time as undisclosed."""
        return (self.section, self.key, name)

    @property
    def store(self) -> Store | None:
        return self.record if isinstance(self.record, Store) else None

    @property
    def disclosure(self) -> Disclosure | None:
        return self.record if isinstance(self.record, Disclosure) else None


def _upper(code: str | None) -> str | None:
    return code.strip().upper() if code and code.strip() else None


def facts_of(manifest: Manifest) -> list[Fact]:
    """Every store, access and disclosure of a manifest, in manifest order."""
    facts: list[Fact] = []
    for store in manifest.stores:
        place = manifest.place(store.location)
        operator = manifest.entity(place.operator) if place and place.operator else None
        countries = tuple(c for c in (_upper(c) for c in manifest.store_countries(store)) if c)
        facts.append(Fact("stores", store, tuple(dict.fromkeys(countries)), tuple(store.categories), operator))
    for access in manifest.accesses:
        accessor = manifest.entity(access.accessor)
        country = _upper(accessor.country) if accessor else None
        facts.append(
            Fact(
                "accesses",
                access,
                (country,) if country else (),
                tuple(manifest.access_categories(access)),
                accessor,
            )
        )
    for disclosure in manifest.disclosures:
        recipient = manifest.entity(disclosure.recipient)
        country = _upper(recipient.country) if recipient else None
        facts.append(
            Fact(
                "disclosures",
                disclosure,
                (country,) if country else (),
                tuple(disclosure.categories),
                recipient,
            )
        )
    return facts


@cache
def country_name(code: str) -> str:
    """ "South Korea" for KR: the geo module's name when it has one, else pycountry's common name."""
    try:
        from notice_check import geo

        namer = getattr(geo, "country_name", None)
        if callable(namer):
            name = namer(code)
            if name:
                return str(name)
    except (ImportError, KeyError, ValueError, LookupError):
        pass
    try:
        import pycountry

        country = pycountry.countries.get(alpha_2=code)
    except (KeyError, LookupError):
        country = None
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name
