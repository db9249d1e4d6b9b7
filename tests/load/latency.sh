#!/usr/bin/env bash
# Uncached query cost (output cache off) as the content grows: p50/p99 of single-connection requests for the
# unfiltered list, a two-filter list, a search and a claim page at 1k, 10k and 100k synthetic claims, plus RSS
# and cold start of the published app with an existing store. Loopback only; each wrk run is DURATION seconds.
# Usage: tests/load/latency.sh ["1000 10000 100000"] [duration-seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZES=${1:-"1000 10000 100000"}; DURATION=${2:-5}
WORK=$(mktemp -d /tmp/mp-latency.XXXX); PORT=5251
dotnet publish src/MicrobiomePain.Web -c Release -r linux-x64 --self-contained false -o "$WORK/app" --nologo -v q >/dev/null
APP="$WORK/app/MicrobiomePain.Web.dll"
printf '| claims | unfiltered list p50 / p99 | two-filter list p50 / p99 | search p50 / p99 | claim page p50 / p99 | RSS after | cold start |\n|---:|---|---|---|---|---:|---:|\n'
for n in $SIZES; do
  dotnet "$APP" generate "$n" "$WORK/c$n" >/dev/null
  dotnet "$APP" build-store "$WORK/c$n" "$WORK/s$n" >/dev/null
  start=$(date +%s%N)
  ASPNETCORE_ENVIRONMENT=Production Store__ContentPath="$WORK/c$n" Store__StoreDirectory="$WORK/s$n" \
    Performance__OutputCacheSeconds=0 Logging__LogLevel__Default=Warning dotnet "$APP" --urls "http://127.0.0.1:$PORT" >"$WORK/app$n.log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/claims")" = 200 ]; do sleep 0.02; done
  cold=$(( ($(date +%s%N) - start) / 1000000 ))
  row="| $n |"
  for url in "/claims" "/claims?condition=fibromyalgia&evidence=animal-study" "/claims?q=probiotic+trial" "/claims/synthetic-claim-$((n / 2))"; do
    out=$(wrk -t1 -c1 -d"${DURATION}s" --latency "http://127.0.0.1:$PORT$url")
    if echo "$out" | grep -q "Non-2xx"; then echo "error: $url failed" >&2; echo "$out" >&2; kill $pid; exit 1; fi
    row="$row $(echo "$out" | awk '$1=="50%" {print $2}') / $(echo "$out" | awk '$1=="99%" {print $2}') |"
  done
  rss=$(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 ))
  echo "$row ${rss} MB | ${cold} ms |"
  kill $pid; wait $pid 2>/dev/null || true
done
