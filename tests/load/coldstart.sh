#!/usr/bin/env bash
# Cold start of the published app with an existing store: milliseconds from process start to the first 200 on /claims
# (output cache off, so that first request runs the real query), for a plain `dotnet publish -c Release` and for a
# ReadyToRun publish (ahead-of-time compiled IL, less JIT at start), alternated RUNS times. Loopback only.
# Usage: tests/load/coldstart.sh [claims] [runs]      (defaults: 10000, 5)
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-10000}; RUNS=${2:-5}
WORK=$(mktemp -d /tmp/mp-cold.XXXX); PORT=5261
dotnet publish src/MicrobiomePain.Web -c Release -o "$WORK/plain" --nologo -v q >/dev/null
dotnet publish src/MicrobiomePain.Web -c Release -r linux-x64 --self-contained false -o "$WORK/r2r" --nologo -v q >/dev/null  # ReadyToRun (csproj)
dotnet "$WORK/plain/MicrobiomePain.Web.dll" generate "$N" "$WORK/content" >/dev/null
dotnet "$WORK/plain/MicrobiomePain.Web.dll" build-store "$WORK/content" "$WORK/store" >/dev/null
measure() {
  local start pid ms
  start=$(date +%s%N)
  ASPNETCORE_ENVIRONMENT=Production Store__ContentPath="$WORK/content" Store__StoreDirectory="$WORK/store" \
    Performance__OutputCacheSeconds=0 Logging__LogLevel__Default=Warning dotnet "$WORK/$1/MicrobiomePain.Web.dll" --urls "http://127.0.0.1:$PORT" >/dev/null 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/claims")" = 200 ]; do sleep 0.01; done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$ms"
}
declare -A times=([plain]="" [r2r]="")
for _ in $(seq 1 "$RUNS"); do
  for v in plain r2r; do times[$v]="${times[$v]} $(measure $v)"; done
done
echo "cold start to first 200 on /claims, $N claims, existing store, $RUNS runs each (ms):"
for v in plain r2r; do
  sorted=$(echo ${times[$v]} | tr ' ' '\n' | sort -n | tr '\n' ' ')
  echo "$v: $sorted(min $(echo $sorted | cut -d' ' -f1), median $(echo $sorted | cut -d' ' -f$(( (RUNS + 1) / 2 ))))"
done
echo "published size: plain $(du -sh "$WORK/plain" | cut -f1), r2r $(du -sh "$WORK/r2r" | cut -f1)"
