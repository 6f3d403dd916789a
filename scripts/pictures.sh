#!/usr/bin/env bash
# Regenerates exports/ (the graph of examples/articles in every format) and the README's pictures:
# docs/pictures/seeds.png (the example articles) and docs/pictures/politics-50.png (the first 50
# BBC politics articles of ../shared, which stay there: only the picture is committed).
#
# Needs Graphviz, rsvg-convert (Debian librsvg2-bin) and pngquant (Debian pngquant); the PNGs are
# the same bytes on every run with the same tools, so they can be committed.
# Usage: scripts/pictures.sh
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in dot rsvg-convert pngquant; do
  command -v "$tool" >/dev/null || { echo "scripts/pictures.sh: $tool is needed (apt-get install graphviz librsvg2-bin pngquant)" >&2; exit 2; }
done

cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/newsgraph"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$bin" build examples/articles --out exports

mkdir -p "$work/politics-50" docs/pictures
find ../shared/corpus/bbc/articles/politics -name '*.txt' | LC_ALL=C sort | head -n 50 \
  | xargs cp -t "$work/politics-50"
"$bin" build "$work/politics-50" --out "$work/out" --format svg

# PNG width in pixels: the politics picture at about 86% of its size at 100% zoom (12 pt labels
# stay legible), the seeds' at the width of a wide screen. pngquant keeps each under 500 KB.
png() {
  rsvg-convert --width "$2" --background-color white "$1" --output "$work/full.png"
  pngquant --speed 1 --strip --quality 70-95 --force --output "$3" "$work/full.png"
  echo "wrote $3 ($(wc -c < "$3") bytes)"
}
png exports/graph.svg 1600 docs/pictures/seeds.png
png "$work/out/graph.svg" 2400 docs/pictures/politics-50.png
