#!/usr/bin/env python3
"""Scores a file of predictions ({"id", "pred"} per line) with ../shared/eval/refparse/score_refparse.py's own
functions, without a server: the training command's held-out and dev-test figures."""
import argparse, json, os, sys

ap = argparse.ArgumentParser()
ap.add_argument("--data", required=True)
ap.add_argument("--predictions", required=True)
ap.add_argument("--show-misses", type=int, default=0)
ap.add_argument("--scorer-dir", help="where score_refparse.py is, when --data is another set (default: beside --data)")
args = ap.parse_args()
sys.path.insert(0, args.scorer_dir or os.path.dirname(os.path.abspath(args.data)))
import score_refparse as s  # noqa: E402

gold = {}
for line in open(args.data, encoding="utf-8"):
    if line.strip():
        it = json.loads(line)
        gold[it["id"]] = it
results = []
for line in open(args.predictions, encoding="utf-8"):
    p = json.loads(line)
    it = gold[p["id"]]
    pred = s.pred_fields(p["pred"])
    results.append({"id": it["id"], "text": it["text"], "gold": it["gold"], "pred": pred, "score": s.score_item(it["gold"], pred)})
summary = s.summarise(results)
s.print_summary(summary, os.path.basename(args.predictions))
if args.show_misses:
    s.show_misses(results, args.show_misses)
