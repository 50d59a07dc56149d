#!/usr/bin/env python3
"""Calibrates the reference parser's confidence on held-out tenths of train (never dev-test, never another set).

The confidence is read as "how likely the parse's title and people are both right": a logistic function of what the
tagger's labels and margins say (ReferenceParser.Confidence computes the same inputs). This script reads the held-out
predictions the trainer writes for several folds (`--fold K --predictions F`: every line has the labels, the margins and
`named`, the people the parse would name were it sure), fits the logistic weights on the other folds and scores each fold
with them (leave one fold out), so the choice of inputs and of the threshold is made inside the folds. It prints:

- log-loss and calibration by confidence band for the old rule and each candidate, per fold;
- for thresholds 0.05..0.5: the share of parses under it, the share of those whose people are all right against the share
  above, and the people's F1 with names withheld under it (parse mode) and title + people F1 with both withheld (the page path);
- the weights fitted on all the folds given (what ReferenceParser carries).

  python3 tools/Hqt.RefParse.Train/calibrate_confidence.py --data ../shared/eval/refparse/dev.jsonl \
      /tmp/f0.jsonl /tmp/f1.jsonl /tmp/f2.jsonl [--also /tmp/grobid-check.jsonl:/tmp/f0.other.jsonl]
Python 3 standard library only.
"""
import argparse, json, math, os, sys

ap = argparse.ArgumentParser()
ap.add_argument("--data", required=True)
ap.add_argument("predictions", nargs="+", help="held-out predictions, one file a fold")
ap.add_argument("--also", action="append", default=[], help="DATA:PREDICTIONS of another set, only scored with the weights fitted on all folds")
ap.add_argument("--scale", type=float, default=150.0)
ap.add_argument("--l2", type=float, default=1.0)
args = ap.parse_args()
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "eval", "refparse"))
sys.path.insert(0, os.path.dirname(os.path.abspath(args.data)))
import score_refparse as s  # noqa: E402

THRESHOLD_OLD = 0.2


def load_gold(path):
    gold = {}
    for line in open(path, encoding="utf-8"):
        if line.strip():
            it = json.loads(line)
            gold[it["id"]] = it
    return gold


def keys(names):
    return {s.family_key(s.family_of(n)) for n in names} - {""}


def row(item, pred, scale):
    labels, margins = pred["labels"], pred["margins"]
    def least(name):
        ms = [m for l, m in zip(labels, margins) if l == name]
        return min(ms) if ms else None
    author, title = min([m for m in (least("author"), least("editor")) if m is not None], default=None), least("title")
    has = lambda *names: any(l in names for l in labels)
    container, date, numbers = has("container"), has("date"), has("volume", "pages")
    sat = lambda m: 1 - math.exp(-max(0.0, m) / scale)
    x = [
        1.0,
        0.0 if author is None else sat(author),
        1.0 if author is None else 0.0,
        0.0 if title is None else sat(title),
        1.0 if title is None else 0.0,
        0.0 if container else 1.0,
        1.0 if title is None and not container else 0.0,
        0.0 if date else 1.0,
        0.0 if numbers else 1.0,
    ]
    g = item["gold"]
    gold_people = keys((g.get("authors") or []) + (g.get("editors") or []))
    # The people (authors, then editors) by family name, as the scorer reads a returned person.
    named = [a["family"] for a in pred.get("named") or []]
    people_right = keys(named) == gold_people
    gt, pt = g.get("title"), pred.get("title")
    title_right = (not gt and not pt) or bool(gt and pt and (s.norm_text(gt) == s.norm_text(pt) or s.token_f1(gt, pt) >= 0.9))
    return {"x": x, "y": 1.0 if people_right and title_right else 0.0, "people_right": people_right, "title_right": title_right,
            "old": pred["confidence"], "named": named, "gold_people": gold_people, "gold_title": gt, "title": pt}


FEATURES = ["bias", "author margin", "no author", "title margin", "no title", "no container", "no title nor container", "no date", "no volume or pages"]


def fit(rows, l2):
    d = len(rows[0]["x"])
    w = [0.0] * d
    for _ in range(50):
        grad = [l2 * w[j] if j else 0.0 for j in range(d)]
        hess = [[(l2 if (i == j and i) else 0.0) for j in range(d)] for i in range(d)]
        for r in rows:
            z = sum(a * b for a, b in zip(w, r["x"]))
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            for i in range(d):
                grad[i] += (p - r["y"]) * r["x"][i]
                for j in range(d):
                    hess[i][j] += p * (1 - p) * r["x"][i] * r["x"][j]
        for i in range(d):
            hess[i][i] += 1e-6
        step = solve(hess, grad)
        w = [a - b for a, b in zip(w, step)]
        if max(abs(v) for v in step) < 1e-7:
            break
    return w


def solve(a, b):
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[c][c]:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] if m[i][i] else 0.0 for i in range(n)]


def prob(w, r):
    z = sum(a * b for a, b in zip(w, r["x"]))
    return 1 / (1 + math.exp(-max(-30, min(30, z))))


def logloss(rows, conf):
    e = 1e-4
    return -sum(r["y"] * math.log(max(e, conf(r))) + (1 - r["y"]) * math.log(max(e, 1 - conf(r))) for r in rows) / len(rows)


def outcome(rows, conf, t):
    """People F1 with names withheld under t; title + people F1 with both withheld (the page path); shares."""
    pr_ret = pr_gold = pr_hit = 0
    tp_ret = tp_gold = tp_hit = 0
    under = [r for r in rows if conf(r) < t]
    for r in rows:
        sure = conf(r) >= t
        named = keys(r["named"]) if sure else set()
        hit = len(named & r["gold_people"])
        pr_ret += len(named); pr_gold += len(r["gold_people"]); pr_hit += hit
        title = r["title"] if sure else None
        tret = int(bool(title)); tgold = int(bool(r["gold_title"]))
        thit = int(bool(title) and bool(r["gold_title"]) and r["title_right"])
        tp_ret += len(named) + tret; tp_gold += len(r["gold_people"]) + tgold; tp_hit += hit + thit
    f = lambda h, ret, g: 2 * h / (ret + g) if ret + g else 0.0
    share_right = lambda rs: sum(r["people_right"] for r in rs) / len(rs) if rs else float("nan")
    return {"under": len(under) / len(rows), "people right under": share_right(under),
            "people right above": share_right([r for r in rows if conf(r) >= t]),
            "people F1": f(pr_hit, pr_ret, pr_gold), "title+people F1": f(tp_hit, tp_ret, tp_gold)}


def bands(rows, conf):
    out = []
    for lo, hi in [(0, .1), (.1, .2), (.2, .4), (.4, .6), (.6, .8), (.8, .95), (.95, 1.01)]:
        rs = [r for r in rows if lo <= conf(r) < hi]
        if rs:
            out.append(f"[{lo:.2f},{hi:.2f}) n={len(rs)} mean={sum(conf(r) for r in rs) / len(rs):.2f} right={sum(r['y'] for r in rs) / len(rs):.2f}")
    return "; ".join(out)


gold = load_gold(args.data)
folds = []
for path in args.predictions:
    rows = []
    for line in open(path, encoding="utf-8"):
        p = json.loads(line)
        rows.append(row(gold[p["id"]], p["pred"], args.scale))
    folds.append((path, rows))

thresholds = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5]
summary = {"old": {t: [] for t in thresholds}, "new": {t: [] for t in thresholds}}
for k, (path, rows) in enumerate(folds):
    others = [r for j, (_, rs) in enumerate(folds) if j != k for r in rs] or rows
    w = fit(others, args.l2)
    new = lambda r, w=w: prob(w, r)
    old = lambda r: r["old"]
    print(f"== {os.path.basename(path)}: {len(rows)} items, title and people right {sum(r['y'] for r in rows) / len(rows):.3f}")
    print(f"  log-loss old {logloss(rows, old):.4f} calibrated {logloss(rows, new):.4f}")
    print(f"  old:        {bands(rows, old)}")
    print(f"  calibrated: {bands(rows, new)}")
    for t in thresholds:
        o, n = outcome(rows, old, t), outcome(rows, new, t)
        summary["old"][t].append(o); summary["new"][t].append(n)
        print(f"  t={t:.2f} old: " + ", ".join(f"{a} {b:.3f}" for a, b in o.items()) + "\n         new: " + ", ".join(f"{a} {b:.3f}" for a, b in n.items()))
print("== mean over the folds")
for t in thresholds:
    for name in ("old", "new"):
        ms = summary[name][t]
        print(f"  t={t:.2f} {name}: " + ", ".join(f"{a} {sum(m[a] for m in ms) / len(ms):.4f}" for a in ms[0]))
w = fit([r for _, rs in folds for r in rs], args.l2)
print("== weights on all folds (scale %.0f): " % args.scale + ", ".join(f"{n} {v:.3f}" for n, v in zip(FEATURES, w)))
for spec in args.also:
    data, preds = spec.split(":")
    g2 = load_gold(data)
    rows = [row(g2[json.loads(l)["id"]], json.loads(l)["pred"], args.scale) for l in open(preds, encoding="utf-8") if l.strip()]
    print(f"== {os.path.basename(preds)} (weights of all folds): title and people right {sum(r['y'] for r in rows) / len(rows):.3f}")
    print(f"  old:        {bands(rows, lambda r: r['old'])}")
    print(f"  calibrated: {bands(rows, lambda r: prob(w, r))}")
    for t in (0.1, 0.2, 0.3):
        o, n = outcome(rows, lambda r: r["old"], t), outcome(rows, lambda r: prob(w, r), t)
        print(f"  t={t:.2f} old: " + ", ".join(f"{a} {b:.3f}" for a, b in o.items()) + "\n         new: " + ", ".join(f"{a} {b:.3f}" for a, b in n.items()))
