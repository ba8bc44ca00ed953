#!/bin/sh
# Parser throughput against the memchr line-split floor, on the same 100 MiB stream, in one run.
#
#   Benchmarks/run-sse.sh [ROUNDS] [RUNS]
#
# 1. generates the W4 workload (../shared/bench/gen_workloads.py, fixed seed) into
#    Benchmarks/Data/generated/ (git-ignored), unless it is already there;
# 2. builds sse_floor from ../shared/bench/floors with gcc -O2 into the same folder;
# 3. builds sse-bench (this package, release, Swift runtime linked in as run.sh does);
# 4. runs sse_floor and sse-bench alternately ROUNDS times (default 3), RUNS passes each
#    (default 7), and prints each round's MB/s and the ratio parser / memchr line split,
#    then checks the browser reading's message count and data size against meta.json.
# The machines are shared and noisy: compare ratios within a round, not absolute figures.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
shared=${SHARED:-$(cd "$root/.." && pwd)/shared}
data="$here/Data/generated"
stream="$data/w4-parse/stream.sse"
rounds=${1:-3}
runs=${2:-7}

if [ ! -f "$shared/bench/gen_workloads.py" ]; then
    echo "run-sse: no $shared/bench (expected ../shared beside the repository)" >&2
    exit 1
fi
mkdir -p "$data"
if [ ! -f "$stream" ]; then
    python3 "$shared/bench/gen_workloads.py" "$data" --only w4-parse --w4-mb 100 >&2
fi
gcc -O2 -o "$data/sse_floor" "$shared/bench/floors/sse_floor.c"
. "$here/fresh-build.sh"
fresh_build_folder "$root" "$here/.build"
(cd "$here" && swift build -c release --static-swift-stdlib --product sse-bench >&2)
bench="$(cd "$here" && swift build -c release --static-swift-stdlib --show-bin-path)/sse-bench"

field() {  # field NAME JSON -> the number after "NAME":
    printf '%s\n' "$2" | sed -n "s/.*\"$1\":\([0-9.]*\).*/\1/p"
}

echo "stream: $stream ($(wc -c < "$stream") bytes), $runs passes per figure, medians"
echo "round  memchr_lines MB/s  C sse_parse MB/s  browser MB/s  htmx4 MB/s  browser/floor  htmx4/floor"
i=1
while [ "$i" -le "$rounds" ]; do
    floor=$("$data/sse_floor" "$stream" -r "$runs" | sed -n 's/^BENCHRESULT\(.*\)ENDBENCH$/\1/p')
    ours=$("$bench" "$stream" -r "$runs" | sed -n 's/^BENCHRESULT\(.*\)ENDBENCH$/\1/p')
    lines=$(field memchr_lines_MBps "$floor")
    cparse=$(field sse_parse_MBps "$floor")
    browser=$(field browser_MBps "$ours")
    htmx4=$(field htmx4_MBps "$ours")
    awk -v r="$i" -v l="$lines" -v c="$cparse" -v b="$browser" -v h="$htmx4" \
        'BEGIN { printf "%5d  %17.1f  %16.1f  %12.1f  %10.1f  %13.3f  %11.3f\n", r, l, c, b, h, b / l, h / l }'
    i=$((i + 1))
done
# The browser reading must find what the generator wrote (meta.json follows the WHATWG rules).
expected=$(tr -d ' \n' < "$data/w4-parse/meta.json")
echo "browser messages $(field browser_messages "$ours") (meta.json $(field messages "$expected")), data bytes $(field browser_data_bytes "$ours") (meta.json $(field data_bytes "$expected"))"
