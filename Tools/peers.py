#!/usr/bin/env python3
"""peers.py - run Corridor's benchmark operations with peer libraries.

What it measures
    The same three operations as the Swift `corridor-bench`, on the same
    9th-DIMACS `.gr` file, with established shortest-path libraries, printing
    the same machine-readable JSON (one object per line on stdout) so the
    results can be tabulated and cross-checked against Corridor:

      sssp   full single-source shortest paths from each source
      bound  distance-bounded search: every node with dist <= L from each source
      p2p    point-to-point distance for each (source, target) pair

Usage (node ids on the command line are DIMACS ids, i.e. 1-based)
    python3 Tools/peers.py sssp  --gr FILE.gr --sources 1,17,42 [--repeat R] [--peers scipy,igraph,networkit]
    (--repeat defaults to 3, as in corridor-bench)
    python3 Tools/peers.py bound --gr FILE.gr --sources 1,17,42 --limit L [--repeat R] [--peers ...]
    python3 Tools/peers.py p2p   --gr FILE.gr --pairs 1-5,7-9 [--repeat R] [--peers ...]
    Optional: --p2p-algo bidir|dijkstra  (networkit only; default bidir)

Installing the peers
    pip install scipy igraph networkit
    (scipy also pulls numpy, which this script itself needs.) A peer that is
    not importable yields a line {"impl": ..., "op": ..., "error": "not
    installed: pip install <pkg>"} and the run continues with the others.

Output keys (one line per (op, peer))
    impl       library name and version, e.g. "scipy.sparse.csgraph 1.17.1"
    op         sssp | bound | p2p
    n, m       node count and arc count as read from the file (arc lines)
    queries    number of queries (sources or pairs) as given; like
               corridor-bench, a repeated id is run (and summed) again
    median_ms, min_ms
               over every timed query of every --repeat round; each query is
               timed on its own with time.perf_counter around the library's
               search call(s) that produce the distances. Reducing the result
               to the checksum is outside the timer. For igraph the call also
               builds the Python result lists (unavoidable in its API); for
               networkit only run() is timed (reading distances is separate).
    checksum   see below; identical to corridor-bench's definition
    load_ms    parse the .gr file + build that library's graph (incl. the
               de-duplication described below)
    note       present where the peer's semantics differ from Corridor's
               operation (e.g. "no bounded search: full SSSP then count")
    plus: repeat, and limit (bound) / algo (p2p)

Checksums (distances are integers; library floats -> int(round()))
    sssp   sum over sources of all finite distances
    bound  number of (source, node) pairs with distance <= L (the source
           itself counts, at distance 0)
    p2p    sum of the distances over the pairs; unreachable pairs add 0

Graph semantics (what a .gr file means here)
    * Directed multigraph, arc weights are non-negative integers.
    * Parallel arcs u->v: only the MINIMUM weight matters. scipy's
      csr_matrix((w, (u, v))) would SUM duplicates, so arcs are sorted and
      de-duplicated (keep min) before any library sees them; all peers get
      the same simple graph.
    * Self-loops cannot shorten a path with non-negative weights: dropped.
    * Zero-weight arcs are real arcs. scipy.sparse.csgraph treats explicit
      zeros stored in a *sparse* matrix as edges, but a dense matrix or any
      operation that calls eliminate_zeros() turns them into "no edge".
      The CSR matrix is therefore built directly from (data, indices,
      indptr), and a tiny self-test at startup verifies that scipy honours
      an explicit zero; if it ever does not, zero weights are replaced by
      1e-9 (still rounds to the right integer) and the note says so.
    * scipy's dijkstra(limit=L) keeps nodes with distance == L (tested); it
      is called with limit=L+0.5 anyway and the integer distances are then
      counted with <= L.
    * networkit reports unreachable nodes as DBL_MAX, scipy/igraph as inf.
    * networkit 11.3: BidirectionalDijkstra(..., storePred=False) segfaults
      (tested), so it is run with storePred=True.

Cost model caveats (keep in mind when reading the numbers)
    * scipy has no target parameter: p2p is a full SSSP per pair (noted).
      Every call also allocates and fills an n-sized result array.
    * python-igraph rebuilds O(n + m) per-call structures: at 1 M nodes a
      trivial s == t query already costs ~60 ms; sssp also returns Python
      lists of n floats.
    * peers run single-threaded algorithms; numbers include Python call
      overhead.
"""

import argparse
import json
import statistics
import sys
import time

try:
    import numpy as np
except ImportError:  # pragma: no cover
    sys.exit("peers.py needs numpy: pip install numpy scipy igraph networkit")

ALL_PEERS = ("scipy", "igraph", "networkit")
PIP_NAME = {"scipy": "scipy", "igraph": "igraph", "networkit": "networkit"}


# ---------------------------------------------------------------- parsing --
def parse_gr(path):
    """Return (n, m_file, tails0, heads0, weights) with 0-based int64 arrays."""
    with open(path, "rb") as f:
        data = f.read()
    n = m_hdr = None
    pos = 0
    first_arc = -1
    while pos < len(data):
        end = data.find(b"\n", pos)
        if end < 0:
            end = len(data)
        line = data[pos:end]
        if line.startswith(b"p"):
            parts = line.split()
            if len(parts) < 4 or parts[1] != b"sp":
                raise ValueError(f"{path}: bad problem line {line!r}")
            n, m_hdr = int(parts[2]), int(parts[3])
        elif line.startswith(b"a"):
            first_arc = pos
            break
        pos = end + 1
    if n is None:
        raise ValueError(f"{path}: no 'p sp N M' line before the arcs")
    if first_arc < 0:
        arcs = np.zeros((0, 3), dtype=np.int64)
    else:
        region = data[first_arc:]
        del data
        # Any non-arc lines (comments) among the arcs? Filter them out.
        if (b"\nc" in region or b"\np" in region or b"\r" in region
                or b"\n\n" in region.rstrip(b"\n")):
            lines = region.replace(b"\r", b"").split(b"\n")
            region = b"\n".join(ln for ln in lines if ln.startswith(b"a"))
        flat = _ints(region.replace(b"a", b" "))
        if flat.size % 3:
            raise ValueError(f"{path}: malformed arc lines")
        arcs = flat.reshape(-1, 3)
    m = arcs.shape[0]
    if m != m_hdr:
        print(f"peers.py: warning: header says {m_hdr} arcs, file has {m}",
              file=sys.stderr)
    u = arcs[:, 0] - 1
    v = arcs[:, 1] - 1
    w = arcs[:, 2].copy()
    if m and (u.min() < 0 or v.min() < 0 or u.max() >= n or v.max() >= n):
        raise ValueError(f"{path}: node id out of range 1..{n}")
    if m and w.min() < 0:
        raise ValueError(f"{path}: negative arc weight")
    return n, m, u, v, w


def _ints(text):
    """Whitespace-separated integers -> int64 array (fast path np.fromstring)."""
    import warnings
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            return np.fromstring(text, dtype=np.int64, sep=" ")
    except Exception:          # deprecated/removed in some future numpy
        return np.array(text.split(), dtype=np.int64)


def simple_graph(n, u, v, w):
    """Drop self-loops, keep the minimum weight of parallel arcs.
    Returns arrays sorted by (tail, head)."""
    keep = u != v
    u, v, w = u[keep], v[keep], w[keep]
    order = np.lexsort((w, v, u))          # by u, then v, then w ascending
    u, v, w = u[order], v[order], w[order]
    if u.size:
        first = np.ones(u.size, dtype=bool)
        first[1:] = (u[1:] != u[:-1]) | (v[1:] != v[:-1])
        u, v, w = u[first], v[first], w[first]
    return u, v, w


# --------------------------------------------------------------- checksums --
def finite_int(d):
    d = np.asarray(d, dtype=np.float64)
    return np.rint(d[np.isfinite(d)]).astype(np.int64)


# ------------------------------------------------------------------- peers --
class Peer:
    name = "?"
    notes = {}

    def __init__(self, n, u, v, w):
        raise NotImplementedError

    def sssp(self, s):        # -> array-like of distances (inf = unreachable)
        raise NotImplementedError

    def bound(self, s, limit):
        raise NotImplementedError

    def p2p(self, s, t):      # -> float distance (inf = unreachable)
        raise NotImplementedError


class ScipyPeer(Peer):
    name = "scipy"

    def __init__(self, n, u, v, w):
        import scipy
        import scipy.sparse as sp
        from scipy.sparse.csgraph import dijkstra
        self.impl = f"scipy.sparse.csgraph {scipy.__version__}"
        self._dijkstra = dijkstra
        self.notes = {"p2p": "no target/early exit: full SSSP per pair"}
        data = w.astype(np.float64)
        if not self._zero_arcs_honoured(sp, dijkstra):
            data[data == 0] = 1e-9
            for op in ("sssp", "bound", "p2p"):
                self.notes[op] = ((self.notes.get(op, "") + "; ").lstrip("; ")
                                  + "zero weights replaced by 1e-9")
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(u, minlength=n), out=indptr[1:])
        idx_t = np.int32 if n < 2**31 and u.size < 2**31 else np.int64
        self.g = sp.csr_matrix((data, v.astype(idx_t), indptr.astype(idx_t)),
                               shape=(n, n))
        self.g.has_sorted_indices = True

    @staticmethod
    def _zero_arcs_honoured(sp, dijkstra):
        # 0 -0-> 1 -5-> 2 : dist(2) must be 5 if explicit zeros are edges
        g = sp.csr_matrix((np.array([0.0, 5.0]), np.array([1, 2], dtype=np.int32),
                           np.array([0, 1, 2, 2], dtype=np.int32)), shape=(3, 3))
        d = dijkstra(g, directed=True, indices=0)
        return d[1] == 0 and d[2] == 5

    def sssp(self, s):
        return self._dijkstra(self.g, directed=True, indices=s)

    def bound(self, s, limit):
        # distances are integers: "<= L" == "< L + 0.5"; the slack also keeps
        # the 1e-9 zero-weight fallback exact
        return self._dijkstra(self.g, directed=True, indices=s, limit=limit + 0.5)

    def p2p(self, s, t):
        return self._dijkstra(self.g, directed=True, indices=s)[t]


class IgraphPeer(Peer):
    name = "igraph"

    def __init__(self, n, u, v, w):
        import igraph
        self.impl = f"python-igraph {igraph.__version__}"
        self.notes = {"bound": "no bounded search: full SSSP then count"}
        edges = np.column_stack((u, v)).tolist()
        self.g = igraph.Graph(n=n, edges=edges, directed=True)
        self.g.es["weight"] = w.astype(np.float64).tolist()

    def sssp(self, s):
        return self.g.distances(source=[s], weights="weight", mode="out")[0]

    def bound(self, s, limit):
        return self.sssp(s)

    def p2p(self, s, t):
        return self.g.distances(source=[s], target=[t], weights="weight",
                                mode="out")[0][0]


class NetworkitPeer(Peer):
    name = "networkit"
    p2p_algo = "bidir"

    def __init__(self, n, u, v, w):
        import networkit as nk
        self.nk = nk
        self.impl = f"networkit {nk.__version__}"
        self.notes = {"bound": "no bounded search: full SSSP then count"}
        self.g = nk.graph.GraphFromCoo(
            (w.astype(np.float64), (u.astype(np.uint64), v.astype(np.uint64))),
            n=n, weighted=True, directed=True)
        self._last = None

    def sssp(self, s):
        algo = self.nk.distance.Dijkstra(self.g, s, storePaths=False)
        algo.run()
        self._last = algo
        return algo       # distances fetched outside the timer

    def bound(self, s, limit):
        return self.sssp(s)

    def p2p(self, s, t):
        if self.p2p_algo == "bidir":
            # storePred=False segfaults in networkit 11.3 (tested): keep True
            algo = self.nk.distance.BidirectionalDijkstra(self.g, s, t, storePred=True)
            algo.run()
            return algo
        algo = self.nk.distance.Dijkstra(self.g, s, storePaths=False, target=t)
        algo.run()
        return algo


NK_INF = 1e300   # networkit reports unreachable as DBL_MAX


def nk_distances(res):
    d = np.asarray(res.getDistances(), dtype=np.float64)
    d[d > NK_INF] = np.inf
    return d


def nk_distance(res, t):
    x = res.getDistance() if hasattr(res, "getDistance") else res.distance(t)
    return float("inf") if x > NK_INF else x


# -------------------------------------------------------------------- main --
def parse_ids(text, what):
    ids = []
    for tok in text.split(","):
        tok = tok.strip()
        if tok:
            ids.append(int(tok))
    if not ids:
        raise SystemExit(f"peers.py: no {what} given")
    return ids          # kept as given (duplicates too), like corridor-bench


def parse_pairs(text):
    pairs = []
    for tok in text.split(","):
        tok = tok.strip()
        if not tok:
            continue
        a, sep, b = tok.partition("-")
        if not sep:
            raise SystemExit(f"peers.py: bad pair {tok!r} (want S-T)")
        pairs.append((int(a), int(b)))
    if not pairs:
        raise SystemExit("peers.py: no pairs given")
    return pairs


def run_peer(cls, args, graph, parse_ms, queries):
    n, m, u, v, w = graph
    op = args.op
    t0 = time.perf_counter()
    peer = cls(n, u, v, w)
    load_ms = parse_ms + (time.perf_counter() - t0) * 1e3
    if cls is NetworkitPeer:
        peer.p2p_algo = args.p2p_algo

    times = []
    checksum = None
    for rnd in range(args.repeat):
        total = 0
        for q in queries:
            if op == "sssp":
                t = time.perf_counter()
                res = peer.sssp(q)
                times.append(time.perf_counter() - t)
                d = nk_distances(res) if cls is NetworkitPeer else res
                total += int(finite_int(d).sum())
            elif op == "bound":
                t = time.perf_counter()
                res = peer.bound(q, args.limit)
                times.append(time.perf_counter() - t)
                d = nk_distances(res) if cls is NetworkitPeer else res
                total += int(np.count_nonzero(finite_int(d) <= args.limit))
            else:
                s, tt = q
                t = time.perf_counter()
                res = peer.p2p(s, tt)
                times.append(time.perf_counter() - t)
                d = nk_distance(res, tt) if cls is NetworkitPeer else res
                if np.isfinite(d):
                    total += int(round(float(d)))
        if checksum is None:
            checksum = total
        elif checksum != total:
            raise RuntimeError(f"checksum changed between rounds: {checksum} vs {total}")

    out = {
        "impl": peer.impl, "op": op, "n": n, "m": m, "queries": len(queries),
        "median_ms": round(statistics.median(times) * 1e3, 3),
        "min_ms": round(min(times) * 1e3, 3),
        "checksum": checksum, "load_ms": round(load_ms, 1),
        "repeat": args.repeat,
    }
    if op == "bound":
        out["limit"] = args.limit
    if op == "p2p":
        out["algo"] = {"scipy": "dijkstra-full", "igraph": "dijkstra",
                       "networkit": args.p2p_algo}[cls.name]
    note = peer.notes.get(op)
    if note:
        out["note"] = note
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Run corridor-bench operations with peer libraries (JSON lines).")
    ap.add_argument("op", choices=("sssp", "bound", "p2p"))
    ap.add_argument("--gr", required=True, help="9th DIMACS .gr file")
    ap.add_argument("--sources", help="comma-separated 1-based node ids (sssp, bound)")
    ap.add_argument("--pairs", help="comma-separated S-T pairs, 1-based (p2p)")
    ap.add_argument("--limit", type=int, help="distance bound L (bound)")
    ap.add_argument("--repeat", type=int, default=3,
                    help="rounds over all queries (default 3, as corridor-bench)")
    ap.add_argument("--peers", default=",".join(ALL_PEERS),
                    help="comma-separated subset of " + ",".join(ALL_PEERS))
    ap.add_argument("--p2p-algo", choices=("bidir", "dijkstra"), default="bidir",
                    help="networkit p2p algorithm (default bidir)")
    args = ap.parse_args(argv)
    if args.repeat < 1:
        ap.error("--repeat must be >= 1")

    if args.op in ("sssp", "bound"):
        if not args.sources:
            ap.error(f"{args.op} needs --sources")
        raw = parse_ids(args.sources, "sources")
    else:
        if not args.pairs:
            ap.error("p2p needs --pairs")
        raw = parse_pairs(args.pairs)
    if args.op == "bound" and (args.limit is None or args.limit < 0):
        ap.error("bound needs --limit L >= 0")
    peers = [p.strip() for p in args.peers.split(",") if p.strip()]
    for p in peers:
        if p not in ALL_PEERS:
            ap.error(f"unknown peer {p!r}; choose from {','.join(ALL_PEERS)}")

    t0 = time.perf_counter()
    n, m, u, v, w = parse_gr(args.gr)
    u, v, w = simple_graph(n, u, v, w)
    parse_ms = (time.perf_counter() - t0) * 1e3

    def check(i):
        if not 1 <= i <= n:
            raise SystemExit(f"peers.py: node id {i} outside 1..{n}")
        return i - 1
    if args.op == "p2p":
        queries = [(check(a), check(b)) for a, b in raw]
    else:
        queries = [check(a) for a in raw]

    classes = {"scipy": ScipyPeer, "igraph": IgraphPeer, "networkit": NetworkitPeer}
    modules = {"scipy": "scipy.sparse.csgraph", "igraph": "igraph", "networkit": "networkit"}
    for p in peers:
        try:
            __import__(modules[p])
        except ImportError:
            print(json.dumps({"impl": p, "op": args.op,
                              "error": f"not installed: pip install {PIP_NAME[p]}"}),
                  flush=True)
            continue
        try:
            out = run_peer(classes[p], args, (n, m, u, v, w), parse_ms, queries)
        except Exception as e:   # keep going with the other peers
            out = {"impl": p, "op": args.op, "error": f"{type(e).__name__}: {e}"}
        print(json.dumps(out), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
