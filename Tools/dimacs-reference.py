#!/usr/bin/env python3
"""dimacs-reference.py - reference answers for `corridor route` and `corridor reach` on a
DIMACS .gr file, computed with scipy (an independent implementation).

Usage
    python3 Tools/dimacs-reference.py FILE.gr --seed 7 --sources 6 --targets 4 \
        --limits 2000,8000,30000 > Fixtures/dimacs/rome99-reference.csv

Sources and targets are drawn with Python's random.Random(seed) from the node ids
1..n (DIMACS ids, 1-based), so the file is reproducible. Parallel arcs count at their
minimum (a shortest path never takes the longer one). Output (CSV, one row per line):

    kind,source,target_or_limit,value
    route,S,T,D        shortest distance from S to T (raw arc costs), or "unreachable"
    reach,S,L,C        number of nodes within L of S (distance <= L, S included)
    reachsum,S,L,X     the sum of those nodes' distances

Needs numpy and scipy (pip install scipy).
"""
import argparse
import random
import sys

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra


def read_gr(path):
    n = None
    best = {}
    with open(path) as f:
        for line in f:
            if line.startswith("p "):
                _, _, n, _ = line.split()
                n = int(n)
            elif line.startswith("a "):
                _, u, v, w = line.split()
                key = (int(u) - 1, int(v) - 1)
                w = int(w)
                if key not in best or w < best[key]:
                    best[key] = w
    rows, cols = zip(*best.keys())
    return csr_matrix((list(best.values()), (rows, cols)), shape=(n, n)), n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gr")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--sources", type=int, default=6)
    ap.add_argument("--targets", type=int, default=4)
    ap.add_argument("--limits", default="2000,8000,30000")
    a = ap.parse_args()
    graph, n = read_gr(a.gr)
    rng = random.Random(a.seed)
    sources = [rng.randint(1, n) for _ in range(a.sources)]
    limits = [int(x) for x in a.limits.split(",")]
    out = sys.stdout
    out.write("kind,source,target_or_limit,value\n")
    for s in sources:
        dist = dijkstra(graph, directed=True, indices=s - 1)
        for _ in range(a.targets):
            t = rng.randint(1, n)
            d = dist[t - 1]
            out.write(f"route,{s},{t},{'unreachable' if np.isinf(d) else int(d)}\n")
        for lim in limits:
            within = dist[dist <= lim]
            out.write(f"reach,{s},{lim},{len(within)}\n")
            out.write(f"reachsum,{s},{lim},{int(within.sum())}\n")


if __name__ == "__main__":
    main()
