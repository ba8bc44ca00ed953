#!/usr/bin/env bash
# The whole product: `htmx-headless run` (process start and result writing included) on a
# scenario whose page and stream are a workload's files, beside swap_floor's whole run on the
# same workload's messages, in the same run. Results are checked against meta.json.
#   bash Benchmarks/run-replay.sh [2|4] [--paced]
#     2: page.html + stream.sse (htmx 2, htmx-ext-sse); 4: page.h4.html + stream.h4.sse (htmx 4, hx-sse)
#     --paced: one chunk per message, 25 ms apart (so settle tasks run and removed content is
#     freed as the run goes); otherwise the stream is one body delivered at t = 0.
# swap_floor always reads the htmx 2 files: the htmx 4 stream carries the same fragments.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
shared="${SHARED:-$here/../../shared}"
data="$here/Data/generated"
version="${1:-2}"
paced="${2:-}"
workloads="w1-append-1k,w1-append-10k,w1-append-100k,w2-replace,w3-oob"
if [ ! -f "$data/w3-oob/stream.h4.sse" ]; then
  python3 "$shared/bench/gen_workloads.py" "$data" --only "$workloads" >/dev/null
fi
if [ ! -x "$data/swap_floor" ]; then
  gcc -O2 $(xml2-config --cflags) -o "$data/swap_floor" "$shared/bench/floors/swap_floor.c" $(xml2-config --libs)
fi
# The tool as the README says to install it (Swift runtime linked in), in its own build
# folder, from scratch whenever the sources changed (fresh-build.sh says why).
. "$here/fresh-build.sh"
fresh_build_folder "$here/.." "$here/../.build-static"
build=(swift build -c release --static-swift-stdlib --scratch-path "$here/../.build-static")
(cd "$here/.." && "${build[@]}" --product htmx-headless >/dev/null)
cli="$(cd "$here/.." && "${build[@]}" --show-bin-path)/htmx-headless"
json_field() { sed -n 's/.*BENCHRESULT\(.*\)ENDBENCH.*/\1/p' | python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

printf '%-16s %12s %12s %8s %14s %14s %8s\n' workload "run µs/msg" "floor µs/msg" ratio "run peak MB" "floor peak MB" ratio
for w in w1-append-1k w1-append-10k w1-append-100k w2-replace w3-oob; do
  dir="$data/$w"
  python3 - "$dir" "$version" "$paced" <<'PY'
import json, re, sys
folder, version, paced = sys.argv[1], sys.argv[2], sys.argv[3] == "--paced"
page, stream = ("page.html", "stream.sse") if version == "2" else ("page.h4.html", "stream.h4.sse")
attr = "sse-connect" if version == "2" else "hx-sse:connect"
url = re.search(attr + r'="([^"]*)"', open(folder + "/" + page, encoding="utf-8").read()).group(1)
response = {"method": "GET", "url": url, "headers": {"Content-Type": "text/event-stream"}}
until = 1000
if paced:
    raw = open(folder + "/" + stream, encoding="utf-8").read()
    messages = [m + "\n\n" for m in raw.split("\n\n") if m.strip()]
    response["chunks"] = [{"at": 25 * k, "data": m} for k, m in enumerate(messages)]
    until += 25 * len(messages)
else:
    response["bodyFile"] = stream
json.dump({"htmx": version, "pageFile": page, "responses": [response], "until": until}, open(folder + "/scenario-run.json", "w"))
PY
  msgs=$(python3 -c "import json; print(json.load(open('$dir/meta.json'))['messages'])")
  # Three rounds, the tool and the floor alternating, medians compared: one round on a
  # shared machine can be off by 2x either way.
  run_us=(); floor_us=()
  for round in 1 2 3; do
    start=$(date +%s%N)
    run_out=$(/usr/bin/time -f 'PEAKKB %M' "$cli" run "$dir/scenario-run.json" -o "$dir/result-run.json" --no-diagnostics 2>&1)
    end=$(date +%s%N)
    run_us+=($(( (end - start) / 1000 )))
    run_kb=$(echo "$run_out" | sed -n 's/^PEAKKB //p')
    floor_out=$(/usr/bin/time -f 'PEAKKB %M' "$data/swap_floor" "$dir/page.html" "$dir/stream.sse" -r 1 2>&1)
    floor_us+=($(echo "$floor_out" | json_field total_ms | python3 -c "import sys; print(int(float(sys.stdin.read()) * 1000))"))
    floor_kb=$(echo "$floor_out" | sed -n 's/^PEAKKB //p')
  done
  python3 - "$dir" <<'PY'
import json, re, sys
folder = sys.argv[1]
exp = json.load(open(folder + "/meta.json")).get("expect", {})
body = json.load(open(folder + "/result-run.json"))["body"]
m = re.match(r"#([\w-]+) > (\w+)$", exp.get("selector", ""))
if m:
    at = body.find('id="%s"' % m.group(1))
    got = body[at:].count("<%s " % m.group(2)) if at >= 0 else -1
    if got < exp["count"]:
        sys.exit("%s: %d < %d elements for %s" % (folder, got, exp["count"], exp["selector"]))
PY
  python3 -c "med=lambda v: sorted(v)[len(v)//2]; r=med([${run_us[*]/%/,}])/$msgs; f=med([${floor_us[*]/%/,}])/$msgs; print('%-16s %12.1f %12.1f %7.2fx %14.1f %14.1f %7.2fx' % ('$w', r, f, r/f, $run_kb/1024, $floor_kb/1024, $run_kb/$floor_kb))"
done
