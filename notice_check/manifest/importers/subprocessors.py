"""Entities and accesses from a sub-processor list: our CSV, or the Markdown/HTML table a company publishes.

Each row becomes an entity (relationship `sub_processor` unless the row says otherwise) in each country
the row names, and what the entity does with the data: an access (remote access counts as a transfer to
the entity's country), or for `access mode: storage` a store in a location the entity operates.

Countries come from the location column, or, when a published list has none, from the end of the
address written after the name ("..., 1058 AE Amsterdam, Netherlands"). Places that are not countries
("Worldwide", "EU") are not guessed: the entity is imported without a country and listed as unresolved.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from notice_check.errors import InputError
from notice_check.manifest.importers.common import ImportResult, Keys, category_keys, read_text, rules, slug

_SPLIT_PLACES = re.compile(r"\s*(?:[;,/|\n]|\band\b|&)\s*")
_MARKUP = re.compile(r"[*`]+|(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])|\[([^\]]*)\]\([^)]*\)")


def _header(text: str) -> str:
    text = _MARKUP.sub(lambda m: m.group(1) or "", text)
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", text.lower().replace("-", " ")).split())


def _columns(headers: list[str]) -> dict[str, int]:
    """Field name -> column index for the headers the rules know."""
    table = rules("subprocessors.yaml")["columns"]
    found: dict[str, int] = {}
    for i, raw in enumerate(headers):
        head = _header(raw)
        for fieldname, names in table.items():
            if fieldname not in found and head in names:
                found[fieldname] = i
                break
    return found


def _cell(text: str) -> str:
    text = _MARKUP.sub(lambda m: m.group(1) or "", text or "")
    return " ".join(text.replace("<br>", " ").split())


# --------------------------------------------------------------------------- table readers


def _csv_rows(text: str, path: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    rows: list[tuple[int, list[str]]] = []
    headers: list[str] | None = None
    try:
        for row in reader:
            if not any(c.strip() for c in row):
                continue
            if headers is None:
                headers = row
                continue
            rows.append((reader.line_num, row))
    except csv.Error as err:
        raise InputError(f"not valid CSV: {err}", source=path, line=reader.line_num) from None
    if headers is None:
        raise InputError("the CSV is empty (expected a header row: name, purpose, countries, data categories, "
                         "access mode)", source=path, line=1)
    return headers, rows


def _markdown_tables(text: str) -> list[tuple[list[str], list[tuple[int, list[str]]]]]:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    tables = []
    headers: list[str] = []
    rows: list[tuple[int, list[str]]] = []
    row: list[str] = []
    row_line = 0
    in_head = False
    tokens = md.parse(text)
    for i, tok in enumerate(tokens):
        if tok.type == "table_open":
            headers, rows = [], []
        elif tok.type == "thead_open":
            in_head = True
        elif tok.type == "thead_close":
            in_head = False
        elif tok.type == "tr_open":
            row, row_line = [], (tok.map[0] + 1 if tok.map else 0)
        elif tok.type in ("th_open", "td_open"):
            nxt = tokens[i + 1]
            row.append(nxt.content if nxt.type == "inline" else "")
        elif tok.type == "tr_close":
            if in_head:
                headers = row
            else:
                rows.append((row_line, row))
        elif tok.type == "table_close":
            tables.append((headers, rows))
    return tables


def _html_tables(text: str) -> list[tuple[list[str], list[tuple[int, list[str]]]]]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "html.parser")
    tables = []
    for table in soup.find_all("table"):
        trs = table.find_all("tr")
        if not trs:
            continue
        headers = [c.get_text(" ", strip=True) for c in trs[0].find_all(["th", "td"])]
        rows = [(tr.sourceline or 0, [c.get_text(" ", strip=True) for c in tr.find_all(["th", "td"])])
                for tr in trs[1:]]
        tables.append((headers, rows))
    return tables


# --------------------------------------------------------------------------- rows -> records


def _countries(text: str) -> tuple[list[str], list[str]]:
    """(ISO codes, pieces that are not one country) of a location cell."""
    from notice_check import geo

    codes: list[str] = []
    bad: list[str] = []
    for piece in _SPLIT_PLACES.split(text or ""):
        piece = piece.strip(" .()")
        if not piece:
            continue
        code = geo.country_code(piece)
        if code is None:
            place = geo.lookup(piece)
            code = place.code if place is not None and place.kind == "country" else None
        if code is None:
            bad.append(piece)
        elif code not in codes:
            codes.append(code)
    return codes, bad


def _address_country(text: str) -> tuple[str, str | None]:
    """(name, country) from "Name, street, postcode city, Country": the last part naming a country."""
    from notice_check import geo

    parts = [" ".join(p.split()) for p in re.split(r",|<br\s*/?>|\s{2,}", text, flags=re.IGNORECASE)]
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return " ".join(text.split()), None
    for part in reversed(parts[1:]):
        words = [w for w in part.split() if not any(ch.isdigit() for ch in w)]
        for candidate in (part, " ".join(words), words[-1] if words else ""):
            code = geo.country_code(candidate.strip(" .()")) if candidate else None
            if code:
                return parts[0], code
    return parts[0], None


class _Rows:
    def __init__(self, path: str) -> None:
        self.path = path
        self.name = Path(path).name
        self.keys = Keys()
        self.out: dict[str, Any] = {"manifest_version": 1, "entities": [], "locations": [], "stores": [],
                                    "accesses": []}
        self.result = ImportResult(self.out, path)
        self.conf = rules("subprocessors.yaml")

    def row(self, line: int, cols: dict[str, int], cells: list[str]) -> None:
        def get(fieldname: str, raw: bool = False) -> str:
            i = cols.get(fieldname)
            if i is None or i >= len(cells):
                return ""
            return _MARKUP.sub(lambda m: m.group(1) or "", cells[i]).strip() if raw else _cell(cells[i])

        where = f"line {line}"
        raw_name = get("name")
        if not raw_name:
            return
        evidence = [{"source": "subprocessors", "file": self.name, "ref": where}]
        label = f"{where}: {raw_name[:40]}"
        if "countries" in cols:
            name = raw_name
            countries, bad = _countries(get("countries"))
            for piece in bad:
                self.result.unresolved.append(f"{label}: location '{piece}' is not a country; not guessed")
        else:
            name, code = _address_country(get("name", raw=True))
            countries = [code] if code else []
            if not code:
                self.result.unresolved.append(f"{label}: no location column and no country in the address")
        relationship = get("relationship").lower().replace(" ", "_").replace("-", "_") or "sub_processor"
        if relationship not in self.conf["relationships"]:
            raise InputError(f"relationship '{get('relationship')}' is not one of "
                             f"{', '.join(self.conf['relationships'])}", source=self.path, line=line)
        mode = get("access_mode").lower().replace(" ", "_").replace("-", "_") or "remote_access"
        if mode not in self.conf["access_modes"]:
            raise InputError(f"access mode '{get('access_mode')}' is not one of "
                             f"{', '.join(self.conf['access_modes'])}", source=self.path, line=line)
        cats, bad_cats = category_keys(get("data_categories"), phrases=True)
        for item in bad_cats:
            self.result.notes.append(f"{label}: data category '{item}' not understood; dropped")
        purpose = get("purpose")
        base = slug(name, "subprocessor")
        entities = []
        for code in countries or [None]:
            key = self.keys.take("entities", base if len(countries) <= 1 else f"{base}_{code.lower()}")
            ent: dict[str, Any] = {"key": key, "name": name, "relationship": relationship}
            if code:
                ent["country"] = code
            else:
                ent["location_text"] = get("countries") or None
            ent["evidence"] = evidence
            self.out["entities"].append({k: v for k, v in ent.items() if v is not None})
            entities.append((key, code))
        if mode == "storage":
            self.storage(base, entities, cats, purpose, evidence, label)
            return
        for key, _code in entities:
            rec: dict[str, Any] = {"key": self.keys.take("accesses", f"{key}_access"), "accessor": key,
                                   "access_mode": mode}
            self.categorize(rec, cats, f"accesses.{rec['key']}", label)
            if purpose:
                rec["purpose"] = purpose
            rec["evidence"] = evidence
            self.out["accesses"].append(rec)

    def categorize(self, rec: dict[str, Any], cats: list[str], ref: str, label: str) -> None:
        if cats:
            rec["categories"] = cats
        else:
            rec["categories_unknown"] = True
            self.result.unknown_categories.append(f"{ref} ({label})")

    def storage(self, base: str, entities: list[tuple[str, str | None]], cats: list[str], purpose: str,
                evidence: list[dict[str, Any]], label: str) -> None:
        places = []
        for key, code in entities:
            if code is None:
                self.result.unresolved.append(f"{label}: stores data, but where is not known; no store imported")
                continue
            loc = self.keys.take("locations", f"{key}_{code.lower()}" if not key.endswith(code.lower()) else key)
            self.out["locations"].append({"key": loc, "country": code, "operator": key})
            places.append(loc)
        if not places:
            return
        rec: dict[str, Any] = {"key": self.keys.take("stores", f"{base}_store"), "location": places[0]}
        if places[1:]:
            rec["replicas"] = places[1:]
        self.categorize(rec, cats, f"stores.{rec['key']}", label)
        if purpose:
            rec["purpose"] = purpose
        rec["evidence"] = evidence
        self.out["stores"].append(rec)


def import_subprocessors(path: str | Path) -> ImportResult:
    """A manifest (SPEC section 3 dict) of the sub-processors in a CSV file or a Markdown/HTML table."""
    path = str(path)
    text = read_text(path, "sub-processor list")
    lower = path.lower()
    rows = _Rows(path)
    if lower.endswith((".csv", ".tsv")):
        headers, body = _csv_rows(text, path)
        cols = _columns(headers)
        missing = [f for f in rows.conf["csv_required"] if f not in cols]
        if missing:
            raise InputError(f"missing column{'s' if len(missing) > 1 else ''} "
                             f"{', '.join(m.replace('_', ' ') for m in missing)} (the header row must name: "
                             "name, purpose, countries, data categories, access mode)", source=path, line=1)
        for line, cells in body:
            rows.row(line, cols, cells)
        return rows.result
    is_html = lower.endswith((".html", ".htm")) or text.lstrip()[:1] == "<"
    tables = _html_tables(text) if is_html else _markdown_tables(text)
    usable = [(h, b) for h, b in tables if "name" in _columns(h)]
    if not usable:
        kind = "HTML" if is_html else "Markdown"
        raise InputError(f"no {kind} table with a sub-processor name column (e.g. 'Name', 'Sub-processor', "
                         "'Vendor') found", source=path)
    for headers, body in usable:
        cols = _columns(headers)
        for line, cells in body:
            rows.row(line, cols, cells)
    return rows.result
