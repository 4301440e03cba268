"""Claims read from ToS;DR quotes: does a sentence people filed under "does not sell your data" give a sale denial?

    python bench/tosdr.py                  # table per case, both halves
    python bench/tosdr.py --errors         # also every miss and every contrary claim of the tuned half
    python bench/tosdr.py --errors --half held-out   # the held-out half's (reading them spends it)
    python bench/tosdr.py --json

ToS;DR (tosdr.org, legacy points to 2021-01, CC BY-SA 3.0) is crowd-curated: volunteers quote a sentence
of a service's terms or privacy policy and file it under a case such as "This service does not sell your
personal data". Nobody on the team wrote or chose those quotes, so they test the extractor on wording it
was not tuned on. bench/tosdr_cases.yml says, per case, which practice and polarity a quote should give
(`expect`) and which claim would say the opposite (`contrary`).

  found      the quote gives an expected claim (recall per case)
  contrary   the quote gives a claim that says the opposite of its case: a polarity error unless the quote
             itself holds an exception ("we do not sell your data, except in a merger")

The labels are weak: points can be unmoderated, and a quote can be cut mid-sentence. Quotes are HTML
fragments; they are reduced to text (as `extract` does with a fetched page) and read as one notice each.
Services are split in two halves (alternately, by name; see `added` in the cases file): errors were read on
the tuned half only.

Reads ../shared/corpora/tosdr-legacy/points_relevant_claim_types.derived.jsonl.gz at run time (never
copied into the project). Set NOTICE_CHECK_CORPORA to move it.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import re
import sys
import time
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from opp115 import (  # the same batch reading as OPP-115's segments, and of "disclose ... when required by law"
    LEGAL_CONDITION,
    build_sentences,
    run_extractor,
)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPORA = Path(os.environ.get("NOTICE_CHECK_CORPORA", ROOT.parent / "shared" / "corpora"))
POINTS = CORPORA / "tosdr-legacy" / "points_relevant_claim_types.derived.jsonl.gz"
CASES = Path(__file__).resolve().parent / "tosdr_cases.yml"


def case_key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.lower())


def quote_text(html: str) -> str:
    """The quote as a reader sees it: tags gone (and a tag cut off at the end), entities decoded."""
    html = re.sub(r"<[^>]*$", "", html)
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def load_points(cases: dict) -> list[dict]:
    """Quotes filed under the cases we score, in English (others are counted, not read: `extract` skips them)."""
    from notice_check.document import detect_language

    points = []
    with gzip.open(POINTS, "rt", encoding="utf-8") as f:
        for line in f:
            p = json.loads(line)
            key = case_key(p.get("case") or "")
            text = quote_text(p.get("quoteText") or "")
            if key in cases and text:
                points.append({"id": p["id"], "service": (p.get("services") or ["?"])[0], "case": key,
                               "text": text, "moderated": not p.get("needModeration"),
                               "language": detect_language(text)})
    return points


def service_halves(points: list[dict], cases: dict) -> tuple[set[str], set[str]]:
    """Tuned and held-out services: alternating by name over the first round's cases, by hash after."""
    first = sorted({p["service"] for p in points if not cases[p["case"]].get("added")})
    tuned, held_out = set(first[0::2]), set(first[1::2])
    for service in {p["service"] for p in points} - set(first):
        (tuned if hashlib.sha1(service.encode("utf-8")).digest()[0] % 2 == 0 else held_out).add(service)
    return tuned, held_out


def _matches(a, rule: dict | None) -> bool:
    if not rule:
        return False
    if a.practice not in rule["practices"] and not (
            rule.get("legal_condition") and a.practice == "sharing" and any(LEGAL_CONDITION.search(c)
                                                                           for c in a.conditions)):
        return False
    if rule.get("polarity", "any") not in ("any", a.polarity):
        return False
    if rule.get("party") and not any(p.kind != "self" for p in a.parties):
        return False
    if rule.get("category") and not any(rule["category"] in c for c in (a.data.categories if a.data else [])):
        return False
    return not rule.get("period") or bool(a.retention and (a.retention.max_days is not None or a.retention.until))


def judge(point: dict, assertions: list, cases: dict) -> tuple[bool, list]:
    """(found, contrary assertions) for one quote."""
    case = cases[point["case"]]
    found = any(_matches(a, case["expect"]) for a in assertions)
    return found, [a for a in assertions if _matches(a, case.get("contrary"))]


def _r(n: int, d: int) -> str:
    return f"{n / d:.3f}" if d else "-"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", action="store_true", help="print misses and contrary claims of one half")
    ap.add_argument("--half", choices=("tuned", "held-out"), default="tuned", help="the half --errors prints")
    ap.add_argument("--n-process", type=int, default=1, help="spaCy processes for the batch")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if not POINTS.exists():
        print(f"ToS;DR points not found at {POINTS} (set NOTICE_CHECK_CORPORA)", file=sys.stderr)
        return 2
    cases = yaml.safe_load(CASES.read_text(encoding="utf-8"))["cases"]
    t0 = time.perf_counter()
    every = load_points(cases)
    points = [p for p in every if p["language"] == "en"]
    sentences, _, _ = build_sentences(points)  # each quote read as one notice, all parsed in one batch
    per_point, _ = run_extractor(sentences, len(points), prefilter=True, n_process=args.n_process)
    took = time.perf_counter() - t0
    tuned, held_out = service_halves(every, cases)  # fixed by every quote, whatever its language
    rows: dict[str, dict] = {k: {"label": c["label"], "n": 0, "found": 0, "contrary": 0,
                                 "has_contrary": "contrary" in c, "tuned": [0, 0], "held-out": [0, 0],
                                 "moderated": [0, 0]} for k, c in cases.items()}
    errors = []
    for p, assertions in zip(points, per_point, strict=True):
        found, contrary = judge(p, assertions, cases)
        row = rows[p["case"]]
        half = "tuned" if p["service"] in tuned else "held-out"
        row["n"] += 1
        row["found"] += found
        row["contrary"] += bool(contrary)
        row[half][0] += 1
        row[half][1] += found
        if p["moderated"]:
            row["moderated"][0] += 1
            row["moderated"][1] += found
        if half == args.half and (not found or contrary):
            errors.append((p, found, contrary, assertions))

    if args.json:
        print(json.dumps({"quotes": len(points), "seconds": took, "cases": rows}, indent=2))
        return 0
    print(f"ToS;DR legacy points: {len(points)} English quotes under {len(cases)} cases ({len(every) - len(points)} "
          f"in other languages left out), {len({p['service'] for p in points})} services, in two halves by name "
          f"(tuned, held out); extracted in {took:.1f}s")
    print(f"\n{'case':<22}{'quotes':>7}{'found':>6}{'R':>7}{'contrary':>9}{'R tuned':>9}{'R held':>8}"
          f"{'R moderated':>12}")
    tot = {"n": 0, "found": 0, "contrary": 0, "with_contrary": 0, "tuned": [0, 0], "held-out": [0, 0],
           "moderated": [0, 0]}
    for row in sorted(rows.values(), key=lambda r: -r["n"]):
        contrary = str(row["contrary"]) if row["has_contrary"] else "-"
        print(f"{row['label']:<22}{row['n']:>7}{row['found']:>6}{_r(row['found'], row['n']):>7}{contrary:>9}"
              f"{_r(row['tuned'][1], row['tuned'][0]):>9}{_r(row['held-out'][1], row['held-out'][0]):>8}"
              f"{_r(row['moderated'][1], row['moderated'][0]):>12}")
        for k in ("n", "found", "contrary"):
            tot[k] += row[k]
        tot["with_contrary"] += row["n"] if row["has_contrary"] else 0
        for k in ("tuned", "held-out", "moderated"):
            tot[k] = [tot[k][0] + row[k][0], tot[k][1] + row[k][1]]
    print(f"{'all':<22}{tot['n']:>7}{tot['found']:>6}{_r(tot['found'], tot['n']):>7}{tot['contrary']:>9}"
          f"{_r(tot['tuned'][1], tot['tuned'][0]):>9}{_r(tot['held-out'][1], tot['held-out'][0]):>8}"
          f"{_r(tot['moderated'][1], tot['moderated'][0]):>12}")
    print(f"contrary claims: {tot['contrary']} of {tot['with_contrary']} quotes under cases that have an opposite "
          f"({_r(tot['contrary'], tot['with_contrary'])})")

    if args.errors:
        print(f"\n== {args.half} half: {sum(not e[1] for e in errors)} misses, "
              f"{sum(bool(e[2]) for e in errors)} quotes with a contrary claim ==")
        for p, _found, contrary, assertions in sorted(errors, key=lambda e: (e[1], e[0]["case"])):
            tag = "CONTRARY" if contrary else "miss"
            print(f"- [{tag}] {p['service']} #{p['id']} ({cases[p['case']]['label']}): {p['text'][:400]}")
            for a in assertions:
                mark = "!" if a in contrary else " "
                print(f"    {mark} {a.practice} {a.polarity} [{a.rule}] {[x.kind for x in a.parties]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
