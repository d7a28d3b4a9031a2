#!/usr/bin/env bash
# tools/ingest.sh [CONCURRENCY|rate:R] [DURATION]: envelope ingest as
# docs/chain.md measures it. Starts `veil devnet` (4 validators in one
# process, 2000 accounts, no builders, no load), runs `veil bench ingest`
# over its four APIs with CONCURRENCY requests in flight (default 32) or at
# rate R for DURATION (default 20s), prints throughput, latency, CPU per
# envelope and its ratio to the admission floor, and stops the devnet.
# PPROF=ADDR serves the devnet's profiler there.
set -euo pipefail
MODE=${1:-32}
DURATION=${2:-20s}
VEIL=${VEIL:-bin/veil}
. "$(dirname "$0")/lib.sh"
DIR=$(mktemp -d "${TMPDIR:-/tmp}/veil-ingest-XXXXXX")
trap 'trap - INT TERM EXIT; stop_all; rm -rf "$DIR"' INT TERM EXIT
devnet_start "$DIR" "${PORT:-8850}" --accounts 2000 --builders 0 --load 0 ${PPROF:+--pprof "$PPROF"}
case "$MODE" in
  rate:*) flag=(--rate "${MODE#rate:}") ;;
  *) flag=(--concurrency "$MODE") ;;
esac
"$VEIL" bench ingest --node "$nodes" --devnet "$DIR/net/devnet.json" "${flag[@]}" --duration "$DURATION"
