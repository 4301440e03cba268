"""Speed of extraction against the plain spaCy pipeline, measured in the same run.

    python bench/speed.py                      # OTA privacy-policy versions (../shared/corpora), both pipelines
    python bench/speed.py --limit 20           # fewer notices
    python bench/speed.py --sizes              # how time grows with notice length (1k, 5k, 20k, 100k words)
    python bench/speed.py --check-cli FILE --manifest M   # wall time of one `notice-check check`, start-up included

The plain pipeline is `en_core_web_sm` (all components) with `nlp.pipe` over the same cleaned texts;
notice-check parses only the sentences its prefilter keeps, without NER, and reads the rules.
"""

from __future__ import annotations

import argparse
import glob
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


def run_cli(notice: str, manifest: str) -> int:
    exe = Path(sys.executable).with_name("notice-check")
    t0 = time.perf_counter()
    proc = subprocess.run([str(exe), "check", notice, "--manifest", manifest, "--format", "json"],
                          capture_output=True, check=False)
    took = time.perf_counter() - t0
    print(f"notice-check check {notice}: exit {proc.returncode}, {took:.2f} s wall (start-up included)")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--sizes", action="store_true")
    ap.add_argument("--check-cli", metavar="NOTICE")
    ap.add_argument("--manifest")
    args = ap.parse_args(argv)
    if args.check_cli:
        return run_cli(args.check_cli, args.manifest)
    if args.sizes:
        return run_sizes()
    return run_corpus(args.limit)


if __name__ == "__main__":
    raise SystemExit(main())
