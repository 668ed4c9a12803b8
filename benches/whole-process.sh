#!/usr/bin/env bash
# Whole-process figures for jbz-track against the obvious alternatives (issue 7).
#
#   bash benches/whole-process.sh            # build --release, make the corpora, measure
#   RUNS=20 bash benches/whole-process.sh    # more runs per command (default 10)
#   KEEP=1 bash benches/whole-process.sh     # keep the corpora (the folder is printed)
#
# Every command runs RUNS times (a command whose first run takes over 5 s runs 3 times, over
# 30 s once); the table gives the median wall time, the median CPU time (user + sys, 10 ms
# resolution), the largest peak RSS of the runs, and the ratio of the median to its baseline
# measured in the same run. The corpora are made from the real report by
# `examples/bench_corpus.rs` (see benches/support/corpus.rs) in a temporary folder, never
# committed: 100 and 1,000 reports, and 1,000 reports as a git history of 1,000 commits.
# Needs bash 5, git and GNU time (/usr/bin/time).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${RUNS:-10}"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
JBZ="$TARGET_DIR/release/jbz-track"
GEN="$TARGET_DIR/release/examples/bench_corpus"
TIME=/usr/bin/time
export JBZ_NO_PAGER=1 NO_COLOR=1
unset JBZ_REPO CI JBZ_CACHE JBZ_CACHE_DIR

[[ -x $TIME ]] || { echo "needs GNU time at $TIME (apt-get install time)" >&2; exit 2; }

echo "building (cargo build --release) …" >&2
(cd "$ROOT" && cargo build --release --quiet --bin jbz-track --example bench_corpus)

WORK="$(mktemp -d "${TMPDIR:-/tmp}/jbz-whole-process.XXXXXX")"
if [[ -n ${KEEP:-} ]]; then
    echo "corpora kept in $WORK" >&2
else
    trap 'rm -rf "$WORK"' EXIT
fi

echo "making the corpora in $WORK …" >&2
"$GEN" "$WORK/r100" 100 >&2
"$GEN" "$WORK/r1000" 1000 >&2
"$GEN" "$WORK/g1000" 1000 --git >&2
# Snapshots for the report-only corpora, written by jbz-track itself (the 100 once more,
# fresh, is measured below).
"$JBZ" --repo "$WORK/r100" normalize -q
"$JBZ" --repo "$WORK/r1000" normalize -q

ROWS=()            # table rows, Markdown
declare -A MEDIAN  # label → median ms, for ratios

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }

# measure LABEL BASELINE-LABEL[|BASELINE-LABEL…] SETUP -- COMMAND...
#   SETUP (a shell snippet, may be empty) runs before each run, untimed.
measure() {
    local label=$1 base=$2 setup=$3
    shift 4
    local walls=() cpus=() rss=0 runs=$RUNS i=0 out="$WORK/time.out"
    while ((i < runs)); do
        [[ -n $setup ]] && eval "$setup"
        local t0=$EPOCHREALTIME
        local code=0
        "$TIME" -f '%M %U %S' -o "$out" "$@" >/dev/null 2>"$WORK/stderr" || code=$?
        local t1=$EPOCHREALTIME
        if ((code > 1)); then
            echo "warning: '$*' exited $code: $(head -c 300 "$WORK/stderr")" >&2
        fi
        local ms
        ms=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", (b - a) * 1000}')
        walls+=("$ms")
        read -r kb user sys < <(tail -n 1 "$out")
        cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.0f", (u + s) * 1000}')")
        ((kb > rss)) && rss=$kb
        if ((i == 0)); then
            if awk -v m="$ms" 'BEGIN {exit !(m > 30000)}'; then runs=1
            elif awk -v m="$ms" 'BEGIN {exit !(m > 5000)}'; then runs=$((RUNS < 3 ? RUNS : 3)); fi
        fi
        i=$((i + 1))
    done
    local med cpu ratio="" shown
    med=$(printf '%s\n' "${walls[@]}" | median)
    cpu=$(printf '%s\n' "${cpus[@]}" | median | awk '{printf "%.0f", $1}')
    MEDIAN[$label]=$med
    # BASELINE may name several, separated by '|': a ratio against each.
    local b bases
    IFS='|' read -r -a bases <<<"$base"
    for b in "${bases[@]}"; do
        [[ -n $b && -n ${MEDIAN[$b]:-} ]] || continue
        [[ -n $ratio ]] && ratio="$ratio; "
        ratio="$ratio$(awk -v a="$med" -v b="${MEDIAN[$b]}" 'BEGIN {printf "%.1f×", a / b}') \`$b\`"
    done
    shown=$(awk -v m="$med" 'BEGIN {printf (m < 10 ? "%.1f" : "%.0f"), m}')
    ROWS+=("| \`$label\` | $runs | $shown | $cpu | $(awk -v k="$rss" 'BEGIN {printf "%.1f", k / 1024}') | $ratio |")
    echo "  $label: median $shown ms over $runs runs" >&2
}

has_command() { "$JBZ" --help 2>/dev/null | grep -qE "^  $1( |$)"; }

echo "measuring ($RUNS runs each) …" >&2
# normalize with the cache off parses and extracts every report (a fresh clone, CI); with
# the cache of the run before, only what changed is (a re-run on the user's machine). Two
# floors: reading the reports, and reading every file normalize reads (the reports and the
# snapshots it compares its output with).
for n in 100 1000; do
    R="$WORK/r$n"
    measure "cat reports/* ($n)" "" "" -- sh -c "cat '$R'/reports/* > /dev/null"
    measure "cat reports/* snapshots/*/* ($n)" "" "" -- \
        sh -c "find '$R/reports' '$R/snapshots' -type f -exec cat {} + > /dev/null"
    measure "normalize ($n)" "cat reports/* ($n)|cat reports/* snapshots/*/* ($n)" "" -- \
        env JBZ_CACHE=off "$JBZ" --repo "$R" normalize
done
JBZ_CACHE_DIR="$WORK/cache" "$JBZ" --repo "$WORK/r1000" normalize -q
measure "normalize, cache of the run before (1000)" "cat reports/* (1000)" "" -- \
    env JBZ_CACHE_DIR="$WORK/cache" "$JBZ" --repo "$WORK/r1000" normalize
measure "normalize, snapshots removed first (100)" "cat reports/* (100)" \
    "rm -rf '$WORK/r100/snapshots'" -- env JBZ_CACHE=off "$JBZ" --repo "$WORK/r100" normalize
# `check` stand-in: is every snapshot what the reports give?
measure "normalize --check (1000)" "cat reports/* (1000)" "" -- "$JBZ" --repo "$WORK/r1000" normalize --check
if has_command check; then
    measure "check (1000)" "cat reports/* (1000)" "" -- "$JBZ" --repo "$WORK/r1000" check
fi

# diff of two meetings (July and August 2025) in the working tree.
for n in 100 1000; do
    measure "diff 2025-07 2025-08 ($n)" "" "" -- "$JBZ" --repo "$WORK/r$n" --color never diff 2025-07 2025-08
done

# diff --git on the 1,000-commit history, against git's own word diff of the same files.
G="$WORK/g1000"
measure "git diff --word-diff HEAD~1 HEAD -- snapshots" "" "" -- git -C "$G" diff --word-diff HEAD~1 HEAD -- snapshots
measure "diff --git HEAD~1 HEAD" "git diff --word-diff HEAD~1 HEAD -- snapshots" "" -- "$JBZ" --repo "$G" --color never diff --git HEAD~1 HEAD
measure "git diff --word-diff first HEAD -- snapshots" "" "" -- git -C "$G" diff --word-diff first HEAD -- snapshots
measure "diff --git first HEAD" "git diff --word-diff first HEAD -- snapshots" "" -- "$JBZ" --repo "$G" --color never diff --git first HEAD

# timeline --git against git log -p on the same dossier's snapshots. The hook: runs when
# `jbz-track timeline` exists.
if has_command timeline; then
    measure "git log -p -- snapshots/csam-verordening" "" "" -- git -C "$G" log -p -- snapshots/csam-verordening
    measure "timeline csam-verordening --git" "git log -p -- snapshots/csam-verordening" "" -- "$JBZ" --repo "$G" --color never timeline csam-verordening --git
    measure "timeline csam-verordening (1000)" "" "" -- "$JBZ" --repo "$WORK/r1000" --color never timeline csam-verordening
else
    echo "  (no 'jbz-track timeline' yet: timeline --git vs git log -p skipped)" >&2
fi

echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/^Mem:/ {print $2}') GiB; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "jbz-track $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?'), $RUNS runs per command"
echo
echo "| command | runs | median ms | CPU ms | peak RSS MB | ratio vs baseline |"
echo "|---|---:|---:|---:|---:|---|"
printf '%s\n' "${ROWS[@]}"
