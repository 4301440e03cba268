"""How the comparator reads data categories: the assertion's phrase, the manifest's aliases, the hierarchy.

SPEC section 4: an assertion's data phrase is re-read with the manifest's own category aliases (with an
alias `your notes`, "your notes never leave the EEA" ranges over notes only), falling back to the
categories the extractor found, and to `user` when nothing is known. A category covers another when it is
the same or an ancestor of it. The tree, the aliases and the built-in phrase map are the taxonomy's
(`Manifest.taxonomy()`); this module only applies them to assertions and facts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Literal

from notice_check.manifest.model import Manifest
from notice_check.models import Assertion

Relation = Literal["covered", "coarser", "apart"]
"""covered: the assertion's categories reach the fact's; coarser: the fact is broader than the assertion
(the manifest cannot say whether the asserted data is in it); apart: unrelated data."""

ROOT = "user"
UNKNOWN = "?"
"""A data phrase that names something specific the taxonomy does not know ("user reports", "login records"): not
all user data, and no category either. Every fact is `coarser` than it: it can keep a claim unverifiable and
count as disclosed by it, but never contradicts it."""

# Data said not to identify anyone: its words are all generic, but it is not "all user data"
_NOT_PERSONAL = re.compile(r"\b(non-?personal\w*|aggregated?|anonymi[sz]ed|anonymous|de-?identified|statistical)\b",
                           re.IGNORECASE)


# the taxonomy reads these as all private content: fideslang has no finer category
_MEDIA_KINDS = frozenset({"recording", "recordings", "video", "videos", "audio", "file", "files", "photo", "photos",
                          "image", "images", "picture", "pictures", "clip", "clips", "document", "documents",
                          "upload", "uploads", "footage", "email", "emails", "mail", "mails", "call", "calls",
                          "voicemail", "voicemails"})


class CategoryReader:
    """Reads assertions' data with one manifest's vocabulary and relates categories to manifest facts."""

    def __init__(self, manifest: Manifest, generic_words: frozenset[str] = frozenset()) -> None:
        self.taxonomy = manifest.taxonomy()
        self.generic_words = generic_words
        self._labels = {ext.key: ext.aliases[0] for ext in manifest.categories if ext.aliases}
        # the manifest's own words for its categories, word by word: "videos" -> the key whose alias is
        # "photos and videos sent in chats"
        self._alias_words: dict[str, set[str]] = {}
        for ext in manifest.categories:
            for alias in ext.aliases:
                for word in re.findall(r"[a-z]{4,}", alias.lower()):
                    if word not in generic_words:  # "location data" says nothing of "your data"
                        self._alias_words.setdefault(word, set()).add(ext.key)
        self._read: dict[int, tuple[str, ...]] = {}
        self._covers: dict[tuple[str, str], bool] = {}

    def read(self, assertion: Assertion) -> tuple[str, ...]:
        """The categories an assertion ranges over: manifest-aware reading, extractor's, then `user`."""
        cached = self._read.get(id(assertion))
        if cached is not None:
            return cached
        phrase = assertion.data.text if assertion.data else ""
        found = list(self.taxonomy.categories_for(phrase)) if phrase and phrase.strip() else []
        if found:
            found = self._narrowed_by_aliases(phrase, found)
        if not found and assertion.data:
            found = list(assertion.data.categories)
        if not found and phrase and not self.generic(phrase):
            found = [UNKNOWN]
        result = tuple(dict.fromkeys(found)) or (ROOT,)
        self._read[id(assertion)] = result
        return result

    def _narrowed_by_aliases(self, phrase: str, found: list[str]) -> list[str]:
        """ "your videos" reads as private content, which would cover a store of text messages too. When the
        phrase's last word is a word of the manifest's own alias for a category below that ("photos and videos
        sent in chats"), the phrase means that category: narrower, never sideways."""
        words = re.findall(r"[a-z]+", phrase.lower())
        if not words or {"and", "or", "nor"} & set(words) or "," in phrase:
            return found  # "messages and attachments": the head word names only the last of them
        head = words[-1]
        keys = self._alias_words.get(head) or self._alias_words.get(head.rstrip("s")) or set()
        out: list[str] = []
        for category in found:
            if category in keys:  # the manifest's own word for this very category ("messages")
                out.append(category)
                continue
            below = sorted(k for k in keys if self.covers(category, k))
            out.extend(below or [category])
        return list(dict.fromkeys(out))

    def unlisted_kind(self, phrase: str) -> bool:
        """ "game-play video recordings", "audio voice files", "Zoom Emails": a kind of content the taxonomy can
        only read as all private content, which the manifest splits into kinds of its own without this one. A
        period or an encryption for it says nothing of the manifest's kinds."""
        parts = [re.findall(r"[a-z]+", part) for part in re.split(r"[,;*]|\b(?:and|or|nor)\b", phrase.lower())]
        parts = [words for words in parts if words]  # "messages and calls": every kind listed must be unlisted
        return bool(parts) and all(
            words[-1] in _MEDIA_KINDS
            and not any(w in self._alias_words or w.rstrip("s") in self._alias_words for w in words[-2:])
            for words in parts)

    def generic(self, phrase: str) -> bool:
        """ "the information", "certain data", "it", "such information": words that name no kind of data (all of
        them in `generic_data_words`), read as all user data."""
        if _NOT_PERSONAL.search(phrase):  # "non-personal information", "aggregated data": not the user's data
            return False
        words = [w for w in re.findall(r"[a-z]+", phrase.lower()) if len(w) > 1 or w in ("a",)]
        return all(w in self.generic_words for w in words)

    def covers(self, general: str, specific: str) -> bool:
        """Same category, or an ancestor of it."""
        key = (general, specific)
        if key not in self._covers:
            self._covers[key] = bool(self.taxonomy.covers(general, specific))
        return self._covers[key]

    def relation(self, claimed: Sequence[str], held: Sequence[str]) -> Relation:
        """How an assertion's categories relate to a fact's.

        A fact with no categories (an imported store whose data is not labelled) is `coarser`: it may hold
        anything or nothing personal, so it can keep a claim unverifiable but never contradict it.
        """
        if not held or UNKNOWN in claimed:
            return "coarser"
        if any(self.covers(c, h) for c in claimed for h in held):
            return "covered"
        if any(self.covers(h, c) for c in claimed for h in held):
            return "coarser"
        return "apart"

    def overlaps(self, claimed: Sequence[str], held: Sequence[str]) -> bool:
        """Either side covers the other: enough for a notice to have disclosed a fact."""
        return self.relation(claimed, held) != "apart"

    # ---- wording

    def label(self, key: str) -> str:
        """A reader's name for a category: the manifest's first alias, else fideslang's name, else the key."""
        if key in self._labels:
            return self._labels[key]
        name = self.taxonomy.name(key)
        if not name or name == key:
            return key
        name = name.lower()
        # fideslang prefixes some names with "user" ("User Contact Email"): "contact email" reads better
        return name[5:] if name.startswith("user ") and len(name) > 5 else name

    def labels(self, keys: Iterable[str], limit: int = 2) -> str:
        """ "chat media and account information", "a, b and 2 more categories"."""
        names = list(dict.fromkeys(self.label(k) for k in keys)) or [self.label(ROOT)]
        if len(names) > limit:
            rest = len(names) - limit
            return ", ".join(names[:limit]) + f" and {rest} more categor{'ies' if rest > 1 else 'y'}"
        return join_words(names)


def join_words(words: Sequence[str]) -> str:
    words = list(words)
    if not words:
        return ""
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + " and " + words[-1]
