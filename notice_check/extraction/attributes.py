"""A faster stand-in for the model's attribute ruler, with the same output token for token.

spaCy's AttributeRuler runs a Matcher with ~180 patterns and then builds a Span and sets attributes once per
match, i.e. two or three Python round trips for nearly every token; on our sentences that cost as much as the
parser. Almost all of its patterns are single-token tests of TAG/LOWER/DEP/IS_SPACE, whose outcome depends only
on those values, so we evaluate them once per distinct combination and cache the merged result. Multi-token
patterns are anchored on an exact word and checked only where that word occurs; any pattern we cannot compile
(operators, other attributes, other predicates) is left to a small Matcher. Patterns are always the loaded
model's own (`from_ruler`), applied in the ruler's order so that later patterns win, and every condition is
read before anything is written, as AttributeRuler does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import numpy
from spacy.attrs import IDS, LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from spacy.vocab import Vocab

FACTORY = "notice_check_attributes"

# Attributes whose Matcher value is a string hash (compared as such) or a lexeme flag (compared as 0/1).
_STRING_ATTRS = {"ORTH", "LOWER", "NORM", "TAG", "DEP", "LEMMA", "SHAPE", "PREFIX", "SUFFIX"}
_FLAG_ATTRS = {name for name in IDS if name.startswith(("IS_", "LIKE_"))} - {"IS_OOV_DEPRECATED"}
# Preferred anchors for indexing, most selective first.
_ANCHOR_ORDER = ["ORTH", "LOWER", "NORM", "LEMMA", "DEP", "TAG", "SHAPE", "PREFIX", "SUFFIX"]


@dataclass
class _Test:
    col: int
    kind: str  # "eq", "in", "not_in", "regex"
    value: Any  # hash, frozenset of hashes, or compiled regex

    def __call__(self, row: tuple[int, ...], strings) -> bool:
        v = row[self.col]
        if self.kind == "eq":
            return v == self.value
        if self.kind == "in":
            return v in self.value
        if self.kind == "not_in":
            return v not in self.value
        return bool(self.value.search(strings[v]))


@dataclass
class _Compiled:
    """Everything `__call__` needs, derived from the ruler's patterns on first use."""

    attrs: list[int]  # attribute ids read with Doc.to_array, one column each
    single: list[tuple[int, list[_Test]]]  # (pattern number, tests) for one-token patterns
    single_index: dict[tuple[int, int], list[int]]  # (column, value) -> positions in `single`
    single_always: list[int]  # positions in `single` with no exact-valued test to index on
    multi: list[tuple[int, int, int, list[list[_Test]]]]  # (pattern number, anchor offset, target, tests per token)
    multi_anchor: dict[tuple[int, int], list[int]]  # (column, value) -> positions in `multi`
    anchor_values: dict[int, frozenset[int]]  # column -> the anchor values of `multi_anchor` in it
    fallback: Matcher | None
    cache: dict[tuple[int, ...], tuple[int, ...]] = field(default_factory=dict)
    merged: dict[tuple[int, ...], dict] = field(default_factory=dict)


class FastAttributeRuler(AttributeRuler):
    """An AttributeRuler (same patterns, API and serialisation) with a faster `__call__`."""

    def __init__(self, vocab: Vocab, name: str = FACTORY, *, validate: bool = False) -> None:
        super().__init__(vocab, name, validate=validate)
        self._compiled: _Compiled | None = None

    @classmethod
    def from_ruler(cls, ruler: AttributeRuler, name: str = FACTORY) -> FastAttributeRuler:
        """A fast ruler holding exactly the patterns of `ruler` (e.g. the loaded model's)."""
        fast = cls(ruler.vocab, name, validate=ruler.validate)
        fast.add_patterns(ruler.patterns)
        return fast

    def clear(self) -> None:
        super().clear()
        self._compiled = None

    def add(self, patterns, attrs: dict, index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._compiled = None

    # ------------------------------------------------------------------ compiling the patterns

    def _compile(self) -> _Compiled:
        strings = self.vocab.strings
        cols: dict[int, int] = {}
        fallback_keys: list[int] = []
        single: list[tuple[int, list[_Test]]] = []
        multi: list[tuple[int, int, int, list[list[_Test]]]] = []
        anchors: list[tuple[int, int] | None] = []
        multi_anchors: list[list[tuple[int, int]]] = []

        def col_of(attr: str) -> int:
            return cols.setdefault(IDS[attr], len(cols))

        def compile_spec(spec: dict) -> list[_Test] | None:
            tests: list[_Test] = []
            for key, value in spec.items():
                name = key.upper() if isinstance(key, str) else next((k for k, v in IDS.items() if v == key), "")
                if name in _FLAG_ATTRS and isinstance(value, bool):
                    tests.append(_Test(col_of(name), "eq", int(value)))
                elif name not in _STRING_ATTRS:
                    return None
                elif isinstance(value, (str, int)) and not isinstance(value, bool):
                    tests.append(_Test(col_of(name), "eq", strings.add(value) if isinstance(value, str) else value))
                elif isinstance(value, dict) and len(value) == 1:
                    (op, arg), = value.items()
                    if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
                        tests.append(_Test(col_of(name), op.lower(), frozenset(strings.add(a) for a in arg)))
                    elif op == "REGEX" and isinstance(arg, str):
                        tests.append(_Test(col_of(name), "regex", re.compile(arg)))
                    else:
                        return None
                else:
                    return None
            return tests

        def exact_values(tests: list[_Test]) -> list[tuple[int, int]] | None:
            """The (column, value) pairs one of which a matching token must have, on the best anchor column."""
            by_col = {t.col: t for t in tests if t.kind in ("eq", "in")}
            for attr in _ANCHOR_ORDER + sorted(_FLAG_ATTRS):
                t = by_col.get(cols.get(IDS[attr], -1))
                if t is not None:
                    return [(t.col, v) for v in ([t.value] if t.kind == "eq" else t.value)]
            return None

        for number in range(len(self.attrs)):
            _key, token_patterns = self.matcher.get(str(number))
            index = self.indices[number]
            for pattern in token_patterns:
                compiled = [compile_spec(spec) for spec in pattern]
                ok = pattern and all(c is not None for c in compiled) and -len(pattern) <= index < len(pattern)
                if ok and len(pattern) == 1:
                    single.append((number, compiled[0]))
                    anchors.append(exact_values(compiled[0]))
                    continue
                if ok:
                    found = next(((off, vals) for off, tests in enumerate(compiled)
                                  if (vals := exact_values(tests)) is not None), None)
                    if found is not None:
                        multi.append((number, found[0], index % len(pattern), compiled))
                        multi_anchors.append(found[1])
                        continue
                fallback_keys.append(number)  # first sub-pattern we cannot compile: the Matcher does the key

        fallback = None
        if fallback_keys:
            fallback = Matcher(self.vocab, validate=self.validate)
            for number in dict.fromkeys(fallback_keys):
                fallback.add(str(number), self.matcher.get(str(number))[1])
            # a key handled by the Matcher must not also be applied from the compiled tables
            drop = set(fallback_keys)
            keep = [i for i, (n, _) in enumerate(single) if n not in drop]
            single, anchors = [single[i] for i in keep], [anchors[i] for i in keep]
            keep = [i for i, m in enumerate(multi) if m[0] not in drop]
            multi, multi_anchors = [multi[i] for i in keep], [multi_anchors[i] for i in keep]

        single_index: dict[tuple[int, int], list[int]] = {}
        always = []
        for pos, vals in enumerate(anchors):
            if vals is None:
                always.append(pos)
            for cv in vals or ():
                single_index.setdefault(cv, []).append(pos)
        multi_anchor: dict[tuple[int, int], list[int]] = {}
        for pos, vals in enumerate(multi_anchors):
            for cv in vals:
                multi_anchor.setdefault(cv, []).append(pos)
        attrs = sorted(cols, key=cols.get)
        return _Compiled(attrs=attrs, single=single, single_index=single_index, single_always=always, multi=multi,
                         multi_anchor=multi_anchor,
                         anchor_values={col: frozenset(v for c, v in multi_anchor if c == col)
                                        for col, _ in multi_anchor},
                         fallback=fallback)

    # ------------------------------------------------------------------ applying them

    def _single_matches(self, c: _Compiled, row: tuple[int, ...]) -> tuple[int, ...]:
        strings = self.vocab.strings
        candidates = set(c.single_always)
        for col, value in enumerate(row):
            candidates.update(c.single_index.get((col, value), ()))
        return tuple(sorted({c.single[p][0] for p in candidates if all(t(row, strings) for t in c.single[p][1])}))

    def _merged(self, c: _Compiled, numbers: tuple[int, ...]) -> dict:
        attrs = c.merged.get(numbers)
        if attrs is None:
            attrs = {}
            for n in numbers:
                attrs.update(self.attrs[n])
            c.merged[numbers] = attrs
        return attrs

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            self._apply(doc)
            return doc
        except Exception as e:
            return error_handler(self.name, self, [doc], e)

    def _apply(self, doc: Doc) -> None:
        if self._compiled is None:
            self._compiled = self._compile()
        c = self._compiled
        n = len(doc)
        if n == 0 or not c.attrs:
            return
        table = doc.to_array(c.attrs).reshape(n, len(c.attrs))
        rows = list(map(tuple, table.tolist()))
        cache = c.cache
        found = list(map(cache.get, rows))
        for i, numbers in enumerate(found):
            if numbers is None:
                found[i] = cache[rows[i]] = self._single_matches(c, rows[i])
        extra: dict[int, list[int]] = {}
        strings = self.vocab.strings
        for col, values in c.anchor_values.items():
            column = [row[col] for row in rows]
            if values.isdisjoint(column):
                continue
            for i in [i for i, v in enumerate(column) if v in values]:
                for pos in c.multi_anchor[(col, rows[i][col])]:
                    number, offset, target, tests = c.multi[pos]
                    start = i - offset
                    if start < 0 or start + len(tests) > n:
                        continue
                    if all(all(t(rows[start + k], strings) for t in tk) for k, tk in enumerate(tests)):
                        extra.setdefault(start + target, []).append(number)
        if c.fallback is not None:
            for match_id, start, end in c.fallback(doc, allow_missing=True):
                number = int(self.vocab.strings[match_id])
                extra.setdefault(doc[start:end][self.indices[number]].i, []).append(number)
        for i, more in extra.items():
            found[i] = tuple(sorted(set(found[i]).union(more)))
        merged = c.merged
        for i, numbers in enumerate(found):
            if numbers:
                attrs = merged.get(numbers)
                set_token_attrs(doc[i], attrs if attrs is not None else self._merged(c, numbers))


@Language.factory(FACTORY, default_config={"validate": False})
def make_fast_attribute_ruler(nlp: Language, name: str, validate: bool) -> FastAttributeRuler:
    """Empty; fill it with `add_patterns` (load_nlp copies the model's attribute ruler patterns)."""
    return FastAttributeRuler(nlp.vocab, name, validate=validate)


def use_fast_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> FastAttributeRuler:
    """Swap the pipeline's AttributeRuler `name` for a FastAttributeRuler with the same patterns, in place.

    The name stays, so code that reads `nlp.get_pipe("attribute_ruler").patterns` keeps working."""
    ruler = nlp.get_pipe(name)
    patterns = ruler.patterns
    fast = nlp.replace_pipe(name, FACTORY, config={"validate": ruler.validate})
    fast.add_patterns(patterns)
    return fast


# ---------------------------------------------------------------------- lemmatizer


class CachedEnglishLemmatizer(EnglishLemmatizer):
    """The model's rule lemmatizer, remembering the lemma of every (ORTH, POS, MORPH) it has seen.

    In rule mode the lemma depends on nothing else, but spaCy caches only words that go through its rules:
    base forms (most tokens) are re-derived each time via `morph.to_dict()`, about half the lemmatizer's time.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lemma_ids: dict[tuple[int, int, int], int] = {}
        self._cached_for: Any = None

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule":
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        error_handler = self.get_error_handler()
        try:
            if self._cached_for is not self.lookups:  # new tables (initialize, from_disk): forget old lemmas
                self._lemma_ids, self._cached_for = {}, self.lookups
            ids = self._lemma_ids
            rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).reshape(len(doc), 4).tolist()
            lemmas = []
            for i, (orth, pos, morph, lemma) in enumerate(rows):
                if self.overwrite or lemma == 0:
                    key = (orth, pos, morph)
                    lemma = ids.get(key)
                    if lemma is None:
                        lemma = ids[key] = self.vocab.strings.add(self.lemmatize(doc[i])[0])
                lemmas.append(lemma)
            if lemmas:
                doc.from_array([LEMMA], numpy.array(lemmas, dtype=numpy.uint64))
            return doc
        except Exception as e:
            return error_handler(self.name, self, [doc], e)


LEMMATIZER_FACTORY = "notice_check_lemmatizer"


@Language.factory(LEMMATIZER_FACTORY, default_config={"mode": "rule", "overwrite": False})
def make_cached_lemmatizer(nlp: Language, name: str, mode: str, overwrite: bool) -> CachedEnglishLemmatizer:
    """Without tables; `use_cached_lemmatizer` gives it the model's."""
    return CachedEnglishLemmatizer(nlp.vocab, None, name, mode=mode, overwrite=overwrite)


def use_cached_lemmatizer(nlp: Language, name: str = "lemmatizer") -> Lemmatizer:
    """Swap the pipeline's English rule lemmatizer for a CachedEnglishLemmatizer with the same tables, in place;
    any other lemmatizer (another class or mode) is left as it is."""
    old = nlp.get_pipe(name)
    if type(old) is not EnglishLemmatizer or old.mode != "rule":
        return old
    new = nlp.replace_pipe(name, LEMMATIZER_FACTORY, config={"mode": old.mode, "overwrite": old.overwrite})
    new.lookups = old.lookups
    return new
