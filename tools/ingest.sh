#!/usr/bin/env bash
# tools/ingest.sh [CONCURRENCY|rate:R] [DURATION]: envelope ingest as
# docs/chain.md measures it. Starts `veil devnet` (4 validators in one
# process, 2000 accounts, no builders, no load), runs `veil bench ingest`
# over its four APIs with CONCURRENCY requests in flight (default 32) or at
# rate R for DURATION (default 20s), prints throughput, latency, CPU per
# envelope and its ratio to the admission floor, and stops the devnet.
# PPROF=ADDR serves the devnet's profiler there. SEPARATE=1 runs the four
# validators as separate `veil node` processes instead (veil devnet
# --write-configs) and sums their CPU.
set -euo pipefail
MODE=${1:-32}
DURATION=${2:-20s}
VEIL=${VEIL:-bin/veil}
. "$(dirname "$0")/lib.sh"
DIR=$(mktemp -d "${TMPDIR:-/tmp}/veil-ingest-XXXXXX")
trap 'trap - INT TERM EXIT; stop_all; rm -rf "$DIR"' INT TERM EXIT
case "$MODE" in
  rate:*) flag=(--rate "${MODE#rate:}") ;;
  *) flag=(--concurrency "$MODE") ;;
esac
if [ -n "${SEPARATE:-}" ]; then
  "$VEIL" devnet --write-configs "$DIR/net" --accounts 2000 --builders 0 >/dev/null
  nodes_start "$DIR/net"
  nodes=$(IFS=,; echo "${apis[*]}")
  flag+=(--separate)
  for _ in $(seq 150); do # until every API answers
    up=0
    for a in "${apis[@]}"; do curl -sf -o /dev/null "$a/v1/params" && up=$((up + 1)); done
    [ "$up" = "${#apis[@]}" ] && break
    sleep 0.2
  done
  sleep 3 # the first blocks
else
  devnet_start "$DIR" "${PORT:-8850}" --accounts 2000 --builders 0 --load 0 ${PPROF:+--pprof "$PPROF"}
fi
"$VEIL" bench ingest --node "$nodes" --devnet "$DIR/net/devnet.json" "${flag[@]}" --duration "$DURATION"
