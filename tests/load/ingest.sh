#!/usr/bin/env bash
# Ingest speed: rebuilding the store from N synthetic claims vs Hugo building the same N Markdown files into a site
# with a minimal single/list layout, timed side by side in one hyperfine run. The store is built by the batch build tool
# (src/MicrobiomePain.Build, as the Dockerfile builds it); the app's own build-store command (server runtime settings, as
# live reload runs it) is timed in the same run for comparison.
# Usage: tests/load/ingest.sh [N] [runs]   (defaults: 10000 claims, 3 runs)
# BEFORE_APP=<published app folder> adds that build's build-store (e.g. main's) to the same hyperfine run.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-10000}; RUNS=${2:-3}
WORK=$(mktemp -d /tmp/mp-ingest.XXXX)
dotnet publish src/MicrobiomePain.Web -c Release -r linux-x64 --self-contained false -o "$WORK/app" --nologo -v q >/dev/null
dotnet publish src/MicrobiomePain.Build -c Release -r linux-x64 --self-contained false -o "$WORK/build" --nologo -v q >/dev/null
dotnet "$WORK/app/MicrobiomePain.Web.dll" generate "$N" "$WORK/content"

# The same Markdown files for Hugo (it ignores front-matter keys it does not know).
mkdir -p "$WORK/hugo/content/claims" "$WORK/hugo/layouts/_default"
cp "$WORK"/content/claims/*.md "$WORK/hugo/content/claims/"
printf 'baseURL = "http://127.0.0.1/"\ntitle = "claims"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n' > "$WORK/hugo/hugo.toml"
printf '<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n' > "$WORK/hugo/layouts/_default/single.html"
printf '<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n' > "$WORK/hugo/layouts/_default/list.html"

before=()
[ -n "${BEFORE_APP:-}" ] && before=(-n "before: build-store ($N claims)" "dotnet $BEFORE_APP/MicrobiomePain.Web.dll build-store $WORK/content $WORK/store")
hyperfine --warmup 1 --runs "$RUNS" --export-markdown "$WORK/ingest.md" \
  --prepare "rm -rf $WORK/store $WORK/hugo/public" \
  -n "MicrobiomePain build tool, build-store ($N claims)" "dotnet $WORK/build/MicrobiomePain.Build.dll build-store $WORK/content $WORK/store" \
  -n "the app's build-store, server settings ($N claims)" "dotnet $WORK/app/MicrobiomePain.Web.dll build-store $WORK/content $WORK/store" \
  "${before[@]}" \
  -n "hugo ($N pages)" "hugo --source $WORK/hugo --quiet"
cat "$WORK/ingest.md"
if [ -n "${BEFORE_APP:-}" ]; then
  rm -rf "$WORK/store"; dotnet "$BEFORE_APP/MicrobiomePain.Web.dll" build-store "$WORK/content" "$WORK/store"
  echo "before: $(( $(stat -c %s "$WORK"/store/*.db) / N )) bytes a claim"
fi
rm -rf "$WORK/store"; dotnet "$WORK/build/MicrobiomePain.Build.dll" build-store "$WORK/content" "$WORK/store"
echo "store: $(( $(stat -c %s "$WORK"/store/*.db) / N )) bytes a claim"
command -v sqlite3 >/dev/null && sqlite3 "$WORK"/store/*.db "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 6" 2>/dev/null || true
echo "unchanged content (no rebuild):"
hyperfine --runs 3 -n "build-store, unchanged" "dotnet $WORK/build/MicrobiomePain.Build.dll build-store $WORK/content $WORK/store" | grep -E "Time|±"
