#!/usr/bin/env bash
# On-demand benchmarks: our engine beside the C floors of ../shared/bench, in one run, on the
# same files (the machines are shared and noisy: compare the ratios, not absolute times).
#   bash Benchmarks/run.sh            # everything
#   bash Benchmarks/run.sh swap       # htmx 2 swap engine vs swap_floor on W1 1k/10k/100k, W2, W3
#   bash Benchmarks/run.sh parse      # parse + serialize vs plain libxml2
#   bash Benchmarks/run.sh sse        # EventStream vs sse_floor on W4 (100 MB)
#   bash Benchmarks/run.sh replay     # `htmx-headless run` (process start included) vs swap_floor, htmx 2 pages
#   bash Benchmarks/run.sh replay4    # the same on the workloads' htmx 4 pages and streams
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
shared="${SHARED:-$here/../../shared}"
data="$here/Data/generated"
what="${1:-all}"
mkdir -p "$data"

workloads="w1-append-1k,w1-append-10k,w1-append-100k,w2-replace,w3-oob"
if [ ! -f "$data/w3-oob/stream.sse" ]; then
  python3 "$shared/bench/gen_workloads.py" "$data" --only "$workloads" >/dev/null
fi
if [ ! -x "$data/swap_floor" ]; then
  gcc -O2 $(xml2-config --cflags) -o "$data/swap_floor" "$shared/bench/floors/swap_floor.c" $(xml2-config --libs)
fi
# Built as the README says to install the tool: with the Swift runtime linked in; from
# scratch whenever the sources changed (fresh-build.sh says why).
. "$here/fresh-build.sh"
fresh_build_folder "$here/.." "$here/.build"
build=(swift build -c release --static-swift-stdlib)
(cd "$here" && "${build[@]}" --product swap-bench >/dev/null && "${build[@]}" --product parse-bench >/dev/null)
bin="$(cd "$here" && "${build[@]}" --show-bin-path)"

json_field() { sed -n 's/.*BENCHRESULT\(.*\)ENDBENCH.*/\1/p' | python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

if [ "$what" = all ] || [ "$what" = swap ]; then
  printf '%-16s %12s %12s %8s %14s %14s %8s\n' workload "engine µs/msg" "floor µs/msg" ratio "engine peak MB" "floor peak MB" ratio
  for w in w1-append-1k w1-append-10k w1-append-100k w2-replace w3-oob; do
    page="$data/$w/page.html"; stream="$data/$w/stream.sse"
    floor_out=$(/usr/bin/time -f 'PEAKKB %M' "$data/swap_floor" "$page" "$stream" -r 3 2>&1)
    floor_us=$(echo "$floor_out" | json_field us_per_msg)
    floor_kb=$(echo "$floor_out" | sed -n 's/^PEAKKB //p')
    eng_out=$(/usr/bin/time -f 'PEAKKB %M' "$bin/swap-bench" "$page" "$stream" 3 2>&1)
    eng_us=$(echo "$eng_out" | json_field us_per_message)
    eng_kb=$(echo "$eng_out" | sed -n 's/^PEAKKB //p')
    python3 -c "print('%-16s %12.1f %12.1f %7.2fx %14.1f %14.1f %7.2fx' % ('$w', $eng_us, $floor_us, $eng_us/$floor_us, $eng_kb/1024, $floor_kb/1024, $eng_kb/$floor_kb))"
  done
fi

if [ "$what" = all ] || [ "$what" = replay ]; then
  bash "$here/run-replay.sh" 2
fi

if [ "$what" = all ] || [ "$what" = replay4 ]; then
  bash "$here/run-replay.sh" 4
fi

if [ "$what" = all ] || [ "$what" = parse ]; then
  "$bin/parse-bench" "$data/w2-replace/page.html" "$data/w1-append-10k/stream.sse" 5
fi

if [ "$what" = all ] || [ "$what" = sse ]; then
  bash "$here/run-sse.sh"
fi
