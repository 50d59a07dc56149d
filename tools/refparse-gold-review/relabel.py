#!/usr/bin/env python3
"""Write a copy of ../shared/eval/refparse/dev.jsonl with the title labels this review disputes relabelled.

Each line of review.jsonl names one dev-test item whose gold title, by the convention the rest of AnyStyle's data
follows, is labelled differently: its kind, the title (and, where the review changes it, the container) a labeller
following that convention would mark, and why. Nothing here is used for training or tuning; it exists so that the
steering side can check each claim and so that the title figure can be read both ways:

    python3 tools/refparse-gold-review/relabel.py ../shared/eval/refparse/dev.jsonl /tmp/dev-relabelled.jsonl
    python3 ../shared/eval/refparse/score_refparse.py --mode parse --url URL --token TOKEN --split dev-test \
        --data /tmp/dev-relabelled.jsonl

The data is AnyStyle's (BSD-2-Clause, LICENSE beside this file).
"""
import json
import sys
from pathlib import Path


def main(source: str, target: str) -> None:
    review = {}
    for line in (Path(__file__).parent / "review.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        review[row["id"]] = row
    seen = 0
    with open(source, encoding="utf-8") as inp, open(target, "w", encoding="utf-8") as out:
        for line in inp:
            item = json.loads(line)
            row = review.get(item["id"])
            if row:
                seen += 1
                item["gold"]["title"] = row["title"]
                # The container changes only where the review names one, or where the disputed label moved the work's
                # own title into it (then the item has no container of its own unless the review names one).
                if row["container"] is not None or row["kind"] == "work-title-as-container":
                    item["gold"]["container"] = row["container"]
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    missing = len(review) - seen
    print(f"relabelled {seen} items" + (f"; {missing} ids not found in {source}" if missing else ""))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: relabel.py SOURCE_DEV_JSONL TARGET_JSONL")
    main(sys.argv[1], sys.argv[2])
