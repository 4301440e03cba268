"""Find trigger tokens by dictionary lookup instead of spaCy's Matcher.

Every trigger in triggers.yml is a one-token pattern over LEMMA / LOWER / POS, and the Matcher's
per-token predicate checks cost about a third of the time spent reading parsed sentences. A lookup from
the token's lower-case form and lemma to candidate triggers gives the same matches, in the same order
(token by token, then in rule order); patterns this index cannot express go to a Matcher as before.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import Matcher
    from spacy.tokens import Doc, Token

    from notice_check.extraction.rules import Trigger

_SIMPLE_KEYS = {"LEMMA", "LOWER", "POS"}


def _values(spec: Any) -> frozenset[str] | None:
    """The allowed values of one pattern attribute, or None if it is not a plain value or IN list."""
    if isinstance(spec, str):
        return frozenset([spec])
    if isinstance(spec, dict) and set(spec) == {"IN"} and all(isinstance(v, str) for v in spec["IN"]):
        return frozenset(spec["IN"])
    return None


@dataclass(frozen=True)
class _Simple:
    order: int
    trigger: Trigger
    lemma: frozenset[str] | None
    lower: frozenset[str] | None
    pos: frozenset[str] | None

    def accepts(self, tok: Token) -> bool:
        return (self.lemma is None or tok.lemma_ in self.lemma) and (
            self.lower is None or tok.lower_ in self.lower) and (self.pos is None or tok.pos_ in self.pos)


@dataclass
class TriggerIndex:
    """Trigger matches of a parsed sentence: `hits(doc)` -> [(token, trigger)] in Matcher order."""

    by_lemma: dict[str, list[_Simple]] = field(default_factory=dict)
    by_lower: dict[str, list[_Simple]] = field(default_factory=dict)
    fallback: Matcher | None = None
    fallback_triggers: dict[str, tuple[int, Trigger]] = field(default_factory=dict)

    def hits(self, doc: Doc) -> list[tuple[Token, Trigger]]:
        found: list[tuple[int, int, Token, Trigger]] = []
        for tok in doc:
            seen: set[int] = set()
            for simple in self.by_lemma.get(tok.lemma_, []) + self.by_lower.get(tok.lower_, []):
                if simple.order not in seen and simple.accepts(tok):
                    seen.add(simple.order)
                    found.append((tok.i, simple.order, tok, simple.trigger))
        if self.fallback is not None:
            vocab = doc.vocab
            for match_id, start, _end in self.fallback(doc):
                order, trig = self.fallback_triggers[vocab.strings[match_id]]
                found.append((start, order, doc[start], trig))
        found.sort(key=lambda f: (f[0], f[1]))
        return [(tok, trig) for _, _, tok, trig in found]

    def verb_lemmas(self) -> frozenset[str]:
        """The lemmas of the triggers that match a verb (see reparse.py)."""
        return frozenset(lemma.lower() for lemma, entries in self.by_lemma.items()
                         if any(s.pos is not None and "VERB" in s.pos for s in entries))

    def retagged(self, tok: Token, pos: str) -> list[Trigger]:
        """The triggers `tok` would match if the tagger had given it `pos` (by lemma, in rule order)."""
        return [s.trigger for s in self.by_lemma.get(tok.lemma_, [])
                if (s.lower is None or tok.lower_ in s.lower) and (s.pos is None or pos in s.pos)]


def build_trigger_index(nlp: Language, triggers: list[Trigger]) -> TriggerIndex:
    from spacy.matcher import Matcher

    index = TriggerIndex()
    for order, trig in enumerate(triggers):
        pattern = trig.pattern
        simple = len(pattern) == 1 and set(pattern[0]) <= _SIMPLE_KEYS and all(
            _values(v) is not None for v in pattern[0].values()) and ("LEMMA" in pattern[0] or "LOWER" in pattern[0])
        if not simple:
            if index.fallback is None:
                index.fallback = Matcher(nlp.vocab)
            index.fallback.add(trig.id, [pattern])
            index.fallback_triggers[trig.id] = (order, trig)
            continue
        spec = pattern[0]
        entry = _Simple(order=order, trigger=trig, lemma=_values(spec.get("LEMMA")) if "LEMMA" in spec else None,
                        lower=_values(spec.get("LOWER")) if "LOWER" in spec else None,
                        pos=_values(spec.get("POS")) if "POS" in spec else None)
        if entry.lemma is not None:
            for value in entry.lemma:
                index.by_lemma.setdefault(value, []).append(entry)
        else:
            for value in entry.lower or ():
                index.by_lower.setdefault(value, []).append(entry)
    return index
