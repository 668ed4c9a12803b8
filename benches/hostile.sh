#!/usr/bin/env bash
# Hostile inputs (issue 18): what each costs the whole process, against the limit the README
# states (under 1 s and under 200 MB each on 2 cores).
#
#   bash benches/hostile.sh              # build --release, make the inputs, measure
#   RUNS=5 bash benches/hostile.sh       # runs per case (default 3; the median is shown)
#   KEEP=1 bash benches/hostile.sh       # keep the inputs (the folder is printed)
#   JBZ=/path/to/jbz-track bash benches/hostile.sh   # measure another build (no cargo build)
#   ONLY='aliases|FIFO' bash benches/hostile.sh     # only the rows whose label matches
#   TIMEOUT=60 MEM_MB=4096 JBZ=… bash benches/hostile.sh  # an old build: kill a case at 60 s
#                                        # or 4 GB of address space (defaults 120 s, none)
#
# Each row is one hostile input and the command that meets it, run RUNS times with a timeout
# (exit 124 in the table: killed there); the table gives the median wall time, the largest peak RSS (GNU time) and the exit
# code. The inputs are made here from the real report, never committed. The diff/timeline
# rows (many statements per actor) are diff.rs's and are measured with its benchmarks.
# Needs bash 5, python3, git, mkfifo and GNU time (/usr/bin/time).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${RUNS:-3}"
TIMEOUT="${TIMEOUT:-120}"
MEM_MB="${MEM_MB:-}"
TIME=/usr/bin/time
export JBZ_NO_PAGER=1 NO_COLOR=1 JBZ_CACHE=off
unset JBZ_REPO CI JBZ_CACHE_DIR

[[ -x $TIME ]] || { echo "needs GNU time at $TIME (apt-get install time)" >&2; exit 2; }
if [[ -z ${JBZ:-} ]]; then
    echo "building (cargo build --release) …" >&2
    (cd "$ROOT" && cargo build --release --quiet --bin jbz-track)
    JBZ="${CARGO_TARGET_DIR:-$ROOT/target}/release/jbz-track"
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/jbz-hostile.XXXXXX")"
if [[ -n ${KEEP:-} ]]; then
    echo "inputs kept in $WORK" >&2
else
    trap 'rm -rf "$WORK"' EXIT
fi
REAL="$ROOT/reports/2023-10-19-jbz-raad-verslag.txt"

# A repository holding the real report and its snapshots.
fresh() {
    rm -rf "$1"
    mkdir -p "$1/reports"
    cp "$REAL" "$1/reports/"
    "$JBZ" --repo "$1" normalize -q
}

# A report whose one item is a paragraph of N distinct short sentences, hard-wrapped.
sentences() {
    mkdir -p "$2/reports"
    python3 - "$1" "$2/reports/2023-10-19-jbz-raad-verslag.txt" <<'PY'
import sys, textwrap
n, out = int(sys.argv[1]), sys.argv[2]
kinds = ["De Commissie lichtte het voorstel toe nummer {}.", "Nederland steunde dit nummer {}.",
         "Enkele lidstaten twijfelden nummer {}."]
para = " ".join(kinds[i % 3].format(i) for i in range(n))
open(out, "w").write(
    "Verslag van de Raad Justitie en Binnenlandse Zaken, 19-20 oktober 2023\n\n"
    "I. Binnenlandse Zaken\n\n1. Verordening ter voorkoming en bestrijding van seksueel "
    "misbruik van kinderen\n\n" + "\n".join(textwrap.wrap(para, 80)) + "\n")
PY
}

echo "making the inputs in $WORK …" >&2
# 1. A 600 KB snapshot: a tag before an anchor on a 600 KB string, and 3,000 aliases to it.
fresh "$WORK/alias"
cp "$WORK/alias/snapshots/csam-verordening/2023-10.yaml" "$WORK/alias/old.yaml"
python3 - "$WORK/alias/snapshots/csam-verordening/2023-10.yaml" <<'PY'
import sys
p = sys.argv[1]
text = open(p).read()
big = "lol " * 150000
# A tag in front of a value hid the whole line from the first alias guard; serde expands each
# alias to the 600 KB string.
bomb = ('stage_evidence: !!str &s "' + big + '"\n' + "highlights: !!seq ["
        + ", ".join("*s" for _ in range(3000)) + "]\npositions: []\ntimeline: []\nreferences: []\n")
open(p, "w").write(text.split("highlights:")[0] + bomb)
PY
cp "$WORK/alias/snapshots/csam-verordening/2023-10.yaml" "$WORK/alias/bomb.yaml"
# 2. A 400 KB snapshot: a flow list 200,000 deep.
fresh "$WORK/deep"
python3 - "$WORK/deep/snapshots/csam-verordening/2023-10.yaml" <<'PY'
import sys
open(sys.argv[1], "w").write("schema: 1\nitems: " + "[" * 200000 + "]" * 200000 + "\n")
PY
# 3. dossiers.yaml as /dev/zero, and as a FIFO nobody writes to.
fresh "$WORK/zero" && ln -s /dev/zero "$WORK/zero/dossiers.yaml"
fresh "$WORK/fifo" && mkfifo "$WORK/fifo/dossiers.yaml"
# 4. A snapshot as /dev/zero, and as a FIFO.
fresh "$WORK/snapzero"
ln -sf /dev/zero "$WORK/snapzero/snapshots/csam-verordening/2023-10.yaml"
fresh "$WORK/snapfifo"
rm "$WORK/snapfifo/snapshots/csam-verordening/2023-10.yaml"
mkfifo "$WORK/snapfifo/snapshots/csam-verordening/2023-10.yaml"
# 5. One paragraph of 60,000 sentences, and one of 700,000 (31 MB, under the 32 MiB cap).
sentences 60000 "$WORK/s60k"
sentences 700000 "$WORK/s700k"
# 5b. One sentence of 2 MB: a paragraph with no full stop, full of verbs, clauses and actors.
mkdir -p "$WORK/runon/reports"
python3 - "$WORK/runon/reports/2023-10-19-jbz-raad-verslag.txt" <<'PY'
import sys, textwrap
chunk = ("de Commissie stelde dat de lidstaten die werden gevraagd door de Raad, waarna Nederland "
         "zal worden geïnformeerd dat het voorzitterschap ")
para = "Daarnaast werd " + chunk * 16000 + "gevraagd."
open(sys.argv[1], "w").write(
    "Verslag van de Raad Justitie en Binnenlandse Zaken, 19-20 oktober 2023\n\n"
    "I. Binnenlandse Zaken\n\n1. Verordening ter voorkoming en bestrijding van seksueel "
    "misbruik van kinderen\n\n" + "\n".join(textwrap.wrap(para, 80)) + "\n")
PY
# 6. A part of 10,000 items.
mkdir -p "$WORK/items/reports"
python3 - "$WORK/items/reports/2023-10-19-jbz-raad-verslag.txt" <<'PY'
import sys
parts = ["Verslag van de Raad Justitie en Binnenlandse Zaken, 19-20 oktober 2023\n\nI. Binnenlandse Zaken\n"]
for n in range(1, 10001):
    parts.append(f"\n{n}. Onderwerp nummer {n}\n\nDe Commissie lichtte onderwerp {n} toe.\n")
open(sys.argv[1], "w").write("".join(parts))
PY
# 7. A 30 MB report of conflict markers and text.
mkdir -p "$WORK/conflict/reports"
python3 - "$WORK/conflict/reports/2023-10-19-jbz-raad-verslag.txt" "$REAL" <<'PY'
import sys
real = open(sys.argv[2]).read()
body = real * 1400
open(sys.argv[1], "w").write(body + "<<<<<<< HEAD\n" + real + "=======\n>>>>>>> b\n")
PY

ROWS=()
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }

# measure LABEL REPO -- ARGS...
measure() {
    local label=$1 repo=$2
    shift 3
    [[ -z ${ONLY:-} || $label =~ $ONLY ]] || return 0
    local walls=() rss=0 code=0 i=0 out="$WORK/time.out"
    while ((i < RUNS)); do
        set +e
        (
            [[ -n $MEM_MB ]] && ulimit -v $((MEM_MB * 1024))
            exec $TIME -f "%e %M" -o "$out" timeout "$TIMEOUT" "$JBZ" --repo "$repo" "$@"
        ) >/dev/null 2>"$WORK/err" </dev/null
        code=$?
        set -e
        # GNU time puts "Command exited with non-zero status N" first: the figures are last.
        read -r wall kb < <(tail -n 1 "$out") || { wall=120; kb=0; }
        walls+=("$(awk -v w="$wall" 'BEGIN {printf "%d", w * 1000}')")
        ((kb > rss)) && rss=$kb
        ((++i))
    done
    local med
    med=$(printf '%s\n' "${walls[@]}" | median)
    ROWS+=("| $label | \`jbz-track $*\` | $RUNS | $med | $(awk -v k="$rss" 'BEGIN {printf "%.1f", k / 1024}') | $code |")
    echo "$label: ${med} ms, $((rss / 1024)) MB, exit $code ($(head -c 160 "$WORK/err" | tr '\n' ' '))" >&2
}

D="$WORK/alias"
measure "600 KB snapshot, tags before an anchor and 3,000 aliases" "$D" -- dossiers
# As git runs it (from the repository, with the old and new file).
cd "$D"
measure "the same, through the git diff driver" "$D" -- git-diff-driver \
    snapshots/csam-verordening/2023-10.yaml old.yaml 0 100644 bomb.yaml 0 100644
cd "$ROOT"
measure "400 KB snapshot, a flow list 200,000 deep" "$WORK/deep" -- check
measure "dossiers.yaml -> /dev/zero" "$WORK/zero" -- dossiers
measure "dossiers.yaml a FIFO" "$WORK/fifo" -- dossiers
measure "a snapshot -> /dev/zero" "$WORK/snapzero" -- check
measure "a snapshot a FIFO" "$WORK/snapfifo" -- show csam-verordening
measure "a paragraph of 60,000 sentences" "$WORK/s60k" -- normalize --check
measure "a paragraph of 700,000 sentences (31 MB)" "$WORK/s700k" -- normalize --check
measure "one sentence of 2 MB (no full stop)" "$WORK/runon" -- normalize --check
measure "a part of 10,000 items" "$WORK/items" -- normalize --check
measure "30 MB report with conflict markers at its end" "$WORK/conflict" -- normalize --check

echo
echo "| hostile input | command | runs | median ms | peak RSS MB | exit |"
echo "|---|---|---:|---:|---:|---:|"
printf '%s\n' "${ROWS[@]}"
