#!/usr/bin/env bash
# Soak: mixed traffic against the app (Development, on a COPY of content/) for MINUTES one-minute wrk rounds,
# while every 30 s the copy is edited; the app live-reloads it and a second process rebuilds a store from it into
# the SAME store folder (every third edit is invalid: both must reject it and the served store must not change).
# Loopback only; stops by itself; prints per-minute requests, failures and p99, and the app's RSS at start and end.
# Counted as errors: any 5xx, wrk socket errors (connect/read/write/timeout). 4xx are expected (the URL mix
# contains a bad filter and an unknown claim on purpose) and are reported separately.
# Usage: tests/soak/run.sh [minutes] [published-app-dir]   (defaults: 10, publishes Release to a temp dir)
set -euo pipefail
cd "$(dirname "$0")/../.."
MINUTES=${1:-10}
WORK=$(mktemp -d /tmp/mp-soak-run.XXXX)
APP=${2:-}
PORT=5231
ROUND=${SOAK_ROUND_SECONDS:-60}   # length of one measured round (a "minute")
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
if [ -z "$APP" ]; then
  APP="$WORK/app"; dotnet publish src/MicrobiomePain.Web -c Release -r linux-x64 --self-contained false -o "$APP" --nologo -v q >/dev/null
fi
cp -r content "$WORK/content"
# Development: the app watches the copy itself (live reload), so every edit is also rebuilt and swapped in by the
# serving process, racing the second process's build into the same folder.
env ASPNETCORE_ENVIRONMENT=Development Store__ContentPath="$WORK/content" Store__StoreDirectory="$WORK/store" \
  Operations__ApiRequestsPerMinute=100000000 Logging__LogLevel__Default=Warning \
  'Logging__LogLevel__MicrobiomePain.Web.Store=Information' \
  dotnet "$APP/MicrobiomePain.Web.dll" --urls "http://127.0.0.1:$PORT" >"$WORK/app.log" 2>&1 &
APP_PID=$!; pids+=($APP_PID)
for _ in $(seq 1 600); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.1; done
rss() { echo $(( $(awk '/VmRSS/ {print $2}' "/proc/$APP_PID/status") / 1024 )); }
echo "RSS start: $(rss) MB"

CLAIM=$(curl -s "http://127.0.0.1:$PORT/claims" | grep -o 'href="/claims/[a-z0-9-]*"' | head -1 | cut -d'"' -f2)
cat > "$WORK/mix.lua" <<LUA
local paths = { "/", "/claims", "/claims?evidence=animal-study&sort=strength", "$CLAIM", "/claims?q=pain",
  "/map", "/article", "/api/claims", "/healthz", "/claims?page=abc", "/claims/no-such-claim", "/sitemap.xml" }
local i = 0
local threads = {}
setup = function(thread) table.insert(threads, thread) end
init = function() fivexx = 0 end
request = function() i = i + 1; return wrk.format("GET", paths[(i % #paths) + 1]) end
response = function(status) if status >= 500 then fivexx = fivexx + 1 end end
done = function(summary, latency, requests)
  local f = 0
  for _, t in ipairs(threads) do f = f + t:get("fivexx") end
  io.write(string.format("SOAK requests=%d p99_ms=%.1f fivexx=%d sockerr=%d\n", summary.requests, latency:percentile(99) / 1000, f,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA

# Content churn: every 30 s edit the copy; every third edit breaks a front-matter key; a second process rebuilds.
(
  n=0; FILE=$(ls "$WORK/content/claims/"*.md | head -1)
  cp "$FILE" "$WORK/orig.md"
  while true; do
    sleep 30; n=$((n + 1))
    if (( n % 3 == 0 )); then sed '0,/^evidence:/s//evidnce:/' "$WORK/orig.md" > "$FILE"; else cp "$WORK/orig.md" "$FILE"; printf '\nSoak edit %d.\n' "$n" >> "$FILE"; fi
    if dotnet "$APP/MicrobiomePain.Web.dll" build-store "$WORK/content" "$WORK/store" >"$WORK/rebuild-$n.log" 2>&1; then r=ok; else r=invalid; fi
    sleep 3   # the app's own live reload has settled by now: record which version it serves
    v=$(curl -s "http://127.0.0.1:$PORT/healthz" | grep -o '"version":"[0-9a-f]*"' | cut -d'"' -f4)
    echo "$(date -u +%T) edit $n: second-process rebuild $r, app serving $v" >> "$WORK/rebuilds.log"
  done
) & pids+=($!)

total=0; errors=0
for m in $(seq 1 "$MINUTES"); do
  out=$(wrk -t2 -c16 -d"${ROUND}s" -s "$WORK/mix.lua" --latency "http://127.0.0.1:$PORT" 2>&1)
  line=$(echo "$out" | grep '^SOAK')
  req=$(echo "$line" | sed 's/.*requests=\([0-9]*\).*/\1/'); sock=$(echo "$line" | sed 's/.*sockerr=\([0-9]*\).*/\1/')
  f5=$(echo "$line" | sed 's/.*fivexx=\([0-9]*\).*/\1/')
  total=$((total + req)); errors=$((errors + sock + f5))
  echo "minute $m: $line non2xx3xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}') rss=$(rss)MB"
done
# 5xx: count server-side failures in the app log and re-probe every URL once (status must be < 500).
fivexx=0
for p in / /claims "$CLAIM" /map /article /api/claims /healthz /sitemap.xml; do
  c=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT$p"); (( c >= 500 )) && fivexx=$((fivexx + 1))
done
echo "RSS end: $(rss) MB"
echo "requests: $total, errors (5xx + socket): $errors, 5xx on final probe: $fivexx, unhandled exceptions logged: $(grep -c -i 'unhandled' "$WORK/app.log" || true), error log lines other than rejected-content diagnostics: $(grep -A1 'fail:' "$WORK/app.log" | grep -v -e '^--' -e 'fail: MicrobiomePain.Web.Store.ContentWatcher' -e 'Live reload: content has' -e ': error: ' | grep -c . || true)"
cat "$WORK/rebuilds.log" 2>/dev/null || true
echo "live reloads: $(grep -c 'Live reload: now serving' "$WORK/app.log" || true) swapped in, $(grep -c 'Live reload: content has' "$WORK/app.log" || true) rejected (invalid), $(grep -c 'Deleted old store file' "$WORK/app.log" || true) old stores deleted"
echo "stores in folder: $(ls "$WORK/store" | tr '\n' ' ')"
