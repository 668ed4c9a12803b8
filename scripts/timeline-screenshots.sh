#!/bin/sh
# Render every demo dossier's timeline as SVG and HTML, and photograph both in headless
# Chromium, so that a person looks at what a browser draws (issue 16, item 6).
#
#   scripts/timeline-screenshots.sh [OUT_DIR]      (default: target/screenshots)
#
# Needs a built jbz-track (`cargo build`; JBZ_TRACK=path overrides) and Chromium
# (`apt-get install chromium`; CHROMIUM=path overrides). Writes OUT_DIR/<dossier>.svg,
# .html, .svg.png and .html.png.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-"$root/target/screenshots"}
mkdir -p "$out"
out=$(cd "$out" && pwd)
bin=${JBZ_TRACK:-"$root/target/debug/jbz-track"}
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
demo="$root/examples/demo"

[ -x "$bin" ] || { echo "no jbz-track at $bin: run cargo build" >&2; exit 2; }
[ -n "$chromium" ] || { echo "no chromium: apt-get install chromium" >&2; exit 2; }

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

shoot() { # FILE PNG WIDTH HEIGHT
    "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
        --no-first-run --disable-component-update --disable-sync \
        --user-data-dir="$profile" --hide-scrollbars \
        --screenshot="$2" --window-size="$3,$4" "file://$1" >/dev/null 2>&1
    [ -s "$2" ] || { echo "chromium made no $2" >&2; exit 1; }
}

for dir in "$demo"/snapshots/*/; do
    id=$(basename "$dir")
    "$bin" --repo "$demo" --color never timeline "$id" --format svg >"$out/$id.svg"
    "$bin" --repo "$demo" --color never timeline "$id" --format html >"$out/$id.html"
    # The picture at its own size; the page tall enough for its first screens.
    size=$(sed -n 's/^<svg[^>]* width="\([0-9.]*\)" height="\([0-9.]*\)".*/\1 \2/p' "$out/$id.svg")
    w=${size% *}
    h=${size#* }
    shoot "$out/$id.svg" "$out/$id.svg.png" "${w%.*}" "${h%.*}"
    shoot "$out/$id.html" "$out/$id.html.png" 1200 1800
    echo "$out/$id.svg.png"
    echo "$out/$id.html.png"
done
