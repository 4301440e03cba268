"""Facts of the manifest that the notice never discloses (`undisclosed`) or only in broad terms (`vague`).

SPEC section 4. A fact is disclosed when an affirmative assertion of the notice covers it:
- a place (store location or replica, accessor country, recipient country): a storage, transfer or
  processing assertion that names the country for overlapping data (either side may be the broader one).
  A group ("the EU"), an open list ("such as Japan", "other countries") or "outside the EEA" covers it only
  in broad terms: `vague`. The organisation's home country gets no exemption: it counts only if named.
  Disclosures to public authorities are judged by what triggered them, not by the authority's country.
- a sale (`sale: true`): an affirmative sale assertion.
- a disclosure to (or access by) a third party or advertiser: an affirmative sharing assertion naming
  that kind of party; "partners" or unnamed parties only in broad terms: `vague`.
- a voluntary disclosure to public authorities: an affirmative law-enforcement assertion not restricted
  to legal process.
A fact already cited as a counter-example of a `contradicted` finding is not reported again.
"""

from __future__ import annotations

from collections.abc import Iterable

from notice_check.comparison.checks import _restricted_to_legal_process
from notice_check.comparison.context import LOCATION_PRACTICES, Context
from notice_check.comparison.facts import Fact
from notice_check.models import Assertion, Finding, Location, Practice

Aspect = tuple[str, str, str]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _names_directly(location: Location, country: str) -> bool:
    """The location names the country itself (or a city/region in it), not a group containing it."""
    if country in location.regions or not location.regions:
        return True
    try:
        from notice_check import geo

        expand = getattr(geo, "expand", None)
    except ImportError:  # pragma: no cover
        expand = None
    if not callable(expand):
        return False
    for region in location.regions:
        try:
            if list(expand(region)) == [country]:
                return True
        except (KeyError, ValueError, LookupError):
            continue
    return False


def _place_cover(
    ctx: Context, fact: Fact, country: str, affirms: list[Assertion]
) -> tuple[str | None, Assertion | None]:
    """("named", None), ("broad", the broad assertion) or (None, None)."""
    broad: Assertion | None = None
    for a in affirms:
        loc = a.location
        if a.practice not in LOCATION_PRACTICES or loc is None:
            continue
        if not ctx.reader.overlaps(ctx.categories(a), fact.categories):
            continue
        if loc.mode == "in" and country in loc.countries:
            if _names_directly(loc, country):
                return "named", None
            broad = broad or a
        elif (loc.mode == "in" and loc.open) or (
            loc.mode == "outside" and loc.countries and country not in loc.countries
        ):
            broad = broad or a
    return ("broad", broad) if broad else (None, None)


def _finding(verdict: str, practice: Practice, fact: Fact, message: str, broad: Assertion | None) -> Finding:
    return Finding(
        verdict=verdict,  # type: ignore[arg-type]
        practice=practice,
        assertion_id=(broad.id or None) if broad else None,
        evidence=broad.evidence if broad else None,
        manifest_refs=[fact.ref()],
        message=message,
    ).finalise()


def _places(ctx: Context, fact: Fact, affirms: list[Assertion], done: set[Aspect]) -> list[Finding]:
    if fact.relationship == "public_authority" and fact.section == "disclosures":
        return []
    missing: list[str] = []
    vague: dict[int, tuple[Assertion, list[str]]] = {}
    for country in fact.countries:
        if fact.aspect(f"country:{country}") in done:
            continue
        level, broad = _place_cover(ctx, fact, country, affirms)
        if level is None:
            missing.append(country)
        elif level == "broad" and broad is not None:
            vague.setdefault(id(broad), (broad, []))[1].append(country)
    practice: Practice = "storage" if fact.section == "stores" else "transfer"
    data = ctx.reader.labels(fact.categories)
    out = []
    if missing:
        out.append(
            _finding(
                "undisclosed",
                practice,
                fact,
                f"{_capital(ctx.where(fact, missing, data))}; the notice never names {ctx.places(missing)}.",
                None,
            )
        )
    for broad, countries in vague.values():
        wording = " ".join(broad.location.text.split()) if broad.location else ""
        out.append(
            _finding(
                "vague",
                practice,
                fact,
                f"{_capital(ctx.where(fact, countries, data))}; the notice covers "
                f'{ctx.places(countries)} only in broad terms ("{wording}").',
                broad,
            )
        )
    return out


def _sale(ctx: Context, fact: Fact, affirms: list[Assertion], done: set[Aspect]) -> list[Finding]:
    d = fact.disclosure
    if d is None or d.sale is not True or fact.aspect("sale") in done:
        return []
    if any(a.practice == "sale" and ctx.reader.overlaps(ctx.categories(a), fact.categories) for a in affirms):
        return []
    return [
        _finding(
            "undisclosed",
            "sale",
            fact,
            f"{_capital(fact.noun)} sells {ctx.reader.labels(fact.categories)} to {fact.entity_name}; "
            f"the notice never says it sells personal information.",
            None,
        )
    ]


_SHARING_PRACTICES = ("sharing", "sale", "transfer", "processing")


def _sharing(ctx: Context, fact: Fact, affirms: list[Assertion], done: set[Aspect]) -> list[Finding]:
    rel = fact.relationship
    if fact.section == "stores" or rel not in ("third_party", "advertiser") or fact.aspect("party") in done:
        return []
    broad: Assertion | None = None
    for a in affirms:
        if a.practice not in _SHARING_PRACTICES:
            continue
        if not ctx.reader.overlaps(ctx.categories(a), fact.categories):
            continue
        kinds = {p.kind for p in a.parties}
        if any(rel in ctx.vocab.party_relationships.get(k, ()) for k in kinds - {"unspecified"}):
            return []
        if a.practice == "sharing" and (not kinds or "unspecified" in kinds):
            broad = broad or a
    data = ctx.reader.labels(fact.categories)
    who = f"{fact.entity_name} ({rel.replace('_', ' ')})"
    reach = f"lets {who} reach {data}" if fact.section == "accesses" else f"gives {data} to {who}"
    group = ctx.vocab.party_labels.get(rel, rel)
    if broad is not None:
        return [
            _finding(
                "vague",
                "sharing",
                fact,
                f"{_capital(fact.noun)} {reach}; the notice mentions {group} only in broad terms "
                f'("{ctx.party_words(broad)}").',
                broad,
            )
        ]
    return [
        _finding(
            "undisclosed",
            "sharing",
            fact,
            f"{_capital(fact.noun)} {reach}; the notice never says it shares data with {group}.",
            None,
        )
    ]


def _voluntary(ctx: Context, fact: Fact, affirms: list[Assertion], done: set[Aspect]) -> list[Finding]:
    d = fact.disclosure
    if d is None or fact.relationship != "public_authority" or d.trigger != "voluntary":
        return []
    if fact.aspect("voluntary") in done:
        return []
    for a in affirms:
        if (
            a.practice == "law_enforcement"
            and ctx.reader.overlaps(ctx.categories(a), fact.categories)
            and not _restricted_to_legal_process(a, ctx)
        ):
            return []
    return [
        _finding(
            "undisclosed",
            "law_enforcement",
            fact,
            f"{_capital(fact.noun)} gives {ctx.reader.labels(fact.categories)} to {fact.entity_name} "
            f"voluntarily; the notice never says it discloses data to authorities without legal "
            f"process.",
            None,
        )
    ]


FACT_CHECKS = (_places, _sale, _sharing, _voluntary)
"""One function per kind of practice a manifest can hold that a notice must disclose."""


def undisclosed_findings(ctx: Context, done: Iterable[Aspect]) -> list[Finding]:
    """`undisclosed` and `vague` findings for every fact no assertion discloses (see module docstring)."""
    seen = set(done)
    affirms = [a for a in ctx.assertions if a.polarity == "affirm"]
    out: list[Finding] = []
    for fact in ctx.facts:
        for check in FACT_CHECKS:
            out.extend(check(ctx, fact, affirms, seen))
    return out
