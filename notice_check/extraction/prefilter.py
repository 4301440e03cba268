"""The sentence prefilter: only sentences that could yield an assertion are parsed.

It must be a *necessary* condition, never a guess: a sentence is dropped only when no trigger word occurs
in it, or when for every trigger that occurs some check it `requires` cannot hold for want of a word that
check reads (a place name, a party word, a duration...). Each cue is derived from the same data the check
reads (lexicon.yml, the gazetteer, the spaCy lemmatizer's own tables), so a word added there reaches the
prefilter too. A check with no entry in CUES counts as always possible, so a new check is safe by default.

Words are compared as lower-case runs of letters or of digits ("aes-256" -> aes, 256), the cheapest split
that never glues two spaCy tokens together, except in tokenizer special cases ("cannot", "don't"), which
we read from the tokenizer itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from notice_check.extraction.rules import Rules, Trigger

if TYPE_CHECKING:
    from spacy.language import Language

_PART = re.compile(r"[^\W\d_]+|\d+")
_CAPITAL = re.compile(r"(?<![^\W\d_])[^\W\d_a-z][^\W\d_]*")  # a letter run that does not open in a-z


def inflections(word: str) -> set[str]:
    """The surface forms of a trigger word ("store" -> stores, stored, storing), so the prefilter can match
    whole words and never a prefix ("us" must not match "user"). A superset of what the lemmatizer undoes;
    `Vocabulary.forms` adds the lemmatizer's own exceptions."""
    w = word.lower()
    forms = {w, w + "s", w + "es", w + "ed", w + "ing", w + "d", w + "r", w + "er", w + "est"}
    if w.endswith("e"):
        forms |= {w[:-1] + "ing", w + "d"}
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        forms |= {w[:-1] + "ies", w[:-1] + "ied"}
    if len(w) >= 3 and w[-1] not in "aeiouwxy" and w[-2] in "aeiou" and w[-3] not in "aeiou":
        forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}  # ship -> shipped, shipping
    return forms


# Irregular forms by lemma, for when no lemmatizer tables are at hand (the model's exceptions cover these).
IRREGULAR = {"sell": ["sold"], "keep": ["kept"], "hold": ["held"], "send": ["sent"], "give": ["gave", "given"],
             "make": ["made"], "leave": ["left"], "get": ["got", "gotten"], "go": ["went", "gone"],
             "see": ["saw", "seen"], "read": ["read"], "overwrite": ["overwritten", "overwrote"],
             "have": ["had", "has"], "deal": ["dealt"], "seek": ["sought"], "bring": ["brought"]}


# ---------------------------------------------------------------------- the sentence, as the cues see it


class View:
    """One sentence's words, computed once and only as far as a cue asks."""

    __slots__ = ("__dict__", "text")

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def lower(self) -> str:
        return self.text.lower()

    @cached_property
    def words(self) -> frozenset[str]:
        return frozenset(_PART.findall(self.lower))

    @cached_property
    def capitalised(self) -> frozenset[str]:
        """Lower-cased letter runs written with a capital (or a non-ASCII letter) first."""
        return frozenset(w.lower() for w in _CAPITAL.findall(self.text))

    @cached_property
    def inner_capital(self) -> bool:
        """A capitalised word after the first one: a possible proper noun ("with Acme")."""
        stripped = self.text.lstrip()
        return any(m.start() > 0 for m in _CAPITAL.finditer(stripped))


Test = Callable[[View], bool]


def _always(_view: View) -> bool:
    return True


def _any(tests: list[Test]) -> Test:
    if any(t is _always for t in tests):
        return _always
    if len(tests) == 1:
        return tests[0]
    return lambda v: any(t(v) for t in tests)


# ---------------------------------------------------------------------- word forms, from the model itself


class Vocabulary:
    """How a word in a rule shows up in raw text: inflections (from the lemmatizer's rules, exceptions
    and attribute-ruler lemmas) and the letter run it lies in (tokenizer special cases split "cannot")."""

    def __init__(self, nlp: Language | None) -> None:
        self.nlp = nlp
        self._rules: list[tuple[str, str]] = []
        self._surfaces: dict[str, set[str]] = {}
        self._aliases: dict[str, set[str]] = {}
        if nlp is None:
            return
        from spacy.attrs import ORTH

        lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
        lookups = getattr(lemmatizer, "lookups", None)
        if lookups is not None and lookups.has_table("lemma_rules"):
            for rules in lookups.get_table("lemma_rules").values():
                self._rules.extend((old, new) for old, new in rules)
        if lookups is not None and lookups.has_table("lemma_exc"):
            for table in lookups.get_table("lemma_exc").values():
                for surface, lemmas in table.items():
                    for lemma in lemmas:
                        self._surfaces.setdefault(lemma.lower(), set()).add(surface.lower())
        if "attribute_ruler" in nlp.pipe_names:
            for pat in nlp.get_pipe("attribute_ruler").patterns:
                lemma = pat.get("attrs", {}).get("LEMMA")
                if not lemma:
                    continue
                for tokens in pat.get("patterns", []):
                    for tok in tokens:
                        for key in ("LOWER", "ORTH", "TEXT"):
                            if isinstance(tok.get(key), str):
                                self._surfaces.setdefault(str(lemma).lower(), set()).add(tok[key].lower())
        for string, pieces in nlp.tokenizer.rules.items():
            if len(pieces) < 2:
                continue
            keys = _longest_parts(string.lower())
            for piece in pieces:
                self._aliases.setdefault(str(piece[ORTH]).lower(), set()).update(keys)

    def forms(self, lemma: str) -> set[str]:
        """Every surface a token with this lemma can have (lower case)."""
        low = lemma.lower()
        out = inflections(low) | self._surfaces.get(low, set()) | set(IRREGULAR.get(low, ()))
        for old, new in self._rules:
            if low.endswith(new):
                out.add(low[: len(low) - len(new)] + old)
        return out

    def keys(self, word: str) -> set[str] | None:
        """Letter runs of which at least one is in the sentence whenever a token `word` is; None when no
        token can be `word` (the tokenizer always splits it: "end-to-end")."""
        low = word.lower()
        if self.nlp is not None and not _PART.fullmatch(low) and len(self.nlp.tokenizer(low)) > 1:
            return None
        return _longest_parts(low) | self._aliases.get(low, set())


def _longest_parts(word: str) -> set[str]:
    parts = _PART.findall(word)
    if not parts:
        return set()
    best = max(len(p) for p in parts)
    return {p for p in parts if len(p) == best}


# ---------------------------------------------------------------------- literals a regular expression needs


def required_literals(pattern: str) -> frozenset[str] | None:
    """Lower-case strings of which every match of `pattern` contains at least one, or None if we cannot
    tell. Only letters and digits outside optional parts count, so the answer is safe, not tight."""
    try:
        alts, _ = _alternation(pattern, 0)
    except (IndexError, ValueError):
        return None
    return _need_alts(alts)


def _alternation(p: str, i: int) -> tuple[list[list[tuple]], int]:
    alts: list[list[tuple]] = [[]]
    while i < len(p) and p[i] != ")":
        c = p[i]
        if c == "|":
            alts.append([])
            i += 1
            continue
        if c == "(":
            j = i + 1
            kind = "group"
            if p.startswith("?", j):
                if p.startswith(("?:", "?P<"), j):
                    j = p.index(">", j) + 1 if p.startswith("?P<", j) else j + 2
                elif p.startswith(("?=", "?!", "?<=", "?<!"), j):
                    kind = "look"
                    j = p.index("(", i) + 1 + (3 if p.startswith(("?<=", "?<!"), j) else 2)
                else:  # inline flags "(?i)"
                    j = p.index(")", j)
                    kind = "other"
            sub, j = _alternation(p, j) if kind != "other" else ([[]], j)
            item: tuple = (kind, sub)
            i = j + 1
        elif c == "[":
            j = i + 1
            if p.startswith("^", j):
                j += 1
            if p.startswith("]", j):
                j += 1
            while p[j] != "]":
                j += 2 if p[j] == "\\" else 1
            item, i = ("other",), j + 1
        elif c == "\\":
            item, i = ("other",), i + 2
        elif c.isalnum():
            item, i = ("lit", c.lower()), i + 1
        else:
            item, i = ("other",), i + 1
        optional = False
        if i < len(p) and p[i] in "?*+{":
            if p[i] == "{":
                m = re.match(r"\{(\d*)(,?\d*)\}", p[i:])
                if m is None:
                    raise ValueError(p)
                optional = not m.group(1) or int(m.group(1)) == 0
                i += m.end()
            else:
                optional = p[i] in "?*"
                i += 1
            if i < len(p) and p[i] in "?+":
                i += 1
            if item[0] == "lit" and not optional:
                alts[-1].append(item)
                item = ("other",)  # "s+": the run ends after the letter
        if not optional:
            alts[-1].append(item)
    return alts, i


def _need_alts(alts: list[list[tuple]]) -> frozenset[str] | None:
    out: set[str] = set()
    for alt in alts:
        need = _need_seq(alt)
        if need is None:
            return None
        out |= need
    return frozenset(out)


def _need_seq(items: list[tuple]) -> frozenset[str] | None:
    candidates: list[frozenset[str]] = []
    run = ""
    for item in [*items, ("other",)]:
        if item[0] == "lit":
            run += item[1]
            continue
        if run:
            candidates.append(frozenset({run}))
            run = ""
        if item[0] == "group":
            need = _need_alts(item[1])
            if need:
                candidates.append(need)
    if not candidates:
        return None
    return max(candidates, key=lambda s: (min(len(x) for x in s), -len(s)))


# ---------------------------------------------------------------------- cue builders


@dataclass
class Sources:
    """What the cues are built from."""

    rules: Rules
    vocab: Vocabulary

    def word_test(self, words: Iterable[str], *, lemmas: bool = False) -> Test:
        keys: set[str] = set()
        for word in words:
            for form in self.vocab.forms(word) if lemmas else {word}:
                found = self.vocab.keys(form)
                if found:
                    keys |= found
        frozen = frozenset(keys)
        return lambda v: not frozen.isdisjoint(v.words)

    def regex_test(self, patterns: Iterable[str]) -> Test:
        literals: set[str] = set()
        for pattern in patterns:
            need = required_literals(pattern)
            if need is None:
                return _always
            literals |= need
        ordered = tuple(sorted(literals, key=len, reverse=True))
        return lambda v: any(lit in v.lower for lit in ordered)

    @cached_property
    def place_test(self) -> Test:
        return _place_test(self)


def words(*words_: str) -> Callable[[Sources], Test]:
    return lambda s: s.word_test(words_)


def lex_words(*path: str) -> Callable[[Sources], Test]:
    return lambda s: s.word_test(s.rules.lexicon.words(*path))


def lex_lemmas(*path: str) -> Callable[[Sources], Test]:
    return lambda s: s.word_test(s.rules.lexicon.words(*path), lemmas=True)


def lex_regex(*keys: str) -> Callable[[Sources], Test]:
    """Regular expressions of lexicon.yml, by top-level key path; a mapping or a list gives all of them."""

    def build(s: Sources) -> Test:
        node = s.rules.lexicon.raw
        for key in keys:
            node = node[key]
        if isinstance(node, dict):
            node = list(node.values())
        return s.regex_test(node if isinstance(node, list) else [node])

    return build


def parties(*, only: set[str] | None = None, but: set[str] = frozenset()) -> Callable[[Sources], Test]:
    """The party patterns of lexicon.yml whose kind the check can accept (classify_party: first match wins,
    so a phrase of kind K matches K's pattern)."""
    return lambda s: s.regex_test(p["pattern"] for p in s.rules.lexicon.raw["parties"]
                                  if (only is None or p["kind"] in only) and p["kind"] not in but)


def both(first: Callable[[Sources], Test], second: Callable[[Sources], Test]) -> Callable[[Sources], Test]:
    """Two cues at once: the sentence must show both."""
    def build(s: Sources) -> Test:
        a, b = first(s), second(s)
        return lambda v: a(v) and b(v)

    return build


def proper_noun(_s: Sources) -> Test:
    """slots.parties takes any proper noun as an unnamed party: a capitalised word after the first."""
    return lambda v: v.inner_capital


def places(s: Sources) -> Test:
    return s.place_test


def _place_test(s: Sources) -> Test:
    """A gazetteer form's longest word, in any case; or, where find_places needs a capital ("US", not "us";
    "Georgia", not "georgia"), its first word capitalised. Forms are split as the PhraseMatcher's are."""
    from notice_check import geo

    nlp = s.vocab.nlp
    any_case: dict[str, set[tuple[frozenset[str], ...]]] = {}  # one word of a form -> the others' keys
    capital: set[str] = set()
    if nlp is not None:
        from notice_check.extraction.places import place_forms

        pairs = place_forms(nlp)
        forms = [f for f, _ in pairs]
        tokenised = [[t.text for t in d] for _, d in pairs]
    else:
        forms = sorted(set(geo.gazetteer()) | set(geo.gazetteer(cased=True)))
        tokenised = [f.split() for f in forms]
    for form, tokens in zip(forms, tokenised, strict=True):
        first = tokens[0]
        if _needs_capital(form) and first[:1].isalpha():
            capital.update(_PART.findall(first.lower())[:1])
            continue
        options = [frozenset(k) for k in (s.vocab.keys(t) for t in tokens) if k]
        if not options:
            return _always
        best = max(options, key=lambda k: (min(len(x) for x in k), -len(k)))
        rest = tuple(o for o in options if o is not best)
        for key in best:
            any_case.setdefault(key, set()).add(rest)
    capital_f = frozenset(capital)

    def test(v: View) -> bool:
        for key in v.words & any_case.keys():
            if any(all(not o.isdisjoint(v.words) for o in rest) for rest in any_case[key]):
                return True
        return not capital_f.isdisjoint(v.words) and not capital_f.isdisjoint(v.capitalised)

    return test


def _needs_capital(form: str) -> bool:
    """True when find_places accepts this form only with a capital first letter."""
    from notice_check import geo

    if geo.lookup(form) is None:
        return False  # a form that names nothing by itself: be permissive
    place = geo.lookup(form[:1].lower() + form[1:], cased=True)
    return place is None or place.ambiguous


def _duration(s: Sources) -> Test:
    return s.regex_test([s.rules.lexicon.duration.pattern])  # the template filled with its number words


# Check name (triggers.yml requires / requires_any) -> what the sentence must hold for the check to pass
# (any of the listed cues). Keep each entry a superset of what the check's code in extractor.py / slots.py
# reads (lexicon.yml, geo, the device list), never a copy of it. Checks not listed: always possible.
_PARTY_ANY = [parties(but={"self"}), proper_noun]
_RETENTION = [_duration, lex_regex("retention", "until_events"),
              lex_regex("retention_phrases")]  # slots.has_retention_phrase


def _devices(s: Sources) -> Test:
    from notice_check.extraction.extractor import _DEVICES

    return _any([s.word_test(_DEVICES, lemmas=True), s.word_test(["locally", "on-device", "offline"])])


CUES: dict[str, list[Callable[[Sources], Test]]] = {
    "place": [places],
    "place_under_token": [places],
    "origin_place": [places],
    "place_or_border": [places, lex_words("border_words")],
    "outside_words": [lex_words("outside_words"), lex_regex("outside_phrases")],
    "device": [_devices],
    "server_noun": [lex_lemmas("check_words", "server_nouns")],
    "storage_compound": [lex_lemmas("check_words", "storage_compounds")],
    "to_our_servers": [lex_regex("to_our_servers")],
    "nonself_party_to": _PARTY_ANY,
    "nonself_party_by": _PARTY_ANY,
    "party": [parties(), words("us", "we"), proper_noun],
    "party_subject": [parties(but={"self", "public_authority"})],
    # a party word; or a name with a tracker ("the Facebook pixel"), with services ("the services of SendGrid") or
    # with a provider's task ("we use Mailchimp to send newsletters")
    "engaged_party": [parties(only={"processor", "third_party", "advertiser", "affiliate"}),
                      both(proper_noun, lex_regex("tracker_words")), both(proper_noun, words("services", "service")),
                      both(proper_noun, lex_lemmas("check_words", "provider_tasks"))],
    "authority_party": [parties(only={"public_authority"})],
    "authority_subject": [parties(only={"public_authority"})],
    "authority_holder": [parties(only={"public_authority"})],
    "legal_request_object": [lex_regex("authority_request_objects")],
    "retention_phrase": _RETENTION,
    "access_holder": [lex_lemmas("check_words", "access_verbs")],
    "consented": [lex_lemmas("consent_verbs")],
    "residual_store": [lex_regex("residual_stores")],
    "secure_modifier": [lex_lemmas("check_words", "secure_words")],
    "collector_actor": [parties(only={"third_party", "advertiser"})],
    "business_transfer_context": [lex_regex("business_transfer_context")],
    "data_among_assets": [lex_regex("business_transfer")],
    "tracker_object": [lex_regex("tracker_words")],
    "self_negated": [lex_words("negation", "neg_words"), lex_words("negation", "glued_negations"),
                     lex_words("negation", "negative_determiners"),
                     words("none", "nothing", "neither", "nobody", "no", "nor"),
                     lex_lemmas("check_words", "prohibit_verbs"), lex_regex("negation", "negative_phrases")],
}


# ---------------------------------------------------------------------- the prefilter


@dataclass(frozen=True)
class Gate:
    """One trigger's needs: every `requires` cue, and one `requires_any` cue when it has any."""

    trigger: str
    requires: tuple[Test, ...]
    requires_any: tuple[Test, ...]

    def open(self, view: View) -> bool:
        if not all(t(view) for t in self.requires):
            return False
        return not self.requires_any or any(t(view) for t in self.requires_any)


@dataclass(frozen=True)
class Prefilter:
    by_word: dict[str, tuple[Gate, ...]]  # letter run -> gates of the triggers that word may be
    headings: dict[str, re.Pattern[str]]
    heading_cues: dict[str, Test]  # practice -> what _from_heading needs of the sentence

    def wants(self, text: str, section: tuple[str, ...] = ()) -> bool:
        """True when the sentence may yield an assertion: from a trigger, or from its heading."""
        view = View(text)
        for word in view.words & self.by_word.keys() | ({"*"} & self.by_word.keys()):
            if any(gate.open(view) for gate in self.by_word[word]):
                return True
        heading = " ".join(section[-2:])
        return bool(heading) and any(
            p.search(heading) and self.heading_cues[practice](view) for practice, p in self.headings.items()
        )


def _trigger_words(trig: Trigger, vocab: Vocabulary) -> set[str]:
    out: set[str] = set()
    for tok in trig.pattern:
        for attr in ("LEMMA", "LOWER", "ORTH", "TEXT", "NORM"):
            spec = tok.get(attr)
            values = spec.get("IN", []) if isinstance(spec, dict) else [spec] if isinstance(spec, str) else []
            for value in values:
                forms = vocab.forms(str(value)) if attr == "LEMMA" else {str(value).lower()}
                for form in forms:
                    out |= vocab.keys(form) or set()
        if not any(tok.get(a) for a in ("LEMMA", "LOWER", "ORTH", "TEXT", "NORM")):
            return {"*"}  # a token matched by part of speech only: every sentence
    return out


def build_prefilter(rules: Rules, nlp: Language | None = None) -> Prefilter:
    """Gates for every trigger, keyed by the words that can make the trigger match."""
    vocab = Vocabulary(nlp)
    sources = Sources(rules=rules, vocab=vocab)
    built: dict[str, Test] = {}

    def cue(name: str) -> Test:
        if name not in built:
            built[name] = _any([make(sources) for make in CUES[name]]) if name in CUES else _always
        return built[name]

    by_word: dict[str, list[Gate]] = {}
    for trig in rules.triggers:
        gate = Gate(trigger=trig.id, requires=tuple(cue(c) for c in trig.requires),
                    requires_any=tuple(cue(c) for c in trig.requires_any))
        for word in _trigger_words(trig, vocab):
            by_word.setdefault(word, []).append(gate)
    headings = dict(rules.headings)
    heading_cues = {p: (_any([make(sources) for make in _RETENTION[:1]]) if p == "retention" else cue("place"))
                    for p in headings}
    return Prefilter(by_word={w: tuple(g) for w, g in by_word.items()}, headings=headings,
                     heading_cues=heading_cues)
