"""Load and validate the extraction rules (triggers.yml, lexicon.yml) shipped as package data.

Rules are data so that a new verb or a new hedge is a one-line change reviewed as a diff; a typo in
them must fail loudly at load time (RuleError naming the file and the rule), not silently never fire.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from notice_check.errors import RuleError
from notice_check.models import PARTY_KINDS, PRACTICES

# Names a trigger may use in requires / requires_any / forbids; implemented in slots.py.
CHECKS = frozenset(
    {
        "place", "device", "server_noun", "data_object_store", "data_subject", "place_under_token",
        "no_verb_trigger_above", "nonself_party_by", "nonself_party_to", "share_frame", "outside_words",
        "place_or_border", "party", "non_data_object", "data_of_or_party", "data_of_or_data_near",
        "retention_phrase", "no_encrypt_verb", "secure_modifier", "data_among_assets", "device_access",
        "business_transfer_context", "collector_actor",
        "tracker_object", "authority_party", "legal_request_object", "data_object",
        "data_of", "user_subject", "event_clause", "concession", "upkeep", "others_act", "disclaimed", "inbound",
        "keeping_purpose", "quoted_label", "question", "wh_clause", "reduced_relative", "definition", "topic_mention",
        "party_locative", "to_our_servers", "authority_holder", "title", "modifier", "party_subject",
        "authority_subject", "access_holder", "self_negated", "document_noun", "data_reduced_relative",
        "definitional", "origin_place", "described_data", "data_description", "plan_frame", "storage_compound",
        "reader_recipient", "unauthorized", "meta_frame", "rights_frame", "relative_clause", "engaged_party",
        "manner_of_keeping", "backed_up", "device_lifetime", "others_denial", "access_governed", "located_party",
        "consented", "residual_store", "restrictive_relative", "negated_relative", "policy_scope", "signing_in",
        "generic_subject", "nothing_guaranteed", "pronoun_doer", "negated", "named_subject", "we_subject",
        "personal_object", "made_public", "non_data_holder", "non_data_remainder", "record_object", "site_kept",
        "site_object", "site_subject", "others_receive", "scoped_frame",
    }
)


@dataclass(frozen=True)
class Trigger:
    id: str
    practice: str
    pattern: list[dict[str, Any]]
    requires: tuple[str, ...] = ()
    requires_any: tuple[str, ...] = ()
    forbids: tuple[str, ...] = ()
    place_mode: str | None = None
    hedged: bool = False  # the claim is a possibility: modality "may" (see triggers.yml)
    yields_to_retention_when: str | None = None
    implied_party: str | None = None  # the recipient's kind when the sentence names none ("becomes public")
    examples: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Lexicon:
    raw: dict[str, Any]
    negative_phrases: re.Pattern[str]
    modality_phrases: re.Pattern[str]
    scope_phrases: re.Pattern[str]
    open_list: re.Pattern[str]
    conditions: re.Pattern[str]
    duration: re.Pattern[str]
    period: re.Pattern[str]
    until_events: dict[str, re.Pattern[str]]
    encryption: dict[str, re.Pattern[str]]
    parties: list[tuple[str, re.Pattern[str]]]
    authority_requests: re.Pattern[str]
    data_words: re.Pattern[str]
    non_data_objects: re.Pattern[str]
    _words: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict, compare=False, repr=False)
    _patterns: dict[str, re.Pattern[str]] = field(default_factory=dict, compare=False, repr=False)

    def number(self, text: str) -> float | None:
        """The value of a number the `duration` pattern matched: "forty-five" 45, "1,000" 1000, "a couple" 2."""
        return _number_value(self.raw["retention"], text)

    def pattern(self, *path: str) -> re.Pattern[str]:
        """A regular expression of lexicon.yml ("tracker_words", or "anaphora", "openers"), compiled once
        (case-insensitive)."""
        key = "/".join(path)
        found = self._patterns.get(key)
        if found is None:
            node: Any = self.raw
            for part in path:
                node = node[part]
            found = self._patterns[key] = re.compile(node, re.IGNORECASE)
        return found

    def party_vocabulary(self) -> frozenset[str]:
        """Word stems the party patterns are made of ("provider", "affiliat", "compan"): a capitalised word that
        starts with none of them is a name ("NAVER Cloud", "Facebook Companies")."""
        found = self._words.get(("_party_vocabulary",))
        if found is None:
            stems = {w for _, pattern in self.parties for w in re.findall(r"[a-z]{3,}", pattern.pattern)}
            found = self._words[("_party_vocabulary",)] = frozenset(stems)
        return found

    def words(self, *path: str) -> frozenset[str]:
        found = self._words.get(path)
        if found is None:
            node: Any = self.raw
            for part in path:
                node = node[part]
            found = self._words[path] = frozenset(str(w).lower() for w in node)
        return found


@dataclass(frozen=True)
class Rules:
    triggers: list[Trigger]
    headings: dict[str, re.Pattern[str]]
    lexicon: Lexicon
    version: str


def _number_pattern(ret: dict[str, Any]) -> str:
    """Digits ("1,000", "2.5") or number words in sequence ("forty-five", "one hundred and twenty")."""
    first = sorted(ret["numbers"], key=len, reverse=True)
    more = sorted([w for w in ret["numbers"] if w not in ("a", "an")] + list(ret["scales"]), key=len, reverse=True)
    words = rf"(?:{'|'.join(first)})(?:(?:[\s-]+|\s+and\s+)(?:{'|'.join(more)})\b)*"
    return rf"(?:\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d+(?:[.,]\d+)?|{words})(?:\s+and\s+a\s+half)?"


def _number_value(ret: dict[str, Any], text: str) -> float | None:
    text = " ".join(text.lower().split())
    if text.endswith(" and a half"):
        whole = _number_value(ret, text.removesuffix(" and a half"))
        return None if whole is None else whole + 0.5
    if text in ret["numbers"]:  # "a couple"
        return float(ret["numbers"][text])
    if text[:1].isdigit():
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+", text):
            return float(text.replace(",", ""))
        try:
            return float(text.replace(",", "."))
        except ValueError:
            return None
    total = current = 0
    for word in re.split(r"[\s-]+", text):
        if word == "and":
            continue
        if word in ret["scales"]:
            scale = ret["scales"][word]
            current = (current or 1) * scale
            if scale >= 1000:
                total, current = total + current, 0
        elif word in ret["numbers"]:
            current += ret["numbers"][word]
        else:
            return None
    return float(total + current)


def _alt(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


class _UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """A key written twice would silently drop its first list of words: refuse it instead."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _read_yaml(name: str, directory: Path | None) -> tuple[str, Any, str]:
    if directory is not None:
        path = directory / name
        text = path.read_text(encoding="utf-8")
        where = str(path)
    else:
        text = resources.files("notice_check.extraction").joinpath("rules", name).read_text(encoding="utf-8")
        where = f"notice_check/extraction/rules/{name}"
    try:
        return where, yaml.load(text, Loader=_UniqueKeyLoader), text
    except yaml.YAMLError as err:
        line = getattr(getattr(err, "problem_mark", None), "line", None)
        raise RuleError(f"invalid YAML: {getattr(err, 'problem', err)}", source=where,
                        line=None if line is None else line + 1) from None


def _trigger(where: str, raw: Any, index: int) -> Trigger:
    if not isinstance(raw, dict) or "id" not in raw:
        raise RuleError(f"trigger #{index + 1} has no id", source=where)
    rid = raw["id"]
    known = {"id", "practice", "pattern", "requires", "requires_any", "forbids", "place_mode", "hedged",
             "yields_to_retention_when", "implied_party", "examples"}
    unknown = set(raw) - known
    if unknown:
        raise RuleError(f"trigger {rid}: unknown field(s) {sorted(unknown)}", source=where)
    if raw.get("practice") not in PRACTICES:
        raise RuleError(f"trigger {rid}: unknown practice {raw.get('practice')!r}", source=where)
    pattern = raw.get("pattern")
    if not isinstance(pattern, list) or not pattern or not all(isinstance(p, dict) for p in pattern):
        raise RuleError(f"trigger {rid}: pattern must be a list of token patterns", source=where)
    if not isinstance(raw.get("hedged", False), bool):
        raise RuleError(f"trigger {rid}: hedged must be true or false", source=where)
    for key in ("requires", "requires_any", "forbids"):
        bad = [c for c in raw.get(key, []) if c not in CHECKS]
        if bad:
            raise RuleError(f"trigger {rid}: unknown check(s) in {key}: {bad}", source=where)
    return Trigger(
        id=rid,
        practice=raw["practice"],
        pattern=pattern,
        requires=tuple(raw.get("requires", [])),
        requires_any=tuple(raw.get("requires_any", [])),
        forbids=tuple(raw.get("forbids", [])),
        place_mode=raw.get("place_mode"),
        hedged=raw.get("hedged", False),
        yields_to_retention_when=raw.get("yields_to_retention_when"),
        implied_party=raw.get("implied_party"),
        examples=raw.get("examples", {}) or {},
    )


def _no_booleans(where: str, node: Any, path: str = "") -> None:
    """YAML 1.1 reads bare no/on/yes as booleans; in a word list that silently drops the word."""
    if isinstance(node, bool):
        raise RuleError(f"{path or 'value'} is a boolean; quote the word (\"no\", \"on\")", source=where)
    if isinstance(node, dict):
        for key, value in node.items():
            _no_booleans(where, value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            _no_booleans(where, value, f"{path}[{i}]")


def _lexicon(where: str, raw: dict[str, Any]) -> Lexicon:
    _no_booleans(where, raw)
    try:
        ret = raw["retention"]
        enc = raw["encryption"]
        return Lexicon(
            raw=raw,
            negative_phrases=_alt(raw["negation"]["negative_phrases"]),
            modality_phrases=_alt(raw["modality"]["phrases"]),
            scope_phrases=_alt(raw["scope"]["phrases"]),
            open_list=_alt(raw["open_list"]["phrases"]),
            conditions=_alt(raw["conditions"]["phrases"]),
            duration=re.compile(ret["duration"].replace("{number}", _number_pattern(ret)), re.IGNORECASE),
            period=_alt(ret["period_phrases"]),
            until_events={k: re.compile(v, re.IGNORECASE) for k, v in ret["until_events"].items()},
            encryption={k: re.compile(enc[k], re.IGNORECASE) for k in ("end_to_end", "in_transit", "at_rest")},
            parties=[(p["kind"], re.compile(p["pattern"], re.IGNORECASE)) for p in raw["parties"]],
            authority_requests=re.compile(raw["authority_request_objects"], re.IGNORECASE),
            data_words=re.compile(raw["data_words"], re.IGNORECASE),
            non_data_objects=re.compile(raw["non_data_objects"], re.IGNORECASE),
        )
    except KeyError as err:
        raise RuleError(f"missing section {err}", source=where) from None
    except re.error as err:
        raise RuleError(f"bad regular expression: {err}", source=where) from None


@lru_cache(maxsize=4)
def load_rules(directory: str | None = None) -> Rules:
    """The shipped rules, or a directory holding a user's triggers.yml and lexicon.yml."""
    base = Path(directory) if directory else None
    where, raw, trig_text = _read_yaml("triggers.yml", base)
    if not isinstance(raw, dict) or not isinstance(raw.get("triggers"), list):
        raise RuleError("expected a mapping with a 'triggers' list", source=where)
    triggers = [_trigger(where, t, i) for i, t in enumerate(raw["triggers"])]
    ids = [t.id for t in triggers]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise RuleError(f"duplicate trigger id(s) {dupes}", source=where)
    headings = {}
    for practice, pattern in (raw.get("headings") or {}).items():
        if practice not in PRACTICES:
            raise RuleError(f"headings: unknown practice {practice!r}", source=where)
        headings[practice] = re.compile(pattern, re.IGNORECASE)
    lex_where, lex_raw, lex_text = _read_yaml("lexicon.yml", base)
    lexicon = _lexicon(lex_where, lex_raw)
    implied = lexicon.raw.get("implied_parties") or {}
    for t in triggers:
        if t.implied_party is not None and (t.implied_party not in implied or t.implied_party not in PARTY_KINDS):
            raise RuleError(f"trigger {t.id}: implied_party {t.implied_party!r} is not a party kind with words in "
                            f"{lex_where} implied_parties {sorted(implied)}", source=where)
    digest = hashlib.sha256((trig_text + "\0" + lex_text).encode()).hexdigest()[:12]
    return Rules(triggers=triggers, headings=headings, lexicon=lexicon, version=digest)
