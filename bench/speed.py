"""Speed of extraction against the plain spaCy pipeline, measured in the same run.

    python bench/speed.py                      # OTA privacy-policy versions (../shared/corpora), both pipelines
    python bench/speed.py --limit 20           # fewer notices
    python bench/speed.py --sizes              # how time grows with notice length (1k, 5k, 20k, 100k words)
    python bench/speed.py --check-cli FILE --manifest M   # wall time of one `notice-check check` and of --help
    python bench/speed.py --modes --limit 40   # one process vs batch vs batch on 2 cores vs plain spaCy (1 and 2
                                               # processes), same texts, each in a fresh process: time + peak memory
    python bench/speed.py --growth             # time and peak memory by notice length and by number of notices
    python bench/speed.py --kept --limit 60    # what the prefilter keeps (sentences, words) and what it costs

The plain pipeline is `en_core_web_sm` (all components) with `nlp.pipe` over the same cleaned texts;
notice-check parses only the sentences its prefilter keeps, without NER, and reads the rules.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPORA = Path(os.environ.get("NOTICE_CHECK_CORPORA", ROOT.parent / "shared" / "corpora"))


def notice_files(limit: int | None) -> list[str]:
    files = sorted(glob.glob(str(CORPORA / "ota-pga-versions" / "*" / "Privacy Policy" / "*.md")))
    files += sorted(glob.glob(str(CORPORA / "ota-contrib-versions" / "*" / "*" / "*.md")))
    return files[:limit] if limit else files


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_corpus(limit: int | None) -> int:
    from notice_check.document import load_document
    from notice_check.extraction import extract
    from notice_check.extraction.pipeline import MODEL_PACKAGE, load_analyzer

    files = notice_files(limit)
    if not files:
        print(f"no notices under {CORPORA} (set NOTICE_CHECK_CORPORA)", file=sys.stderr)
        return 2
    docs = [load_document(f) for f in files]
    docs = [d for d in docs if d.language == "en"]
    words = sum(len(d.text.split()) for d in docs)
    print(f"{len(docs)} English notices, {words:,} words")

    load_analyzer()
    t0 = time.perf_counter()
    n_assertions = sum(len(extract(d)) for d in docs)
    ours = time.perf_counter() - t0

    import importlib

    plain = importlib.import_module(MODEL_PACKAGE).load()
    t0 = time.perf_counter()
    for _ in plain.pipe((d.text for d in docs), batch_size=16):
        pass
    base = time.perf_counter() - t0

    print(f"{'pipeline':<34}{'seconds':>9}{'notices/s':>11}{'words/s':>11}")
    print(f"{'notice-check extract':<34}{ours:>9.2f}{len(docs) / ours:>11.2f}{words / ours:>11,.0f}")
    print(f"{'plain en_core_web_sm nlp.pipe':<34}{base:>9.2f}{len(docs) / base:>11.2f}{words / base:>11,.0f}")
    print(f"speed-up: {base / ours:.1f}x   assertions: {n_assertions}   peak memory: {peak_mib():.0f} MiB")
    return 0


def run_kept(limit: int | None) -> int:
    """Sentences and words the prefilter passes to the parser, and its own cost (best of 3, same process)."""
    from notice_check.extraction.extractor import wants_parse
    from notice_check.extraction.pipeline import load_analyzer

    an = load_analyzer()
    docs = _distinct_english(limit)
    sentences = [s for d in docs for s in d.sentences if s.kind != "heading"]
    costs = []
    for _ in range(3):
        t0 = time.perf_counter()
        keep = [wants_parse(an, s) for s in sentences]
        costs.append(time.perf_counter() - t0)
    kept = [s for s, k in zip(sentences, keep, strict=True) if k]
    words = sum(len(s.analysed.split()) for s in sentences)
    kept_words = sum(len(s.analysed.split()) for s in kept)
    print(f"{len(docs)} distinct English notices: kept {len(kept):,}/{len(sentences):,} sentences "
          f"({len(kept) / len(sentences):.1%}), {kept_words:,}/{words:,} words ({kept_words / words:.1%}); "
          f"prefilter {min(costs):.3f} s (best of 3)")
    return 0


def run_sizes() -> int:
    from notice_check.document import load_document
    from notice_check.extraction import extract
    from notice_check.extraction.pipeline import load_analyzer

    files = notice_files(None)
    pool = " ".join(load_document(f).text for f in files[:40])
    words = pool.split()
    load_analyzer()
    print(f"{'words':>8}{'seconds':>9}{'words/s':>10}")
    for size in (1_000, 5_000, 20_000, 100_000):
        chunk = " ".join((words * (size // max(1, len(words)) + 1))[:size])
        doc = load_document("-", data=chunk.encode())
        t0 = time.perf_counter()
        extract(doc)
        took = time.perf_counter() - t0
        print(f"{size:>8,}{took:>9.2f}{size / took:>10,.0f}")
    return 0


# ------------------------------------------------------------------ isolated measurements (fresh process each)


def _distinct_english(limit: int | None) -> list:
    """English notices with distinct text (TikTok's flapping variants would count twice otherwise)."""
    from notice_check.document import load_document

    seen, docs = set(), []
    for f in notice_files(None):
        d = load_document(f)
        if d.language == "en" and d.sha256 not in seen:
            seen.add(d.sha256)
            docs.append(d)
            if limit and len(docs) >= limit:
                break
    return docs


def _sized_text(size: int) -> str:
    words = " ".join(d.text for d in _distinct_english(40)).split()
    return " ".join((words * (size // max(1, len(words)) + 1))[:size])


def _peak_children_mib() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def worker(mode: str, limit: int | None) -> int:
    """One measurement in this (fresh) process; prints one JSON line. Loading is not timed."""
    import importlib

    from notice_check.document import load_document
    from notice_check.extraction import extract, extract_many, extract_sentences
    from notice_check.extraction.pipeline import MODEL_PACKAGE, load_analyzer

    kind, _, arg = mode.partition(":")
    if kind == "size":
        docs = [load_document("-", data=_sized_text(int(arg)).encode())]
    elif kind in ("count", "countwarm"):
        docs = _distinct_english(int(arg))
    else:
        docs = _distinct_english(limit)
    words = sum(len(d.text.split()) for d in docs)
    base_mib = peak_mib()
    n_out = 0
    if kind in ("plain1", "plain2"):
        nlp = importlib.import_module(MODEL_PACKAGE).load()
        t0 = time.perf_counter()
        for _ in nlp.pipe((d.text for d in docs), batch_size=16, n_process=1 if kind == "plain1" else 2):
            n_out += 1
    else:
        load_analyzer()
        t0 = time.perf_counter()
        if kind == "per_notice":
            n_out = sum(len(extract(d)) for d in docs)
        elif kind in ("batch1", "batch2", "countwarm"):
            n_out = sum(len(a) for a in extract_many(docs, n_process=2 if kind == "batch2" else 1))
        elif kind in ("cold1", "cold2", "size", "count"):  # every sentence parsed and read, even if seen before
            sentences = [s for d in docs for s in d.sentences]
            n_out = len(extract_sentences(sentences, n_process=2 if kind == "cold2" else 1, reuse=False))
        else:
            raise SystemExit(f"unknown mode {mode}")
    took = time.perf_counter() - t0
    print(json.dumps({"mode": mode, "notices": len(docs), "words": words, "seconds": took, "out": n_out,
                      "peak_mib": peak_mib(), "docs_loaded_mib": base_mib, "children_peak_mib": _peak_children_mib()}))
    return 0


def _spawn(mode: str, limit: int | None) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", mode]
    if limit:
        cmd += ["--limit", str(limit)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode or not lines:
        raise SystemExit(f"worker {mode} failed (exit {proc.returncode}): {proc.stderr[-2000:]}")
    return json.loads(lines[-1])


MODES = {
    "per_notice": "notice-check extract(), one notice at a time",
    "cold1": "notice-check batch, no sentence reuse, 1 process",
    "cold2": "notice-check batch, no sentence reuse, 2 processes",
    "batch1": "notice-check batch (extract_many), 1 process",
    "batch2": "notice-check batch (extract_many), 2 processes",
    "plain1": "plain en_core_web_sm nlp.pipe, 1 process",
    "plain2": "plain en_core_web_sm nlp.pipe, n_process=2",
}


def run_modes(limit: int | None) -> int:
    load = os.getloadavg()[0]
    rows = [_spawn(m, limit) for m in MODES]
    r0 = rows[0]
    print(f"{r0['notices']} distinct English notices, {r0['words']:,} words; each mode in a fresh process, "
          f"model loading not timed; peak = max RSS of the process (children: of its worker processes); "
          f"load average before the run {load:.2f} on {os.cpu_count()} CPUs")
    print(f"{'mode':<48}{'seconds':>8}{'words/s':>9}{'out':>7}{'peak MiB':>9}{'children':>9}")
    for m, r in zip(MODES, rows, strict=True):
        print(f"{MODES[m]:<48}{r['seconds']:>8.2f}{r['words'] / r['seconds']:>9,.0f}{r['out']:>7}"
              f"{r['peak_mib']:>9.0f}{r['children_peak_mib']:>9.0f}")
    t = {m: r["seconds"] for m, r in zip(MODES, rows, strict=True)}
    print("speed-up over plain nlp.pipe on 1 process (the issue's baseline), and over plain on 2 processes:")
    for m in ("per_notice", "cold1", "cold2", "batch1", "batch2"):
        print(f"  {MODES[m]:<52}{t['plain1'] / t[m]:>6.1f}x  {t['plain2'] / t[m]:>6.1f}x")
    print("same cores: cold1 vs plain1 and batch1 vs plain1; batch2/cold2 use both cores against plain1's one.")
    return 0


def run_growth() -> int:
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    print("== by notice length (one notice made of real notice text; every sentence parsed: no reuse) ==")
    print(f"{'words':>8}{'seconds':>9}{'words/s':>10}{'assertions':>11}{'peak MiB':>10}")
    for size in (1_000, 5_000, 20_000, 100_000):
        r = _spawn(f"size:{size}", None)
        print(f"{size:>8,}{r['seconds']:>9.2f}{r['words'] / r['seconds']:>10,.0f}{r['out']:>11}{r['peak_mib']:>10.0f}")
    print("\n== by number of notices (distinct English versions, 1 process; cold = no reuse, batch = extract_many) ==")
    print(f"{'notices':>8}{'words':>10}{'cold s':>9}{'s/notice':>10}{'batch s':>9}{'s/notice':>10}{'peak MiB':>10}")
    for count in (10, 25, 50, 100):
        cold, warm = _spawn(f"count:{count}", None), _spawn(f"countwarm:{count}", None)
        print(f"{cold['notices']:>8}{cold['words']:>10,}{cold['seconds']:>9.2f}"
              f"{cold['seconds'] / cold['notices']:>10.2f}{warm['seconds']:>9.2f}"
              f"{warm['seconds'] / warm['notices']:>10.2f}"
              f"{max(cold['peak_mib'], warm['peak_mib']):>10.0f}")
    return 0


def run_cli(notice: str, manifest: str) -> int:
    exe = Path(sys.executable).with_name("notice-check")
    t0 = time.perf_counter()
    proc = subprocess.run([str(exe), "check", notice, "--manifest", manifest, "--format", "json"],
                          capture_output=True, check=False)
    took = time.perf_counter() - t0
    print(f"notice-check check {notice}: exit {proc.returncode}, {took:.2f} s wall (start-up included)")
    t0 = time.perf_counter()
    proc = subprocess.run([str(exe), "--help"], capture_output=True, check=False)
    print(f"notice-check --help: exit {proc.returncode}, {time.perf_counter() - t0:.2f} s wall (spaCy not imported)")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--sizes", action="store_true")
    ap.add_argument("--check-cli", metavar="NOTICE")
    ap.add_argument("--manifest")
    ap.add_argument("--modes", action="store_true", help="compare run modes on the same texts")
    ap.add_argument("--growth", action="store_true", help="time and memory by length and by notice count")
    ap.add_argument("--kept", action="store_true", help="what the prefilter keeps, and its cost")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        return worker(args.worker, args.limit)
    if args.modes:
        return run_modes(args.limit or 40)
    if args.growth:
        return run_growth()
    if args.kept:
        return run_kept(args.limit)
    if args.check_cli:
        return run_cli(args.check_cli, args.manifest)
    if args.sizes:
        return run_sizes()
    return run_corpus(args.limit)


if __name__ == "__main__":
    raise SystemExit(main())
