"""Find places (countries, groups, cities, cloud regions, demonyms) in a parsed sentence.

The gazetteer comes from `notice_check.geo`; here we only decide which surface matches are really places
in this sentence: "US" but not "us", "Chad" the country but not a name, "Korean servers" yes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
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
    matcher.add("PLACE", [doc for _, doc in place_forms(nlp)])
    return matcher


@lru_cache(maxsize=2)
def place_forms(nlp: Language) -> tuple[tuple[str, Doc], ...]:
    """Every gazetteer form with its tokens, split once for the matcher and the prefilter."""
    forms = sorted(set(geo.gazetteer()) | set(geo.gazetteer(cased=True)))
    return tuple(zip(forms, nlp.tokenizer.pipe(forms), strict=True))


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
        if _part_of_name(span):
            continue  # "The New York Times", "the Minnesota Vikings": a name, not a place
        if _postal_address(span):
            continue  # "write to us at ..., Chicago, Illinois 60606": where letters go, not data
        found.append(PlaceMention(span=span, place=place))
    return _merge_glosses(_drop_pairs(found))


def _drop_pairs(found: list[PlaceMention]) -> list[PlaceMention]:
    """ "the EU-U.S. Data Privacy Framework", "EU-US transfers": two places joined by a hyphen name a legal
    arrangement between them, not where data is."""
    paired: set[int] = set()
    for left, right in zip(found, found[1:], strict=False):
        doc = left.span.doc
        if right.span.start == left.span.end + 1 and doc[left.span.end].text in ("-", "–", "/"):
            paired.update((id(left), id(right)))
    return [m for m in found if id(m) not in paired]


# Words that may follow a place inside a longer proper name and still mean the place ("AWS Frankfurt
# Region", "Japan East", "EU Data Boundary"); any other capitalised noun after it makes a name.
_PLACE_NAME_HEADS = {"region", "regions", "zone", "zones", "east", "west", "north", "south", "central", "data",
                     "center", "centre", "centers", "centres", "datacenter", "datacentre", "cloud", "server",
                     "servers", "office", "offices", "area", "areas", "mainland", "territory", "territories",
                     "time", "standard", "government", "economic", "union", "member", "states", "state",
                     "privacy", "shield", "boundary", "law", "laws", "act", "gdpr", "edition", "branch",
                     "entity", "entities", "subsidiary", "subsidiaries", "affiliates", "inc", "ltd", "llc", "gmbh",
                     "corp", "corporation", "co", "k.k.", "kk", "plc", "limited", "b.v.", "bv", "sa", "sas",
                     "pte", "pty", "ag", "srl", "s.a.", "s.r.l.", "company", "group", "holdings"}


# written without a final stop: a token is compared with its own stop removed ("Ltd." -> "ltd", "K.K." -> "k.k")
_LEGAL_FORMS = {"pte", "ltd", "inc", "llc", "gmbh", "k.k", "kk", "plc", "limited", "b.v", "bv", "corp", "corporation",
                "co", "pty", "ag", "sas", "srl", "s.a", "s.r.l", "llp", "lp"}


def _part_of_name(span: Span) -> bool:
    """True for a place that opens a longer proper name of something else ("New York Times"), or sits inside a
    company's registered name ("Acme Singapore Pte Ltd")."""
    doc = span.doc
    if span.end >= len(doc):
        return False
    nxt = doc[span.end]
    form = doc[span.end + 1] if nxt.text == "," and span.end + 1 < len(doc) else nxt  # "T-Mobile USA, Inc."
    if span.start > 0 and form.lower_.rstrip(".") in _LEGAL_FORMS:
        prev = doc[span.start - 1]
        if prev.text[:1].isupper() and prev.is_alpha:  # "LoopMe" may be tagged PUNCT
            return True
    if nxt.text[:1].isupper() and any(t.lower_ in ("code", "act", "statute", "statutes") and t.text[:1].isupper()
                                      for t in doc[span.end : span.end + 4]):
        return True  # "California Civil Code", "California Consumer Privacy Act": a law's name
    if not nxt.text[:1].isupper() or nxt.pos_ != "PROPN" or nxt.lower_ in _PLACE_NAME_HEADS:
        return False
    root = span.root
    return root.dep_ == "compound" and root.head.i >= span.end and root.head.pos_ == "PROPN" and (
        root.head.lower_ not in _PLACE_NAME_HEADS)


_POSTCODE = re.compile(r"^(\d{5}(-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?)$")  # a US ZIP code, a UK outward code


def _postal_address(span: Span) -> bool:
    """A place inside a postal address: a postcode follows it within a few names ("Chicago, Illinois 60606",
    "London EC1A 1BB"), before any verb, or comes right before it ("CA 93013, USA")."""
    for tok in span.doc[span.end : span.end + 5]:
        if _POSTCODE.match(tok.text):
            return True
        if tok.pos_ in ("VERB", "AUX", "ADP", "DET", "PRON") or tok.text in (".", ";", ":"):
            break
    # "..., Carpinteria, CA 93013, USA": the country closes the address, after its postcode
    before = span.doc[max(0, span.start - 3) : span.start]
    return len(before) >= 2 and before[-1].text == "," and any(_POSTCODE.match(t.text) for t in before[:-1])


_GLOSS_OPENING = re.compile(r"^\(\s*(the\s+)?[\"'\u201c\u2018]?$", re.IGNORECASE)
_QUOTES = {'"', "'", "\u201d", "\u2019"}


def _merge_glosses(found: list[PlaceMention]) -> list[PlaceMention]:
    """"North Europe (Ireland)", "EU (Dublin)", "US (Virginia)": a place glossed in brackets is one place;
    keep the narrower reading."""
    drop: set[int] = set()
    glosses: set[int] = set()
    for outer, inner in zip(found, found[1:], strict=False):
        doc = outer.span.doc
        between = doc[outer.span.end : inner.span.start].text.strip()
        after = [t.text for t in doc[inner.span.end : inner.span.end + 2]]
        closes = after[:1] == [")"] or (len(after) == 2 and after[0] in _QUOTES and after[1] == ")")
        if not _GLOSS_OPENING.match(between) or not closes:
            continue  # "European Economic Area (the "EEA")": a defined name is the same place too
        outer_set, inner_set = set(outer.place.countries), set(inner.place.countries)
        if outer_set <= inner_set and not outer.place.broad:
            drop.add(id(inner))  # "us-east-1 (Northern Virginia)": the same place said twice
        elif inner_set <= outer_set or outer.place.broad:
            drop.add(id(outer))  # "EU (Dublin)", "North Europe (Ireland)": the narrower reading
            glosses.add(id(inner))
    return [PlaceMention(m.span, m.place, gloss=id(m) in glosses) for m in found if id(m) not in drop]
