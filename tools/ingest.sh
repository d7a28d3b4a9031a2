#!/usr/bin/env bash
# tools/ingest.sh [CONCURRENCY|rate:R] [DURATION]: envelope ingest as docs/chain.md measures
# it. Starts `veil devnet` (4 validators in one process, 2000 accounts, no
# builders, no load), runs `veil bench ingest` over its four APIs with
# CONCURRENCY requests in flight (default 32) or at rate R for DURATION
# (default 20s), prints throughput, latency, CPU per envelope and its ratio
# to the admission floor, and stops the devnet.
set -euo pipefail
MODE=${1:-32}
DURATION=${2:-20s}
VEIL=${VEIL:-bin/veil}
DIR=$(mktemp -d "${TMPDIR:-/tmp}/veil-ingest-XXXXXX")
PORT=${PORT:-8850}
"$VEIL" devnet --datadir "$DIR/net" --accounts 2000 --builders 0 --load 0 --http "127.0.0.1:$PORT" ${PPROF:+--pprof "$PPROF"} >"$DIR/devnet.log" 2>&1 &
pid=$!
stop() {
  trap - INT TERM EXIT
  kill -INT "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$DIR"
}
trap stop INT TERM EXIT
for _ in $(seq 300); do
  [ -f "$DIR/net/devnet.json" ] && break
  sleep 0.2
done
nodes=$(for i in 0 1 2 3; do printf 'http://127.0.0.1:%d,' $((PORT + i)); done)
case "$MODE" in
  rate:*) flag=(--rate "${MODE#rate:}") ;;
  *) flag=(--concurrency "$MODE") ;;
esac
"$VEIL" bench ingest --node "${nodes%,}" --devnet "$DIR/net/devnet.json" "${flag[@]}" --duration "$DURATION"
