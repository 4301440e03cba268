"""The assertion diff pairs claims across versions so a reworded claim shows as "changed", not removed + added.

Two assertions are the same claim when practice, polarity, normalised data phrase and section agree; among
several candidates the one whose sentence reads most alike wins. Claims left over are paired a second time
on practice and polarity alone when their sentences are close (a heading renamed, a data phrase reworded).
Everything else is added or removed. A pair whose meaning is unchanged (only offsets or wording moved) is
not reported, so a re-flowed notice gives an empty assertion diff.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from notice_check.models import Assertion, Document

_DETERMINERS = frozenset({"all", "any", "the", "your", "our", "such", "of", "a", "an", "this", "these", "those", "its"})
_NUMBERING = re.compile(r"^\s*(?:\d+(?:\.\d+)*[.)]?|[ivxlc]+[.)]|[a-z][.)])\s+", re.IGNORECASE)
SIMILAR = 0.75  # sentence similarity for the second pairing pass


def normalise_phrase(text: str | None) -> str:
    """Lower case, no punctuation, no leading numbering, no determiners: "All  User data" == "user data"."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).lower()
    text = _NUMBERING.sub("", text)
    words = re.findall(r"\w+", text)
    return " ".join(w for w in words if w not in _DETERMINERS)


def _section(a: Assertion) -> str:
    return " > ".join(normalise_phrase(part) for part in a.evidence.section.split(" > "))


def assertion_key(a: Assertion) -> tuple[str, str, str, str]:
    """(practice, polarity, normalised data phrase, normalised section): what makes two claims "the same"."""
    return (a.practice, a.polarity, normalise_phrase(a.data.text if a.data else ""), _section(a))


def _sentence(a: Assertion) -> str:
    return " ".join(a.evidence.text.split()).lower()


def _similarity(a: Assertion, b: Assertion) -> float:
    return difflib.SequenceMatcher(None, _sentence(a), _sentence(b), autojunk=False).ratio()


def _codes(values: Sequence[str]) -> str:
    return ", ".join(values) if values else "none"


def _location(a: Assertion) -> str:
    loc = a.location
    if loc is None:
        return "none"
    prefix = "outside " if loc.mode == "outside" else ""
    places = _codes(loc.countries or loc.regions)
    return f"{prefix}{places}{' (open list)' if loc.open else ''}"


def _parties(a: Assertion) -> str:
    return _codes([p.name or p.kind for p in a.parties])


def _retention(a: Assertion) -> str:
    r = a.retention
    if r is None:
        return "none"
    where = " on the reader's device" if r.on_device else ""
    if r.max_days is not None:
        return f"{r.max_days} days" + (f" or until {r.until}" if r.until else "") + where
    return (f"until {r.until}" if r.until else "unspecified") + where


_ASPECTS = (
    ("location", _location),
    ("parties", _parties),
    ("retention", _retention),
    ("encryption", lambda a: a.encryption.kind if a.encryption else "none"),
    ("modality", lambda a: a.modality),
    ("scope", lambda a: a.scope),
    ("data", lambda a: _codes(a.data.categories) if a.data else "none"),
    ("conditions", lambda a: "; ".join(a.conditions) or "none"),
)


def summarise_change(old: Assertion, new: Assertion) -> str:
    """ "storage location JP -> JP, US, KR; modality fact -> may"; empty when the claim means the same."""
    parts = []
    for name, view in _ASPECTS:
        before, after = view(old), view(new)
        if before != after:
            label = "" if name == new.practice else f"{name} "  # "retention 30 days -> 90 days"
            parts.append(f"{label}{before} -> {after}")
    return f"{new.practice} " + "; ".join(parts) if parts else ""


def _dump(a: Assertion) -> dict[str, Any]:
    return a.model_dump(mode="json")


def diff_assertions(old: Sequence[Assertion], new: Sequence[Assertion]) -> dict[str, list[dict[str, Any]]]:
    """{"added": [...], "removed": [...], "changed": [{"old", "new", "summary"}]} in the new notice's order."""
    left = list(old)
    right = list(new)
    pairs: list[tuple[Assertion, Assertion]] = []

    def take(match: Any) -> None:
        for b in list(right):
            candidates = [a for a in left if match(a, b)]
            if not candidates:
                continue
            best = max(candidates, key=lambda a: (_similarity(a, b), -left.index(a)))
            pairs.append((best, b))
            left.remove(best)
            right.remove(b)

    take(lambda a, b: a.id == b.id and summarise_change(a, b) == "")  # identical claims in the same sentence
    take(lambda a, b: assertion_key(a) == assertion_key(b))
    take(lambda a, b: (a.practice, a.polarity) == (b.practice, b.polarity) and _similarity(a, b) >= SIMILAR)

    order = {id(b): i for i, b in enumerate(new)}
    changed = []
    for a, b in sorted(pairs, key=lambda p: order[id(p[1])]):
        summary = summarise_change(a, b)
        if summary:
            changed.append({"old": _dump(a), "new": _dump(b), "summary": summary})
    return {
        "added": [_dump(b) for b in right],
        "removed": [_dump(a) for a in left],
        "changed": changed,
    }


def unified_text_diff(old: str, new: str, old_name: str = "old", new_name: str = "new", context: int = 3) -> str:
    """A difflib unified diff of the cleaned texts, one notice line per diff line."""
    lines = difflib.unified_diff(old.splitlines(), new.splitlines(), old_name, new_name, n=context, lineterm="")
    return "\n".join(lines) + "\n" if old != new else ""


def diff_documents(
    old: Document,
    new: Document,
    old_assertions: Sequence[Assertion],
    new_assertions: Sequence[Assertion],
) -> dict[str, Any]:
    """SPEC "Diff JSON": old/new identity, the text diff, the language switch and the assertion diff.

    `old.language`/`new.language` are added to the SPEC's fields: a switch is reported as such, not as a
    rewrite of every sentence.
    """
    return {
        "old": {"source": old.source, "sha256": old.sha256, "language": old.language},
        "new": {"source": new.source, "sha256": new.sha256, "language": new.language},
        "text": {
            "changed": old.text != new.text,
            "language_changed": old.language != new.language,
            "unified": unified_text_diff(old.text, new.text),
        },
        "assertions": diff_assertions(old_assertions, new_assertions),
    }
