"""The data-category tree: fideslang's default categories plus a manifest's extensions.

Notices and manifests must speak the same category language for "covers" to mean anything, so both
sides use fideslang keys; a manifest may add finer keys (`user.content.private.message.media`) with a
declared parent, and aliases so that the notice's own words ("photos sent in chats") find them.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from notice_check.taxonomy.phrases import Alias, builtin_rules, make_alias, match_phrase

SNAPSHOT = "data/fideslang_categories.json"


@dataclass(frozen=True)
class Category:
    key: str
    parent: str | None
    name: str = ""
    description: str = ""
    extension: bool = False  # declared by a manifest, not by fideslang
    aliases: tuple[str, ...] = field(default_factory=tuple)


class Taxonomy:
    """An immutable category tree; `extended()` returns a new tree with a manifest's additions."""

    def __init__(self, categories: Iterable[Category]) -> None:
        self._cats: dict[str, Category] = {}
        for cat in categories:
            self._cats[cat.key] = cat
        for cat in self._cats.values():
            if cat.parent is not None and cat.parent not in self._cats:
                raise ValueError(f"category {cat.key!r}: parent {cat.parent!r} is not a known category")
        self._aliases: tuple[Alias, ...] = tuple(
            a for c in self._cats.values() for t in c.aliases if (a := make_alias(c.key, t)) is not None
        )
        self._ancestors: dict[str, list[str]] = {}
        for key in self._cats:
            self._ancestors[key] = self._walk(key)

    def _walk(self, key: str) -> list[str]:
        chain: list[str] = []
        parent = self._cats[key].parent
        while parent is not None:
            if parent in chain or parent == key:
                raise ValueError(f"category {key!r}: its parents form a cycle through {parent!r}")
            chain.append(parent)
            parent = self._cats[parent].parent
        return chain

    # ------------------------------------------------------------------ construction

    @classmethod
    def from_fideslang(cls) -> Taxonomy:
        """The default data categories, read live from the installed fideslang (slow: ~120 ms import)."""
        return cls(Category(**c) for c in fideslang_categories())

    @classmethod
    def from_snapshot(cls) -> Taxonomy:
        """The same categories from the JSON snapshot shipped in data/ (a few ms; tests keep it in sync)."""
        data = json.loads(resources.files("notice_check.taxonomy").joinpath(SNAPSHOT).read_text("utf-8"))
        return cls(Category(**c) for c in data["categories"])

    def extended(self, extensions: Iterable[Any]) -> Taxonomy:
        """A new taxonomy with manifest extensions (objects or mappings with key, parent, aliases).

        An extension may name an existing key to give it aliases; its parent must then agree.
        Extensions may build on one another in any order.
        """
        cats = dict(self._cats)
        for ext in extensions:
            key, parent, aliases = _ext_fields(ext)
            old = cats.get(key)
            if old is not None and not old.extension:
                if parent is not None and parent != old.parent:
                    raise ValueError(
                        f"category {key!r} is a fideslang category with parent {old.parent!r}, not {parent!r}"
                    )
                cats[key] = Category(old.key, old.parent, old.name, old.description, False,
                                     old.aliases + tuple(aliases))
            else:
                cats[key] = Category(key, parent, key, "", True, tuple(aliases))
        return Taxonomy(cats.values())

    # ------------------------------------------------------------------ queries

    def known(self, key: str) -> bool:
        return key in self._cats

    __contains__ = known

    def keys(self) -> list[str]:
        return list(self._cats)

    def get(self, key: str) -> Category | None:
        return self._cats.get(key)

    def name(self, key: str) -> str:
        cat = self._cats.get(key)
        return cat.name if cat and cat.name else key

    def is_extension(self, key: str) -> bool:
        cat = self._cats.get(key)
        return bool(cat and cat.extension)

    def parent(self, key: str) -> str | None:
        """The declared parent; for an unknown key, its nearest known dotted prefix (see ancestors)."""
        if key in self._cats:
            return self._cats[key].parent
        chain = self.ancestors(key)
        return chain[0] if chain else None

    def ancestors(self, key: str) -> list[str]:
        """Parents from nearest to root. An unknown key ("user.contact.pager") borrows the chain of
        its longest known dotted prefix, following the fideslang naming convention."""
        if key in self._ancestors:
            return list(self._ancestors[key])
        prefix = key
        while "." in prefix:
            prefix = prefix.rsplit(".", 1)[0]
            if prefix in self._cats:
                return [prefix, *self._ancestors[prefix]]
        return []

    def covers(self, general: str, specific: str) -> bool:
        """True when an assertion about `general` also speaks about `specific`: same key or an ancestor."""
        return general == specific or general in self.ancestors(specific)

    def children(self, key: str) -> list[str]:
        return [c.key for c in self._cats.values() if c.parent == key]

    def descendants(self, key: str) -> list[str]:
        return [k for k, chain in self._ancestors.items() if key in chain]

    def suggest(self, key: str) -> str | None:
        """The closest known key, for did-you-mean hints."""
        close = difflib.get_close_matches(key, list(self._cats), n=1, cutoff=0.75)
        return close[0] if close else None

    def aliases(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for a in self._aliases:
            out.setdefault(a.key, []).append(a.text)
        return out

    def categories_for(self, phrase: str) -> list[str]:
        """Category keys a notice's data phrase names, aliases first; [] when it names nothing we know."""
        if not phrase or not phrase.strip():
            return []
        return match_phrase(phrase, self._aliases, builtin_rules())

    def __len__(self) -> int:
        return len(self._cats)

    def __repr__(self) -> str:
        ext = sum(1 for c in self._cats.values() if c.extension)
        return f"Taxonomy({len(self._cats)} categories, {ext} extensions)"


def _ext_fields(ext: Any) -> tuple[str, str | None, list[str]]:
    if isinstance(ext, Mapping):
        return str(ext["key"]), ext.get("parent"), list(ext.get("aliases") or [])
    return ext.key, getattr(ext, "parent", None), list(getattr(ext, "aliases", None) or [])


def fideslang_categories() -> list[dict[str, Any]]:
    """fideslang's default data categories as plain dicts (key, parent, name, description)."""
    from fideslang.default_taxonomy import DEFAULT_TAXONOMY

    return [
        {"key": c.fides_key, "parent": c.parent_key, "name": c.name or "", "description": c.description or ""}
        for c in DEFAULT_TAXONOMY.data_category
    ]


def write_fideslang_snapshot(path: str | None = None) -> str:
    """Regenerate data/fideslang_categories.json after a fideslang upgrade; returns the path written."""
    import fideslang

    target = path or str(resources.files("notice_check.taxonomy").joinpath(SNAPSHOT))
    doc = {
        "source": "fideslang.default_taxonomy.DEFAULT_TAXONOMY.data_category",
        "fideslang_version": fideslang.__version__,
        "categories": fideslang_categories(),
    }
    with open(target, "w", encoding="utf-8") as fh:
        json.dump(doc, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    return target


@lru_cache(maxsize=1)
def default_taxonomy() -> Taxonomy:
    """fideslang's default categories without extensions, built once per process from the snapshot
    (importing fideslang itself costs more than the whole 100 ms budget)."""
    return Taxonomy.from_snapshot()
