#!/usr/bin/env python3
"""gen-road-graph.py - deterministic generator of road-like directed graphs
in 9th DIMACS Implementation Challenge shortest-path format (.gr / .co).

Purpose
    Produce large, reproducible, road-like benchmark inputs for Corridor's
    `corridor-bench` and for the peer-library runner `Tools/peers.py`, so the
    README performance table can be regenerated bit-for-bit anywhere.

Usage
    python3 Tools/gen-road-graph.py --nodes N [--seed S] -o OUT.gr [--co OUT.co]

    --nodes N   exact number of nodes (>= 1)
    --seed S    unsigned 64-bit seed (default 1)
    -o OUT.gr   arc file: `c` comment lines, `p sp N M`, then `a u v w`
                lines with 1-based node ids, grouped by tail node
    --co OUT.co optional coordinate file: `p aux sp co N`, then `v id x y`
    The final line on stderr is `n=N m=M ...`.

Model
    * Nodes sit on a grid with C = ceil(sqrt(N)) columns and R = ceil(N / C)
      rows. Node (row r, col c) has 0-based id r*C + c, so the last row may be
      partial. Ids in the files are 1-based.
    * Grid spacing is 400 m. Each coordinate gets an independent integer
      jitter, uniform in [-140, +140] m (+-35 % of the spacing), and the whole
      grid is shifted by +400 m so all coordinates are positive. Coordinates
      are integers in metres (x east, y north). Arc lengths are computed from
      these integer coordinates, so the .co and .gr files agree exactly.
    * Streets join 4-neighbours (east-west along a row, north-south along a
      column) in both directions. An edge along row r (or column c) has the
      class of that line:
          every 64th line (r % 64 == 0)   expressway  100 km/h
          every  8th line (r %  8 == 0)   arterial     60 km/h
          otherwise                       local        30 km/h
      About 9 % of local street edges are dropped (both directions at once)
      to mimic missing streets; arterials and expressways are never dropped.
      (9 % makes a 1,000,000-node graph come out at ~3.7 M arcs.)
    * Expressways also get long "express" arcs joining every 4th node along
      the line (interchanges every ~1.6 km), i.e. (r, c) <-> (r, c + 4) for
      c % 4 == 0 on an expressway row and likewise along expressway columns,
      at 100 km/h, both directions.
    * Arc weight = travel time in whole seconds
          w = max(1, round(length_m / speed_m_per_s)),
      where length_m is the euclidean distance between the integer
      coordinates and round() is Python's round-half-to-even.
    * There are no self-loops and no parallel arcs; every weight is >= 1.

    A* note: since w >= max(1, round(t)) >= (2/3) t for the exact travel
    time t = length / speed, the heuristic euclid_m / (1.5 * 100 km/h) =
    euclid_m / 41.667 m/s is admissible and consistent for these files;
    euclid_m / 27.778 m/s (plain top speed) is NOT always admissible because
    rounding can make an arc up to 0.5 s faster than its real speed.

Determinism guarantee
    The output depends only on (N, seed) and this file. All randomness comes
    from a counter-based splitmix64 (the k-th value is mix64(seed' + k*GOLDEN),
    computed with Python integers masked to 64 bits); the `random` module,
    hash(), dict/set iteration order and float formatting are not used.
    Floating point is limited to math.sqrt of an exact integer, a multiply
    and a divide, all correctly rounded IEEE-754 double operations, followed
    by round(); the result is therefore identical on every Python >= 3.6 and
    every platform with IEEE doubles. Same arguments => byte-identical files.
"""

import argparse
import math
import sys
import time

MASK64 = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15

SPACING_M = 400
JITTER_M = 140            # 35 % of SPACING_M
OFFSET_M = SPACING_M      # keeps every coordinate positive
ARTERIAL_EVERY = 8
EXPRESSWAY_EVERY = 64
EXPRESS_STRIDE = 4        # express arc joins every 4th node on an expressway
DROP_PER_MILLE = 90       # drop 9.0 % of local street edges
KMH_LOCAL, KMH_ARTERIAL, KMH_EXPRESSWAY = 30, 60, 100

# stream tags for the counter-based generator: value index = 4*node + tag
TAG_JX, TAG_JY, TAG_DROP_H, TAG_DROP_V = 0, 1, 2, 3


def mix64(z):
    """splitmix64 finaliser (Steele, Lea & Flood 2014), 64-bit Python ints."""
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    return z ^ (z >> 31)


def line_kmh(index):
    if index % EXPRESSWAY_EVERY == 0:
        return KMH_EXPRESSWAY
    if index % ARTERIAL_EVERY == 0:
        return KMH_ARTERIAL
    return KMH_LOCAL


def travel_seconds(dx, dy, kmh):
    # exact integer -> sqrt (correctly rounded) -> *3.6 / kmh -> round
    t = round(math.sqrt(dx * dx + dy * dy) * 3.6 / kmh)
    return t if t >= 1 else 1


def generate(n, seed):
    """Return (xs, ys, out_lines_chunks, m, stats)."""
    cols = math.isqrt(n - 1) + 1                           # ceil(sqrt(n))
    rows = (n + cols - 1) // cols
    base = mix64(seed & MASK64)          # decorrelate neighbouring seeds
    span = 2 * JITTER_M + 1
    drop_threshold = (DROP_PER_MILLE << 64) // 1000
    G = GOLDEN
    M = MASK64

    # --- positions -------------------------------------------------------
    xs = [0] * n
    ys = [0] * n
    for u in range(n):
        r, c = divmod(u, cols)
        k = base + 4 * u * G
        xs[u] = OFFSET_M + c * SPACING_M + mix64((k + TAG_JX * G) & M) % span - JITTER_M
        ys[u] = OFFSET_M + r * SPACING_M + mix64((k + TAG_JY * G) & M) % span - JITTER_M

    # --- undirected street edges: weight of u->east and u->north (0 = none)
    east = [0] * n
    north = [0] * n
    row_kmh = [line_kmh(r) for r in range(rows)]
    col_kmh = [line_kmh(c) for c in range(cols)]
    dropped = 0
    for u in range(n):
        r, c = divmod(u, cols)
        x, y = xs[u], ys[u]
        if c + 1 < cols and u + 1 < n:
            kmh = row_kmh[r]
            if kmh == KMH_LOCAL and mix64((base + (4 * u + TAG_DROP_H) * G) & M) < drop_threshold:
                dropped += 1
            else:
                east[u] = travel_seconds(xs[u + 1] - x, ys[u + 1] - y, kmh)
        v = u + cols
        if v < n:
            kmh = col_kmh[c]
            if kmh == KMH_LOCAL and mix64((base + (4 * u + TAG_DROP_V) * G) & M) < drop_threshold:
                dropped += 1
            else:
                north[u] = travel_seconds(xs[v] - x, ys[v] - y, kmh)

    # --- express arcs along expressway lines (symmetric) -----------------
    express = {}   # u -> list of (v, w); insertion order is deterministic
    def add_express(a, b):
        w = travel_seconds(xs[b] - xs[a], ys[b] - ys[a], KMH_EXPRESSWAY)
        express.setdefault(a, []).append((b, w))
        express.setdefault(b, []).append((a, w))
    for r in range(0, rows, EXPRESSWAY_EVERY):
        for c in range(0, cols - EXPRESS_STRIDE, EXPRESS_STRIDE):
            a = r * cols + c
            b = a + EXPRESS_STRIDE
            if b < n:
                add_express(a, b)
    for c in range(0, cols, EXPRESSWAY_EVERY):
        for r in range(0, rows - EXPRESS_STRIDE, EXPRESS_STRIDE):
            a = r * cols + c
            b = a + EXPRESS_STRIDE * cols
            if b < n:
                add_express(a, b)
    n_express = sum(len(v) for v in express.values())

    # --- emit arcs grouped by tail, as big text chunks ---------------------
    chunks = []
    buf = []
    m = 0
    for u in range(n):
        c = u % cols
        uid = u + 1
        w = east[u]
        if w:
            buf.append(f"a {uid} {uid + 1} {w}\n")
        if c > 0:
            w = east[u - 1]
            if w:
                buf.append(f"a {uid} {uid - 1} {w}\n")
        w = north[u]
        if w:
            buf.append(f"a {uid} {uid + cols} {w}\n")
        if u >= cols:
            w = north[u - cols]
            if w:
                buf.append(f"a {uid} {uid - cols} {w}\n")
        ex = express.get(u)
        if ex:
            for v, w in ex:
                buf.append(f"a {uid} {v + 1} {w}\n")
        if len(buf) >= 65536:
            m += len(buf)
            chunks.append("".join(buf))
            buf = []
    m += len(buf)
    chunks.append("".join(buf))
    stats = {"cols": cols, "rows": rows, "dropped_edges": dropped,
             "express_arcs": n_express}
    return xs, ys, chunks, m, stats


def header_lines(n, m, seed, stats, kind):
    return [
        f"c Corridor synthetic road-like graph ({kind}), Tools/gen-road-graph.py",
        f"c parameters: nodes={n} seed={seed} grid={stats['cols']} cols x {stats['rows']} rows (last row partial)",
        f"c grid spacing {SPACING_M} m, integer jitter +-{JITTER_M} m per coordinate, offset +{OFFSET_M} m",
        f"c speeds: local {KMH_LOCAL} km/h, arterial every {ARTERIAL_EVERY}th row/col {KMH_ARTERIAL} km/h,",
        f"c   expressway every {EXPRESSWAY_EVERY}th row/col {KMH_EXPRESSWAY} km/h + express arcs every {EXPRESS_STRIDE}th node",
        f"c local street edges dropped: {DROP_PER_MILLE / 10:.1f}% ({stats['dropped_edges']} edges, both directions)",
        "c arc weight: travel time in whole seconds = max(1, round(euclid_m / speed_m_per_s))",
        "c coordinates (.co): integers in metres, x east, y north; node ids are 1-based",
        "c admissible A* heuristic: euclid_m / 41.667 m/s (1.5 x top speed, covers rounding)",
        "c deterministic: counter-based splitmix64, same nodes+seed => identical files",
    ]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--nodes", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--output", required=True, help="output .gr file")
    ap.add_argument("--co", help="optional output .co coordinate file")
    args = ap.parse_args(argv)
    if args.nodes < 1:
        ap.error("--nodes must be >= 1")
    if not 0 <= args.seed <= MASK64:
        ap.error("--seed must be an unsigned 64-bit integer")

    t0 = time.perf_counter()
    n, seed = args.nodes, args.seed
    xs, ys, chunks, m, stats = generate(n, seed)
    t1 = time.perf_counter()

    with open(args.output, "w", encoding="ascii", newline="\n", buffering=1 << 22) as f:
        f.write("\n".join(header_lines(n, m, seed, stats, "arcs")) + "\n")
        f.write(f"p sp {n} {m}\n")
        for ch in chunks:
            f.write(ch)
    chunks = None
    if args.co:
        with open(args.co, "w", encoding="ascii", newline="\n", buffering=1 << 22) as f:
            f.write("\n".join(header_lines(n, m, seed, stats, "coordinates")) + "\n")
            f.write(f"p aux sp co {n}\n")
            step = 65536
            for lo in range(0, n, step):
                hi = min(n, lo + step)
                f.write("".join(f"v {u + 1} {xs[u]} {ys[u]}\n" for u in range(lo, hi)))
    t2 = time.perf_counter()
    print(f"n={n} m={m} cols={stats['cols']} rows={stats['rows']} "
          f"dropped_edges={stats['dropped_edges']} express_arcs={stats['express_arcs']} "
          f"gen_s={t1 - t0:.1f} write_s={t2 - t1:.1f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
