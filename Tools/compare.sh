#!/usr/bin/env bash
# compare.sh - reproduce the README performance table in one command.
#
#   bash Tools/compare.sh [N=1000000] [SEED=1]     (plain "1000000 1" works too)
#   bash Tools/compare.sh --table FILE.jsonl        (only print the table)
#
# 1. generates /tmp/corridor-bench/road-N-SEED.gr (+ .co) with
#    Tools/gen-road-graph.py unless it already exists;
# 2. builds `swift build -c release --product corridor-bench` in the repo root
#    (the parent directory of this script);
# 3. runs corridor-bench and Tools/peers.py on the same operations:
#      sssp  --sources S --repeat 3
#      bound --sources S --limit 1800 --repeat 3
#      p2p   --pairs P --algo dijkstra|bidir|astar --repeat 3 (peers: their own algo)
#    with 8 deterministic sources S and 8 deterministic pairs P derived from N;
# 4. writes every JSON line to /tmp/corridor-bench/results-N-SEED.jsonl and
#    prints a Markdown table op | impl | median_ms | min_ms | load_ms | checksum,
#    flagging any checksum that differs from corridor's for the same op.
#
# Environment overrides: PYTHON (python3), SWIFT (swift), PEERS
# (scipy,igraph,networkit), SKIP_BUILD=1 (use the existing binary),
# BENCH (path of the corridor-bench binary; default .build/release/...),
# LIMIT (1800), REPEAT (3), OUTDIR (/tmp/corridor-bench).
# Exit status: 0 ok, 2 if any checksum disagrees, 1 on setup errors.
set -euo pipefail

PYTHON=${PYTHON:-python3}
SWIFT=${SWIFT:-swift}
PEERS=${PEERS:-scipy,igraph,networkit}
LIMIT=${LIMIT:-1800}
REPEAT=${REPEAT:-3}
OUTDIR=${OUTDIR:-/tmp/corridor-bench}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/.." && pwd)

# ---------------------------------------------------------------- table ---
print_table() {   # $1 = jsonl file
    "$PYTHON" - "$1" <<'PY'
import json, sys, collections
rows = []
with open(sys.argv[1]) as f:
    for line in f:
        line = line.strip()
        if line.startswith("{"):
            try:
                rows.append(json.loads(line))
            except ValueError:
                print(f"(skipped unparsable line: {line[:80]})", file=sys.stderr)
if not rows:
    sys.exit("no JSON lines in " + sys.argv[1])

def is_corridor(r):
    return str(r.get("impl", "")).split()[0].lower() == "corridor"

# reference checksum per op: corridor's (first line without error), else majority
ref, ref_src = {}, {}
for op in dict.fromkeys(r.get("op") for r in rows):
    ok = [r for r in rows if r.get("op") == op and "error" not in r and "checksum" in r]
    cor = [r["checksum"] for r in ok if is_corridor(r)]
    if cor:
        ref[op], ref_src[op] = cor[0], "corridor"
    elif ok:
        ref[op] = collections.Counter(r["checksum"] for r in ok).most_common(1)[0][0]
        ref_src[op] = "majority (no corridor line)"

def fmt(x, nd=3):
    if x is None or x == "":
        return ""
    if isinstance(x, float):
        return f"{x:.{nd}f}" if abs(x) < 1e5 else f"{x:.0f}"
    return str(x)

first = next((r for r in rows if "n" in r), {})
if first:
    print(f"graph: n={first.get('n')} m={first.get('m')}\n")
print("| op | impl | median_ms | min_ms | load_ms | checksum |")
print("|---|---|---:|---:|---:|---|")
mismatches = 0
op_order = {op: i for i, op in enumerate(dict.fromkeys(r.get("op") for r in rows))}
rows.sort(key=lambda r: op_order[r.get("op")])   # stable: file order within an op
for r in rows:
    op = r.get("op", "?")
    impl = str(r.get("impl", "?"))
    if r.get("algo"):
        impl += f" ({r['algo']})"
    if "error" in r:
        print(f"| {op} | {impl} | | | | error: {r['error']} |")
        continue
    cs = r.get("checksum")
    cell = fmt(cs)
    if op in ref and cs != ref[op]:
        mismatches += 1
        cell += f" **MISMATCH** ({ref_src[op]}: {ref[op]})"
    if r.get("note"):
        cell += f" — {r['note']}"
    print(f"| {op} | {impl} | {fmt(r.get('median_ms'))} | {fmt(r.get('min_ms'))} "
          f"| {fmt(r.get('load_ms'), 1)} | {cell} |")
print()
for op, src in ref_src.items():
    peer = sorted({r["checksum"] for r in rows if r.get("op") == op and "error" not in r
                   and "checksum" in r and not is_corridor(r)})
    agree = "peers agree" if len(peer) == 1 else ("PEERS DISAGREE" if peer else "no peer lines")
    print(f"reference checksum {op}: {ref[op]} ({src}); peer checksums {peer} ({agree})")
if mismatches:
    print(f"\n{mismatches} checksum mismatch(es)")
    sys.exit(2)
print("all checksums agree")
PY
}

if [[ "${1:-}" == "--table" ]]; then
    [[ -n "${2:-}" ]] || { echo "usage: $0 --table FILE.jsonl" >&2; exit 1; }
    print_table "$2"
    exit $?
fi

# ------------------------------------------------------------ arguments ---
N=1000000
SEED=1
pos=0
for arg in "$@"; do
    case "$arg" in
        N=*) N=${arg#N=} ;;
        SEED=*) SEED=${arg#SEED=} ;;
        -h|--help) sed -n '2,24p' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) if [[ $pos -eq 0 ]]; then N=$arg; else SEED=$arg; fi; pos=$((pos + 1)) ;;
    esac
done
[[ "$N" =~ ^[0-9]+$ && "$N" -ge 2 ]] || { echo "N must be an integer >= 2 (got '$N')" >&2; exit 1; }
[[ "$SEED" =~ ^[0-9]+$ ]] || { echo "SEED must be a non-negative integer (got '$SEED')" >&2; exit 1; }

mkdir -p "$OUTDIR"
G="$OUTDIR/road-$N-$SEED.gr"
CO="$OUTDIR/road-$N-$SEED.co"
RESULTS="$OUTDIR/results-$N-$SEED.jsonl"
: > "$RESULTS"

# -------------------------------------------------------------- graph ---
if [[ ! -s "$G" ]]; then
    echo "# generating $G" >&2
    t0=$(date +%s.%N)
    "$PYTHON" "$HERE/gen-road-graph.py" --nodes "$N" --seed "$SEED" -o "$G.tmp" --co "$CO.tmp"
    mv "$CO.tmp" "$CO"
    mv "$G.tmp" "$G"
    echo "# generated in $(echo "$(date +%s.%N) - $t0" | bc 2>/dev/null || echo '?') s" >&2
else
    echo "# using existing $G" >&2
fi

# ------------------------------------------- deterministic queries from N ---
# golden-ratio / silver-ratio strides spread the ids over rows and columns
SOURCES=""
PAIRS=""
for i in 0 1 2 3 4 5 6 7; do
    s=$(( 1 + ((i + 1) * N * 618034 / 1000000) % N ))
    t=$(( 1 + ((i + 1) * N * 414214 / 1000000 + N / 2) % N ))
    SOURCES+="${SOURCES:+,}$s"
    PAIRS+="${PAIRS:+,}$s-$t"
done
echo "# sources: $SOURCES" >&2
echo "# pairs:   $PAIRS" >&2

# run CMD... ; keep its JSON lines (adding "algo" if given and missing).
# A command that fails or prints no JSON gets an error line instead.
collect() {   # $1 impl label, $2 op, $3 algo ("" = none), rest = command
    local impl=$1 op=$2 algo=$3
    shift 3
    local out err rc=0
    out=$(mktemp)
    err=$(mktemp)
    "$@" >"$out" 2>"$err" || rc=$?
    "$PYTHON" - "$impl" "$op" "$algo" "$rc" "$out" "$err" "$RESULTS" <<'PY'
import json, sys
impl, op, algo, rc, outf, errf, res = sys.argv[1:8]
objs = []
for l in open(outf, errors="replace"):
    l = l.strip()
    if not l.startswith("{"):
        continue
    try:
        o = json.loads(l)
    except ValueError:
        continue
    if algo and "algo" not in o:
        o["algo"] = algo
    objs.append(o)
if not objs:
    tail = [l for l in open(errf, errors="replace").read().splitlines() if l.strip()][-1:] or [""]
    o = {"impl": impl, "op": op, "error": f"exit {rc}, no JSON: {tail[0][:200]}"}
    if algo:
        o["algo"] = algo
    objs.append(o)
with open(res, "a") as f:
    for o in objs:
        f.write(json.dumps(o) + "\n")
PY
    if [[ -s "$err" ]]; then sed 's/^/#   /' "$err" >&2; fi
    rm -f "$out" "$err"
}

# -------------------------------------------------------- corridor-bench ---
BENCH=${BENCH:-"$REPO/.build/release/corridor-bench"}
have_bench=1
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    if [[ ! -f "$REPO/Package.swift" ]]; then
        echo "# WARNING: $REPO/Package.swift not found: cannot build corridor-bench" >&2
        have_bench=0
    elif ! command -v "$SWIFT" >/dev/null 2>&1; then
        echo "# WARNING: '$SWIFT' not on PATH: cannot build corridor-bench" >&2
        have_bench=0
    else
        echo "# building corridor-bench (swift build -c release)" >&2
        if ! (cd "$REPO" && "$SWIFT" build -c release --product corridor-bench >&2); then
            echo "# WARNING: swift build failed: running peers only" >&2
            have_bench=0
        fi
    fi
fi
if [[ $have_bench == 1 && ! -x "$BENCH" ]]; then
    echo "# WARNING: $BENCH missing: running peers only" >&2
    have_bench=0
fi
if [[ $have_bench == 1 ]]; then
    echo "# corridor-bench sssp/bound/p2p" >&2
    collect corridor sssp "" "$BENCH" sssp --gr "$G" --sources "$SOURCES" --repeat "$REPEAT"
    collect corridor bound "" "$BENCH" bound --gr "$G" --sources "$SOURCES" --limit "$LIMIT" --repeat "$REPEAT"
    for algo in dijkstra bidir astar; do
        collect corridor p2p "$algo" "$BENCH" p2p --gr "$G" --pairs "$PAIRS" --algo "$algo" --repeat "$REPEAT"
    done
    # The same with the nodes renumbered along the Z-order curve of the .co coordinates.
    if [[ -f "${G%.gr}.co" ]]; then
        collect corridor sssp "" "$BENCH" sssp --gr "$G" --co "${G%.gr}.co" --sources "$SOURCES" --repeat "$REPEAT"
        collect corridor bound "" "$BENCH" bound --gr "$G" --co "${G%.gr}.co" --sources "$SOURCES" --limit "$LIMIT" --repeat "$REPEAT"
    fi
else
    echo '{"impl": "corridor", "op": "all", "error": "corridor-bench not built (see messages above)"}' >> "$RESULTS"
fi

# ---------------------------------------------------------------- peers ---
echo "# peers ($PEERS)" >&2
collect peers sssp "" "$PYTHON" "$HERE/peers.py" sssp --gr "$G" --sources "$SOURCES" --repeat "$REPEAT" --peers "$PEERS"
collect peers bound "" "$PYTHON" "$HERE/peers.py" bound --gr "$G" --sources "$SOURCES" --limit "$LIMIT" --repeat "$REPEAT" --peers "$PEERS"
collect peers p2p "" "$PYTHON" "$HERE/peers.py" p2p --gr "$G" --pairs "$PAIRS" --repeat "$REPEAT" --peers "$PEERS"

echo "# results: $RESULTS" >&2
echo
print_table "$RESULTS"
