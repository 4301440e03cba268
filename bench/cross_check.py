"""Real notices against unrelated manifests: every "contradicted" finding, to read for false ones.

    python bench/cross_check.py                          # latest version of each OTA notice x each example
    python bench/cross_check.py --example line-2021      # one manifest of corpora/examples (repeatable)
    python bench/cross_check.py --count                  # only the number of distinct contradicted sentences
    python bench/cross_check.py --unread                 # only the findings nobody has judged yet
    python bench/cross_check.py --corpus mapp            # MAPP's 64 English app policies instead (the probe
                                                         # of the held-out corpus; see bench/real_audit.py)
    python bench/cross_check.py --corpus c3pa            # C3PA's 400 CCPA-era policies (their annotated
                                                         # passages; never read while writing rules)
    python bench/cross_check.py --corpus opp115          # OPP-115's 95 whole policies (2015-era US sites)

A real company's sentences judged against a manifest it never wrote: a finding is *contradicted* only when the
sentence makes a claim the manifest refutes, so each one is either such a claim (WhatsApp's end-to-end
encryption against a store without it) or a reading error that would cost a legal team's trust on their own
notice (a pointer such as "this information" read as all data, a limited denial read as a plain one). Nothing
here is a score: the output is for reading, and the count shows whether a round of fixes removed readings or
added them. Each sentence is printed once per practice, with the first manifest that contradicts it.

Reads the latest version the extractor can read (English) of every privacy policy in
../shared/corpora/ota-*-versions/ (and OpenProject's notice) at run time, never copied into the project; set
NOTICE_CHECK_CORPORA to move them.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
EXAMPLES = ROOT / "corpora" / "examples"
JUDGED = Path(__file__).resolve().parent / "cross_check_judged.yml"


def sentence_key(sentence: str) -> str:
    """The key of a judged finding: the first 400 characters of the sentence, as printed (and read), with its
    runs of white space made one space."""
    return hashlib.sha1(" ".join(sentence[:400].split()).encode("utf-8")).hexdigest()[:12]


def judged() -> dict[tuple[str, str, str], bool]:
    """(sentence key, practice, manifest) -> whether the contradiction was read as true."""
    if not JUDGED.exists():
        return {}
    items = yaml.safe_load(JUDGED.read_text(encoding="utf-8"))["items"]
    return {(i["sentence"], i["practice"], i["manifest"]): bool(i["verdict"]) for i in items}

from real_notices import CORPORA, versions  # noqa: E402

import notice_check  # noqa: E402
from notice_check.errors import NoticeCheckError  # noqa: E402

Finding = tuple[str, str, str, str, str]  # (example, service, practice, message, sentence)


def ota_notices() -> tuple[list[tuple[str, notice_check.ExtractionResult]], list[str]]:
    """Each OTA service's latest version the extractor reads (Telegram's latest is German), read once, and the
    services that could not be read (one line each)."""
    by_service: dict[str, list[Path]] = {}
    for _, service, _, path in versions(None):
        by_service.setdefault(service, []).append(path)  # versions() is oldest first per service
    read: list[tuple[str, notice_check.ExtractionResult]] = []
    skipped: list[str] = []
    for service, paths in sorted(by_service.items()):
        for path in reversed(paths):
            try:
                read.append((service, notice_check.extract(str(path))))
                break
            except NoticeCheckError as err:
                last_error = err
        else:
            skipped.append(f"{service}: {last_error}")
    return read, skipped


def corpus_notices_read(corpus: str) -> tuple[list[tuple[str, notice_check.ExtractionResult]], list[str]]:
    """MAPP's English app policies or C3PA's CCPA-era policies, read once from the corpus tarball
    (bench/real_audit.py)."""
    from real_audit import corpus_notices

    read: list[tuple[str, notice_check.ExtractionResult]] = []
    skipped: list[str] = []
    for service, name, data in corpus_notices(corpus):
        try:
            read.append((service, notice_check.extract(name, data=data)))
        except NoticeCheckError as err:
            skipped.append(f"{service}: {err}")
    return read, skipped


def contradicted(notices: list[tuple[str, notice_check.ExtractionResult]], examples: list[str]) -> list[Finding]:
    """Each distinct contradicted sentence, with the first manifest (in `examples` order) that contradicts it.
    Each notice is read once and compared with every manifest."""
    from notice_check.comparison import compare

    seen: set[tuple[str, str]] = set()
    found: list[Finding] = []
    for example in examples:
        manifest = notice_check.load_manifest(EXAMPLES / example / "manifest.yaml")
        for service, extraction in notices:
            for f in compare(extraction.assertions, manifest):
                if f.verdict != "contradicted" or f.evidence is None:
                    continue
                sentence = " ".join(f.evidence.text.split())
                if (sentence, f.practice) not in seen:
                    seen.add((sentence, f.practice))
                    found.append((example, service, f.practice, f.message, sentence))
    return found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--example", action="append", help="a folder of corpora/examples (default: all)")
    ap.add_argument("--count", action="store_true", help="print only the number of contradicted sentences")
    ap.add_argument("--unread", action="store_true", help="print only the findings bench/cross_check_judged.yml "
                    "has no verdict for (what a change of the rules added)")
    ap.add_argument("--corpus", choices=("ota", "mapp", "c3pa", "opp115"), default="ota",
                    help="the notices to check (default ota)")
    args = ap.parse_args(argv)
    if args.corpus == "ota" and not versions(None):
        print(f"no notices under {CORPORA} (set NOTICE_CHECK_CORPORA)", file=sys.stderr)
        return 2
    tarball = {"mapp": CORPORA / "mapp" / "MAPP_Corpus.tar.gz",
               "c3pa": CORPORA / "c3pa" / "C3PA_Annotations_and_Crawl.tar.gz",
               "opp115": CORPORA / "opp-115" / "sanitized_policies"}.get(args.corpus)
    if tarball is not None and not tarball.exists():
        print(f"no {args.corpus.upper()} corpus under {CORPORA} (set NOTICE_CHECK_CORPORA)", file=sys.stderr)
        return 2
    examples = args.example or sorted(p.name for p in EXAMPLES.iterdir() if (p / "manifest.yaml").exists())
    start = time.perf_counter()
    notices, skipped = corpus_notices_read(args.corpus) if args.corpus != "ota" else ota_notices()
    found = contradicted(notices, examples)
    verdicts = judged()
    read = [verdicts.get((sentence_key(sentence), practice, example)) for example, _, practice, _, sentence in found]
    if not args.count:
        for (example, service, practice, message, sentence), verdict in zip(found, read, strict=True):
            if args.unread and verdict is not None:
                continue
            mark = "" if verdict is None else f" (read: {'true' if verdict else 'FALSE'})"
            print(f"[{example}] {service} {practice}{mark}: {message}\n    \"{sentence[:400]}\"\n")
    for line in skipped:
        print(f"skipped {line}", file=sys.stderr)
    print(f"{len(found)} distinct contradicted sentences ({', '.join(examples)}; {time.perf_counter() - start:.1f}s)")
    if any(v is not None for v in read):
        print(f"read before (bench/cross_check_judged.yml): {read.count(True)} true, {read.count(False)} false "
              f"(reading errors), {read.count(None)} not read")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
