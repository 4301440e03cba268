"""Real notices against unrelated manifests: every "contradicted" finding, to read for false ones.

    python bench/cross_check.py                          # latest version of each OTA notice x each example
    python bench/cross_check.py --example line-2021      # one manifest of corpora/examples (repeatable)
    python bench/cross_check.py --count                  # only the number of distinct contradicted sentences
    python bench/cross_check.py --corpus mapp            # MAPP's 64 English app policies instead (the probe
                                                         # of the held-out corpus; see bench/real_audit.py)

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
    """The key of a judged finding: the first 400 characters of the sentence, as printed."""
    return hashlib.sha1(" ".join(sentence.split())[:400].encode("utf-8")).hexdigest()[:12]


def judged() -> dict[tuple[str, str, str], bool]:
    """(sentence key, practice, manifest) -> whether the contradiction was read as true."""
    if not JUDGED.exists():
        return {}
    items = yaml.safe_load(JUDGED.read_text(encoding="utf-8"))["items"]
    return {(i["sentence"], i["practice"], i["manifest"]): bool(i["verdict"]) for i in items}

from real_notices import CORPORA, versions  # noqa: E402

import notice_check  # noqa: E402
from notice_check.errors import NoticeCheckError  # noqa: E402


def contradicted(examples: list[str]) -> tuple[list[tuple[str, str, str, str, str]], list[str]]:
    """(example, service, practice, message, sentence) of each distinct contradicted sentence, and the notices
    that could not be checked (one line each)."""
    by_service: dict[str, list[Path]] = {}
    for _, service, _, path in versions(None):
        by_service.setdefault(service, []).append(path)  # versions() is oldest first per service
    chosen: dict[str, Path] = {}  # the latest version the extractor reads (Telegram's latest is German)
    seen: set[tuple[str, str]] = set()
    found: list[tuple[str, str, str, str, str]] = []
    skipped: list[str] = []
    for example in examples:
        manifest = EXAMPLES / example / "manifest.yaml"
        for service, paths in sorted(by_service.items()):
            result = None
            for path in [chosen[service]] if service in chosen else reversed(paths):
                try:
                    result = notice_check.check(str(path), manifest)
                except NoticeCheckError as err:
                    last_error = err
                    continue
                chosen[service] = path
                break
            if result is None:
                if example == examples[0]:
                    skipped.append(f"{service}: {last_error}")
                continue
            for f in result.findings:
                if f.verdict != "contradicted" or f.evidence is None:
                    continue
                sentence = " ".join(f.evidence.text.split())
                if (sentence, f.practice) in seen:
                    continue
                seen.add((sentence, f.practice))
                found.append((example, service, f.practice, f.message, sentence))
    return found, skipped


def contradicted_mapp(examples: list[str]) -> tuple[list[tuple[str, str, str, str, str]], list[str]]:
    """The same over MAPP's English app policies, read from the corpus tarball (bench/real_audit.py)."""
    from real_audit import mapp_notices

    notices = mapp_notices()
    seen: set[tuple[str, str]] = set()
    found: list[tuple[str, str, str, str, str]] = []
    skipped: list[str] = []
    for example in examples:
        manifest = notice_check.load_manifest(EXAMPLES / example / "manifest.yaml")  # once, not per notice
        for service, name, data in notices:
            try:
                result = notice_check.check(name, manifest, data=data)
            except NoticeCheckError as err:
                if example == examples[0]:
                    skipped.append(f"{service}: {err}")
                continue
            for f in result.findings:
                if f.verdict != "contradicted" or f.evidence is None:
                    continue
                sentence = " ".join(f.evidence.text.split())
                if (sentence, f.practice) not in seen:
                    seen.add((sentence, f.practice))
                    found.append((example, service, f.practice, f.message, sentence))
    return found, skipped


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--example", action="append", help="a folder of corpora/examples (default: all)")
    ap.add_argument("--count", action="store_true", help="print only the number of contradicted sentences")
    ap.add_argument("--corpus", choices=("ota", "mapp"), default="ota", help="the notices to check (default ota)")
    args = ap.parse_args(argv)
    if args.corpus == "ota" and not versions(None):
        print(f"no notices under {CORPORA} (set NOTICE_CHECK_CORPORA)", file=sys.stderr)
        return 2
    if args.corpus == "mapp" and not (CORPORA / "mapp" / "MAPP_Corpus.tar.gz").exists():
        print(f"no MAPP corpus under {CORPORA} (set NOTICE_CHECK_CORPORA)", file=sys.stderr)
        return 2
    examples = args.example or sorted(p.name for p in EXAMPLES.iterdir() if (p / "manifest.yaml").exists())
    start = time.perf_counter()
    found, skipped = (contradicted_mapp if args.corpus == "mapp" else contradicted)(examples)
    verdicts = judged()
    read = [verdicts.get((sentence_key(sentence), practice, example)) for example, _, practice, _, sentence in found]
    if not args.count:
        for (example, service, practice, message, sentence), verdict in zip(found, read, strict=True):
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
