"""Find places (countries, groups, cities, cloud regions, demonyms) in a parsed sentence.

The gazetteer comes from `notice_check.geo`; here we only decide which surface matches are really places
in this sentence: "US" but not "us", "Chad" the country but not a name, "Korean servers" yes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from notice_check import geo

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc, Span


@dataclass(frozen=True)
class PlaceMention:
    span: Span
    place: geo.Place
    gloss: bool = False  # a bracketed place that stands for the one before it ("EU (Dublin)")

    @property
    def root(self):  # noqa: ANN201 - a spaCy Token
        return self.span.root


def build_place_matcher(nlp: Language) -> PhraseMatcher:
    """Patterns from both gazetteers: the lower-case forms, and the forms as written (spaCy splits
    "D.C." and "d.c." differently, so only the written form tokenises like the text)."""
    from spacy.matcher import PhraseMatcher

    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    forms = sorted(set(geo.gazetteer()) | set(geo.gazetteer(cased=True)))
    matcher.add("PLACE", list(nlp.tokenizer.pipe(forms)))
    return matcher


def find_places(doc: Doc, matcher: PhraseMatcher) -> list[PlaceMention]:
    """Places named in the sentence, longest match first; a match counts only in its written case where
    case matters ("US" but not "us") and, for ambiguous names ("Chad", "Jersey"), only as a proper noun
    or adjective ("Turkish servers")."""
    from spacy.util import filter_spans

    spans = filter_spans([doc[s:e] for _, s, e in matcher(doc)])
    found: list[PlaceMention] = []
    for span in spans:
        place = geo.lookup(span.text, cased=True)
        if place is None:
            continue
        if place.ambiguous and not (span.text[:1].isupper() and span.root.pos_ in ("PROPN", "ADJ")):
            continue
        if span.start == 0 and place.ambiguous:
            continue  # "Jersey ..." opening a sentence is more likely a name than the place
        found.append(PlaceMention(span=span, place=place))
    return _merge_glosses(found)


def _merge_glosses(found: list[PlaceMention]) -> list[PlaceMention]:
    """"North Europe (Ireland)", "EU (Dublin)", "US (Virginia)": a place glossed in brackets is one place;
    keep the narrower reading."""
    drop: set[int] = set()
    glosses: set[int] = set()
    for outer, inner in zip(found, found[1:], strict=False):
        doc = outer.span.doc
        between = doc[outer.span.end : inner.span.start].text.strip()
        closes = inner.span.end < len(doc) and doc[inner.span.end].text == ")"
        if between != "(" or not closes:
            continue
        outer_set, inner_set = set(outer.place.countries), set(inner.place.countries)
        if outer_set <= inner_set and not outer.place.broad:
            drop.add(id(inner))  # "us-east-1 (Northern Virginia)": the same place said twice
        elif inner_set <= outer_set or outer.place.broad:
            drop.add(id(outer))  # "EU (Dublin)", "North Europe (Ireland)": the narrower reading
            glosses.add(id(inner))
    return [PlaceMention(m.span, m.place, gloss=id(m) in glosses) for m in found if id(m) not in drop]
