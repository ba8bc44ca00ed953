#!/usr/bin/env bash
# The whole product on htmx 4 pages: `htmx-headless run` on a scenario whose page and stream
# are each workload's page.h4.html / stream.h4.sse (hx-sse:connect, unnamed messages), process
# start and result writing included, beside swap_floor on the same workload's messages
# (swap_floor reads the htmx 2 files; the fragments and their count are the same). Each
# result is checked against the workload's meta.json (the count of swapped elements).
#   bash Benchmarks/run-replay4.sh [ROUNDS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
shared="${SHARED:-$here/../../shared}"
data="$here/Data/generated"
rounds="${1:-1}"
workloads="w1-append-1k,w1-append-10k,w1-append-100k,w2-replace,w3-oob"
if [ ! -f "$data/w3-oob/stream.h4.sse" ]; then
  python3 "$shared/bench/gen_workloads.py" "$data" --only "$workloads" >/dev/null
fi
if [ ! -x "$data/swap_floor" ]; then
  gcc -O2 $(xml2-config --cflags) -o "$data/swap_floor" "$shared/bench/floors/swap_floor.c" $(xml2-config --libs)
fi
(cd "$here/.." && swift build -c release --product htmx-headless >/dev/null)
cli="$(cd "$here/.." && swift build -c release --show-bin-path)/htmx-headless"
json_field() { sed -n 's/.*BENCHRESULT\(.*\)ENDBENCH.*/\1/p' | python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

printf '%-16s %12s %12s %8s %14s %14s %8s\n' workload "run µs/msg" "floor µs/msg" ratio "run peak MB" "floor peak MB" ratio
for round in $(seq "$rounds"); do
  for w in w1-append-1k w1-append-10k w1-append-100k w2-replace w3-oob; do
    dir="$data/$w"
    url=$(grep -o 'hx-sse:connect="[^"]*"' "$dir/page.h4.html" | head -1 | sed 's/hx-sse:connect="\(.*\)"/\1/')
    printf '{"htmx":"4","pageFile":"page.h4.html","responses":[{"method":"GET","url":"%s","headers":{"Content-Type":"text/event-stream"},"bodyFile":"stream.h4.sse"}],"until":1000}\n' "$url" > "$dir/scenario4.json"
    msgs=$(python3 -c "import json; print(json.load(open('$dir/meta.json'))['messages'])")
    start=$(date +%s%N)
    run_out=$(/usr/bin/time -f 'PEAKKB %M' "$cli" run "$dir/scenario4.json" -o "$dir/result4.json" --no-diagnostics 2>&1)
    end=$(date +%s%N)
    run_kb=$(echo "$run_out" | sed -n 's/^PEAKKB //p')
    python3 - "$dir" <<'PY'
import json, re, sys
d = sys.argv[1]
meta = json.load(open(d + "/meta.json"))
body = json.load(open(d + "/result4.json"))["body"]
exp = meta.get("expect", {})
sel, count = exp.get("selector", ""), exp.get("count")
m = re.match(r"#([\w-]+) > (\w+)$", sel)
if m and count is not None:
    start = body.find('id="%s"' % m.group(1))
    got = body[start:].count("<%s " % m.group(2)) if start >= 0 else -1
    if got < count:
        sys.exit("result check failed for %s: %d < %d %s" % (d, got, count, sel))
PY
    floor_out=$(/usr/bin/time -f 'PEAKKB %M' "$data/swap_floor" "$dir/page.html" "$dir/stream.sse" -r 1 2>&1)
    floor_total=$(echo "$floor_out" | json_field total_ms)
    floor_kb=$(echo "$floor_out" | sed -n 's/^PEAKKB //p')
    python3 -c "r=($end-$start)/1e3/$msgs; f=$floor_total*1e3/$msgs; print('%-16s %12.1f %12.1f %7.2fx %14.1f %14.1f %7.2fx' % ('$w', r, f, r/f, $run_kb/1024, $floor_kb/1024, $run_kb/$floor_kb))"
  done
done
