"""What every check needs: the manifest's facts, the category reader, the other assertions, and the
shapes of a check's answer (counter-examples, confirming records, doubts) turned into a verdict."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from notice_check.comparison.categories import UNKNOWN, CategoryReader, Relation, join_words
from notice_check.comparison.facts import SECTIONS, Fact, Section, country_name, facts_of
from notice_check.comparison.vocabulary import Vocabulary, vocabulary
from notice_check.manifest.model import Manifest
from notice_check.models import Assertion, Party, Verdict

LOCATION_PRACTICES = ("storage", "transfer", "processing")


@dataclass(frozen=True)
class Counter:
    """A counter-example: the fact, which side of it contradicts ("country:KR", "sale", ...), and a clause
    for the message."""

    fact: Fact
    aspects: tuple[str, ...]
    says: str


@dataclass(frozen=True)
class Doubt:
    """Why the manifest cannot settle a claim: a fact coarser than the claim, an unknown value."""

    says: str
    fact: Fact | None = None


@dataclass
class Judgement:
    verdict: Verdict
    message: str
    refs: list[Fact] = field(default_factory=list)
    aspects: set[tuple[str, str, str]] = field(default_factory=set)  # counter-example aspects
    said: str = ""  # "The notice says ...", for a verdict the engine revises


class Context:
    """One manifest, read once, shared by the checks of every assertion of one notice."""

    def __init__(self, manifest: Manifest, assertions: Sequence[Assertion]) -> None:
        self.manifest = manifest
        self.assertions = list(assertions)
        self.vocab: Vocabulary = vocabulary()
        self.reader = CategoryReader(manifest, self.vocab.generic_data_words)
        self.facts = facts_of(manifest)
        org = manifest.organization
        self.home = org.country.strip().upper() if org and org.country else None

    # ---- facts

    def facts_in(self, sections: Iterable[Section]) -> list[Fact]:
        wanted = set(sections)
        return [f for f in self.facts if f.section in wanted]

    def complete(self, sections: Iterable[Section]) -> bool:
        return all(getattr(self.manifest.coverage, s) == "complete" for s in sections)

    def partial(self, sections: Iterable[Section]) -> list[Section]:
        return [s for s in sections if getattr(self.manifest.coverage, s) != "complete"]

    # ---- categories

    def categories(self, assertion: Assertion) -> tuple[str, ...]:
        return self.reader.read(assertion)

    def relation(self, assertion: Assertion, fact: Fact) -> Relation:
        return self.reader.relation(self.categories(assertion), fact.categories)

    def split(self, assertion: Assertion, facts: Iterable[Fact]) -> tuple[list[Fact], list[Fact]]:
        """(facts the assertion ranges over, facts broader than the assertion)."""
        covered: list[Fact] = []
        coarse: list[Fact] = []
        for fact in facts:
            rel = self.relation(assertion, fact)
            if rel == "covered":
                covered.append(fact)
            elif rel == "coarser":
                coarse.append(fact)
        return covered, coarse

    def records(self, category: str) -> bool:
        """Whether some fact of the manifest holds this category (or a part of it) by name."""
        return any(self.reader.covers(category, h) for f in self.facts for h in f.categories)

    def held(self, assertion: Assertion, fact: Fact) -> str:
        """The fact's data that the assertion talks about, named for a message."""
        claimed = self.categories(assertion)
        shown = [h for h in fact.categories if any(self.reader.covers(c, h) for c in claimed)]
        return self.reader.labels(shown or fact.categories)

    # ---- other assertions of the notice

    def named_elsewhere(self, assertion: Assertion, fact: Fact, country: str) -> bool:
        """Whether another affirmative location assertion puts this fact's data in `country`."""
        for other in self.assertions:
            if other is assertion or other.practice not in LOCATION_PRACTICES or other.polarity != "affirm":
                continue
            loc = other.location
            if loc is None or loc.mode != "in" or country not in loc.countries:
                continue
            if self.reader.overlaps(self.categories(other), fact.categories):
                return True
        return False

    def described_elsewhere(self, assertion: Assertion, fact: Fact,
                            practices: tuple[str, ...] | None = None) -> bool:
        """Whether another affirmative assertion of the notice (of `practices`, or any) discloses this fact:
        the same party kind (or an unnamed one) for overlapping data, or, for a fact with a country, that
        country for overlapping data."""
        for other in self.assertions:
            if other is assertion or other.polarity != "affirm" or (practices and other.practice not in practices):
                continue
            if not self.reader.overlaps(self.categories(other), fact.categories):
                continue
            if other.practice in ("sharing", "sale", "law_enforcement") or (
                    other.practice in LOCATION_PRACTICES and other.parties and other.location is None):
                kinds = frozenset(p.kind for p in other.parties) or frozenset({"unspecified"})
                if kinds & {"third_party", "unspecified"}:
                    kinds |= {"processor"}  # "to third parties for payment processing": service providers, maybe
                if fact.relationship in self.vocab.relationships(kinds):
                    return True
            loc = other.location
            if other.practice in LOCATION_PRACTICES and loc is not None and loc.mode == "in" and fact.countries \
                    and all(c in loc.countries for c in fact.countries):
                return True
        return False

    # ---- wording

    def unresolved_reference(self, assertion: Assertion) -> str | None:
        """ "this information", "them": data named before the sentence, which the extractor could not find
        (see extraction/anaphora.py). None for data named by the sentence itself."""
        data = assertion.data
        if data is None or data.categories or not self.vocab.data_reference.match(data.text.strip()):
            return None
        return data.text.strip()

    def data_phrase(self, assertion: Assertion) -> str:
        """The notice's own words for the data, fit to follow "it stores": a sentence-initial capital is
        lowered ("Your data"), and a denial's "no" is dropped ("No personal data leaves ...")."""
        text = " ".join(assertion.data.text.split()) if assertion.data and assertion.data.text else ""
        if not text:
            return "user data"
        pointer, _, named = text.partition(" (")
        if named.endswith(")") and self.vocab.data_reference.match(pointer):
            text = named[:-1]  # "it (your phone number)": the data it points to, which the evidence does not show
        if text.lower() in _PRONOUNS:  # "they are held by our payment processor": not "it stores they"
            return "the data the sentence refers to"
        if len(text) > 1 and text[0].isupper() and text[1].islower():
            text = text[0].lower() + text[1:]
        if assertion.polarity == "deny":
            for word in self.vocab.negative_determiners:
                if text.lower().startswith(word + " ") and len(text) > len(word) + 1:
                    text = text[len(word) + 1 :]
                    break
        return text

    def act(self, assertion: Assertion, practice: str | None = None, *, never: bool = False) -> str:
        """The claim's verb in the active voice, which needs no agreement with the data phrase:
        "it stores", "it may store", "it does not store", "it may not store", "it cannot store" ("it never discloses"
        with `never`)."""
        third, base = self.vocab.practice_verbs.get(practice or assertion.practice, ("handles", "handle"))
        if assertion.polarity == "deny":
            if never:
                return f"it never {third}"
            if assertion.modality == "may":  # "we cannot see them" / "data may not be encrypted", as said
                return f"it cannot {base}" if _CANNOT.search(assertion.evidence.text) else f"it may not {base}"
            return f"it does not {base}"
        return f"it may {base}" if assertion.modality == "may" else f"it {third}"

    def verb(self, practice: str) -> str:
        """The base form ("store"), for phrases such as "no record of this data being ..."."""
        return self.vocab.practice_verbs.get(practice, (practice, practice))[1]

    def places(self, codes: Sequence[str]) -> str:
        return join_words([self.place_name(c) for c in codes])

    def place_name(self, code: str) -> str:
        """ "the EEA", "Japan", "the United States"."""
        if code in self.vocab.group_names:
            return self.vocab.group_names[code]
        name = country_name(code)
        return f"the {name}" if code in self.vocab.countries_with_article and name != code else name

    def location_words(self, assertion: Assertion) -> str:
        """The places an assertion names, as a reader would say them ("Japan", "the EEA")."""
        loc = assertion.location
        if loc is None:
            return ""
        codes = loc.regions or loc.countries
        if len(codes) > 6:
            return " ".join(loc.text.split()) or self.places(codes[:6])
        return self.places(codes)

    def names_self(self, assertion: Assertion) -> bool:
        """ "that information will be sent to Example Corp.": every recipient is the organisation itself."""
        own = _company_words(self.manifest.organization.name if self.manifest.organization else None)
        named = [p for p in assertion.parties if p.name]
        return bool(own and named) and all(_same_company(_company_words(p.name), own) for p in named) and all(
            p.name or p.kind == "self" for p in assertion.parties)

    def names_entity(self, party: Party, fact: Fact) -> bool:
        """Whether a party the notice names ("Twilio", "NAVER Cloud") is the fact's entity ("NAVER Corp.")."""
        if fact.entity is None or not party.name:
            return False
        theirs = _company_words(fact.entity.name or fact.entity.key)
        ours = tuple(w for w in _company_words(party.name) if w not in self.vocab.generic_party_words)
        return bool(ours and theirs) and (_same_company(ours, theirs) or _same_company(theirs, ours))

    def party_words(self, assertion: Assertion) -> str:
        if not assertion.parties:
            return self.vocab.party_labels["unspecified"]
        words = [(" ".join(p.text.split()) or self.vocab.party_labels.get(p.kind, p.kind)) for p in assertion.parties]
        return join_words(list(dict.fromkeys(words)))

    def where(self, fact: Fact, countries: Sequence[str], data: str) -> str:
        """A clause placing a fact's data in countries: "store talk_media holds chat media in South Korea"."""
        places = self.places(countries) if countries else "an unknown country"
        if fact.section == "stores":
            store = fact.store
            primary_place = self.manifest.place(store.location) if store else None
            primary = (primary_place.country or "").upper() if primary_place else ""
            if countries and primary not in countries:
                return f"{fact.noun} keeps a replica of {data} in {places}"
            return f"{fact.noun} holds {data} in {places}"
        if fact.section == "accesses":
            return f"{fact.noun} lets {fact.entity_name} reach {data} from {places}"
        return f"{fact.noun} gives {data} to {fact.entity_name} in {places}"

    def holding(self, fact: Fact, data: str) -> str:
        """A clause saying a fact involves data, without places."""
        if fact.section == "stores":
            return f"{fact.noun} holds {data}"
        if fact.section == "accesses":
            return f"{fact.noun} lets {fact.entity_name} reach {data}"
        return f"{fact.noun} gives {data} to {fact.entity_name}"

    def broader(self, assertion: Assertion, fact: Fact) -> str:
        """ "broader data (user data)": the fact's categories that contain the claimed ones."""
        claimed = self.categories(assertion)
        if UNKNOWN in claimed:  # "user reports": the tool cannot place it among the manifest's categories
            held = self.reader.labels(fact.categories or ["user"])
            return f"{held}, which may or may not include {self.data_phrase(assertion)}"
        shown = [h for h in fact.categories if any(self.reader.covers(h, c) for c in claimed)]
        return f"broader data ({self.reader.labels(shown or fact.categories or ['user'])})"

    def coarse_doubt(self, assertion: Assertion, fact: Fact, countries: Sequence[str] = ()) -> Doubt:
        data = self.broader(assertion, fact)
        says = self.where(fact, countries, data) if countries else self.holding(fact, data)
        return Doubt(says, fact)


_PRONOUNS = {"it", "they", "them", "this", "these", "those", "that", "which", "such"}
_CANNOT = re.compile(r"\b(cannot|can not|can[’']t|can never|could not|couldn[’']t|could never)\b", re.IGNORECASE)


def _unique(facts: Iterable[Fact]) -> list[Fact]:
    seen: set[int] = set()
    out: list[Fact] = []
    for fact in facts:
        if id(fact) not in seen:
            seen.add(id(fact))
            out.append(fact)
    return out


def _end(text: str) -> str:
    """Close a message with one full stop, even when it ends in "Inc."."""
    return text if text.endswith(".") else text + "."


def _clauses(parts: Sequence[str], limit: int = 3) -> str:
    parts = list(dict.fromkeys(parts))
    if len(parts) > limit:
        rest = len(parts) - limit
        return ", ".join(parts[:limit]) + f" and {rest} more record{'s' if rest > 1 else ''}"
    return join_words(parts)


_COMPANY_SUFFIXES = {"inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "plc",
                     "gmbh", "ag", "sa", "sas", "bv", "nv", "kk", "oy", "ab", "as", "group", "holdings", "the"}


def _company_words(name: str | None) -> tuple[str, ...]:
    """A company name without punctuation and legal-form words: "Example Corp." -> ("example",)."""
    words = "".join(c if c.isalnum() else " " for c in (name or "").casefold()).split()
    return tuple(w for w in words if w not in _COMPANY_SUFFIXES)


def _same_company(named: tuple[str, ...], own: tuple[str, ...]) -> bool:
    """ "Microsoft" names "Microsoft Corporation"; "Example Digital" does not name "Example Corp."."""
    return bool(named) and (named == own or (len(named) < len(own) and own[: len(named)] == named))


def decide(
    ctx: Context,
    claim: str,
    *,
    counter: Sequence[Counter] = (),
    confirming: Sequence[Fact] = (),
    doubts: Sequence[Doubt] = (),
    sections: Sequence[Section] = SECTIONS,
    universal: bool,
    needs_confirming: bool,
    nothing: str,
) -> Judgement:
    """The verdict rule of SPEC section 4 shared by every check.

    contradicted: any counter-example. supported: confirming records exist (not needed for a negative
    claim) and, for a universal, negative or exclusive claim, every ranged section is complete and no fact
    is too coarse to tell. Otherwise unverifiable, saying why.
    """
    said = f"The notice says {claim}"
    said = said[:-1] if said.endswith(".") else said  # a claim ending in "Inc." or "etc."
    if counter:
        facts = _unique(c.fact for c in counter)
        aspects = {c.fact.aspect(a) for c in counter for a in c.aspects}
        return Judgement("contradicted", _end(f"{said}; {_clauses([c.says for c in counter])}"), facts, aspects,
                         said=said)
    confirming = _unique(confirming)
    doubt_facts = _unique(d.fact for d in doubts if d.fact is not None)
    if universal:
        partial = ctx.partial(sections)
        if doubts:
            return Judgement(
                "unverifiable",
                f"{said}, but {doubts[0].says}, so the manifest cannot tell.",
                _unique([*confirming, *doubt_facts]),
            )
        if partial:
            return Judgement(
                "unverifiable",
                f"{said}, but the manifest's {join_words(partial)} coverage is partial, so it cannot confirm "
                f"a claim about all of them.",
                confirming,
            )
        if needs_confirming and not confirming:
            return Judgement("unverifiable", f"{said}, but the manifest declares {nothing}.", [])
        if confirming:
            nouns = _clauses([f.noun for f in confirming])
            return Judgement("supported", f"{said}; the manifest agrees ({nouns}; coverage complete).", confirming)
        return Judgement(
            "supported",
            f"{said}; the manifest declares {nothing} and its {join_words(list(sections))} coverage is complete.",
            [],
        )
    if confirming:
        return Judgement(
            "supported",
            f"{said}; the manifest agrees ({_clauses([f.noun for f in confirming])}).",
            confirming,
        )
    if doubts:
        return Judgement("unverifiable", f"{said}, but {doubts[0].says}, so the manifest cannot tell.", doubt_facts)
    return Judgement("unverifiable", f"{said}, but the manifest declares {nothing}.", [])
