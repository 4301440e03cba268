"""Accuracy on the team's gold sentences: precision and recall per practice, accuracy per field.

    python bench/gold.py                 # both sets, tables
    python bench/gold.py --set dev --errors      # and every mismatch, to read
    python bench/gold.py --no-prefilter  # the same without the sentence prefilter (must not differ)
    python bench/gold.py --json          # machine-readable figures

A predicted assertion matches a gold one when practice and polarity agree (greedy, per sentence);
field accuracy is measured on the matched pairs for the fields the gold item gives.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from notice_check.extraction import extract_sentences  # noqa: E402
from notice_check.models import PRACTICES, Assertion, Sentence  # noqa: E402

GOLD = ROOT / "corpora" / "gold"


def sentence_for(item: dict) -> Sentence:
    """Build the unit the document stage would build for this item (list intros joined with items)."""
    section = tuple(s.strip() for s in item.get("section", "").split(" > ") if s.strip()) if item.get(
        "section") else ()
    intro = item.get("intro")
    items = item.get("items") or []
    if intro and items:
        text = intro + "\n" + "\n".join(items)
        if len(items) == 1:
            joined = items[0]
        else:
            joined = ", ".join(i.rstrip(".;,") for i in items[:-1]) + " and " + items[-1].rstrip(".;,")
        parse = intro.rstrip() + " " + joined.rstrip(".") + "."
        return Sentence(text=text, start=0, end=len(text), section=section, kind="list_item", parse_text=parse)
    text = item["text"]
    if intro:
        return Sentence(text=text, start=0, end=len(text), section=section, kind="list_item",
                        parse_text=intro.rstrip() + " " + text)
    return Sentence(text=text, start=0, end=len(text), section=section)


def load_set(name: str) -> list[dict]:
    path = GOLD / f"{name}.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    for item in data:
        item.setdefault("text", "")
        item["assertions"] = item.get("assertions") or []
    return data


# Territories with their own ISO code that are part of a sovereign state's territory (and of the EU):
# the gold set lists the 27 member states, the extractor lists the territories too; compare sovereigns.
_TERRITORY_OF = {"GF": "FR", "GP": "FR", "MQ": "FR", "RE": "FR", "YT": "FR", "MF": "FR", "AX": "FI"}


def _sovereign(codes) -> set[str]:
    return {_TERRITORY_OF.get(c, c) for c in codes or []}


def _field_checks(gold: dict, pred: Assertion) -> dict[str, bool]:
    out: dict[str, bool] = {}
    if "modality" in gold:
        out["modality"] = pred.modality == gold["modality"]
    if "scope" in gold:
        out["scope"] = pred.scope == gold["scope"]
    if "location" in gold:
        g = gold["location"]
        if g is None:
            out["location"] = pred.location is None
        else:
            p = pred.location
            out["location.countries"] = p is not None and _sovereign(p.countries) == _sovereign(g.get("countries"))
            if "mode" in g:
                out["location.mode"] = p is not None and p.mode == g["mode"]
            if "open" in g:
                out["location.open"] = p is not None and p.open == bool(g["open"])
    if "parties" in gold and gold["parties"] is not None:
        out["parties"] = sorted(set(gold["parties"])) == sorted({p.kind for p in pred.parties})
    if "retention_days" in gold:
        out["retention.max_days"] = (pred.retention.max_days if pred.retention else None) == gold[
            "retention_days"]
    if "retention_until" in gold:
        out["retention.until"] = (pred.retention.until if pred.retention else None) == gold["retention_until"]
    if "encryption" in gold:
        out["encryption.kind"] = (pred.encryption.kind if pred.encryption else None) == gold["encryption"]
    if gold.get("categories"):
        from notice_check.taxonomy import default_taxonomy

        tax = default_taxonomy()
        got = pred.data.categories if pred.data else []
        out["data.categories"] = all(any(tax.covers(p, g) or tax.covers(g, p) for p in got)
                                     for g in gold["categories"])
    if "conditions" in gold and gold["conditions"] is not None:
        out["conditions"] = (len(pred.conditions) > 0) == (int(gold["conditions"]) > 0)
    return out


def evaluate(items: list[dict], *, prefilter: bool = True) -> dict:
    sentences = [sentence_for(it) for it in items]
    per_item: list[list[Assertion]] = []
    for s in sentences:
        per_item.append(extract_sentences([s], prefilter=prefilter))
    tp: Counter = Counter()
    fp: Counter = Counter()
    fn: Counter = Counter()
    fields: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    errors: list[dict] = []
    for item, preds in zip(items, per_item, strict=True):
        remaining = list(preds)
        item_errors = []
        for g in item["assertions"]:
            match = next((p for p in remaining if p.practice == g["practice"]
                          and p.polarity == g.get("polarity", "affirm")), None)
            key = (g["practice"], g.get("polarity", "affirm"))
            if match is None:
                fn[g["practice"]] += 1
                item_errors.append({"missed": key})
                continue
            remaining.remove(match)
            tp[g["practice"]] += 1
            for name, ok in _field_checks(g, match).items():
                fields[name][0] += ok
                fields[name][1] += 1
                if not ok:
                    item_errors.append({"field": name, "practice": g["practice"], "gold": _gold_field(g, name),
                                        "got": _pred_field(match, name)})
        for p in remaining:
            fp[p.practice] += 1
            item_errors.append({"spurious": (p.practice, p.polarity), "rule": p.rule})
        if item_errors:
            errors.append({"id": item.get("id"), "text": item.get("text") or item.get("intro"),
                           "section": item.get("section"), "errors": item_errors})
    table = {}
    for practice in PRACTICES:
        t, f_p, f_n = tp[practice], fp[practice], fn[practice]
        prec = t / (t + f_p) if t + f_p else None
        rec = t / (t + f_n) if t + f_n else None
        f1 = 2 * prec * rec / (prec + rec) if prec and rec else None
        table[practice] = {"gold": t + f_n, "predicted": t + f_p, "precision": prec, "recall": rec, "f1": f1}
    return {"items": len(items), "practices": table,
            "fields": {k: {"correct": v[0], "total": v[1], "accuracy": v[0] / v[1] if v[1] else None}
                       for k, v in sorted(fields.items())},
            "errors": errors}


def _gold_field(g: dict, name: str):
    if name.startswith("location"):
        return g.get("location")
    return {"retention.max_days": g.get("retention_days"), "retention.until": g.get("retention_until"),
            "encryption.kind": g.get("encryption"), "data.categories": g.get("categories")}.get(name, g.get(name))


def _pred_field(p: Assertion, name: str):
    if name.startswith("location"):
        return p.location.model_dump() if p.location else None
    if name == "parties":
        return [x.kind for x in p.parties]
    if name.startswith("retention"):
        return p.retention.model_dump() if p.retention else None
    if name == "encryption.kind":
        return p.encryption.kind if p.encryption else None
    if name == "data.categories":
        return p.data.model_dump() if p.data else None
    if name == "conditions":
        return p.conditions
    return getattr(p, name, None)


def _fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def print_report(name: str, result: dict) -> None:
    print(f"\n== gold set '{name}': {result['items']} items ==")
    print(f"{'practice':<16}{'gold':>6}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}")
    for practice, row in result["practices"].items():
        print(f"{practice:<16}{row['gold']:>6}{row['predicted']:>6}{_fmt(row['precision']):>8}"
              f"{_fmt(row['recall']):>8}{_fmt(row['f1']):>8}")
    print(f"{'field':<22}{'correct':>8}{'total':>7}{'acc':>8}")
    for field_name, row in result["fields"].items():
        print(f"{field_name:<22}{row['correct']:>8}{row['total']:>7}{_fmt(row['accuracy']):>8}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", action="append", choices=["dev", "test"], help="which set(s); default both")
    ap.add_argument("--errors", action="store_true", help="print every mismatch")
    ap.add_argument("--no-prefilter", action="store_true", help="parse every sentence")
    ap.add_argument("--json", action="store_true", help="print figures as JSON")
    args = ap.parse_args(argv)
    results = {}
    names = args.set or ["dev", "test"]
    for name in names:
        if not (GOLD / f"{name}.yml").exists():
            print(f"gold set {name}: {GOLD / (name + '.yml')} not found", file=sys.stderr)
            return 2
        results[name] = evaluate(load_set(name), prefilter=not args.no_prefilter)
    if len(names) > 1:
        combined = [item for name in names for item in load_set(name)]
        results["+".join(names)] = evaluate(combined, prefilter=not args.no_prefilter)
    if args.json:
        print(json.dumps({k: {kk: vv for kk, vv in v.items() if kk != "errors"} for k, v in results.items()},
                         indent=2))
        return 0
    for name, result in results.items():
        print_report(name, result)
        if args.errors:
            for err in result["errors"]:
                print(f"- {err['id']}: {err['text']!r}" + (f"  [section: {err['section']}]" if err["section"]
                                                           else ""))
                for e in err["errors"]:
                    print(f"    {e}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
