"""Builds the gazetteer from the YAML files in `data/` and pycountry, once per process.

Everything is plain dictionaries built in one pass, so that the public functions in `__init__` are
dictionary look-ups. The YAML files are the place to add names; this module only knows the shape
of those files.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import gc
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import pycountry
import yaml

from notice_check.errors import NoticeCheckError

DATA = "notice_check/geo/data"
KINDS = ("country", "group", "state", "city", "demonym", "cloud_region")
_PRIORITY = {kind: rank for rank, kind in enumerate(KINDS)}
PROVIDERS = ("aws", "gcp", "azure", "alibaba", "oracle", "naver")


class GeoDataError(NoticeCheckError):
    """A catalogue file of the package (or a caller's code) names a place that does not exist."""


@dataclass(frozen=True)
class Place:
    """One reading of a place name: what it is and which countries it covers.

    `code` is the normalised region as written ("JP", "EU", "Europe", "Frankfurt", "US-VA",
    "aws:eu-central-1"); `countries` its ISO alpha-2 codes (groups: the members today; use
    `expand(code, on=...)` for another date). `ambiguous` marks a form that is also a common word or
    another place; `broad` marks loose regions ("Asia", "APAC").
    """

    code: str
    countries: tuple[str, ...]
    kind: str
    name: str
    ambiguous: bool = False
    broad: bool = False


@dataclass
class Group:
    code: str
    name: str
    broad: bool
    periods: dict[str, list[tuple[dt.date, dt.date | None]]]
    include: list[str]
    everything: bool = False


@dataclass
class Catalogue:
    index: dict[str, list[Place]] = field(default_factory=dict)  # normalised form -> readings
    exact: dict[str, set[str]] = field(default_factory=dict)  # normalised form -> letters as written
    free: set[str] = field(default_factory=set)  # normalised forms with a case-insensitive spelling
    gazetteer: dict[str, Place] = field(default_factory=dict)
    surface: dict[str, Place] = field(default_factory=dict)  # written form -> place
    by_code: dict[str, Place] = field(default_factory=dict)
    groups: dict[str, Group] = field(default_factory=dict)
    place_group: dict[str, str] = field(default_factory=dict)  # place code -> group it stands for
    names: dict[str, str] = field(default_factory=dict)  # alpha-2 -> friendly name
    alpha3: dict[str, str] = field(default_factory=dict)
    numeric: dict[str, str] = field(default_factory=dict)
    code_aliases: dict[str, str] = field(default_factory=dict)
    providers: dict[str, str] = field(default_factory=dict)  # alias -> provider id
    regions: dict[str, dict[str, Place]] = field(default_factory=dict)  # provider -> key -> place
    region_codes: dict[str, dict[str, Place]] = field(default_factory=dict)  # provider -> code -> place
    counts: dict[str, int] = field(default_factory=dict)


# --------------------------------------------------------------------------- text normalisation

_TRANSLATE = str.maketrans(
    {
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
        "\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u00b4": "'", "`": "'", "\u00a0": " ",
    }
)


def fold(text: str) -> str:
    """Lower case, no accents, plain hyphens and apostrophes, single spaces."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_TRANSLATE))
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    elif "`" in text:
        text = text.replace("`", "'")
    return " ".join(text.lower().split())


def norm(text: str) -> str:
    """The index key of a phrase: folded, without a leading article."""
    text = fold(text)
    return text[4:] if text.startswith("the ") else text


def letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalpha())


_EXACT = re.compile(r"^\S*[A-Z]\S*[A-Z]\S*$")
_HYPHEN = re.compile(r"(?<=[A-Za-z])-(?=[A-Za-z])")
_SAINTS = ("Saint ", "St. ", "St ")


def _is_exact(form: str) -> bool:
    """One-word forms with two capitals ("US", "U.S.", "LatAm") must keep their capitals in text."""
    return _EXACT.match(form) is not None


def _variants(form: str) -> list[str]:
    """Spellings people use for the same name: '&' for 'and', 'St.' for 'Saint', no hyphen."""
    out = [form]
    if " and " in form:
        out.append(form.replace(" and ", " & "))
    if form.startswith("S"):
        for saint in _SAINTS:
            if form.startswith(saint):
                rest = form[len(saint):]
                out += [f"{other}{rest}" for other in _SAINTS if other != saint]
    if "-" in form and not any(ch.isdigit() for ch in form) and _HYPHEN.search(form):
        out.append(_HYPHEN.sub(" ", form))
    return out


def _text_keys(form: str, key: str) -> list[str]:
    """Gazetteer keys of a written form: as spaCy's LOWER attribute sees it, and accent-free."""
    lower = " ".join(form.lower().split())
    if lower.startswith("the "):
        lower = lower[4:]
    keys = [key] if lower == key else [key, lower]
    if "'" in form:
        keys += [k.replace("'", "\u2019") for k in keys]
    return keys


def _flag(value: Any) -> bool:
    return value is True or value == "true"


# --------------------------------------------------------------------------- loading


class _Loader(yaml.CBaseLoader if hasattr(yaml, "CBaseLoader") else yaml.BaseLoader):  # type: ignore[misc]
    """Composes nodes only: no tags, so no resolver work per scalar."""

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        return ""


def _plain(node: yaml.Node) -> Any:
    """Plain YAML: every scalar a string (no YAML 1.1 booleans: "NO" is Norway); flags are "true".

    Walking the composed nodes is faster than PyYAML's constructor, which counts at start-up.
    """
    kind = type(node)
    if kind is yaml.ScalarNode:
        return node.value
    if kind is yaml.SequenceNode:
        return [_plain(item) for item in node.value]
    return {key.value: _plain(value) for key, value in node.value}


def _load(name: str, root: Path | None = None) -> Any:
    """One data file as plain dicts, lists and strings; `root` replaces the package's data folder."""
    path = (root or resources.files("notice_check.geo").joinpath("data")).joinpath(*name.split("/"))
    loader = _Loader(path.read_bytes())
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as exc:
        raise GeoDataError(f"not valid YAML: {exc}".replace("\n", " "), source=_where(name, root)) from exc
    finally:
        loader.dispose()
    return _plain(node) if node is not None else {}


def _where(name: str, root: Path | None) -> str:
    return str(root / name) if root is not None else f"{DATA}/{name}"


def _periods(source: str, code: str, text: str) -> list[tuple[dt.date, dt.date | None]]:
    out = []
    for part in str(text).split(","):
        start, sep, end = part.strip().partition("..")
        try:
            if not sep:
                raise ValueError("no '..'")
            out.append((dt.date.fromisoformat(start), dt.date.fromisoformat(end) if end else None))
        except ValueError as exc:
            raise GeoDataError(f"{code}: bad membership period {text!r} ({exc})", source=source) from exc
    return out


class _Builder:
    def __init__(self, root: Path | None = None) -> None:
        self.root = root
        self.cat = Catalogue()
        self.seen: dict[str, list[Place]] = {}
        self.text_keys: dict[str, str] = {}  # gazetteer key -> index key
        self.written: dict[str, str] = {}  # written form (and curly-apostrophe twin) -> index key
        self.today = dt.date.today()

    # -- forms -----------------------------------------------------------------------------

    def add(self, form: str, place: Place, *, text: bool = True, ambiguous: Iterable[str] = ()) -> None:
        """Register a written form; `text` says whether it may be matched in running text."""
        amb = {norm(a) for a in ambiguous} if ambiguous else ()
        exact = _is_exact(form)
        for written in [form] if exact else _variants(form):
            key = norm(written)
            if not key:
                continue
            reading = dataclasses.replace(place, ambiguous=True) if key in amb else place
            readings = self.seen.get(key)
            if readings is None:
                self.seen[key] = [reading]
            elif reading not in readings:
                readings.append(reading)
            if exact:
                self.cat.exact.setdefault(key, set()).add(letters(written))
            else:
                self.cat.free.add(key)
            if text:
                for tkey in _text_keys(written, key):
                    self.text_keys.setdefault(tkey, key)
                self.written.setdefault(written, key)
                if "'" in written:
                    self.written.setdefault(written.replace("'", "\u2019"), key)

    def check_country(self, source: str, where: str, code: str) -> str:
        if code not in self.cat.names:
            raise GeoDataError(f"{where}: unknown country code {code!r}", source=source)
        return code

    # -- countries -------------------------------------------------------------------------

    def countries(self) -> None:
        data = _load("countries.yaml", self.root)
        cat = self.cat
        cat.code_aliases = dict(data.pop("code_aliases", {}) or {})
        iso = {c.alpha_2: c for c in pycountry.countries}
        for a2, extra in data.items():
            if a2 not in iso and (extra or {}).get("iso", "true") != "false":
                raise GeoDataError(f"{a2}: not an ISO 3166-1 code", source=_where("countries.yaml", self.root))
        for a2, country in iso.items():
            extra = data.get(a2) or {}
            common = getattr(country, "common_name", None)
            cat.names[a2] = extra.get("name") or common or country.name
            cat.alpha3[country.alpha_3] = a2
            cat.numeric[country.numeric] = a2
        for a2, extra in data.items():
            if a2 not in iso:
                cat.names[a2] = extra.get("name") or a2
        for a2 in cat.names:
            extra = data.get(a2) or {}
            place = Place(a2, (a2,), "country", cat.names[a2])
            cat.by_code[a2] = place
            amb = extra.get("ambiguous") or []
            country = iso.get(a2)
            iso_names = []
            if country is not None:
                iso_names = [country.name, getattr(country, "official_name", None),
                             getattr(country, "common_name", None)]
            for form in dict.fromkeys(f for f in [cat.names[a2], *iso_names] if f):
                # ISO's inverted names ("Korea, Republic of") are for look-ups, not running text
                self.add(form, place, ambiguous=amb, text="," not in form)
            for form in extra.get("aliases") or []:
                self.add(form, place, ambiguous=amb)
            demonym = Place(a2, (a2,), "demonym", cat.names[a2])
            for form in extra.get("demonyms") or []:
                self.add(form, demonym, ambiguous=amb)

    # -- groups ----------------------------------------------------------------------------

    def groups(self) -> None:
        source = _where("groups.yaml", self.root)
        data = _load("groups.yaml", self.root)
        cat = self.cat
        for code, spec in data.items():
            members = spec.get("members") or []
            periods: dict[str, list[tuple[dt.date, dt.date | None]]] = {}
            everything = members == "*"
            if isinstance(members, dict):
                for cc, text in members.items():
                    periods[self.check_country(source, code, cc)] = _periods(source, f"{code}.{cc}", text)
            elif not everything:
                for cc in members:
                    periods[self.check_country(source, code, cc)] = [(dt.date.min, None)]
            cat.groups[code] = Group(code, spec.get("name") or code, _flag(spec.get("broad")), periods,
                                     list(spec.get("include") or []), everything)
        for code, group in cat.groups.items():
            for inc in group.include:
                if inc not in cat.groups:
                    raise GeoDataError(f"{code}: includes unknown group {inc!r}", source=source)
        for code, spec in data.items():
            group = cat.groups[code]
            members = tuple(group_members(cat, code, self.today))
            place = Place(code, members, "group", group.name, broad=group.broad)
            cat.by_code[code] = place
            cat.place_group[code] = code
            for form in spec.get("aliases") or []:
                self.add(form, place)
            demonym = dataclasses.replace(place, kind="demonym")
            for form in spec.get("demonyms") or []:
                self.add(form, demonym)

    # -- cities and states -----------------------------------------------------------------

    def places(self) -> None:
        source = _where("places.yaml", self.root)
        data = _load("places.yaml", self.root)
        cat = self.cat
        for name, spec in (data.get("cities") or {}).items():
            spec = spec if isinstance(spec, dict) else {"country": spec}
            cc = self.check_country(source, f"cities.{name}", spec.get("country"))
            place = Place(name, (cc,), "city", name, ambiguous=_flag(spec.get("ambiguous")))
            cat.by_code.setdefault(name, place)
            for form in [name, *(spec.get("aliases") or [])]:
                self.add(form, place)
        for code, spec in (data.get("states") or {}).items():
            cc = self.check_country(source, f"states.{code}", code.split("-")[0])
            place = Place(code, (cc,), "state", spec["name"], ambiguous=_flag(spec.get("ambiguous")))
            cat.by_code[code] = place
            self.add(code, place, text=False)
            for form in [spec["name"], *(spec.get("aliases") or [])]:
                self.add(form, place)

    # -- cloud regions ---------------------------------------------------------------------

    def cloud(self) -> None:
        cat = self.cat
        for provider in PROVIDERS:
            source = _where(f"cloud/{provider}.yaml", self.root)
            data = _load(f"cloud/{provider}.yaml", self.root)
            if data.get("provider") != provider:
                raise GeoDataError(f"provider should be {provider!r}", source=source)
            label = data.get("label") or provider
            for alias in [provider, *(data.get("aliases") or [])]:
                cat.providers[norm(alias)] = provider
            keys: dict[str, Place] = {}
            codes: dict[str, Place] = {}
            cat.regions[provider] = keys
            cat.region_codes[provider] = codes
            text_aliases = data.get("text_aliases") or []
            for region, spec in (data.get("regions") or {}).items():
                region = str(region)
                where = f"regions.{region}"
                group = spec.get("group")
                if group is not None:
                    if group not in cat.groups:
                        raise GeoDataError(f"{where}: unknown group {group!r}", source=source)
                    countries = cat.by_code[group].countries
                else:
                    raw = spec.get("country")
                    raw = raw if isinstance(raw, list) else [raw]
                    countries = tuple(self.check_country(source, where, cc) for cc in raw)
                code = f"{provider}:{region}"
                display = spec.get("name") or region
                place = Place(code, countries, "cloud_region", f"{label} {region}: {display}",
                              broad=bool(group and cat.groups[group].broad))
                cat.by_code[code] = place
                if group is not None:
                    cat.place_group[code] = group
                codes[region.lower()] = place
                names = [display, *(spec.get("aliases") or [])]
                if spec.get("city"):
                    names.append(spec["city"])
                names = list(dict.fromkeys(names))
                for key in [region, *names]:
                    keys.setdefault(norm(key), place)
                if _flag(spec.get("pseudo")) or _flag(spec.get("multi")):
                    continue
                # bare codes: AWS-style codes are unique per provider except where Alibaba reuses
                # them; the provider order of PROVIDERS decides which reading comes first
                if provider != "naver":
                    self.add(region, place)
                for label_text in text_aliases:
                    for name in [region, *names]:
                        self.add(f"{label_text} {name}", place)

    # -- finishing -------------------------------------------------------------------------

    def finish(self) -> None:
        cat = self.cat
        for key, readings in self.seen.items():
            readings.sort(key=lambda p: _PRIORITY[p.kind])
            first = readings[0]
            others = {p.countries for p in readings if p.kind != "cloud_region"}
            if len(others) > 1 and first.kind != "cloud_region" and not first.ambiguous:
                readings[0] = dataclasses.replace(first, ambiguous=True)
            cat.index[key] = readings
        for tkey, key in self.text_keys.items():
            cat.gazetteer[tkey] = cat.index[key][0]
        for form, key in self.written.items():
            cat.surface[form] = cat.index[key][0]
        cat.counts = {
            "countries": sum(1 for p in cat.by_code.values() if p.kind == "country"),
            "groups": len(cat.groups),
            "cities": sum(1 for p in cat.by_code.values() if p.kind == "city"),
            "states": sum(1 for p in cat.by_code.values() if p.kind == "state"),
            "forms": len(cat.index),
            "gazetteer": len(cat.gazetteer),
            **{f"regions.{p}": len(cat.region_codes[p]) for p in PROVIDERS},
        }


def build(root: Path | None = None) -> Catalogue:
    """Read every data file (from `root` instead of the package's data folder if given) and build
    the indices; uncached, so tests can time it and check a modified copy of the data."""
    builder = _Builder(root)
    collecting = gc.isenabled()
    gc.disable()  # thousands of small objects that all live on: collections would only cost time
    try:
        builder.countries()
        builder.groups()
        builder.places()
        builder.cloud()
        builder.finish()
    finally:
        if collecting:
            gc.enable()
    return builder.cat


@functools.lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    """The catalogue of this process, built on first use."""
    return build()


def group_members(cat: Catalogue, code: str, on: dt.date, _seen: frozenset[str] = frozenset()) -> list[str]:
    """Members of group `code` on date `on`, with the members of the groups it includes."""
    group = cat.groups[code]
    if group.everything:
        return sorted(cat.names)
    out = {cc for cc, spans in group.periods.items()
           if any(start <= on and (end is None or on <= end) for start, end in spans)}
    for inc in group.include:
        if inc not in _seen:
            out.update(group_members(cat, inc, on, _seen | {code}))
    return sorted(out)
