#!/usr/bin/env bash
# Drives /api/search of a running monosearch with wrk: every request a different query, cycling through the
# judged query set (real pharmacist questions). Prints wrk's report with latency percentiles.
#   scripts/load.sh http://127.0.0.1:7070 [SECONDS=60] [CONNECTIONS=64]
# Needs wrk (Debian: apt-get install wrk). Sends traffic only to the URL given; use loopback.
set -euo pipefail
url=${1:?usage: scripts/load.sh URL [SECONDS] [CONNECTIONS]}
seconds=${2:-60}
connections=${3:-64}
here=$(cd "$(dirname "$0")/.." && pwd)
lua=$(mktemp --suffix=.lua)
trap 'rm -f "$lua"' EXIT
{
  echo 'local paths = {'
  grep -v '^#' "$here/src/test/resources/relevance/judgments.tsv" | cut -f2 | grep -v '^$' |
    python3 -c 'import sys, urllib.parse
for q in sys.stdin: print("  \"/api/search?q=%s\"," % urllib.parse.quote(q.strip()))'
  echo '}'
  cat <<'LUA'
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors (non-2xx, socket) %d, %.0f requests/s\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout, summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000))
end
LUA
} > "$lua"
wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s --latency -s "$lua" "$url"
