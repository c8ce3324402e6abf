#!/usr/bin/env bash
# Renders the README's diagrams of the bundled network with `corridor dot` and Graphviz:
# each diagram's DOT text (in a temporary folder), then SVG and PNG into docs/images (or
# the folder given).
#
#   bash Tools/render-diagrams.sh              # docs/images/*.svg, *.png
#   bash Tools/render-diagrams.sh /tmp/out     # somewhere else
#   SCRATCH_PATH=/tmp/build bash Tools/render-diagrams.sh   # swift build --scratch-path
#
# Needs Graphviz (dot) and a CJK font: apt-get install graphviz fonts-noto-cjk. Every
# DOT file renders with dot or neato alike (the file sets its layout engine); a warning
# from Graphviz fails the script, as it fails the tests.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dot >/dev/null 2>&1; then
  echo "render-diagrams: Graphviz's dot is not on PATH (apt-get install graphviz fonts-noto-cjk)" >&2
  exit 1
fi
if [ -z "$(fc-list "Noto Sans CJK SC" 2>/dev/null)" ]; then
  echo "render-diagrams: warning: no Noto Sans CJK SC font (fonts-noto-cjk); Chinese may fall back to another font" >&2
fi

out=${1:-docs/images}
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
build=(swift build --product corridor)
if [ -n "${SCRATCH_PATH:-}" ]; then build+=(--scratch-path "$SCRATCH_PATH"); fi
"${build[@]}" >/dev/null
corridor="$("${build[@]}" --show-bin-path)/corridor"

# name, then the arguments of `corridor dot jilin`.
diagrams=(
  "jilin-map|"
  "changjihun-schematic|--corridor 长吉珲 --layout schematic"
  "changchun-reach|--reach 长春 --within 30,60,120"
  "shenbai-impact|--impact hsr-shenbai"
)

for entry in "${diagrams[@]}"; do
  name=${entry%%|*}
  read -r -a arguments <<<"${entry#*|}"
  "$corridor" dot jilin "${arguments[@]}" -o "$work/$name.dot"
  for format in svg png; do
    errors=$(dot -T"$format" "$work/$name.dot" -o "$out/$name.$format" 2>&1) || { echo "$errors" >&2; exit 1; }
    if [ -n "$errors" ]; then
      echo "render-diagrams: Graphviz warned on $name.$format:" >&2
      echo "$errors" >&2
      exit 1
    fi
  done
  echo "$out/$name.svg, .png: corridor dot jilin ${arguments[*]}"
done
