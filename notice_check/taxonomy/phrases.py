"""Reading a notice's data phrase ("photos and videos you send") as data-category keys.

Two sources, tried in this order: the manifest's own aliases (the organisation's words for its
categories win over generic ones), then the built-in rules of `data/phrases.yml`. Each match consumes
its span of the phrase, so a broad rule cannot re-read what a narrower one already claimed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_MASK = "\x00"
# Words that never change what an alias means; dropped on both sides before comparing.
_FILLER = frozenset({"a", "an", "the", "your", "our", "their", "my", "his", "her", "its", "any", "all",
                     "such", "these", "those", "this", "that", "of"})
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def normalize(text: str) -> str:
    """Lower-case, straighten quotes and collapse spaces: the form every rule is written against."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2010", "-").replace("\u2011", "-")
    return " ".join(text.lower().split())


def stem(word: str) -> str:
    """A crude singular form, the same on both sides of a comparison ("cookies" and "cookie" agree)."""
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith(("sses", "xes", "ches", "shes", "zes")):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 3 and word.endswith("ie"):
        word = word[:-2] + "y"
    return word


# "message logs", "message metadata": records about the thing an alias names, not the thing ("messages")
_RECORDS_OF = frozenset(stem(w) for w in ("log", "logs", "metadata"))


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """(stem, start, end) of each meaningful word, filler words left out."""
    return [(stem(m.group()), m.start(), m.end()) for m in _WORD.finditer(text) if m.group() not in _FILLER]


@dataclass(frozen=True)
class PhraseRule:
    key: str | None  # None: a phrase that must map to nothing ("sensitive data")
    patterns: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class Alias:
    key: str
    text: str
    stems: tuple[str, ...]


def make_alias(key: str, text: str) -> Alias | None:
    stems = tuple(s for s, _, _ in _tokens(normalize(text)))
    return Alias(key, text, stems) if stems else None


@lru_cache(maxsize=1)
def builtin_rules() -> tuple[PhraseRule, ...]:
    """The rules of data/phrases.yml, compiled once per process."""
    import yaml  # PyYAML's C loader: this file is read at every start-up, ruamel's pure loader is 10x slower

    text = resources.files("notice_check.taxonomy").joinpath("data/phrases.yml").read_text("utf-8")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    rules = []
    for entry in data["rules"]:
        pats = tuple(re.compile(rf"\b(?:{p})\b") for p in entry["patterns"])
        rules.append(PhraseRule(entry["key"], pats))
    return tuple(rules)


def match_phrase(phrase: str, aliases: Iterable[Alias], rules: Iterable[PhraseRule]) -> list[str]:
    """Keys named by the phrase, in the order they appear in it; [] when nothing is recognised."""
    text = normalize(phrase)
    found: list[tuple[int, str]] = []
    masked = list(text)

    # (a) aliases: contiguous runs of stems, longest alias first
    tokens = _tokens(text)
    stems = [t[0] for t in tokens]
    used = [False] * len(tokens)
    for alias in sorted(aliases, key=lambda a: -len(a.stems)):
        n = len(alias.stems)
        for i in range(len(stems) - n + 1):
            if stems[i:i + n] == list(alias.stems) and not any(used[i:i + n]) and (
                    i + n >= len(stems) or stems[i + n] not in _RECORDS_OF):
                used[i:i + n] = [True] * n
                start, end = tokens[i][1], tokens[i + n - 1][2]
                masked[start:end] = _MASK * (end - start)
                found.append((start, alias.key))

    # (b) built-in rules, most specific first, each consuming what it matched
    current = "".join(masked)
    for rule in rules:
        for pattern in rule.patterns:
            for m in pattern.finditer(current):
                if m.end() == m.start():
                    continue
                if rule.key is not None:
                    found.append((m.start(), rule.key))
                current = current[:m.start()] + _MASK * (m.end() - m.start()) + current[m.end():]

    out: list[str] = []
    for _, key in sorted(found, key=lambda f: f[0]):
        if key not in out:
            out.append(key)
    return out
