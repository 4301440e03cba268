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
    python bench/cross_check.py --corpus ota-history     # every earlier OTA version (what a notice used to say;
                                                         # a sentence also in the latest version is left out)
    python bench/cross_check.py --corpus tosdr           # ToS;DR quotes of bench/tosdr.py's held-out services,
                                                         # one notice per service

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
Read = list[tuple[str, notice_check.ExtractionResult]]  # (service, what extract read in its notice)


def _ota_versions() -> dict[str, list[Path]]:
    """Each OTA service's notice versions, oldest first (as versions() lists them)."""
    by_service: dict[str, list[Path]] = {}
    for _, service, _, path in versions(None):
        by_service.setdefault(service, []).append(path)
    return by_service


def ota_notices() -> tuple[Read, list[str]]:
    """Each OTA service's latest version the extractor reads (Telegram's latest is German), read once, and the
    services that could not be read (one line each)."""
    read: Read = []
    skipped: list[str] = []
    for service, paths in sorted(_ota_versions().items()):
        for path in reversed(paths):
            try:
                read.append((service, notice_check.extract(str(path))))
                break
            except NoticeCheckError as err:
                last_error = err
        else:
            skipped.append(f"{service}: {last_error}")
    return read, skipped


def ota_history_notices() -> tuple[Read, Read, list[str]]:
    """Every version of each OTA service the extractor reads, each read once: the earlier ones (what a notice
    used to say), the latest one (what `ota_notices` reads) and the versions that could not be read. The probe
    keeps only what the latest versions no longer say (see `main`)."""
    earlier: Read = []
    latest: Read = []
    skipped: list[str] = []
    for service, paths in sorted(_ota_versions().items()):
        results = []
        for path in paths:
            try:
                results.append((path, notice_check.extract(str(path))))
            except NoticeCheckError as err:
                skipped.append(f"{service} {path.name}: {err}")
        if results:
            earlier.extend((f"{service}@{path.stem}", result) for path, result in results[:-1])
            latest.append((service, results[-1][1]))
    return earlier, latest, skipped


def tosdr_notices() -> tuple[Read, list[str]]:
    """The English quotes of each held-out service of bench/tosdr.py (whose errors were never read), as one
    notice per service: quotes are sentences people chose as a service's statement of a practice."""
    from tosdr import CASES, load_points, service_halves

    cases = yaml.safe_load(CASES.read_text(encoding="utf-8"))["cases"]
    points = [p for p in load_points(cases) if p["language"] == "en"]
    _, held_out = service_halves(points, cases)
    by_service: dict[str, list[str]] = {}
    for p in sorted(points, key=lambda p: p["id"]):
        if p["service"] in held_out:
            by_service.setdefault(p["service"], []).append(p["text"])
    read: Read = []
    skipped: list[str] = []
    for service, quotes in sorted(by_service.items()):
        text = "\n\n".join(dict.fromkeys(quotes))
        try:
            read.append((service, notice_check.extract(f"{service}.txt", data=text.encode("utf-8"))))
        except NoticeCheckError as err:
            skipped.append(f"{service}: {err}")
    return read, skipped


def corpus_notices_read(corpus: str) -> tuple[Read, list[str]]:
    """MAPP's English app policies or C3PA's CCPA-era policies, read once from the corpus tarball
    (bench/real_audit.py)."""
    from real_audit import corpus_notices

    read: Read = []
    skipped: list[str] = []
    for service, name, data in corpus_notices(corpus):
        try:
            read.append((service, notice_check.extract(name, data=data)))
        except NoticeCheckError as err:
            skipped.append(f"{service}: {err}")
    return read, skipped


def contradicted(notices: Read, examples: list[str]) -> list[Finding]:
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
    ap.add_argument("--corpus", choices=("ota", "ota-history", "mapp", "c3pa", "opp115", "tosdr"), default="ota",
                    help="the notices to check (default ota)")
    args = ap.parse_args(argv)
    if args.corpus.startswith("ota") and not versions(None):
        print(f"no notices under {CORPORA} (set NOTICE_CHECK_CORPORA)", file=sys.stderr)
        return 2
    tarball = {"mapp": CORPORA / "mapp" / "MAPP_Corpus.tar.gz",
               "c3pa": CORPORA / "c3pa" / "C3PA_Annotations_and_Crawl.tar.gz",
               "opp115": CORPORA / "opp-115" / "sanitized_policies",
               "tosdr": CORPORA / "tosdr-legacy"}.get(args.corpus)
    if tarball is not None and not tarball.exists():
        print(f"no {args.corpus.upper()} corpus under {CORPORA} (set NOTICE_CHECK_CORPORA)", file=sys.stderr)
        return 2
    examples = args.example or sorted(p.name for p in EXAMPLES.iterdir() if (p / "manifest.yaml").exists())
    start = time.perf_counter()
    if args.corpus == "ota":
        notices, skipped = ota_notices()
    elif args.corpus == "ota-history":
        notices, latest, skipped = ota_history_notices()
    elif args.corpus == "tosdr":
        notices, skipped = tosdr_notices()
    else:
        notices, skipped = corpus_notices_read(args.corpus)
    found = contradicted(notices, examples)
    if args.corpus == "ota-history":  # what the latest versions still say is the plain OTA probe's to read
        said_now = {(s, p) for _, _, p, _, s in contradicted(latest, examples)}
        found = [f for f in found if (f[4], f[2]) not in said_now]
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
