"""Extraction on real privacy notices with history: counts per practice per service, and hand-written
expectations about storage-location claims (bench/expectations/*.yml).

    python bench/real_notices.py                  # every version, counts table + expectations
    python bench/real_notices.py --service LINE   # one service (repeatable)
    python bench/real_notices.py --versions       # also one row per version
    python bench/real_notices.py --expectations-only

Reads at run time (never copied into the project; set NOTICE_CHECK_CORPORA to move them):
  ota-pga-versions/<Service>/Privacy Policy/*.md, ota-contrib-versions/<Service>/Privacy Policy/*.md,
  openproject-legal/privacy/data-privacy-statement/en/*.md
Versions with identical text (same sha256, e.g. TikTok's flapping regional variants) are extracted once.
Non-English versions (Telegram from 2023-10, TikTok 000-002) are counted and skipped.
"""

from __future__ import annotations

import argparse
import csv
import glob
import os
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPORA = Path(os.environ.get("NOTICE_CHECK_CORPORA", ROOT.parent / "shared" / "corpora"))
EXPECTATIONS = Path(__file__).resolve().parent / "expectations"

from notice_check.models import PRACTICES  # noqa: E402

LOCATION_PRACTICES = ("storage", "transfer", "processing")
SHORT = {"storage": "stor", "processing": "proc", "transfer": "xfer", "sharing": "shar", "sale": "sale",
         "retention": "ret", "encryption": "enc", "law_enforcement": "law", "collection": "coll"}


def versions(services: list[str] | None) -> list[tuple[str, str, str, Path]]:
    """(collection, service, file name, path) of every privacy-notice version, oldest first per service."""
    out = []
    for coll in ("ota-pga-versions", "ota-contrib-versions"):
        for index in sorted(glob.glob(str(CORPORA / coll / "*" / "Privacy Policy" / "index.csv"))):
            service = Path(index).parent.parent.name
            with open(index, encoding="utf-8") as fh:
                for row in sorted(csv.DictReader(fh), key=lambda r: int(r["order"])):
                    out.append((coll, service, row["file"], Path(index).parent / row["file"]))
    op = CORPORA / "openproject-legal" / "privacy" / "data-privacy-statement" / "en" / "index.csv"
    if op.exists():
        with open(op, encoding="utf-8") as fh:
            for row in sorted(csv.DictReader(fh), key=lambda r: int(r["order"])):
                out.append(("openproject-legal", "OpenProject", row["file"], op.parent / row["file"]))
    if services:
        wanted = {s.lower() for s in services}
        out = [v for v in out if v[1].lower() in wanted]
    return out


def _sovereign(codes) -> frozenset[str]:
    territory = {"GF": "FR", "GP": "FR", "MQ": "FR", "RE": "FR", "YT": "FR", "MF": "FR", "AX": "FI"}
    return frozenset(territory.get(c, c) for c in codes or ())


def located(assertions, practices) -> list:
    return [a for a in assertions if a.practice in practices and a.location is not None and a.location.countries]


def check(exp: dict, assertions, offending: list) -> tuple[bool, list[str]]:
    """Whether one version meets one expectation; assertions that break it are added to `offending`."""
    notes: list[str] = []
    ok = True
    if "has" in exp:
        want = _sovereign(exp["has"]["countries"])
        cands = located(assertions, exp["has"]["practices"])
        if not any(_sovereign(a.location.countries) == want for a in cands):
            ok = False
            notes.append(f"missing: {'/'.join(exp['has']['practices'])} with exactly {sorted(want)}")
    if "lacks" in exp:
        bad = _sovereign(exp["lacks"]["countries"])
        hits = [a for a in located(assertions, exp["lacks"]["practices"]) if _sovereign(a.location.countries) & bad]
        if hits:
            offending.extend(hits)
            ok = False
            notes.append(f"unexpected: {'/'.join(exp['lacks']['practices'])} naming {sorted(bad)} "
                         f"({len(hits)} assertion(s))")
    if "only" in exp:
        allowed = _sovereign(exp["only"]["countries"])
        extra = [a for a in located(assertions, exp["only"]["practices"])
                 if not _sovereign(a.location.countries) <= allowed]
        if extra:
            ok = False
            notes.append(f"beyond {sorted(allowed)}: {'/'.join(exp['only']['practices'])} naming "
                         f"{sorted(set().union(*(_sovereign(a.location.countries) for a in extra)) - allowed)}")
            offending.extend(extra)
    return ok, notes


def _short(text: str, n: int = 260) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _describe(a) -> str:
    loc = a.location
    where = f" {loc.mode} {sorted(loc.countries)}{' open' if loc.open else ''}" if loc else ""
    return f"{a.practice}/{a.polarity}/{a.modality}/{a.scope}{where} [{a.rule}]"


def run_expectations(files: list[Path], docs: dict, extracted: dict) -> tuple[int, int]:
    from notice_check.document import load_document
    from notice_check.extraction import extract

    passed = failed = 0
    for path in files:
        for exp in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            vpath = CORPORA / exp["collection"] / exp["service"] / "Privacy Policy" / exp["file"]
            if not vpath.exists():
                print(f"SKIP {exp['id']}: {vpath} not found")
                continue
            key = str(vpath)
            if key not in extracted:  # not in this run's selection
                docs[key] = load_document(str(vpath))
                extracted[key] = extract(docs[key])
            doc, assertions = docs[key], extracted[key]
            offending: list = []
            ok, notes = check(exp, assertions, offending)
            passed += ok
            failed += not ok
            by_practice = defaultdict(set)
            for a in located(assertions, LOCATION_PRACTICES):
                by_practice[a.practice].add(",".join(sorted(_sovereign(a.location.countries))))
            got = "; ".join(f"{p}: {' | '.join(sorted(v))}" for p, v in sorted(by_practice.items())) or "none"
            print(f"{'PASS' if ok else 'FAIL'} {exp['id']} ({exp['service']} {exp['file'][:14]})")
            print(f"     extracted countries: {got}")
            if ok:
                continue
            for note in notes:
                print(f"     {note}")
            pattern = re.compile(exp.get("where", "$^"), re.I)
            by_sentence = defaultdict(list)
            for a in assertions:
                by_sentence[a.evidence.start].append(a)
            culprits = {a.evidence.start for a in offending}
            for s in doc.sentences:
                if pattern.search(s.text) or s.start in culprits:
                    print(f"     sentence @{s.start} [{s.kind}; {s.section_path[:60]}]: {_short(s.text)}")
                    if s.parse_text is not None and s.parse_text != s.text:
                        print(f"       parsed as: {_short(s.parse_text)}")
                    for a in by_sentence.get(s.start, []) or []:
                        print(f"       -> {_describe(a)}")
                    if not by_sentence.get(s.start):
                        print("       -> (no assertion)")
    return passed, failed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--service", action="append", help="only this service (repeatable)")
    ap.add_argument("--versions", action="store_true", help="one row per version too")
    ap.add_argument("--expectations-only", action="store_true")
    ap.add_argument("--n-process", type=int, default=1)
    args = ap.parse_args(argv)
    from notice_check.document import load_document
    from notice_check.extraction import extract
    from notice_check.extraction.pipeline import load_analyzer

    t_start = time.perf_counter()
    load_analyzer()
    docs: dict[str, object] = {}
    extracted: dict[str, list] = {}
    if not args.expectations_only:
        todo = versions(args.service)
        if not todo:
            print(f"no notices under {CORPORA} (set NOTICE_CHECK_CORPORA)", file=sys.stderr)
            return 2
        by_hash: dict[str, list] = {}
        rows = []
        skipped: Counter = Counter()
        words = 0
        t0 = time.perf_counter()
        for coll, service, name, path in todo:
            doc = load_document(str(path))
            if doc.language != "en":
                skipped[(service, doc.language)] += 1
                continue
            if doc.sha256 not in by_hash:
                by_hash[doc.sha256] = extract(doc, n_process=args.n_process)
                words += len(doc.text.split())
            docs[str(path)] = doc
            extracted[str(path)] = by_hash[doc.sha256]
            rows.append((coll, service, name, Counter(a.practice for a in by_hash[doc.sha256])))
        took = time.perf_counter() - t0
        print(f"{len(rows)} English versions ({len(by_hash)} distinct texts, {words:,} words) in {took:.1f}s"
              f"; skipped (not English): {dict(skipped) or 'none'}")
        print("\n== assertions per practice per service: min-max over versions (last version) ==")
        head = "".join(f"{SHORT[p]:>12}" for p in PRACTICES)
        print(f"{'service':<22}{'vers':>5}{head}")
        per_service: dict[tuple, list[Counter]] = defaultdict(list)
        for coll, service, _, counts in rows:
            per_service[(service, coll.split("-")[1] if coll.startswith("ota") else "op")].append(counts)
        for (service, coll), counts in per_service.items():
            cells = ""
            for p in PRACTICES:
                vals = [c[p] for c in counts]
                cells += f"{f'{min(vals)}-{max(vals)} ({vals[-1]})':>12}"
            print(f"{(service + ' [' + coll + ']'):<22}{len(counts):>5}{cells}")
        if args.versions:
            print("\n== per version ==")
            for coll, service, name, counts in rows:
                print(f"{service:<12}{coll[:16]:<17}{name[:30]:<31}"
                      + " ".join(f"{SHORT[p]}={counts[p]}" for p in PRACTICES if counts[p]))
    print("\n== storage-location expectations ==")
    passed, failed = run_expectations(sorted(EXPECTATIONS.glob("*.yml")), docs, extracted)
    print(f"\nexpectations: {passed} passed, {failed} failed; total {time.perf_counter() - t_start:.1f}s")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
