"""One small check per practice family, registered in `CHECKS` (SPEC section 4).

Each check reads one assertion against the manifest's facts and returns a `Judgement` through
`context.decide`: counter-examples make it `contradicted`; confirming records (with complete coverage for
universal, negative and exclusive claims) make it `supported`; anything else is `unverifiable`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from notice_check.comparison.categories import join_words
from notice_check.comparison.context import Context, Counter, Doubt, Judgement, decide
from notice_check.comparison.facts import SECTIONS, Fact, Section
from notice_check.geo import cloud_provider, expand
from notice_check.models import Assertion

Check = Callable[[Assertion, Context], Judgement]

_ANY_PARTY = frozenset({"unspecified", "self"})


def _excepted(ctx: Context, a: Assertion, counter: list[Counter]) -> tuple[list[Counter], list[Doubt]]:
    """A denial's counter-examples that its own exception may cover. "Except as described in this policy":
    a fact another assertion of the notice discloses is within it. "Without your consent", "without appropriate
    safeguards": the manifest does not record whether the condition held, so no fact settles the denial."""
    doubts: list[Doubt] = []
    if counter and ctx.vocab.excepts_notice([*a.conditions, a.evidence.text]):
        inside = [c for c in counter if ctx.described_elsewhere(a, c.fact)]
        doubts = [Doubt(f"{c.says}, which the notice describes elsewhere (the denial's exception)", c.fact)
                  for c in inside]
        counter = [c for c in counter if c not in inside]
    # a limit on children's data is settled only by a manifest that records which data is children's
    recorded = tuple(c for c in ctx.categories(a) if ctx.records(c))
    missing = ctx.vocab.unrecorded(a.conditions) or ctx.vocab.unrecorded_limit(a.evidence.text, recorded)
    if missing and counter:
        doubts += [Doubt(f"{c.says}, and the manifest does not record {missing}", c.fact) for c in counter]
        counter = []
    return counter, doubts


def _excepted_parties(ctx: Context, a: Assertion, counter: list[Counter]) -> tuple[list[Counter], list[Doubt]]:
    """ "We do not transfer your data outside Japan except to our service providers": a fact of the kind the
    exception names may be what it allows. A store on a cloud provider's region counts as a service provider's."""
    kinds = ctx.vocab.excepted_kinds(a.conditions)
    if not kinds or not counter:
        return counter, []
    rels = ctx.vocab.relationships(kinds)

    def allowed(fact: Fact) -> bool:
        if fact.relationship in rels:
            return True
        place = ctx.manifest.place(fact.store.location) if fact.store else None
        return "processor" in kinds and fact.entity is None and place is not None and bool(place.provider)

    return [c for c in counter if not allowed(c.fact)], [
        Doubt(f"{c.says}, which the denial's exception for "
              f"{join_words([ctx.vocab.party_labels.get(k, k) for k in sorted(kinds)])} may allow", c.fact)
        for c in counter if allowed(c.fact)]


def _purpose_limited(ctx: Context, a: Assertion, counter: list[Counter]) -> tuple[list[Counter], list[Doubt]]:
    """A sharing or sale denial limited to the recipient's purposes ("with advertisers for their own marketing
    purposes"): the manifest records recipients, not what they use data for, so no fact contradicts it. One
    limited to advertising is still contradicted by an advertiser or a record for advertising."""
    texts = [*a.conditions, a.evidence.text]
    if not counter:
        return counter, []
    if any(ctx.vocab.limits_purpose(t) for t in texts):
        return [], [Doubt(f"{c.says} for purposes it does not record", c.fact) for c in counter]
    on_sentence, on_record = ctx.vocab.advertising_purpose
    statute = a.practice == "sharing" and bool(ctx.vocab.ccpa_share.search(a.evidence.text))
    if not statute and not any(on_sentence.search(t) for t in texts):
        return counter, []
    # "we do not share personal data for cross-context behavioural advertising": an advertiser, or a record
    # whose purpose is advertising, is what it denies; another recipient may have the data for other purposes
    def advertising(c: Counter) -> bool:
        purpose = getattr(c.fact.record, "purpose", None) or ""
        return c.fact.relationship == "advertiser" or bool(on_record.search(purpose))

    return [c for c in counter if advertising(c)], [
        Doubt(f"{c.says}, for a purpose the manifest does not record as advertising", c.fact)
        for c in counter if not advertising(c)]


def _specific_kinds(assertion: Assertion) -> frozenset[str]:
    """Party kinds that narrow who the assertion is about ("our affiliates"), not "partners" or "we"."""
    return frozenset(p.kind for p in assertion.parties) - _ANY_PARTY


def _held_by_others(ctx: Context, a: Assertion, counter: list[Counter]) -> tuple[list[Counter], list[Doubt]]:
    """ "These vendors do not store your card number", "our service providers keep data for 30 days": the claim is
    about what parties of a kind keep, so only a store they operate can contradict it, not the organisation's."""
    kinds = _specific_kinds(a) - {"public", "public_authority"}
    if not kinds or not counter:
        return counter, []
    rels = ctx.vocab.relationships(kinds)
    theirs = [c for c in counter if c.fact.relationship in rels]
    return theirs, [Doubt(f"{c.says}, and the claim is about {ctx.party_words(a)}, not the organisation", c.fact)
                    for c in counter if c not in theirs]


def _cannot(ctx: Context, claim: str, why: str) -> Judgement:
    return Judgement("unverifiable", f"The notice says {claim}, but {why}.")


def _another_company(a: Assertion, ctx: Context) -> Judgement | None:
    """ "stored by Google on servers in the United States", "Hotjar will not collect any data": a company the
    notice names does it. Unless the name is the organisation's, one of the manifest's entities or the host of
    one of its locations, that is the company's own practice, which the manifest does not record."""
    named = [p for p in a.parties if p.name and p.kind == "unspecified"]
    if not named or len(named) != len(a.parties) or ctx.names_self(a):
        return None
    hosts = {place.provider for place in ctx.manifest.locations if place.provider}
    if any(ctx.names_entity(p, f) for p in named for f in ctx.facts) or any(
            cloud_provider(p.name or "") in hosts for p in named):
        return None
    who = join_words(list(dict.fromkeys(" ".join((p.name or "").split()) for p in named)))
    said = ctx.act(a).removeprefix("it ")
    return _cannot(ctx, f"{who} {said} {ctx.data_phrase(a)}",
                   f"that is {who}'s own practice, and the manifest records no entity or host of that name")


def _own_practice(check: Check) -> Check:
    """A check that first sets aside what another named company does (`_another_company`)."""
    def checked(a: Assertion, ctx: Context) -> Judgement:
        return _another_company(a, ctx) or check(a, ctx)

    checked.__doc__ = check.__doc__
    return checked


# --------------------------------------------------------------------------- storage, transfer, processing


def _location_claim(a: Assertion, ctx: Context, exhaustive: bool) -> str:
    """ "it stores your data only in Japan", "it does not transfer your data outside the EEA"."""
    data, loc = ctx.data_phrase(a), a.location
    said = f"{ctx.act(a)} {data}"
    if loc is None:
        return said
    places = ctx.location_words(a)
    prep = "to" if a.practice == "transfer" else "in"
    if loc.mode == "outside":
        return f"{said} outside {places}"
    if a.polarity == "affirm" and loc.open:
        return f"{said} {prep} places including {places}"
    return f"{said} {'only ' if exhaustive else ''}{prep} {places}"


def check_place(a: Assertion, ctx: Context) -> Judgement:
    """storage / transfer / processing with a place (SPEC section 4, first two readings).

    "Stored in X" ranges over stores; transfer, processing and "outside X" over stores, accesses and
    disclosures. An affirmative fact with a closed list is exhaustive for its data: a fact elsewhere
    contradicts it unless another affirmative location assertion names that country for that data (an
    exclusive claim, "only"/"all ... in", is contradicted even then). For transfers, the organisation's
    home country is where data comes from, not where it goes, so a fact there is no counter-example.
    Party kinds in the assertion ("to our affiliates in Korea") narrow it to those entities' facts.
    """
    if a.location is None:
        if _specific_kinds(a) and a.practice != "storage":
            return check_parties(a, ctx)
        if a.polarity == "deny":
            return _deny_anywhere(a, ctx)
        return _cannot(ctx, _location_claim(a, ctx, False), "it names no place to compare with the manifest")
    loc = a.location
    listed = set(loc.countries)
    exhaustive = a.polarity == "affirm" and loc.mode == "in" and a.modality == "fact" and not loc.open
    claim = _location_claim(a, ctx, exhaustive)
    if not listed:
        return _cannot(ctx, claim, f"the tool cannot tell which countries {loc.text!r} means")
    sections: tuple[Section, ...] = ("stores",) if a.practice == "storage" and loc.mode == "in" else SECTIONS
    pool = ctx.facts_in(sections)
    kinds = _specific_kinds(a)
    if kinds:
        rels = ctx.vocab.relationships(kinds)
        pool = [f for f in pool if f.relationship in rels]
    covered, coarse = ctx.split(a, pool)
    nothing = "no " + ("store" if sections == ("stores",) else "store, access or disclosure") + " of this data"

    unplaced = [Doubt(f"{f.noun} has no known country", f) for f in covered if not f.countries]
    if a.polarity == "deny":
        if loc.mode == "outside":

            def bad(c: str) -> bool:
                return c not in listed
        else:

            def bad(c: str) -> bool:
                return c in listed

        counter, excepted = _excepted(ctx, a, _place_counters(ctx, a, covered, bad))
        counter, party_excepted = _excepted_parties(ctx, a, counter)
        excepted = party_excepted + excepted
        doubts = excepted + unplaced + [
            ctx.coarse_doubt(a, f, [c for c in f.countries if bad(c)])
            for f in coarse
            if any(bad(c) for c in f.countries)
        ]
        return decide(
            ctx,
            claim,
            counter=counter,
            confirming=covered,
            doubts=doubts,
            sections=sections,
            universal=True,
            needs_confirming=False,
            nothing=nothing,
        )

    if loc.mode == "outside":
        confirming = [f for f in covered if any(c not in listed for c in f.countries)]
        return decide(
            ctx,
            claim,
            confirming=confirming,
            doubts=unplaced,
            sections=sections,
            universal=False,
            needs_confirming=True,
            nothing=nothing + " outside " + ctx.location_words(a),
        )

    confirming = [f for f in covered if any(c in listed for c in f.countries)]
    if not exhaustive:
        return decide(
            ctx,
            claim,
            confirming=confirming,
            doubts=unplaced,
            sections=sections,
            universal=False,
            needs_confirming=True,
            nothing=nothing + " in " + ctx.location_words(a),
        )

    home = ctx.home if a.practice == "transfer" else None
    origin = _transfer_origin(a, ctx)

    def elsewhere(c: str) -> bool:
        return c not in listed and c != home and c not in origin

    exclusive = a.scope == "exclusive"

    def counter_for(fact: Fact, c: str) -> bool:
        return elsewhere(c) and (exclusive or not ctx.named_elsewhere(a, fact, c))

    counter = []
    for fact in covered:
        bad_here = [c for c in fact.countries if counter_for(fact, c)]
        if bad_here:
            counter.append(
                Counter(
                    fact,
                    tuple(f"country:{c}" for c in bad_here),
                    ctx.where(fact, bad_here, ctx.held(a, fact)),
                )
            )
    segment = next((c for c in a.conditions if ctx.vocab.user_segment.search(c)), None)
    located = ctx.vocab.located_users.search(a.evidence.text)
    # "if you signed up from the EEA, your data is stored in the Netherlands": a store elsewhere may hold other users'
    # data; but with no store of the data in the place at all, the claim is false for whoever's data it is
    part = bool(a.data and ctx.vocab.partial_data[0].search(a.data.text))  # "certain personal information"
    if (segment or located or part) and counter and not confirming:
        # the claim is for some users or some data, but no store of the data is in the place at all: say that
        nowhere = f"no {'store' if sections == ('stores',) else 'store, access or disclosure'} of this data is in " + (
            ctx.location_words(a))
        counter = [Counter(c.fact, c.aspects, f"{c.says} ({nowhere})") for c in counter]
    if (segment or located) and counter and confirming:
        users = f"for users {' '.join(segment.split())!r}" if segment else f"{located.group(0)!r}" if located else ""
        unplaced = [Doubt(f"{c.says}, and the manifest does not say whose data it holds (the claim is {users})",
                          c.fact) for c in counter] + unplaced
        counter = []
    if part and counter and confirming:  # "we transfer certain personal information to our data centers in the USA"
        unplaced = _not_told_apart(counter, _qualified(a.data.text if a.data else "")) + unplaced
        counter = []
    if origin and counter and home not in origin:
        # "data transferred from the EEA to the US" in a Japanese company's notice: Europeans' data, and the
        # manifest does not say whose data a record holds
        leaving = ctx.places(sorted(_origin_regions(a, ctx)))
        unplaced = [Doubt(f"{c.says}, and the manifest does not say whose data it holds (the claim is for data "
                          f"leaving {leaving})", c.fact) for c in counter] + unplaced
        counter = []
    missing = ctx.vocab.case_said_before(a.conditions)
    if missing and counter:  # "in such a case, data is transferred to our server in Japan": that case only
        unplaced = [Doubt(f"{c.says}, and the manifest does not record {missing}", c.fact) for c in counter] + unplaced
        counter = []
    doubts = unplaced + [
        ctx.coarse_doubt(a, f, [c for c in f.countries if counter_for(f, c)])
        for f in coarse
        if any(counter_for(f, c) for c in f.countries)
    ]
    return decide(
        ctx,
        claim,
        counter=counter,
        confirming=confirming,
        doubts=doubts,
        sections=sections,
        universal=True,
        needs_confirming=True,
        nothing=nothing + " in " + ctx.location_words(a),
    )


def _origin_regions(a: Assertion, ctx: Context) -> tuple[str, ...]:
    return ctx.vocab.transfer_origins(a.evidence.text) if a.practice == "transfer" else ()


def _transfer_origin(a: Assertion, ctx: Context) -> frozenset[str]:
    """Countries a transfer leaves from ("from the EEA to the United States"): not among its destinations."""
    return frozenset(c for region in _origin_regions(a, ctx) for c in expand(region))


def _place_counters(ctx: Context, a: Assertion, facts: list[Fact], bad: Callable[[str], bool]) -> list[Counter]:
    out = []
    for fact in facts:
        here = [c for c in fact.countries if bad(c)]
        if here:
            out.append(Counter(fact, tuple(f"country:{c}" for c in here), ctx.where(fact, here, ctx.held(a, fact))))
    return out


def _deny_anywhere(a: Assertion, ctx: Context) -> Judgement:
    """ "We do not store / process / transfer X" with no place: any such fact contradicts it (a transfer
    being a fact outside the organisation's home country)."""
    claim = _location_claim(a, ctx, False)
    sections: tuple[Section, ...] = ("stores",) if a.practice == "storage" else SECTIONS
    covered, coarse = ctx.split(a, ctx.facts_in(sections))
    if a.practice == "transfer":
        if ctx.home is None:
            return _cannot(ctx, claim, "the manifest does not give the organisation's home country")
        home = ctx.home
        counter, excepted = _excepted(ctx, a, _place_counters(ctx, a, covered, lambda c: c != home))
        return decide(
            ctx,
            claim,
            counter=counter,
            doubts=excepted + [
                ctx.coarse_doubt(a, f, [c for c in f.countries if c != home])
                for f in coarse
                if any(c != home for c in f.countries)
            ],
            confirming=covered,
            sections=sections,
            universal=True,
            needs_confirming=False,
            nothing="no transfer of this data",
        )
    if a.practice == "processing":
        # "we cannot read your messages": a store holding them end-to-end encrypted holds what it cannot read
        covered = [f for f in covered if not (f.store and f.store.encryption and f.store.encryption.end_to_end)]
        if ctx.vocab.denies_looking_only(a.evidence.text):
            # "we never access the content of your notes": holding the notes is not looking at them
            covered = [f for f in covered if f.section != "stores"]
            coarse = [f for f in coarse if f.section != "stores"]
    counter, excepted = _excepted(ctx, a, [Counter(f, ("presence",), ctx.holding(f, ctx.held(a, f)) + (
        " (not end-to-end encrypted)" if a.practice == "processing" and f.store and f.store.encryption
        and f.store.encryption.end_to_end is False else "")) for f in covered])
    narrowed = _narrowed_data(a, ctx) if counter else None
    if narrowed:  # "we do not store that financial information": the manifest cannot tell it apart
        excepted += _not_told_apart(counter, narrowed)
        counter = []
    if counter and a.practice == "processing" and not (a.data and a.data.text.strip()):
        # "we do not have access to, or process, <data the parse left off>": an access denial of nothing named
        excepted += [Doubt(f"{c.says}, and the sentence does not name the data it cannot reach", c.fact)
                     for c in counter]
        counter = []
    if a.practice == "storage":
        counter, held = _held_by_others(ctx, a, counter)
        excepted += held
    if not _specific_kinds(a):
        # "we do not store your card details; they are held by our payment processor": the store the processor
        # operates is the one the notice names, not one the organisation denies
        theirs = [c for c in counter if c.fact.relationship not in (None, "self")
                  and ctx.described_elsewhere(a, c.fact, practices=("storage",))]
        excepted += [Doubt(f"{c.says}, and the notice says another party ({c.fact.entity_name}) holds it", c.fact)
                     for c in theirs]
        counter = [c for c in counter if c not in theirs]
    return decide(
        ctx,
        claim,
        counter=counter,
        doubts=excepted + [ctx.coarse_doubt(a, f) for f in coarse],
        sections=sections,
        universal=True,
        needs_confirming=False,
        nothing="no such record of this data",
    )


# --------------------------------------------------------------------------- sharing


def _party_clause(fact: Fact, data: str) -> str:
    rel = fact.relationship or "unknown relationship"
    if fact.section == "accesses":
        return f"{fact.noun} lets {fact.entity_name} ({rel.replace('_', ' ')}) reach {data}"
    return f"{fact.noun} gives {data} to {fact.entity_name} ({rel.replace('_', ' ')})"


def _recipients(a: Assertion, ctx: Context, pool: list[Fact], kinds: frozenset[str]) -> tuple[list[Fact], bool]:
    """The facts an assertion's parties name, and whether any party is named by its name.

    A party named by its name ("Twilio", "the Facebook Companies") is that company, not every party of its kind:
    a disclosure to another company neither contradicts "we do not share your data with Facebook" nor supports
    "we share your phone number with Twilio". Only an affirmative claim whose named party also says its kind
    ("our Fulfilment Providers", a defined term) falls back on the kind when no entity has that name.
    """
    named = [p for p in a.parties if p.name and p.kind not in ("self", "public_authority")]
    if not named:
        rels = ctx.vocab.relationships(kinds)
        return [f for f in pool if f.relationship in rels], False
    unnamed = {p.kind for p in a.parties if p not in named}
    for p in named:
        if a.polarity == "affirm" and p.kind != "unspecified" and not any(ctx.names_entity(p, f) for f in pool):
            unnamed.add(p.kind)
    rels = ctx.vocab.relationships(frozenset(unnamed))
    return [f for f in pool if f.relationship in rels or any(ctx.names_entity(p, f) for p in named)], True


def check_parties(a: Assertion, ctx: Context) -> Judgement:
    """sharing (and transfers/processing "to our affiliates" with no place).

    A party kind reaches manifest relationships through `vocabulary.yml` (third parties include
    advertisers; unnamed partners include affiliates; service providers include sub-processors). Both
    disclosures and remote accesses count: an entity that can reach the data has had it shared with it.
    Disclosures to public authorities belong to law_enforcement unless the assertion names authorities.
    """
    if ctx.names_self(a):
        return Judgement("unverifiable", f"The notice names {ctx.party_words(a)}, the organisation itself, as the "
                                         "recipient: that is collection, not a disclosure to another party.")
    kinds = frozenset(p.kind for p in a.parties) or frozenset({"unspecified"})
    if any(ctx.vocab.everyone_parties.match(p.text.strip()) for p in a.parties):
        kinds |= ctx.vocab.everyone_kinds  # "with anyone": service providers and affiliates too
    sections: tuple[Section, ...] = ("accesses", "disclosures")
    pool = [f for f in ctx.facts_in(sections) if f.relationship != "public_authority" or "public_authority" in kinds]
    data, parties = ctx.data_phrase(a), ctx.party_words(a)
    prep = {"transfer": "to", "processing": "through"}.get(a.practice, "with")
    if kinds == {"public"}:
        # "your reviews become public", "other users may view your profile": a manifest lists recipients
        who = parties[:1].lower() + parties[1:]  # "Other users see ...": the sentence's capital, not a name
        seen = f"{who} {'cannot' if a.polarity == 'deny' else 'can'} see {data}"
        return _cannot(ctx, seen if a.practice == "processing" else f"{ctx.act(a)} {data} {prep} {parties}",
                       "the manifest records recipients, not what other users or the public can see")
    matching, named = _recipients(a, ctx, pool, kinds)
    covered, coarse = ctx.split(a, matching)
    if a.polarity == "deny":
        claim = f"{ctx.act(a)} {data} {prep} {parties}"
        counter = [Counter(f, ("party",), _party_clause(f, ctx.held(a, f))) for f in covered]
        if counter and a.parties and all(ctx.vocab.party_reference.match(p.text.strip()) for p in a.parties):
            # "we do not share your personal data with such data centers", "with these third parties": the
            # parties are named elsewhere
            return _cannot(ctx, claim, f"{parties!r} refers to parties named before this sentence")
        unknown = [Doubt(f"{f.noun} names no known recipient", f) for f in pool if f.entity is None
                   or (named and not f.entity.name)]  # a recipient with no name may be the one named
        doubts = unknown + [Doubt(_party_clause(f, ctx.broader(a, f)), f) for f in coarse]
        counter, unrecorded_purpose = _purpose_limited(ctx, a, counter)
        doubts = unrecorded_purpose + doubts
        counter, narrowed = _narrowed_denial(ctx, a, counter)
        doubts = narrowed + doubts
        counter, excepted = _excepted(ctx, a, counter)
        counter, party_excepted = _excepted_parties(ctx, a, counter)  # "with anyone other than our providers"
        doubts = party_excepted + excepted + doubts
        return decide(
            ctx,
            claim,
            counter=counter,
            confirming=[],
            doubts=doubts,
            sections=sections,
            universal=True,
            needs_confirming=False,
            nothing=f"no disclosure of this data to {parties}",
        )
    exclusive = a.scope == "exclusive" and "unspecified" not in kinds
    if exclusive:
        claim = f"{ctx.act(a)} {data} only {prep} {parties}"
        others_covered, _ = ctx.split(a, [f for f in pool if f not in matching and f.relationship != "self"])
        counter = [Counter(f, ("party",), _party_clause(f, ctx.held(a, f))) for f in others_covered]
        # "what you provide at those sites will only be shared with those vendors": a limit the manifest lacks
        counter, excepted = _excepted(ctx, a, counter)
        return decide(
            ctx,
            claim,
            counter=counter,
            confirming=covered,
            doubts=excepted,
            sections=sections,
            universal=True,
            needs_confirming=True,
            nothing=f"no disclosure of this data to {parties}",
        )
    claim = f"{ctx.act(a)} {data} {prep} {parties}"
    return decide(
        ctx,
        claim,
        confirming=covered,
        doubts=[ctx.coarse_doubt(a, f) for f in coarse],
        sections=sections,
        universal=False,
        needs_confirming=True,
        nothing=f"no disclosure of this data to {parties}",
    )


# --------------------------------------------------------------------------- sale


def check_sale(a: Assertion, ctx: Context) -> Judgement:
    """Sale: a disclosure with `sale: true` contradicts "we do not sell"; `sale: unknown` leaves it open."""
    sections: tuple[Section, ...] = ("disclosures",)
    covered, coarse = ctx.split(a, ctx.facts_in(sections))
    data = ctx.data_phrase(a)
    sold = [f for f in covered if f.disclosure and f.disclosure.sale is True]
    unknown = [
        Doubt(
            f"the manifest does not know whether {f.noun} of {ctx.held(a, f)} to {f.entity_name} "
            f"is a sale (sale: unknown)",
            f,
        )
        for f in covered
        if f.disclosure and f.disclosure.sale == "unknown"
    ]
    if a.polarity == "deny":
        counter, excepted = _excepted(
            ctx, a, [Counter(f, ("sale",), f"{f.noun} sells {ctx.held(a, f)} to {f.entity_name}") for f in sold])
        counter, unrecorded_purpose = _purpose_limited(ctx, a, counter)
        excepted += unrecorded_purpose
        counter, narrowed = _narrowed_denial(ctx, a, counter)
        excepted += narrowed
        doubts = excepted + unknown + [
            Doubt(
                f"{f.noun} sells (or may sell) {ctx.broader(a, f)} to {f.entity_name}",
                f,
            )
            for f in coarse
            if f.disclosure and f.disclosure.sale in (True, "unknown")
        ]
        return decide(
            ctx,
            f"{ctx.act(a)} {data}",
            counter=counter,
            doubts=doubts,
            confirming=[f for f in covered if f.disclosure and f.disclosure.sale is False],
            sections=sections,
            universal=True,
            needs_confirming=False,
            nothing="no sale of this data",
        )
    return decide(
        ctx,
        f"{ctx.act(a)} {data}",
        confirming=sold,
        doubts=unknown,
        sections=sections,
        universal=False,
        needs_confirming=True,
        nothing="no sale of this data",
    )


# --------------------------------------------------------------------------- law enforcement


def _restricted_to_legal_process(a: Assertion, ctx: Context) -> bool:
    """ "only when required by law", "in response to a court order": voluntary disclosure is excluded."""
    if any(ctx.vocab.mentions_legal_process(c) for c in a.conditions):
        return True
    return a.scope == "exclusive" and ctx.vocab.mentions_legal_process(a.evidence.text)


_UNLESS = re.compile(r"\s*unless\b", re.IGNORECASE)


def check_law_enforcement(a: Assertion, ctx: Context) -> Judgement:
    """Disclosure to public authorities: denied outright, restricted to legal process, or merely possible."""
    sections: tuple[Section, ...] = ("disclosures",)
    pool = [f for f in ctx.facts_in(sections) if f.relationship == "public_authority"]
    covered, coarse = ctx.split(a, pool)
    data = ctx.data_phrase(a)

    def trigger(f: Fact) -> str | None:
        return f.disclosure.trigger if f.disclosure else None

    def aspect(f: Fact) -> tuple[str, ...]:
        return ("voluntary",) if trigger(f) == "voluntary" else ("authority",)

    if a.polarity == "deny" and ctx.vocab.denies_only_unmediated_access(a.evidence.text):
        # "we never give governments direct access to your data": answering legal process is not denied
        return decide(
            ctx,
            f"{ctx.act(a, never=True)} {data} to public authorities outside legal process",
            counter=[Counter(f, ("voluntary",), f"{f.noun} gives {ctx.held(a, f)} to {f.entity_name} voluntarily")
                     for f in covered if trigger(f) == "voluntary"],
            doubts=[Doubt(f"{f.noun} does not say whether it answered legal process", f)
                    for f in covered if trigger(f) is None] + [ctx.coarse_doubt(a, f) for f in coarse],
            sections=sections,
            universal=True,
            needs_confirming=False,
            nothing="no disclosure of this data to public authorities outside legal process",
        )
    lead = ctx.vocab.excepted_parties[0]
    # "no personal data will be disclosed to any public authority except in response to a subpoena": a
    # disclosure under legal process is the exception, so the denial reads as "only under legal process"
    excepts_process = a.polarity == "deny" and any(  # "... unless required to do so by law or subpoena" too
        (lead.search(c) or _UNLESS.match(c)) and ctx.vocab.mentions_legal_process(c) for c in a.conditions)
    if a.polarity == "deny" and not excepts_process:
        counter = [Counter(f, aspect(f), f"{f.noun} gives {ctx.held(a, f)} to {f.entity_name}") for f in covered]
        return decide(
            ctx,
            f"{ctx.act(a, never=True)} {data} to public authorities",
            counter=counter,
            doubts=[ctx.coarse_doubt(a, f) for f in coarse],
            sections=sections,
            universal=True,
            needs_confirming=False,
            nothing="no disclosure of this data to public authorities",
        )
    if excepts_process or _restricted_to_legal_process(a, ctx):
        said = "it discloses" if excepts_process else ctx.act(a)
        claim = f"{said} {data} to public authorities only under legal process"
        counter = [
            Counter(f, ("voluntary",), f"{f.noun} gives {ctx.held(a, f)} to {f.entity_name} voluntarily")
            for f in covered
            if trigger(f) == "voluntary"
        ]
        doubts = [
            Doubt(f"{f.noun} does not say whether it answered legal process", f) for f in covered if trigger(f) is None
        ]
        doubts += [ctx.coarse_doubt(a, f) for f in coarse if trigger(f) != "legal_process"]
        return decide(
            ctx,
            claim,
            counter=counter,
            doubts=doubts,
            confirming=[f for f in covered if trigger(f) == "legal_process"],
            sections=sections,
            universal=True,
            needs_confirming=False,
            nothing="no disclosure of this data to public authorities",
        )
    return decide(
        ctx,
        f"{ctx.act(a)} {data} to public authorities",
        confirming=covered,
        doubts=[ctx.coarse_doubt(a, f) for f in coarse],
        sections=sections,
        universal=False,
        needs_confirming=True,
        nothing="no disclosure of this data to public authorities",
    )


# --------------------------------------------------------------------------- retention


def _narrowed(a: Assertion, ctx: Context) -> str | None:
    """What a retention period is limited to, if the manifest cannot see it: a condition ("if a message cannot
    be delivered", "unless the law requires us to keep it") or data the sentence qualifies ("messages that could
    not be delivered"). A longer-keeping store may hold exactly the data the period does not cover."""
    if a.conditions:
        return "what the notice's condition covers (" + "; ".join(" ".join(c.split()) for c in a.conditions) + ")"
    return _narrowed_data(a, ctx)


def _narrowed_data(a: Assertion, ctx: Context) -> str | None:
    """ "the undelivered messages the sentence qualifies", when the sentence narrows its data to a part the
    manifest does not tell apart ("messages that could not be delivered", "these videos ... the videos")."""
    data = a.data.text if a.data else ""
    if ctx.unresolved_reference(a) is not None:
        return None  # "this information", unresolved: the engine says so, in its own words
    return _qualified(data) if ctx.vocab.narrows(data, a.evidence.text) else None


def _narrowed_denial(ctx: Context, a: Assertion, counter: list[Counter]) -> tuple[list[Counter], list[Doubt]]:
    """A sharing or sale denial for data its sentence narrows ("data obtained through Email Connect", "such personal
    data"): the manifest does not tell that part apart. Not "information that identifies you", which a disclosure
    of contact details is."""
    narrowed = _narrowed_data(a, ctx) if counter and not ctx.vocab.identifying.search(a.evidence.text) else None
    if not narrowed:
        return counter, []
    return [], _not_told_apart(counter, narrowed)


def _not_told_apart(counter: list[Counter], what: str) -> list[Doubt]:
    """The counter-examples as doubts: the manifest cannot tell whether they hold `what` the claim is about."""
    return [Doubt(f"{c.says}, and the manifest does not tell apart {what}", c.fact) for c in counter]


def _qualified(data: str) -> str:
    """ "the biometric data the sentence qualifies", from "any biometric data" (not "the any ...")."""
    words = data.split()
    while len(words) > 1 and words[0].lower() in ("the", "a", "an", "any", "all", "some", "such", "no", "this", "that",
                                                  "these", "those", "said", "following"):
        words = words[1:]
    phrase = " ".join(words)
    return f"the {phrase[:1].lower()}{phrase[1:]} the sentence qualifies"


def _kept(fact: Fact) -> str:
    store = fact.store
    if store is None:
        return "for an unknown time"
    if store.retention_indefinite:
        return "indefinitely"
    if store.retention_days is None:
        return "for an unknown time"
    return f"for {store.retention_days} day{'s' if store.retention_days != 1 else ''}"


def _bounded_denial(a: Assertion, ctx: Context, covered: list[Fact], data: str) -> Judgement | None:
    """A retention denial that bounds the time without a period: "we do not keep it permanently" (any known,
    finite period supports it) or "longer than the law requires" / "after the transcript is generated" (no
    period to compare). Only a store keeping the data indefinitely contradicts either. None for a plain
    "we do not keep your messages"."""
    sentence = a.evidence.text
    forever = ctx.vocab.denies_indefinitely(sentence)
    if not forever and not ctx.vocab.bounded_denial.search(sentence):
        return None
    claim = f"it does not keep {data} indefinitely" if forever else f"it keeps {data} only for a limited time"
    indefinite = [f for f in covered if f.store and f.store.retention_indefinite]
    counter = [Counter(f, ("retention",), f"{f.noun} keeps {ctx.held(a, f)} indefinitely") for f in indefinite]
    if counter or forever:
        finite = [f for f in covered if f.store and f.store.retention_days is not None]
        unknown = [Doubt(f"{f.noun} does not say how long it keeps {ctx.held(a, f)}", f) for f in covered
                   if f.store and not f.store.retention_indefinite and f.store.retention_days is None]
        return decide(ctx, claim, counter=counter, confirming=finite, doubts=unknown, sections=("stores",),
                      universal=True, needs_confirming=True, nothing="no store of this data")
    return _cannot(ctx, claim, "it names no period to compare with the manifest's")


def check_retention(a: Assertion, ctx: Context) -> Judgement:
    """A maximum period is compared with every store of the data; an event ("until you delete your
    account") cannot be checked against periods, but a store that keeps the data indefinitely breaks it."""
    sections: tuple[Section, ...] = ("stores",)
    covered, coarse = ctx.split(a, ctx.facts_in(sections))
    if a.data and covered and ctx.reader.unlisted_kind(a.data.text):
        covered, coarse = [], coarse + covered  # "video recordings are deleted within a month": not the messages
    data = ctx.data_phrase(a)
    if a.retention is not None and a.retention.on_device:
        kept = data if a.data and a.data.text else "cookies"
        return _cannot(ctx, f"how long {kept} stay on the reader's device",
                       "the manifest records how long its stores keep data, not how long cookies live")
    max_days = a.retention.max_days if a.retention else None
    until = a.retention.until if a.retention else None
    if a.polarity == "deny" and max_days is None and until is None:
        bounded = _bounded_denial(a, ctx, covered, data)
        if bounded is not None:
            return bounded
        max_days = 0  # "we do not keep your messages"
    if max_days is not None and until is None:
        limit = max_days

        def over(f: Fact) -> bool:
            s = f.store
            return bool(s and (s.retention_indefinite or (s.retention_days is not None and s.retention_days > limit)))

        def known(f: Fact) -> bool:
            s = f.store
            return bool(s and (s.retention_indefinite or s.retention_days is not None))

        keeps = "it may keep" if a.modality == "may" else "it keeps"
        claim = (
            f"it does not keep {data}"
            if limit == 0
            else f"{keeps} {data} for at most {limit} day{'s' if limit != 1 else ''}"
        )
        counter = [
            Counter(f, ("retention",), f"{f.noun} keeps {ctx.held(a, f)} {_kept(f)}") for f in covered if over(f)
        ]
        doubts = [
            Doubt(f"{f.noun} does not say how long it keeps {ctx.held(a, f)}", f) for f in covered if not known(f)
        ]
        counter, held = _held_by_others(ctx, a, counter)
        doubts = held + doubts
        narrowed = _narrowed(a, ctx)
        if narrowed and counter:
            # "messages that could not be delivered are deleted after 14 days": the manifest cannot tell them apart
            doubts = _not_told_apart(counter, narrowed) + doubts
            counter = []
        if counter and limit > 0 and not (a.data and a.data.text.strip()):
            # "... are deleted after 15 days" with no data the parse could attach: a period for data the sentence
            # does not name says nothing of a given store's
            doubts = [Doubt(f"{c.says}, and the sentence does not name the data the period is for", c.fact)
                      for c in counter] + doubts
            counter = []
        usual = ctx.vocab.usual_bound.search(a.evidence.text)
        if usual and counter:  # "we typically retain it for seven years": the usual period, not a limit
            doubts = [Doubt(f"{c.says}, and the notice gives the period as {usual.group(0).lower()!r} only", c.fact)
                      for c in counter] + doubts
            counter = []
        doubts += [
            Doubt(f"{f.noun} keeps {ctx.broader(a, f)} {_kept(f)}", f) for f in coarse if over(f) or not known(f)
        ]
        return decide(
            ctx,
            claim,
            counter=counter,
            doubts=doubts,
            confirming=[f for f in covered if known(f) and not over(f)],
            sections=sections,
            universal=True,
            needs_confirming=True,
            nothing="no store of this data",
        )
    if until:
        # "deleted 30 days after you close your account": the days run from the event, which the manifest's
        # periods (counted from collection) cannot place; only keeping the data indefinitely breaks it
        event = until.replace("_", " ")
        claim = f"it keeps {data} until {event}" + (f" (and up to {max_days} days after)" if max_days else "")
        counter = [
            Counter(f, ("retention",), f"{f.noun} keeps {ctx.held(a, f)} indefinitely")
            for f in covered
            if f.store and f.store.retention_indefinite and until != "deletion_request"
        ]  # kept with no fixed period is kept until someone asks: no contradiction of deletion on request
        counter, held = _held_by_others(ctx, a, counter)
        if counter:
            return decide(
                ctx,
                claim,
                counter=counter,
                universal=True,
                needs_confirming=False,
                sections=sections,
                nothing="",
            )
        if held:  # "our vendors keep it until you delete your account": the organisation's own store is not theirs
            return Judgement("unverifiable", f"The notice says {claim}, but {held[0].says}.",
                             [d.fact for d in held if d.fact])
        return Judgement(
            "unverifiable",
            f"The notice says {claim}, but the manifest records retention periods, not events such as {event}.",
            covered,
        )
    if a.polarity == "affirm" and ctx.vocab.keeps_indefinitely(a.evidence.text):
        # "we keep your data indefinitely": no period to compare, and not a limited time either
        return _cannot(ctx, f"it may keep {data} indefinitely", "no store's period can contradict that")
    if a.retention is not None and ctx.vocab.limited_time.search(a.evidence.text):  # "for as long as necessary"
        claim = f"it keeps {data} for a limited time"
    else:  # "we may retain the content of your e-mails", "we keep a copy for our records": kept, no bound said
        claim = f"it {'may keep' if a.modality == 'may' else 'keeps'} {data}"
    return _cannot(ctx, claim, "it names no period or event to compare")


# --------------------------------------------------------------------------- encryption

_KIND_WORDS = {"end_to_end": "end to end", "in_transit": "in transit", "at_rest": "at rest"}


def _encrypted(fact: Fact, kind: str | None) -> bool | None:
    store = fact.store
    enc = store.encryption if store else None
    if enc is None:
        return None
    if kind is not None:
        return getattr(enc, kind)
    values = (enc.at_rest, enc.in_transit)
    if True in values:
        return True
    if all(v is False for v in values):
        return False
    return None


def check_encryption(a: Assertion, ctx: Context) -> Judgement:
    """Encryption of a kind is checked store by store; no kind means at rest or in transit.

    A hedged claim ("may", or with a condition such as "when Letter Sealing is on") is not contradicted
    by a store without that encryption: the manifest cannot tell whether the condition held.
    """
    sections: tuple[Section, ...] = ("stores",)
    covered, coarse = ctx.split(a, ctx.facts_in(sections))
    if a.data and covered and ctx.reader.unlisted_kind(a.data.text):
        covered, coarse = [], coarse + covered  # "Zoom Emails are end-to-end encrypted": not the chat photos
    kind = a.encryption.kind if a.encryption else None
    words = _KIND_WORDS.get(kind or "", "")
    data = ctx.data_phrase(a)
    label = f"{words} encryption" if words else "encryption at rest or in transit"
    if kind == "end_to_end" and a.polarity == "affirm" and not (a.data and a.data.text.strip()):
        # "we use end-to-end encryption", "Signal utilizes end-to-end encryption to provide private messaging":
        # with no data named, what is end-to-end encrypted is what users send each other, not their accounts
        content = ctx.vocab.end_to_end_scope
        covered = [f for f in covered if any(ctx.reader.covers(content, c) for c in f.categories)]
        coarse = [f for f in coarse if any(ctx.reader.covers(content, c) for c in f.categories)]
        data = "the content users send"
    # "may", a condition ("when Letter Sealing is on", "if a recipient forwards it"), or part of the data ("some of
    # your data", "sensitive information"): what the manifest records cannot settle it
    hedged = a.modality == "may" or bool(a.conditions) or ctx.vocab.about_part(
        a.data.text if a.data else "", a.evidence.text)
    claim = f"{ctx.act(a)} {data}{' ' + words if words else ''}"
    if a.polarity == "deny":
        on = [f for f in covered if _encrypted(f, kind) is True]
        # "information sent by email may not be encrypted", "some features may not encrypt your messages": a
        # warning that data may go without it, which encryption where the manifest records it does not refute
        counter = [] if hedged else [
            Counter(f, ("encryption",), f"{f.noun} has {label} on for {ctx.held(a, f)}") for f in on]
        return decide(
            ctx,
            claim,
            counter=counter,
            sections=sections,
            universal=True,
            needs_confirming=False,
            doubts=[Doubt(f"{f.noun} does not record {label}", f) for f in covered if _encrypted(f, kind) is None]
            + ([Doubt(f"{f.noun} has {label} on and the notice only says the data may go without it"
                      + (" under a condition" if a.conditions and a.modality != "may" else ""), f)
                for f in on] if hedged else []),
            confirming=[f for f in covered if _encrypted(f, kind) is False],
            nothing=f"no store of this data with {label}",
        )
    off = [f for f in covered if _encrypted(f, kind) is False]
    doubts: list[Doubt] = []
    counter: list[Counter] = []
    if hedged:
        doubts += [Doubt(f"{f.noun} has {label} off and the notice's claim is hedged", f) for f in off]
    else:
        counter = [Counter(f, ("encryption",), f"{f.noun} keeps {ctx.held(a, f)} without {label}") for f in off]
    doubts += [Doubt(f"{f.noun} does not record {label}", f) for f in covered if _encrypted(f, kind) is None]
    doubts += [
        Doubt(f"{f.noun} keeps {ctx.broader(a, f)} without {label}", f)
        for f in coarse
        if _encrypted(f, kind) is not True
    ]
    return decide(
        ctx,
        claim,
        counter=counter,
        doubts=doubts,
        confirming=[f for f in covered if _encrypted(f, kind) is True],
        sections=sections,
        universal=True,
        needs_confirming=True,
        nothing="no store of this data",
    )


# --------------------------------------------------------------------------- collection


def check_collection(a: Assertion, ctx: Context) -> Judgement:
    """A store, access or disclosure of a category means it is collected (SPEC section 4, last reading)."""
    sections = SECTIONS
    covered, coarse = ctx.split(a, ctx.facts_in(sections))
    data = ctx.data_phrase(a)
    if a.polarity == "deny":
        counter, excepted = _excepted(
            ctx, a, [Counter(f, ("collection",), ctx.holding(f, ctx.held(a, f))) for f in covered])
        narrowed = _narrowed_data(a, ctx) if counter else None
        if narrowed:  # "information of those functions that have been restricted": the manifest cannot tell it apart
            excepted += _not_told_apart(counter, narrowed)
            counter = []
        return decide(
            ctx,
            f"{ctx.act(a)} {data}",
            counter=counter,
            doubts=excepted + [ctx.coarse_doubt(a, f) for f in coarse],
            sections=sections,
            universal=True,
            needs_confirming=False,
            nothing="no record of this data",
        )
    return decide(
        ctx,
        f"{ctx.act(a)} {data}",
        confirming=covered,
        doubts=[ctx.coarse_doubt(a, f) for f in coarse],
        sections=sections,
        universal=False,
        needs_confirming=True,
        nothing="no record of this data",
    )


CHECKS: dict[str, Check] = {
    "storage": _own_practice(check_place),
    "transfer": _own_practice(check_place),
    "processing": _own_practice(check_place),
    "sharing": check_parties,
    "sale": check_sale,
    "law_enforcement": check_law_enforcement,
    "retention": _own_practice(check_retention),
    "encryption": check_encryption,
    "collection": _own_practice(check_collection),
}
"""practice -> check. A new practice needs one entry here and one function above."""
