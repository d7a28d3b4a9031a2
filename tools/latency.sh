#!/usr/bin/env bash
# tools/latency.sh BLOCK_TIME BUILDERS [RATE] [DURATION]: submit → decrypted
# latency as docs/operations.md measures it. Writes a fresh network
# (veil devnet --write-configs, 64 accounts per role), runs one `veil node`
# per validator and one `veil builder` per builder key as separate
# processes, then `veil bench load` at RATE tx/s (default 200) for DURATION
# (default 60s) over the four APIs, prints its stage table with the
# targets' verdicts, and stops everything (KEEP=1 keeps the directory and
# its logs). PRESEAL=1 seals the load's envelopes before the clock starts
# (veil bench load --preseal), as wallets would on their own machines.
# Example:
#   tools/latency.sh 500ms 2
set -euo pipefail
BT=${1:?block time, e.g. 500ms}
BUILDERS=${2:?builders, e.g. 2}
RATE=${3:-200}
DURATION=${4:-60s}
VEIL=${VEIL:-bin/veil}
. "$(dirname "$0")/lib.sh"
DIR=$(mktemp -d "${TMPDIR:-/tmp}/veil-latency-XXXXXX")
stop() {
  trap - INT TERM EXIT
  stop_all
  if [ -z "${KEEP:-}" ]; then rm -rf "$DIR"; else echo "latency: kept $DIR"; fi
}
trap stop INT TERM EXIT
"$VEIL" devnet --write-configs "$DIR" --accounts 64 --block-time "$BT" --builders "$BUILDERS" >/dev/null
nodes_start "$DIR"
builders_start "$DIR"
echo "latency: $BT slots, $nbuilders builders, $RATE tx/s for $DURATION (separate processes)"
"$VEIL" bench load --node "$(IFS=,; echo "${apis[*]}")" --devnet "$DIR/devnet.json" --rate "$RATE" --duration "$DURATION" ${PRESEAL:+--preseal}
if [ "$nbuilders" -gt 0 ]; then
  echo "bids: $(cat "$DIR"/builders/*.log | grep -c ': bid 0x' || true) submitted, $(cat "$DIR"/builders/*.log | grep -vc ': bid 0x' || true) other lines"
fi
