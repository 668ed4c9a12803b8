#!/usr/bin/env bash
# Opens the static site the way a reader would: in headless Chromium, from file://.
#
#   scripts/site-screenshots.sh [REPO] [OUT]
#
# Builds `jbz-track site` from REPO (default: examples/demo) into OUT/site (default:
# target/site-screenshots), then
#   1. checks that every local href/src of every page names a file of the site,
#   2. renders every page (index, each dossier page) to OUT/png/<page>.png with headless
#      Chromium, and fails when Chromium fails or writes no picture or an empty one,
#   3. checks each feed is well-formed XML with the Atom elements (xmllint when present).
# Needs chromium (Debian: apt-get install -y chromium). Look at the PNGs afterwards.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
repo=${1:-$here/examples/demo}
out=${2:-$here/target/site-screenshots}
bin=${JBZ_TRACK:-}
if [ -z "$bin" ]; then
  cargo build --quiet --manifest-path "$here/Cargo.toml"
  bin=$here/target/debug/jbz-track
fi
chromium=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$chromium" ]; then
  echo "site-screenshots: no chromium on PATH (Debian: apt-get install -y chromium)" >&2
  exit 2
fi

rm -rf "$out"
mkdir -p "$out/png"
"$bin" --repo "$repo" --color never site "$out/site"
site=$(cd "$out/site" && pwd)

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# 1. Links: every href/src that is not a URL or a fragment must name a file.
while IFS= read -r page; do
  dir=$(dirname "$page")
  while IFS= read -r target; do
    case "$target" in ''|'#'*|*://*|mailto:*) continue ;; esac
    file=${target%%#*}
    [ -f "$dir/$file" ] || fail "${page#$site/}: link $target resolves to nothing"
  done < <(grep -o -E '(href|src)="[^"]*"' "$page" | sed -E 's/^(href|src)="//; s/"$//')
done < <(find "$site" -name '*.html' | sort)

# 2. Every page renders in a real browser.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
pages=0
while IFS= read -r page; do
  rel=${page#$site/}
  png="$out/png/$(echo "${rel%.html}" | tr '/' '_').png"
  if ! timeout 60 "$chromium" --headless --no-sandbox --disable-gpu \
      --disable-background-networking --no-first-run --user-data-dir="$profile" \
      --hide-scrollbars --screenshot="$png" --window-size=1200,900 \
      "file://$page" > "$out/png/chromium.log" 2>&1; then
    fail "$rel: chromium failed (see $out/png/chromium.log)"
    continue
  fi
  # A PNG begins with \x89PNG; a blank or missing picture is a failure too.
  if [ ! -s "$png" ] || [ "$(head -c 4 "$png" | tail -c 3)" != "PNG" ]; then
    fail "$rel: no screenshot"
  elif [ "$(stat -c %s "$png")" -lt 5000 ]; then
    fail "$rel: the screenshot is nearly empty ($(stat -c %s "$png") bytes)"
  fi
  pages=$((pages + 1))
done < <(find "$site" -name '*.html' | sort)

# 3. Feeds: well-formed, with the elements Atom requires.
feeds=0
for feed in "$site"/feeds/*.atom; do
  if command -v xmllint > /dev/null; then
    xmllint --noout "$feed" || fail "${feed#$site/}: not well-formed XML"
  fi
  for el in '<id>' '<title>' '<updated>' '<author>' '<link '; do
    grep -q "$el" "$feed" || fail "${feed#$site/}: no $el"
  done
  feeds=$((feeds + 1))
done

echo "site-screenshots: $pages pages rendered, $feeds feeds checked; screenshots in $out/png"
if [ "$failures" -gt 0 ]; then
  echo "site-screenshots: $failures problems" >&2
  exit 1
fi
