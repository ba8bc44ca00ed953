#!/usr/bin/env bash
# `htmx-headless run` on a paced stream: each message of the workload's htmx 2 stream is its
# own chunk, 25 ms after the previous one (as swap-bench paces them), so each message's settle
# task has run before the next arrives and removed content can be freed as the run goes.
# Beside swap_floor's whole run, as in `run.sh replay`. Needs the files run.sh generates.
#   bash Benchmarks/run-replay-paced.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
data="$here/Data/generated"
json_field() { sed -n 's/.*BENCHRESULT\(.*\)ENDBENCH.*/\1/p' | python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
(cd "$here/.." && swift build -c release --product htmx-headless >/dev/null)
cli="$(cd "$here/.." && swift build -c release --show-bin-path)/htmx-headless"
printf '%-16s %12s %12s %8s %14s %14s %8s\n' workload "run µs/msg" "floor µs/msg" ratio "run peak MB" "floor peak MB" ratio
for w in w1-append-1k w1-append-10k w1-append-100k w2-replace w3-oob; do
  dir="$data/$w"
  url=$(grep -o 'sse-connect="[^"]*"' "$dir/page.html" | head -1 | sed 's/sse-connect="\(.*\)"/\1/')
  python3 - "$dir" "$url" <<'PY'
import json, sys
folder, url = sys.argv[1], sys.argv[2]
raw = open(folder + "/stream.sse", encoding="utf-8").read()
messages = [m + "\n\n" for m in raw.split("\n\n") if m.strip()]
chunks = [{"at": 25 * k, "data": m} for k, m in enumerate(messages)]
scenario = {"htmx": "2", "pageFile": "page.html",
            "responses": [{"method": "GET", "url": url, "headers": {"Content-Type": "text/event-stream"}, "chunks": chunks}],
            "until": 25 * len(messages) + 1000}
json.dump(scenario, open(folder + "/scenario-paced.json", "w"))
PY
  msgs=$(python3 -c "import json; print(json.load(open('$dir/meta.json'))['messages'])")
  start=$(date +%s%N)
  run_out=$(/usr/bin/time -f 'PEAKKB %M' "$cli" run "$dir/scenario-paced.json" -o "$dir/result-paced.json" --no-diagnostics 2>&1)
  end=$(date +%s%N)
  run_kb=$(echo "$run_out" | sed -n 's/^PEAKKB //p')
  floor_out=$(/usr/bin/time -f 'PEAKKB %M' "$data/swap_floor" "$dir/page.html" "$dir/stream.sse" -r 1 2>&1)
  floor_total=$(echo "$floor_out" | json_field total_ms)
  floor_kb=$(echo "$floor_out" | sed -n 's/^PEAKKB //p')
  python3 -c "r=($end-$start)/1e3/$msgs; f=$floor_total*1e3/$msgs; print('%-16s %12.1f %12.1f %7.2fx %14.1f %14.1f %7.2fx' % ('$w', r, f, r/f, $run_kb/1024, $floor_kb/1024, $run_kb/$floor_kb))"
done
