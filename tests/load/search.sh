#!/usr/bin/env bash
# Search at scale: the worst case (two words that match ~99 % of the synthetic claims, relevance order) in the published
# app in Production with the output cache off, at 1k, 10k and 100k claims. Two measures per size:
#   uncached: 24 different searches, each asked once (curl time_total), so nothing about any of them is remembered,
#     after a warm-up of 48 other searches (one word, three words) and a pause for the JIT;
#   repeated: `/claims?q=probiotic+trial` asked one at a time for DURATION seconds (wrk -t1 -c1), p50 / p99.
# BEFORE_APP=<published app folder> measures that build too, on its own store of the same content, in the same run.
# Usage: tests/load/search.sh ["1000 10000 100000"] [duration-seconds]     Loopback only.
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZES=${1:-"1000 10000 100000"}; DURATION=${2:-5}
WORK=$(mktemp -d /tmp/mp-search.XXXX)
dotnet publish src/MicrobiomePain.Web -c Release -r linux-x64 --self-contained false -o "$WORK/app" --nologo -v q >/dev/null
WORDS=(microbiome pain gut bacteria probiotic trial mice rats visceral cohort placebo randomised lesion diversity
  immune stress strain dose week participants controls sample nerve spinal)

measure() { # name app-folder content store port
  local name=$1 app=$2 content=$3 store=$4 port=$5
  dotnet "$app/MicrobiomePain.Web.dll" build-store "$content" "$store" >/dev/null
  ASPNETCORE_ENVIRONMENT=Production Store__ContentPath="$content" Store__StoreDirectory="$store" \
    Performance__OutputCacheSeconds=0 Logging__LogLevel__Default=Warning dotnet "$app/MicrobiomePain.Web.dll" --urls "http://127.0.0.1:$port" >"$WORK/$name.log" 2>&1 &
  local pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/claims")" = 200 ]; do sleep 0.05; done
  # Warm-up on searches that are not measured (each word alone, then three-word searches), then a pause for the JIT's
  # background tier-up: a server that has been up for a while has compiled its search path. Without it the measured
  # searches are the process's first and pay for that compilation (p50 ~24 ms instead of ~10 ms at 100k on 2 vCPUs,
  # 2026-12-03); "uncached" means a search never asked before, not a process that has never searched.
  for i in $(seq 0 23); do
    curl -s -o /dev/null "http://127.0.0.1:$port/claims?q=${WORDS[$i]}"
    curl -s -o /dev/null "http://127.0.0.1:$port/claims?q=${WORDS[$i]}+${WORDS[$(( (i + 1) % ${#WORDS[@]} ))]}+${WORDS[$(( (i + 2) % ${#WORDS[@]} ))]}"
  done
  sleep 2
  local times=()
  for i in $(seq 0 23); do
    local q="${WORDS[$i]}+${WORDS[$(( (i * 7 + 5) % ${#WORDS[@]} ))]}"
    times+=("$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "http://127.0.0.1:$port/claims?q=$q")")
  done
  if printf '%s\n' "${times[@]}" | grep -qv '^200 '; then echo "error: a search failed" >&2; kill $pid; exit 1; fi
  local uncached
  uncached=$(printf '%s\n' "${times[@]}" | awk '{print $2 * 1000}' | sort -n | awk '{a[NR]=$1} END {printf "%.1f ms / %.1f ms", a[int(NR/2)+1], a[NR]}')
  local out
  out=$(wrk -t1 -c1 -d"${DURATION}s" --latency "http://127.0.0.1:$port/claims?q=probiotic+trial")
  if echo "$out" | grep -q "Non-2xx"; then echo "error: the repeated search failed" >&2; kill $pid; exit 1; fi
  local rss=$(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 ))
  echo "| $n | $name | $uncached | $(echo "$out" | awk '$1=="50%" {print $2}') / $(echo "$out" | awk '$1=="99%" {print $2}') | $rss MB |"
  kill $pid; wait $pid 2>/dev/null || true
}

printf '| claims | build | uncached: 24 searches once, p50 / max | repeated: p50 / p99 | RSS after |\n|---:|---|---|---|---:|\n'
for n in $SIZES; do
  dotnet "$WORK/app/MicrobiomePain.Web.dll" generate "$n" "$WORK/c$n" >/dev/null
  measure "this build" "$WORK/app" "$WORK/c$n" "$WORK/s$n" 5261
  [ -n "${BEFORE_APP:-}" ] && measure "before" "$BEFORE_APP" "$WORK/c$n" "$WORK/b$n" 5262
  rm -rf "$WORK/s$n" "$WORK/b$n" "$WORK/c$n"
done
