#!/usr/bin/env bash
# Load comparison, as browsers ask: the published app vs nginx serving the very same bytes as static files (the app's own
# Brotli/gzip bytes as precompressed .br/.gz files when the request asks for compression), on loopback, in one run.
# Every request carries a browser's Accept and User-Agent; each page is measured without Accept-Encoding and with
# ENCODING (default "br, gzip"). Everything is warmed up first; app and nginx rounds alternate, ROUNDS times each.
# A third server, the floor (tests/load/kestrel-floor.cs), is bare Kestrel sending the same bytes and headers with nothing
# in between: app / floor is what the app's pipeline costs, floor / nginx what Kestrel itself costs on this machine.
# Usage: tests/load/run.sh [content-dir] [duration-seconds]   (defaults: the repository's content, 8 s)
# Environment: ROUNDS (2), ENCODING ("br, gzip"), BEFORE_APP (a published app folder to measure too, e.g. main's,
#   for before/after in the same run; BEFORE_CONTENT: the content it serves, default the same), PROXY=1 (also the nginx proxy_cache scale-out example in front of two replicas).
# Bounded: each wrk run lasts DURATION seconds; everything listens on 127.0.0.1 and is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
CONTENT=$(realpath "${1:-content}")
DURATION=${2:-8}
ROUNDS=${ROUNDS:-2}
ENCODING=${ENCODING:-"br, gzip"}
WORK=$(mktemp -d /tmp/mp-load.XXXX)
APP_PORT=5201; APP2_PORT=5202; NGINX_PORT=5203; PROXY_PORT=5204; BEFORE_PORT=5205; FLOOR_PORT=5206
ACCEPT="text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
AGENT="Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; nginx -p "$WORK" -c "$WORK/nginx.conf" -s stop 2>/dev/null || true; }
trap cleanup EXIT

echo "== publishing (Release) to $WORK/app"
dotnet publish src/MicrobiomePain.Web -c Release -r linux-x64 --self-contained false -o "$WORK/app" --nologo -v q >/dev/null
dotnet publish tests/load/kestrel-floor.cs -c Release -o "$WORK/floor" --nologo -v q >/dev/null
start_app() { # port app-folder store-folder [content-folder]
  ASPNETCORE_ENVIRONMENT=Production Store__ContentPath="${4:-$CONTENT}" Store__StoreDirectory="$3" \
    Operations__ApiRequestsPerMinute=100000000 Logging__LogLevel__Default=Warning \
    dotnet "$2/MicrobiomePain.Web.dll" --urls "http://127.0.0.1:$1" >"$WORK/app-$1.log" 2>&1 &
  pids+=($!)
  until curl -sf -o /dev/null "http://127.0.0.1:$1/healthz"; do sleep 0.1; done
}
dotnet "$WORK/app/MicrobiomePain.Web.dll" build-store "$CONTENT" "$WORK/store" >/dev/null
start_app $APP_PORT "$WORK/app" "$WORK/store"
if [ -n "${BEFORE_APP:-}" ]; then
  # The before build serves the content of its own day (BEFORE_CONTENT): today's content may use fields it did not know.
  dotnet "$BEFORE_APP/MicrobiomePain.Web.dll" build-store "${BEFORE_CONTENT:-$CONTENT}" "$WORK/store-before" >/dev/null
  start_app $BEFORE_PORT "$BEFORE_APP" "$WORK/store-before" "${BEFORE_CONTENT:-$CONTENT}"
fi

LIST="/claims?evidence=animal-study"
CLAIM=$(curl -s "http://127.0.0.1:$APP_PORT/claims" | grep -o 'href="/claims/[a-z0-9-]*"' | head -1 | cut -d'"' -f2)
mkdir -p "$WORK/www"
# nginx serves the app's bytes: identity as list.html, and the app's own compressed answers as list.html.br / .gz
# (brotli_static / gzip_static pick them by Accept-Encoding, as the app does).
for page in list claim; do
  url=$([ $page = list ] && echo "$LIST" || echo "$CLAIM")
  curl -s "http://127.0.0.1:$APP_PORT$url" -o "$WORK/www/$page.html"
  curl -s -H "Accept-Encoding: br" "http://127.0.0.1:$APP_PORT$url" -o "$WORK/www/$page.html.br"
  curl -s -H "Accept-Encoding: gzip" "http://127.0.0.1:$APP_PORT$url" -o "$WORK/www/$page.html.gz"
  # The floor replays the app's headers with each body (nginx sends its own, which are fewer).
  curl -s -D "$WORK/www/$page.html.headers" -o /dev/null "http://127.0.0.1:$APP_PORT$url"
  curl -s -D "$WORK/www/$page.html.br.headers" -o /dev/null -H "Accept-Encoding: br" "http://127.0.0.1:$APP_PORT$url"
  curl -s -D "$WORK/www/$page.html.gz.headers" -o /dev/null -H "Accept-Encoding: gzip" "http://127.0.0.1:$APP_PORT$url"
done

sed -e "s|@WORK@|$WORK|g" -e "s|@NGINX_PORT@|$NGINX_PORT|g" -e "s|@PROXY_PORT@|$PROXY_PORT|g" \
    -e "s|@APP_PORT@|$APP_PORT|g" -e "s|@APP2_PORT@|$APP2_PORT|g" tests/load/nginx.conf.template > "$WORK/nginx.conf"
mkdir -p "$WORK/logs" "$WORK/cache"
# nginx workers run as an unprivileged user: let them read the static files and write the cache.
chmod 755 "$WORK" && chmod -R a+rX "$WORK/www" && chmod 777 "$WORK/cache"
[ "${PROXY:-0}" = 1 ] && start_app $APP2_PORT "$WORK/app" "$WORK/store"
nginx -p "$WORK" -c "$WORK/nginx.conf"
dotnet "$WORK/floor/kestrel-floor.dll" "$WORK/www" --urls "http://127.0.0.1:$FLOOR_PORT" >"$WORK/floor.log" 2>&1 &
pids+=($!)
until curl -s -o /dev/null "http://127.0.0.1:$FLOOR_PORT/list.html"; do sleep 0.1; done

# Both servers must answer the same bytes for the same request, or the comparison would be meaningless.
for page in list claim; do
  url=$([ $page = list ] && echo "$LIST" || echo "$CLAIM")
  for enc in "" "$ENCODING"; do
    a=$(curl -s -H "Accept-Encoding: $enc" -H "Accept: $ACCEPT" "http://127.0.0.1:$APP_PORT$url" | sha256sum)
    n=$(curl -s -H "Accept-Encoding: $enc" -H "Accept: $ACCEPT" "http://127.0.0.1:$NGINX_PORT/$page.html" | sha256sum)
    f=$(curl -s -H "Accept-Encoding: $enc" -H "Accept: $ACCEPT" "http://127.0.0.1:$FLOOR_PORT/$page.html" | sha256sum)
    [ "$a" = "$n" ] || { echo "error: app and nginx differ for $page with Accept-Encoding '$enc'" >&2; exit 1; }
    [ "$a" = "$f" ] || { echo "error: app and the Kestrel floor differ for $page with Accept-Encoding '$enc'" >&2; exit 1; }
  done
done

wrk_run() { # seconds url encoding -> wrk output
  local h=(-H "Accept: $ACCEPT" -H "User-Agent: $AGENT")
  [ -n "$3" ] && h+=(-H "Accept-Encoding: $3")
  wrk -t2 -c32 -d"$1s" --latency "${h[@]}" "$2"
}
ms() { # wrk latency (e.g. 812.00us, 2.31ms, 1.02s) -> milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
declare -A RPS P99
measure() { # key url encoding
  local out; out=$(wrk_run "$DURATION" "$2" "$3")
  if echo "$out" | grep -q -E "Non-2xx|Socket errors"; then
    echo "$out" >&2; echo "error: $1 had failed responses; the comparison would be meaningless" >&2; exit 1
  fi
  local rps p99; rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}'); p99=$(ms "$(echo "$out" | awk '$1=="99%" {print $2}')")
  printf '  %-34s %10s req/s   p99 %7s ms\n' "$1" "$rps" "$p99"
  RPS[$1]="${RPS[$1]:-} $rps"; P99[$1]="${P99[$1]:-} $p99"
}

echo "== load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== warm-up (3 s each), then wrk -t2 -c32 -d${DURATION}s, $ROUNDS alternating rounds (list: $LIST, claim: $CLAIM)"
for page in list claim; do
  url=$([ $page = list ] && echo "$LIST" || echo "$CLAIM")
  for enc in "" "$ENCODING"; do
    wrk_run 3 "http://127.0.0.1:$APP_PORT$url" "$enc" >/dev/null
    [ -n "${BEFORE_APP:-}" ] && wrk_run 3 "http://127.0.0.1:$BEFORE_PORT$url" "$enc" >/dev/null
    wrk_run 3 "http://127.0.0.1:$NGINX_PORT/$page.html" "$enc" >/dev/null
    wrk_run 3 "http://127.0.0.1:$FLOOR_PORT/$page.html" "$enc" >/dev/null
  done
done
variants=()
for page in list claim; do for enc in none compressed; do variants+=("$page $enc"); done; done
for round in $(seq "$ROUNDS"); do
  echo "round $round"
  for v in "${variants[@]}"; do
    read -r page enc <<<"$v"
    url=$([ $page = list ] && echo "$LIST" || echo "$CLAIM")
    ae=$([ $enc = none ] && echo "" || echo "$ENCODING")
    measure "app $page $enc" "http://127.0.0.1:$APP_PORT$url" "$ae"
    [ -n "${BEFORE_APP:-}" ] && measure "before $page $enc" "http://127.0.0.1:$BEFORE_PORT$url" "$ae"
    measure "nginx $page $enc" "http://127.0.0.1:$NGINX_PORT/$page.html" "$ae"
    measure "floor $page $enc" "http://127.0.0.1:$FLOOR_PORT/$page.html" "$ae"
  done
done

mean() { echo "$1" | awk '{ s = 0; for (i = 1; i <= NF; i++) s += $i; printf "%.0f", s / NF }'; }
worst() { echo "$1" | awk '{ m = 0; for (i = 1; i <= NF; i++) if ($i > m) m = $i; printf "%.2f", m }'; }
median() { echo "$1" | tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { printf "%.2f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo
echo "| page | Accept-Encoding | app req/s | nginx req/s | ratio | app p99 (median / worst) | nginx p99 (median / worst) | floor req/s | floor / nginx | app / floor |$([ -n "${BEFORE_APP:-}" ] && echo " before req/s | before ratio | before p99 (median / worst) |")"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|$([ -n "${BEFORE_APP:-}" ] && echo "---:|---:|---:|")"
for v in "${variants[@]}"; do
  read -r page enc <<<"$v"
  a=$(mean "${RPS[app $v]}"); n=$(mean "${RPS[nginx $v]}")
  f=$(mean "${RPS[floor $v]}")
  row="| $page | $([ $enc = none ] && echo "none" || echo "\`$ENCODING\`") | $a | $n | **$(awk -v a="$a" -v n="$n" 'BEGIN { printf "%.2f", a / n }')** | $(median "${P99[app $v]}") / $(worst "${P99[app $v]}") ms | $(median "${P99[nginx $v]}") / $(worst "${P99[nginx $v]}") ms | $f | $(awk -v a="$f" -v n="$n" 'BEGIN { printf "%.2f", a / n }') | $(awk -v a="$a" -v n="$f" 'BEGIN { printf "%.2f", a / n }') |"
  if [ -n "${BEFORE_APP:-}" ]; then
    b=$(mean "${RPS[before $v]}")
    row="$row $b | $(awk -v a="$b" -v n="$n" 'BEGIN { printf "%.2f", a / n }') | $(median "${P99[before $v]}") / $(worst "${P99[before $v]}") ms |"
  fi
  echo "$row"
done
echo "(req/s: mean of $ROUNDS rounds; p99: median and worst round; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg))"

if [ "${PROXY:-0}" = 1 ]; then
  echo "== nginx proxy_cache -> 2 app replicas"
  measure "proxy list compressed" "http://127.0.0.1:$PROXY_PORT$LIST" "$ENCODING"
  measure "proxy claim compressed" "http://127.0.0.1:$PROXY_PORT$CLAIM" "$ENCODING"
fi
for port in $APP_PORT $APP2_PORT $BEFORE_PORT; do
  pid=$(lsof -t -i "tcp:$port" -sTCP:LISTEN 2>/dev/null | head -1 || true)
  [ -n "$pid" ] && echo "RSS app on $port: $(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 )) MB"
done
echo "bytes: list $(stat -c %s "$WORK/www/list.html") (br $(stat -c %s "$WORK/www/list.html.br"), gzip $(stat -c %s "$WORK/www/list.html.gz")), claim $(stat -c %s "$WORK/www/claim.html") (br $(stat -c %s "$WORK/www/claim.html.br"), gzip $(stat -c %s "$WORK/www/claim.html.gz"))"
