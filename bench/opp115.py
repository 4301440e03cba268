"""Practice detection per segment against OPP-115 (Wilson et al. 2016), consolidated threshold 0.75.

    python bench/opp115.py                    # all 95 policies (3,193 segments), tables + worst errors
    python bench/opp115.py --policies 10      # the first 10 policies only (quick)
    python bench/opp115.py --limit 300        # the first 300 segments only
    python bench/opp115.py --sample 300       # segments re-run with the prefilter off (default 1000, 0 = skip)
    python bench/opp115.py --json             # figures as JSON

Reads ../shared/corpora/opp-115/derived/ (segments.jsonl.gz, practices_target_categories.t075.jsonl.gz) at
run time (research-only data: never copied into the project). Set NOTICE_CHECK_CORPORA to move it.

Every segment is loaded as its own text notice (load_document), all sentences are parsed in one batch, and
assertions are reduced to labels per segment. OPP-115 annotations become labels as follows:

  retention          any Data Retention practice
  retention.period   Data Retention with Retention Period = "Stated Period"  (ours: retention with days/until)
  encryption         Data Security with Security Measure "Secure data transfer" or "Secure data storage"
  transfer           International and Specific Audiences, audience "Citizens from other countries" or
                     "Europeans", in a segment that talks of transfer/storage/processing/servers (the
                     annotation has no "transfer" attribute; the keyword filter keeps transfer statements)
  transfer+loc       same gold; ours: transfer, or storage/processing with a location
  sharing            any Third Party Sharing/Collection (ours: sharing, sale or law_enforcement, either polarity:
                     a disclosure to authorities is sharing in both the SPEC and OPP-115; and processing by
                     another party, "our vendors have access to your data", which OPP-115 files as sharing)
  sharing:affirm     Third Party Sharing/Collection with Does/Does Not = Does (or absent)
  sharing:deny       ... = Does Not
  sale (kw)          Third Party Sharing/Collection in a segment that says sell/sold/sale/rent (derived)
  law_enforcement    Third Party Sharing/Collection with Purpose = "Legal requirement" (ours: law_enforcement, or
                     sharing whose condition is a legal one: "disclose ... when required by law")

"sharing" includes third parties collecting on the site (OPP-115's category is Sharing/Collection); the
extractor reports those as sharing with the collecting party (rule sharing.collected_by.v1).

The rules were tuned by reading errors of the even-numbered policies only (in id order); the table "by half"
shows both halves, so the odd half is an honest held-out figure.

OPP-115 does not annotate storage location, processing or collection, so those practices are not scored.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPORA = Path(os.environ.get("NOTICE_CHECK_CORPORA", ROOT.parent / "shared" / "corpora"))
OPP = CORPORA / "opp-115" / "derived"

LABELS = ("retention", "retention.period", "encryption", "transfer", "transfer+loc", "sharing",
          "sharing:affirm", "sharing:deny", "sale (kw)", "law_enforcement")
# labels whose gold comes from one OPP-115 category: an FP in a segment without that category is a clear FP
CATEGORY_OF = {"retention": "Data Retention", "retention.period": "Data Retention", "encryption": "Data Security",
               "transfer": "International and Specific Audiences",
               "transfer+loc": "International and Specific Audiences"}
TRANSFER_WORDS = re.compile(r"\b(transfer\w*|stor(?:e|ed|ing|age)|process(?:ed|ing)?|maintain\w*|hosted|"
                            r"servers?|data cent(?:er|re)s?|located (?:in|outside)|moved)\b", re.I)
RECEIVING_PARTIES = frozenset({"affiliate", "processor", "third_party", "advertiser", "public"})
LEGAL_CONDITION = re.compile(r"\b(law|laws|legal|legally|court|subpoena|warrant|regulat\w*|government\w*|"
                             r"authorit\w*|comply|compliance|legislation|statut\w*)\b", re.I)
SALE_WORDS = re.compile(r"\b(sell|sells|selling|sold|sale|rent|rents|renting)\b", re.I)
BASE = 1_000_000  # sentence offsets of segment i are shifted by i * BASE so one batch maps back


def load_segments(policies: int | None, limit: int | None) -> list[dict]:
    with gzip.open(OPP / "segments.jsonl.gz", "rt", encoding="utf-8") as fh:
        segs = [json.loads(line) for line in fh]
    if policies:
        keep = sorted({s["policy"] for s in segs}, key=lambda p: int(p.split("_", 1)[0]))[:policies]
        segs = [s for s in segs if s["policy"] in set(keep)]
    return segs[:limit] if limit else segs


def gold_labels(segments: list[dict]) -> tuple[dict[tuple, set[str]], dict[tuple, dict[str, list[str]]],
                                               dict[tuple, set[str]], dict[str, Counter]]:
    """Labels per (policy, segment), the annotated spans behind each, the categories present, and
    the Third Party action values behind each sharing label (for the breakdown)."""
    text_of = {(s["policy"], s["segment_id"]): s["text"] for s in segments}
    labels: dict[tuple, set[str]] = defaultdict(set)
    spans: dict[tuple, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    cats: dict[tuple, set[str]] = defaultdict(set)
    actions: dict[tuple, set[str]] = defaultdict(set)
    with gzip.open(OPP / "practices_target_categories.t075.jsonl.gz", "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    for r in rows:
        key = (r["policy"], r["segment_id"])
        if key not in text_of:
            continue
        cat, attrs = r["category"], r["attributes"]
        cats[key].add(cat)
        val = {k: v.get("value") for k, v in attrs.items()}
        span = max((v.get("selectedText") or "" for v in attrs.values()
                    if v.get("start", -1) >= 0), key=len, default="")
        got: list[str] = []
        if cat == "Data Retention":
            got.append("retention")
            if val.get("Retention Period") == "Stated Period":
                got.append("retention.period")
        elif cat == "Data Security":
            if val.get("Security Measure") in ("Secure data transfer", "Secure data storage"):
                got.append("encryption")
        elif cat == "International and Specific Audiences":
            if val.get("Audience Type") in ("Citizens from other countries", "Europeans") and \
                    TRANSFER_WORDS.search(text_of[key]):
                got += ["transfer", "transfer+loc"]
        elif cat == "Third Party Sharing/Collection":
            got.append("sharing")
            got.append("sharing:deny" if val.get("Does/Does Not") == "Does Not" else "sharing:affirm")
            if SALE_WORDS.search(text_of[key]):
                got.append("sale (kw)")
            if val.get("Purpose") == "Legal requirement":
                got.append("law_enforcement")
            actions[key].add(val.get("Action Third Party") or "absent")
        for lab in got:
            labels[key].add(lab)
            spans[key][lab].append(span)
    return labels, spans, cats, actions


def predicted_labels(assertions) -> dict[str, list]:
    """Labels of one segment's assertions, each with the assertions behind it."""
    out: dict[str, list] = defaultdict(list)
    for a in assertions:
        p = a.practice
        if p == "retention":
            out["retention"].append(a)
            if a.retention and (a.retention.max_days is not None or a.retention.until):
                out["retention.period"].append(a)
        elif p == "encryption":
            out["encryption"].append(a)
        elif p == "transfer":
            out["transfer"].append(a)
            out["transfer+loc"].append(a)
        elif p in ("storage", "processing") and a.location is not None:
            out["transfer+loc"].append(a)
        elif p == "sale":
            out["sale (kw)"].append(a)
        elif p == "law_enforcement":
            out["law_enforcement"].append(a)
        # OPP-115's sharing: sale; disclosure to public authorities (SPEC: law_enforcement); another party's
        # access to data ("our vendors have access to your data", our processing with that party) or its
        # collection ("we or our service providers collect ...": OPP-115's category is Sharing/Collection)
        if p in ("sharing", "sale", "law_enforcement") or (
                p in ("processing", "collection") and any(x.kind in RECEIVING_PARTIES for x in a.parties)):
            out["sharing"].append(a)
            out[f"sharing:{a.polarity}"].append(a)
        if p == "sharing" and any(LEGAL_CONDITION.search(c) for c in a.conditions):
            out["law_enforcement"].append(a)  # OPP-115: a disclosure whose purpose is a legal requirement
    return out


ADJUDICATED = ROOT / "bench" / "opp115_adjudicated.yml"


def adjudicated_precision(keys: list[tuple], gold: dict, preds: list[dict], held_out: set[str]) -> list[tuple]:
    """Held-out precision once our false positives are read: (label, P measured, P adjusted, note).

    A false positive judged a correct claim (OPP-115 files it elsewhere) counts as right. Sharing is judged on
    a random sample, so its adjusted figure is an estimate. Items that are no longer false positives, and new
    false positives nobody judged, are counted and shown, so the figure never silently goes stale.
    """
    import yaml

    data = yaml.safe_load(ADJUDICATED.read_text(encoding="utf-8"))
    verdicts = {(i["segment"], i["label"]): i["verdict"] for i in data["items"]}
    rows = []
    for lab in ("retention", "encryption", "transfer", "sharing", "sharing:deny", "sale (kw)", "law_enforcement"):
        tp = fp = 0
        fps: set[str] = set()
        for key, pred in zip(keys, preds, strict=True):
            if key[0] not in held_out or lab not in pred:
                continue
            if lab in gold.get(key, ()):
                tp += 1
            else:
                fp += 1
                fps.add(f"{key[0]}#{key[1]}")
        judged = {seg: v for (seg, label), v in verdicts.items() if label == lab}
        read = [seg for seg in fps if seg in judged]
        claims = sum(judged[seg] == "claim" for seg in read)
        stale = len(set(judged) - fps)
        if not fp:
            continue
        sampled = lab == "sharing" and len(read) < fp
        est = claims * fp / len(read) if read else 0.0
        pred_n = tp + fp
        note = (f"{len(read)} of {fp} false positives read, {claims} correct claims"
                + (" (estimate from a sample)" if sampled else "")
                + (f"; {stale} judged items no longer false positives" if stale else "")
                + (f"; {fp - len(read)} unread" if not sampled and fp > len(read) else ""))
        rows.append((lab, tp / pred_n, (tp + est) / pred_n, note))
    return rows


def policy_halves(segments: list[dict]) -> tuple[set[str], set[str]]:
    """Even- and odd-numbered policies in id order: errors were read on the first half only."""
    pols = sorted({s["policy"] for s in segments}, key=lambda p: int(p.split("_", 1)[0]))
    return set(pols[0::2]), set(pols[1::2])


def build_sentences(segments: list[dict]) -> tuple[list, Counter, float]:
    from notice_check.document import load_document

    t0 = time.perf_counter()
    sentences = []
    languages: Counter = Counter()
    for i, seg in enumerate(segments):
        doc = load_document("-", data=seg["text"].encode("utf-8"))
        languages[doc.language] += 1
        for s in doc.sentences:  # language is not checked: short segments are often misdetected
            sentences.append(s.model_copy(update={"start": s.start + i * BASE, "end": s.end + i * BASE}))
    return sentences, languages, time.perf_counter() - t0


def run_extractor(sentences: list, n_segments: int, *, prefilter: bool, n_process: int) -> tuple[list, float]:
    from notice_check.extraction import extract_sentences

    t0 = time.perf_counter()
    assertions = extract_sentences(sentences, prefilter=prefilter, n_process=n_process)
    took = time.perf_counter() - t0
    per_seg: list[list] = [[] for _ in range(n_segments)]
    for a in assertions:
        per_seg[a.evidence.start // BASE].append(a)
    return per_seg, took


def score(keys: list[tuple], gold: dict, preds: list[dict]) -> dict[str, dict]:
    table = {}
    for lab in LABELS:
        tp = fp = fn = 0
        for key, pred in zip(keys, preds, strict=True):
            g, p = lab in gold.get(key, ()), lab in pred
            tp += g and p
            fp += p and not g
            fn += g and not p
        prec = tp / (tp + fp) if tp + fp else None
        rec = tp / (tp + fn) if tp + fn else None
        f1 = 2 * prec * rec / (prec + rec) if prec and rec else None
        table[lab] = {"gold": tp + fn, "predicted": tp + fp, "tp": tp, "fp": fp, "fn": fn,
                      "precision": prec, "recall": rec, "f1": f1}
    return table


def _fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def _short(text: str, n: int = 150) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def print_table(title: str, table: dict) -> None:
    print(f"\n{title}")
    print(f"{'label':<18}{'gold':>6}{'pred':>6}{'TP':>6}{'FP':>6}{'FN':>6}{'P':>8}{'R':>8}{'F1':>8}")
    for lab, r in table.items():
        print(f"{lab:<18}{r['gold']:>6}{r['predicted']:>6}{r['tp']:>6}{r['fp']:>6}{r['fn']:>6}"
              f"{_fmt(r['precision']):>8}{_fmt(r['recall']):>8}{_fmt(r['f1']):>8}")


def worst_errors(keys, segments, gold, spans, cats, preds, n: int) -> tuple[list, list]:
    fps, fns = [], []
    for key, seg, pred in zip(keys, segments, preds, strict=True):
        g = gold.get(key, set())
        for lab in LABELS:
            if lab in ("transfer+loc", "sharing:affirm", "sharing:deny", "retention.period"):
                continue  # reported through their parent labels; keeps the lists varied
            if lab in pred and lab not in g:
                a = pred[lab][0]
                clear = CATEGORY_OF.get(lab) not in cats.get(key, set()) if lab in CATEGORY_OF else \
                    "Third Party Sharing/Collection" not in cats.get(key, set())
                fps.append(((clear, len(pred[lab])), key, lab, a.rule, a.evidence.text))
            if lab in g and lab not in pred:
                evid = max(spans[key][lab], key=len) or seg["text"]
                fns.append((len(spans[key][lab]), key, lab, None, evid))
    return _interleave(fps, n), _interleave(fns, n)


def _interleave(errors: list, n: int) -> list:
    """The worst errors of each label in turn, so rare practices are not drowned by sharing."""
    by_label: dict[str, list] = defaultdict(list)
    for e in sorted(errors, key=lambda e: e[0], reverse=True):
        by_label[e[2]].append(e)
    out: list = []
    while len(out) < n and any(by_label.values()):
        for lab in LABELS:
            if by_label.get(lab) and len(out) < n:
                out.append(by_label[lab].pop(0))
    return out


# Words by which an annotated span names the practice itself. A rough keyword test, kept apart from the
# extractor's lexicon on purpose: it splits gold segments into those whose annotation rests on a statement
# of the practice and those that rest on a fragment ("Your IP address", a list item cut from its lead-in).
NAMES_PRACTICE = {
    "retention": re.compile(r"\b(retain\w*|retention|keep\w*|kept|stor(e|es|ed|ing|age)|delet\w+|purg\w+|eras\w+|"
                            r"destr\w+|maintain\w*|archiv\w+|remov\w+|anonymi\w+|as long as|period)\b", re.I),
    "encryption": re.compile(r"\b(encrypt\w*|ssl|tls|https|secure socket\w*|secur\w+ (transmission|connection|"
                             r"server|transfer)s?)\b", re.I),
    "sharing": re.compile(r"\b(shar(e|es|ed|ing)|disclos\w+|sell\w*|sold|sale|rent\w*|provid\w+|transfer\w*|"
                          r"releas\w+|giv\w+|available|furnish\w*|access\w*|collect\w*|receiv\w+|send|sent|pass\w*|"
                          r"transmit\w*|distribut\w+|exchang\w+)\b", re.I),
    "law_enforcement": re.compile(r"\b(law|legal\w*|subpoena\w*|court|warrant\w*|government\w*|authorit\w+|"
                                  r"police|enforcement|regulat\w+)\b", re.I),
}


def explicit_breakdown(keys, gold, spans, preds) -> dict[str, tuple[int, int, int, int]]:
    """Recall where the annotated text names the practice, and where it does not: (n, found, n, found)."""
    out = {}
    for lab, cue in NAMES_PRACTICE.items():
        row = [0, 0, 0, 0]
        for key, pred in zip(keys, preds, strict=True):
            if lab not in gold.get(key, ()):
                continue
            col = 0 if any(cue.search(sp) for sp in spans[key][lab]) else 2
            row[col] += 1
            row[col + 1] += lab in pred
        out[lab] = tuple(row)
    return out


def action_breakdown(keys, actions, preds) -> dict[str, tuple[int, int, int]]:
    """Recall of 'sharing' by OPP-115 Action Third Party (ours sharing; ours collection instead)."""
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for key, pred in zip(keys, preds, strict=True):
        for act in actions.get(key, ()):
            row = out[act]
            row[0] += 1
            row[1] += "sharing" in pred
            row[2] += "sharing" not in pred and pred.get("_collection", False)
    return {k: tuple(v) for k, v in out.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--policies", type=int, default=None, help="only the first N policies (by id)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N segments")
    ap.add_argument("--sample", type=int, default=1000, help="segments re-run with the prefilter off (0: skip)")
    ap.add_argument("--worst", type=int, default=20, help="how many false positives / negatives to print")
    ap.add_argument("--n-process", type=int, default=1, help="spaCy processes for the batch")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if not (OPP / "segments.jsonl.gz").exists():
        print(f"OPP-115 derived files not found under {OPP} (set NOTICE_CHECK_CORPORA)", file=sys.stderr)
        return 2
    t_start = time.perf_counter()
    from notice_check.extraction.pipeline import load_analyzer

    t0 = time.perf_counter()
    load_analyzer()
    t_load = time.perf_counter() - t0
    segments = load_segments(args.policies, args.limit)
    keys = [(s["policy"], s["segment_id"]) for s in segments]
    gold, spans, cats, actions = gold_labels(segments)
    sentences, languages, t_docs = build_sentences(segments)
    per_seg, t_extract = run_extractor(sentences, len(segments), prefilter=True, n_process=args.n_process)
    preds = []
    for assertions in per_seg:
        p = predicted_labels(assertions)
        p["_collection"] = any(a.practice == "collection" for a in assertions)  # type: ignore[assignment]
        preds.append(p)
    table = score(keys, gold, preds)
    words = sum(len(s["text"].split()) for s in segments)
    tuned, held_out = policy_halves(load_segments(None, None))
    halves = {}
    for name, half in (("tuned half", tuned), ("held-out half", held_out)):
        idx = [i for i, k in enumerate(keys) if k[0] in half]
        if idx:
            halves[name] = score([keys[i] for i in idx], gold, [preds[i] for i in idx])

    sample_tables = None
    t_sample = 0.0
    if args.sample:
        idx = list(range(0, len(segments), max(1, len(segments) // args.sample)))[: args.sample]
        sub_segments = [segments[i] for i in idx]
        sub_sentences, _, _ = build_sentences(sub_segments)
        sub_per_seg, t_sample = run_extractor(sub_sentences, len(sub_segments), prefilter=False,
                                              n_process=args.n_process)
        sub_keys = [keys[i] for i in idx]
        sample_tables = (score(sub_keys, gold, [preds[i] for i in idx]),
                         score(sub_keys, gold, [predicted_labels(a) for a in sub_per_seg]), len(idx))
    total = time.perf_counter() - t_start

    if args.json:
        print(json.dumps({"segments": len(segments), "words": words, "labels": table, "halves": halves,
                          "prefilter_off_sample": None if sample_tables is None else
                          {"segments": sample_tables[2], "prefilter_on": sample_tables[0],
                           "prefilter_off": sample_tables[1]},
                          "seconds": {"model": t_load, "documents": t_docs, "extract": t_extract,
                                      "sample_no_prefilter": t_sample, "total": total}}, indent=2))
        return 0

    n_pol = len({s["policy"] for s in segments})
    print(f"OPP-115 t0.75: {n_pol} policies, {len(segments)} segments, {len(sentences)} sentences, {words:,} words;"
          f" segments detected as {dict(languages.most_common())}")
    print_table("== per-segment labels (prefilter on) ==", table)

    print("\n== by half (policies in id order; errors were read on the tuned half only) ==")
    print(f"{'label':<18}" + "".join(f"{n + ' P':>17}{'R':>7}" for n in halves))
    for lab in LABELS:
        print(f"{lab:<18}" + "".join(f"{_fmt(t[lab]['precision']):>17}{_fmt(t[lab]['recall']):>7}"
                                     for t in halves.values()))

    if len(segments) == len(load_segments(None, None)) and ADJUDICATED.exists():
        print("\n== held-out half: precision once our false positives are read (bench/"
              "opp115_adjudicated.yml) ==")
        print(f"{'label':<18}{'P':>7}{'P read':>8}  note")
        for lab, measured, adjusted, note in adjudicated_precision(keys, gold, preds, held_out):
            print(f"{lab:<18}{measured:>7.3f}{adjusted:>8.3f}  {note}")

    print("\n== 'sharing' recall by OPP-115 Action Third Party (segments with that action) ==")
    print(f"{'action':<36}{'segments':>9}{'sharing':>9}{'R':>8}{'collection only':>17}")
    for act, (n, hit, coll) in sorted(action_breakdown(keys, actions, preds).items(), key=lambda x: -x[1][0]):
        print(f"{act:<36}{n:>9}{hit:>9}{_fmt(hit / n if n else None):>8}{coll:>17}")

    print("\n== recall where the annotated text names the practice (a keyword test on the span) or does not ==")
    print(f"{'label':<18}{'names it':>9}{'found':>7}{'R':>7}{'does not':>10}{'found':>7}{'R':>7}")
    for lab, (n1, f1, n0, f0) in explicit_breakdown(keys, gold, spans, preds).items():
        print(f"{lab:<18}{n1:>9}{f1:>7}{_fmt(f1 / n1 if n1 else None):>7}{n0:>10}{f0:>7}"
              f"{_fmt(f0 / n0 if n0 else None):>7}")

    if sample_tables:
        on, off, n = sample_tables
        print(f"\n== prefilter off vs on, same {n} segments ==")
        print(f"{'label':<18}{'R on':>8}{'R off':>8}{'P on':>8}{'P off':>8}  changed?")
        for lab in LABELS:
            a, b = on[lab], off[lab]
            changed = (a["tp"], a["fp"]) != (b["tp"], b["fp"])
            print(f"{lab:<18}{_fmt(a['recall']):>8}{_fmt(b['recall']):>8}{_fmt(a['precision']):>8}"
                  f"{_fmt(b['precision']):>8}  {'YES' if changed else 'no'}")

    fps, fns = worst_errors(keys, segments, gold, spans, cats, preds, args.worst)
    print(f"\n== {len(fps)} worst false positives (per label in turn; segments without that OPP-115 category first) ==")
    for _, (pol, sid), lab, rule, text in fps:
        print(f"- {pol}#{sid} {lab} [{rule}]: {_short(text)}")
    print(f"\n== {len(fns)} worst false negatives (per label in turn; most annotations first; "
          "excerpt = annotated span) ==")
    for n_ann, (pol, sid), lab, _, text in fns:
        print(f"- {pol}#{sid} {lab} (x{n_ann}): {_short(text)}")

    print(f"\ntime: model {t_load:.1f}s, documents {t_docs:.1f}s, extract {t_extract:.1f}s "
          f"({words / t_extract:,.0f} words/s), prefilter-off sample {t_sample:.1f}s; total {total:.1f}s "
          f"(n_process={args.n_process})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
