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

    @property
    def root(self):  # noqa: ANN201 - a spaCy Token
        return self.span.root


def build_place_matcher(nlp: Language) -> PhraseMatcher:
    from spacy.matcher import PhraseMatcher

    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    forms = sorted(geo.gazetteer())
    matcher.add("PLACE", list(nlp.tokenizer.pipe(forms)))
    return matcher


_CASE_SENSITIVE = {"us": ("US", "U.S.", "U.S"), "in": ("IN",), "it": ("IT",), "me": ("ME",), "no": ("NO",),
                   "be": ("BE",), "is": ("IS",), "at": ("AT",), "de": ("DE",), "eu": ("EU",),
                   "uk": ("UK",), "id": ("ID",), "so": ("SO",), "to": ("TO",), "as": ("AS",),
                   "am": ("AM",), "pa": ("PA",), "or": ("OR",), "hi": ("HI",)}


def find_places(doc: Doc, matcher: PhraseMatcher) -> list[PlaceMention]:
    from spacy.util import filter_spans

    gaz = geo.gazetteer()
    spans = filter_spans([doc[s:e] for _, s, e in matcher(doc)])
    found: list[PlaceMention] = []
    for span in spans:
        key = span.text.lower()
        place = gaz.get(key)
        if place is None:
            continue
        if key in _CASE_SENSITIVE and span.text not in _CASE_SENSITIVE[key]:
            continue
        # short codes ("de", "it") only as written in capitals
        if len(key) <= 3 and not span.text.isupper() and place.kind != "city" and key not in ("uk", "usa", "eea"):
            continue
        if place.ambiguous and not (span.text[:1].isupper() and span.root.pos_ in ("PROPN", "ADJ")):
            continue
        found.append(PlaceMention(span=span, place=place))
    return found
