#!/usr/bin/env bash
# tools/bids.sh [SLOTS]: bid ingest as docs/auction.md measures it. Starts
# `veil devnet` (4 validators in one process, 64 accounts per role, no
# reference builders, no load), runs `veil bench bids` for SLOTS slots
# (default 20) of 64 bids of 1,000-envelope bundles over its four APIs,
# prints the report with its targets, and stops the devnet.
set -euo pipefail
SLOTS=${1:-20}
VEIL=${VEIL:-bin/veil}
DIR=$(mktemp -d "${TMPDIR:-/tmp}/veil-bids-XXXXXX")
PORT=${PORT:-8870}
"$VEIL" devnet --datadir "$DIR/net" --accounts 64 --builders 0 --load 0 --http "127.0.0.1:$PORT" >"$DIR/devnet.log" 2>&1 &
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
"$VEIL" bench bids --node "${nodes%,}" --devnet "$DIR/net/devnet.json" --slots "$SLOTS"
