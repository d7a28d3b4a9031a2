#!/usr/bin/env bash
# tools/rollup-latency.sh BLOCK_TIME [RATE] [DURATION]: submit → receipt
# latency through the rollup node's encrypting eth_sendRawTransaction, as
# docs/rollup.md measures it. Runs `veil devnet` (its embedded L1, one
# builder, no wallet load, the rollup node on a free port) with BLOCK_TIME
# slots, then `veil bench rollup` at RATE transfers per second (default 10)
# for DURATION (default 60s) from the devnet's wallet accounts, prints its
# percentiles and stops everything (KEEP=1 keeps the directory and logs).
# Example:
#   tools/rollup-latency.sh 250ms 20 60s
set -euo pipefail
BT=${1:?block time, e.g. 500ms}
RATE=${2:-10}
DURATION=${3:-60s}
VEIL=${VEIL:-bin/veil}
PORT=${PORT:-18650}
. "$(dirname "$0")/lib.sh"
DIR=$(mktemp -d "${TMPDIR:-/tmp}/veil-rollup-latency-XXXXXX")
stop() {
  trap - INT TERM EXIT
  stop_all
  if [ -z "${KEEP:-}" ]; then rm -rf "$DIR"; else echo "rollup-latency: kept $DIR"; fi
}
trap stop INT TERM EXIT
devnet_start "$DIR" "$PORT" --l1-http 127.0.0.1:0 --rollup-rpc "127.0.0.1:$((PORT + 20))" --block-time "$BT" --builders 1 --load 0 --accounts 32
echo "rollup-latency: $BT slots, $RATE tx/s for $DURATION through http://127.0.0.1:$((PORT + 20))"
"$VEIL" bench rollup --devnet "$DIR/net/devnet.json" --rate "$RATE" --duration "$DURATION"
