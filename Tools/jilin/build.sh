#!/usr/bin/env bash
# Tools/jilin/build.sh DATA_DIR [OUT_DIR]
#
# Rebuilds the derived CSVs of the bundled network Networks/jilin (places.csv,
# links.csv, changes.csv) from the hand-written specs in this folder and the
# shared reference data in DATA_DIR (shared/data). projects.csv, README.md and
# ATTRIBUTION.md are written by hand in the network folder and not touched.
#
#   places-spec*.csv  -> Tools/place-rows.py  -> places.csv
#   lines-*.csv, links-*.csv -> Tools/link-rows.py -> links.csv
#   changes-*.csv (concatenated, header once)      -> changes.csv
#
# Everything is written to a temporary folder first and moved into OUT_DIR
# (default Networks/jilin) only when every step succeeded: a failed build leaves
# the network as it was. Output is byte-for-byte reproducible.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="${1:?usage: Tools/jilin/build.sh DATA_DIR [OUT_DIR]}"
out="${2:-$root/Networks/jilin}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

concat() { # header of the first file once, then every file's rows
  local first=1
  for f in "$@"; do
    if [ $first = 1 ]; then cat "$f"; first=0; else tail -n +2 "$f"; fi
    [ -z "$(tail -c 1 "$f")" ] || echo
  done
}

# The main spec first (the prefecture seats lead places.csv), then the others.
concat "$here"/places-spec.csv $(ls "$here"/places-spec-*.csv 2>/dev/null | sort) > "$tmp/places-spec.csv"
python3 "$root/Tools/place-rows.py" "$data" "$tmp/places-spec.csv" -o "$tmp/places.csv"
concat "$here"/lines-*.csv > "$tmp/lines.csv"
python3 "$root/Tools/link-rows.py" "$data" "$tmp/places.csv" "$tmp/lines.csv" \
  "$here"/links-rail.csv "$here"/links-road.csv "$here"/links-access.csv -o "$tmp/links.csv"
concat "$here"/changes-*.csv > "$tmp/changes.csv"

mkdir -p "$out"
for f in places links changes; do mv "$tmp/$f.csv" "$out/$f.csv"; done
echo "built $out: $(($(wc -l < "$out/places.csv") - 1)) places, $(($(wc -l < "$out/links.csv") - 1)) links, $(($(wc -l < "$out/changes.csv") - 1)) changes"
