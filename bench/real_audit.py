"""Precision on today's real notices, read by hand: a fixed random sample of the distinct claims `extract`
makes on the Open Terms Archive privacy policies (the corpus of bench/real_notices.py), each judged once.

    python bench/real_audit.py                         # precision per practice from bench/real_audit.yml
    python bench/real_audit.py --draw 16 --seed 12 --sheet /tmp/sheet.md
        # draw 16 claims per practice from sentences no sample has read, and write a sheet to judge them from
    python bench/real_audit.py --corpus mapp --draw 10 --seed 21 --sheet /tmp/sheet.md
        # the same from MAPP's 64 English app policies (2019-2021), which no rule was ever tuned on

OPP-115 covers sharing, retention and security in 2010s notices; this covers every practice, in the notices
users watch now. A claim is identified by a hash of what it says (practice, polarity, countries, party kinds,
retention period, encryption kind) and of its sentence, so a judgement never silently applies to a claim that
has changed: claims the extractor no longer makes are counted as "gone", and new ones are simply unjudged.
The audit file holds ids, verdicts and short reasons in our own words; the sheet with the notices' text is
written outside the project (the corpora's text is never copied into it).

Samples 11-20 come from OTA, where nine rounds of errors were read and fixed until its pool of unread sentences
ran out. A sample marked `corpus: mapp` comes from MAPP (Arora et al. 2022, research-only, read from the
tarball in ../shared/corpora/mapp at run time): other companies, other years, app notices, and no sentence of
it was ever read while writing rules, so its figure is held out in a stronger sense.

`--corpus c3pa` reads C3PA (Bin Musa et al. 2024, research-only): the annotated passages of 400 CCPA-era
policies, rebuilt as one text per policy; bench/cross_check.py uses it for the false-contradiction probe.

Verdicts: `correct` (the sentence, in its section, makes this claim: practice, polarity and the details
shown); `detail` (practice and polarity right, a detail wrong: a country, a party's kind, a period);
`wrong` (no such claim: not a practice of the organisation, wrong practice, wrong polarity).
"""

from __future__ import annotations

import argparse
import hashlib
import math
import random
import sys
import tarfile
import time
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
AUDIT = Path(__file__).resolve().parent / "real_audit.yml"

from real_notices import CORPORA, versions  # noqa: E402

from notice_check.models import PRACTICES  # noqa: E402


def sentence_id(a) -> str:
    return hashlib.sha1(" ".join(a.evidence.text.split()).encode("utf-8")).hexdigest()[:12]


def claim_id(a) -> str:
    """What the claim says and where: a judgement holds for exactly this claim."""
    loc = a.location
    parts = [
        a.practice, a.polarity,
        f"{loc.mode}:{','.join(sorted(loc.countries))}" if loc else "",
        ",".join(sorted(p.kind for p in a.parties)),
        f"{a.retention.max_days}:{a.retention.until}" if a.retention else "",
        a.encryption.kind or "" if a.encryption else "",
        " ".join(a.evidence.text.split()),
    ]
    return hashlib.sha1("|".join(map(str, parts)).encode("utf-8")).hexdigest()[:12]


def summary(a) -> str:
    bits = [f"{a.practice} {a.polarity}" + (" (may)" if a.modality == "may" else "")]
    if a.data and a.data.text:
        bits.append(f"data: {a.data.text}")
    if a.location:
        bits.append(f"location: {a.location.mode} {', '.join(sorted(a.location.countries))}"
                    + (" (open list)" if a.location.open else ""))
    if a.parties:
        bits.append("parties: " + "; ".join(f"{p.text} = {p.kind}" for p in a.parties))
    if a.retention:
        bits.append(f"retention: {a.retention.max_days} days, until {a.retention.until}")
    if a.encryption:
        bits.append(f"encryption: {a.encryption.kind}")
    if a.conditions:
        bits.append("conditions: " + " / ".join(a.conditions))
    return " | ".join(bits)


MAPP = CORPORA / "mapp" / "MAPP_Corpus.tar.gz"
C3PA = CORPORA / "c3pa" / "C3PA_Annotations_and_Crawl.tar.gz"
CORPUS_NAMES = ("ota", "mapp", "c3pa")


def mapp_notices() -> list[tuple[str, str, bytes]]:
    """(service, file name, bytes) of MAPP's English app policies, read from the tarball as shipped."""
    out = []
    with tarfile.open(MAPP) as tar:
        for member in sorted(tar.getmembers(), key=lambda m: m.name):
            if member.isfile() and "/English_sanitized_policies/" in member.name and member.name.endswith(".txt"):
                name = member.name.rsplit("/", 1)[1]
                out.append((name.split("_", 1)[1].removesuffix(".txt"), name, tar.extractfile(member).read()))
    return out


def c3pa_notices() -> list[tuple[str, str, bytes]]:
    """(policy, file name, bytes) of C3PA's 400 CCPA-era policies (Bin Musa et al. 2024), read from the tarball as
    shipped. The corpus keeps the policies' annotated passages, not the pages: each policy is its distinct passages
    in the order first annotated, one paragraph each, leaving out a passage another one contains (three annotators
    mark overlapping spans). Passages are long, whole CCPA sections: sale, sharing, collection and rights."""
    import csv
    import io

    out = []
    with tarfile.open(C3PA) as tar:
        for member in sorted(tar.getmembers(), key=lambda m: m.name):
            if not (member.isfile() and member.name.startswith("Annotations/") and member.name.endswith(".csv")):
                continue
            rows = csv.DictReader(io.StringIO(tar.extractfile(member).read().decode("utf-8", errors="replace")))
            # the release writes line breaks as the two characters "\n", and joins pieces of a span with "|||"
            texts = ((row.get("Text") or "").replace("\\n", "\n").replace("|||", "\n\n") for row in rows)
            spans = list(dict.fromkeys(t.strip() for t in texts))
            spans = [t for t in spans if t and not any(t != u and t in u for u in spans)]
            if spans:
                part, number = member.name.split("/")[1], member.name.rsplit("/", 1)[1].removesuffix(".csv")
                out.append((f"{part}-{number}", f"c3pa_{part}_{number}.txt", "\n\n".join(spans).encode("utf-8")))
    return out


OPP115_POLICIES = CORPORA / "opp-115" / "sanitized_policies"


def opp115_notices() -> list[tuple[str, str, bytes]]:
    """(policy, file name, bytes) of OPP-115's 95 sanitized policies (2015-era US websites) as HTML pages: the
    release joins the annotated segments with "|||", which become paragraph breaks."""
    out = []
    for path in sorted(OPP115_POLICIES.glob("*.html"), key=lambda p: int(p.name.split("_", 1)[0])):
        html = path.read_text(encoding="utf-8", errors="replace").replace("|||", "<br><br>")
        out.append((path.stem, path.name, f"<html><body><p>{html}</p></body></html>".encode()))
    return out


def corpus_notices(corpus: str) -> list[tuple[str, str, bytes | None]]:
    """(service, path or file name, bytes or None to read the path) of one corpus's notices."""
    if corpus == "opp115":
        return opp115_notices() if OPP115_POLICIES.exists() else []
    if corpus == "mapp":
        return mapp_notices() if MAPP.exists() else []
    if corpus == "c3pa":
        return c3pa_notices() if C3PA.exists() else []
    return [(service, str(path), None) for _, service, _, path in versions(None)]


def distinct_claims(todo: list[tuple], n_process: int) -> tuple[dict[str, tuple], int, float]:
    """Every distinct claim over the English notices in `todo` (see corpus_notices): id -> (assertion, service,
    parsed sentence)."""
    from notice_check.document import load_document
    from notice_check.extraction import extract_many

    t0 = time.perf_counter()
    docs, services, seen = [], [], set()
    for service, path, data in todo:
        doc = load_document(path, data=data) if data is not None else load_document(path)
        if doc.language == "en" and doc.sha256 not in seen:
            seen.add(doc.sha256)
            docs.append(doc)
            services.append(service)
    found: dict[str, tuple] = {}
    for doc, service, claims in zip(docs, services, extract_many(docs, n_process=n_process), strict=True):
        parsed = {s.start: s.analysed for s in doc.sentences}
        for a in claims:
            found.setdefault(claim_id(a), (a, service, parsed.get(a.evidence.start, a.evidence.text)))
    return found, len(docs), time.perf_counter() - t0


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    if n == 0:
        return 0.0, 0.0
    p = k / n
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    mid = (p + z * z / (2 * n)) / (1 + z * z / n)
    return max(0.0, mid - half), min(1.0, mid + half)


def sample_corpus(audit: dict, sample: int) -> str:
    """The corpus a sample was drawn from: a sample's entry is its note, or a mapping with `corpus` and `note`."""
    entry = (audit.get("samples") or {}).get(sample, "")
    return entry.get("corpus", "ota") if isinstance(entry, dict) else "ota"


def sample_note(audit: dict, sample: int) -> str:
    entry = (audit.get("samples") or {}).get(sample, "")
    return f"{entry.get('note', '')} [{entry.get('corpus', 'ota')}]" if isinstance(entry, dict) else entry


def report(found: dict[str, dict[str, tuple]], audit: dict) -> None:
    for sample in sorted({item["sample"] for item in audit.get("items") or []}):
        corpus = sample_corpus(audit, sample)
        print(f"\n== sample {sample}: {sample_note(audit, sample)} ==")
        if corpus not in found:
            print(f"(corpus {corpus} is not here: skipped)")
            continue
        _table(found[corpus], [item for item in audit["items"] if item["sample"] == sample])
    print("gone: judged claims the extractor no longer makes (fixed errors, or lost claims); not counted above")


def _table(found: dict[str, tuple], items: list[dict]) -> None:
    by_practice: dict[str, list[str]] = defaultdict(list)
    gone: dict[str, int] = defaultdict(int)
    for item in items:
        if item["id"] in found:
            by_practice[item["practice"]].append(item["verdict"])
        else:
            gone[item["practice"]] += 1
    print(f"{'practice':<17}{'judged':>7}{'correct':>8}{'detail':>7}{'wrong':>6}"
          f"{'P practice+polarity':>21}{'95% interval':>15}{'P all details':>15}{'gone':>6}")
    total = defaultdict(int)
    for p in PRACTICES:
        verdicts = by_practice.get(p, [])
        n = len(verdicts)
        c, d, w = (verdicts.count(v) for v in ("correct", "detail", "wrong"))
        total["n"] += n
        total["c"] += c
        total["d"] += d
        if not n:
            print(f"{p:<17}{0:>7}{'':>8}{'':>7}{'':>6}{'-':>21}{'':>15}{'-':>15}{gone[p]:>6}")
            continue
        lo, hi = wilson(c + d, n)
        print(f"{p:<17}{n:>7}{c:>8}{d:>7}{w:>6}{(c + d) / n:>21.3f}{f'{lo:.2f}-{hi:.2f}':>15}{c / n:>15.3f}"
              f"{gone[p]:>6}")
    if total["n"]:
        lo, hi = wilson(total["c"] + total["d"], total["n"])
        print(f"{'all':<17}{total['n']:>7}{total['c']:>8}{total['d']:>7}{total['n'] - total['c'] - total['d']:>6}"
              f"{(total['c'] + total['d']) / total['n']:>21.3f}{f'{lo:.2f}-{hi:.2f}':>15}"
              f"{total['c'] / total['n']:>15.3f}{sum(gone.values()):>6}")


def draw(found: dict[str, tuple], audit: dict, per_practice: int, seed: int, sheet: Path) -> None:
    read = {item["sentence"] for item in audit.get("items") or []}  # sentences a sample already drew from
    rng = random.Random(seed)
    lines = [f"# Claims to judge (seed {seed}); verdict: correct | detail | wrong, and a short reason\n"]
    for p in PRACTICES:
        pool = sorted(cid for cid, (a, _, _) in found.items() if a.practice == p and sentence_id(a) not in read)
        for cid in rng.sample(pool, min(per_practice, len(pool))):
            a, service, parsed = found[cid]
            lines.append(f"## {cid} {sentence_id(a)} ({p}; {service})")
            if a.evidence.section:
                lines.append(f"section: {a.evidence.section}")
            lines.append(f"sentence: {' '.join(a.evidence.text.split())}")
            if " ".join(parsed.split()) != " ".join(a.evidence.text.split()):
                lines.append(f"read as: {' '.join(parsed.split())}")
            lines.append(f"claim: {summary(a)}\n")
    sheet.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {sum(1 for x in lines if x.startswith('## '))} claims to {sheet}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--draw", type=int, default=0, help="claims per practice to draw for judging")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--sheet", type=Path, help="where to write the judging sheet (outside the project)")
    ap.add_argument("--n-process", type=int, default=1)
    ap.add_argument("--corpus", choices=CORPUS_NAMES, help="the corpus to draw from (default ota); without "
                    "--draw, report only the samples of this corpus")
    args = ap.parse_args(argv)
    if args.draw and not args.sheet:
        ap.error("--draw needs --sheet")
    audit = yaml.safe_load(AUDIT.read_text(encoding="utf-8")) if AUDIT.exists() else {}
    if args.draw or args.corpus:
        wanted = [args.corpus or "ota"]
    else:
        wanted = sorted({sample_corpus(audit, s) for s in (audit.get("samples") or {})} or {"ota"})
    found: dict[str, dict[str, tuple]] = {}
    for corpus in wanted:
        todo = corpus_notices(corpus)
        if not todo:
            print(f"no {corpus} notices under {CORPORA} (set NOTICE_CHECK_CORPORA)", file=sys.stderr)
            continue
        found[corpus], n_docs, took = distinct_claims(todo, args.n_process)
        print(f"{corpus}: {len(found[corpus]):,} distinct claims in {n_docs} distinct English notices ({took:.1f}s)")
    if not found:
        return 2
    if args.draw:
        draw(found[wanted[0]], audit, args.draw, args.seed, args.sheet)
        return 0
    if args.corpus:
        audit = {**audit, "items": [i for i in audit.get("items") or [] if sample_corpus(audit, i["sample"])
                                    == args.corpus]}
    report(found, audit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
