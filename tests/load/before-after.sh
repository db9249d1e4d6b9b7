#!/usr/bin/env bash
# The three load scripts in one run, each measuring this build and a before build side by side (BEFORE_APP): serving vs
# nginx (run.sh), ingest vs Hugo (ingest.sh), search at 100k (search.sh). What issue 31 asks for a change that removes a
# hand-written piece: one run, so the ratios compare like with like on a shared machine.
# Usage: tests/load/before-after.sh <before-commit> [serving-seconds]   e.g. tests/load/before-after.sh 5b3c87a
# Loopback only; bounded (each wrk run DURATION seconds; ingest 10k claims, 3 runs; search 100k claims, 5 s).
set -euo pipefail
cd "$(dirname "$0")/../.."
BEFORE=${1:?a commit to compare with}; DURATION=${2:-8}
WORK=$(mktemp -d /tmp/mp-before-after.XXXX)
git worktree add -q --detach "$WORK/src" "$BEFORE"
trap 'git worktree remove --force "$WORK/src" >/dev/null 2>&1 || true' EXIT
dotnet publish "$WORK/src/src/MicrobiomePain.Web" -c Release -r linux-x64 --self-contained false -o "$WORK/before" --nologo -v q >/dev/null
echo "# before: $(git rev-parse --short "$BEFORE"), this build: $(git rev-parse --short HEAD)$(git diff --quiet || echo ' + uncommitted changes'); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "## serving (run.sh; the before build serves its own commit's content)"
BEFORE_APP="$WORK/before" BEFORE_CONTENT="$WORK/src/content" tests/load/run.sh content "$DURATION"
echo "## ingest (ingest.sh)"; BEFORE_APP="$WORK/before" tests/load/ingest.sh 10000 3
echo "## search (search.sh)"; BEFORE_APP="$WORK/before" tests/load/search.sh 100000 5
echo "# load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
