#!/usr/bin/env bash
# Load comparison: the published app vs nginx serving the exact same bytes as static files, on loopback, in one run.
# Then the same two pages through nginx proxy_cache in front of two app instances (the scale-out example).
# Usage: tests/load/run.sh [content-dir] [duration-seconds]   (defaults: the repository's content, 10 s)
# Bounded: each wrk run lasts DURATION seconds; everything listens on 127.0.0.1 and is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
CONTENT=$(realpath "${1:-content}")
DURATION=${2:-10}
WORK=$(mktemp -d /tmp/mp-load.XXXX)
APP_PORT=5201; APP2_PORT=5202; NGINX_PORT=5203; PROXY_PORT=5204
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; nginx -p "$WORK" -c "$WORK/nginx.conf" -s stop 2>/dev/null || true; }
trap cleanup EXIT

echo "== publishing (Release) to $WORK/app"
dotnet publish src/MicrobiomePain.Web -c Release -r linux-x64 --self-contained false -o "$WORK/app" --nologo -v q >/dev/null
start_app() { # port
  ASPNETCORE_ENVIRONMENT=Production Store__ContentPath="$CONTENT" Store__StoreDirectory="$WORK/store" \
    Operations__ApiRequestsPerMinute=100000000 Logging__LogLevel__Default=Warning \
    dotnet "$WORK/app/MicrobiomePain.Web.dll" --urls "http://127.0.0.1:$1" >"$WORK/app-$1.log" 2>&1 &
  pids+=($!)
  until curl -sf -o /dev/null "http://127.0.0.1:$1/healthz"; do sleep 0.1; done
}
dotnet "$WORK/app/MicrobiomePain.Web.dll" build-store "$CONTENT" "$WORK/store" >/dev/null
start_app $APP_PORT

LIST="/claims?evidence=animal-study"
CLAIM=$(curl -s "http://127.0.0.1:$APP_PORT/claims" | grep -o 'href="/claims/[a-z0-9-]*"' | head -1 | cut -d'"' -f2)
mkdir -p "$WORK/www"
curl -s "http://127.0.0.1:$APP_PORT$LIST" -o "$WORK/www/list.html"
curl -s "http://127.0.0.1:$APP_PORT$CLAIM" -o "$WORK/www/claim.html"

sed -e "s|@WORK@|$WORK|g" -e "s|@NGINX_PORT@|$NGINX_PORT|g" -e "s|@PROXY_PORT@|$PROXY_PORT|g" \
    -e "s|@APP_PORT@|$APP_PORT|g" -e "s|@APP2_PORT@|$APP2_PORT|g" tests/load/nginx.conf.template > "$WORK/nginx.conf"
mkdir -p "$WORK/logs" "$WORK/cache"
# nginx workers run as an unprivileged user: let them read the static files and write the cache.
chmod 755 "$WORK" && chmod -R a+rX "$WORK/www" && chmod 777 "$WORK/cache"
start_app $APP2_PORT
nginx -p "$WORK" -c "$WORK/nginx.conf"

measure() { # name url
  local out; out=$(wrk -t2 -c32 -d"${DURATION}s" --latency "$2")
  local rps p99
  if echo "$out" | grep -q -E "Non-2xx|Socket errors"; then
    echo "$out" >&2; echo "error: $1 had failed responses; the comparison would be meaningless" >&2; exit 1
  fi
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  printf '%-28s %10s req/s   p99 %8s\n' "$1" "$rps" "$p99" >&2
  echo "$rps"
}
echo "== wrk -t2 -c32 -d${DURATION}s against 127.0.0.1 (list: $LIST, claim: $CLAIM)"
a_list=$(measure "app list" "http://127.0.0.1:$APP_PORT$LIST")
n_list=$(measure "nginx static list" "http://127.0.0.1:$NGINX_PORT/list.html")
a_claim=$(measure "app claim" "http://127.0.0.1:$APP_PORT$CLAIM")
n_claim=$(measure "nginx static claim" "http://127.0.0.1:$NGINX_PORT/claim.html")
p_list=$(measure "proxy_cache -> 2 apps, list" "http://127.0.0.1:$PROXY_PORT$LIST")
p_claim=$(measure "proxy_cache -> 2 apps, claim" "http://127.0.0.1:$PROXY_PORT$CLAIM")
awk -v a="$a_list" -v n="$n_list" 'BEGIN { printf "ratio app/nginx, list:  %.2f\n", a/n }'
awk -v a="$a_claim" -v n="$n_claim" 'BEGIN { printf "ratio app/nginx, claim: %.2f\n", a/n }'
for port in $APP_PORT $APP2_PORT; do
  pid=$(lsof -t -i "tcp:$port" -sTCP:LISTEN 2>/dev/null | head -1 || true)
  [ -n "$pid" ] && echo "RSS app on $port: $(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 )) MB"
done
echo "bytes: list $(stat -c %s "$WORK/www/list.html"), claim $(stat -c %s "$WORK/www/claim.html")"
