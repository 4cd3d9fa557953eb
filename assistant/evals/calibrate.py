"""Calibrate the key-point coverage threshold on a gold set.

Positives: each gold key point against the gold claims and facts of its own article (the
statements it summarises). Negatives: each key point against the key points of the other
articles. Prints both distributions and the threshold that separates them best.
"""

from __future__ import annotations

import sys

from .embed import best_similarity, method
from .gold import load_gold_dir


def main(gold_dir: str = "evals/gold") -> int:
    golds = load_gold_dir(gold_dir)
    pos, neg = [], []
    for g in golds:
        own = [c.content for c in g.claims] + [f.statement for f in g.sourced_facts]
        others = [k for h in golds if h.id != g.id for k in h.key_points]
        for kp in g.key_points:
            pos.append(best_similarity(kp, own))
            neg.append(best_similarity(kp, others))
    best = max((sum(p >= t for p in pos) + sum(n < t for n in neg), t)
               for t in [x / 100 for x in range(20, 95)])
    print(f"method {method()}")
    print(f"positives: min {min(pos):.3f} median {sorted(pos)[len(pos) // 2]:.3f}")
    print(f"negatives: max {max(neg):.3f} median {sorted(neg)[len(neg) // 2]:.3f}")
    print(f"best threshold {best[1]:.2f}: {best[0]}/{len(pos) + len(neg)} pairs on the right side")
    if min(pos) > max(neg):
        print(f"gap midpoint (used): {(min(pos) + max(neg)) / 2:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
