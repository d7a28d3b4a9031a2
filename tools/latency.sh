#!/usr/bin/env bash
# tools/latency.sh BLOCK_TIME BUILDERS [RATE] [DURATION]: submit → decrypted
# latency as docs/operations.md measures it. Writes a fresh network
# (veil devnet --write-configs, 64 accounts per role), runs one `veil node`
# per validator and one `veil builder` per builder key as separate
# processes, then `veil bench load` at RATE tx/s (default 200) for DURATION
# (default 60s) over the four APIs, prints its stage table with the
# targets' verdicts, and stops everything. Example:
#   tools/latency.sh 500ms 2
set -euo pipefail
BT=${1:?block time, e.g. 500ms}
BUILDERS=${2:?builders, e.g. 2}
RATE=${3:-200}
DURATION=${4:-60s}
VEIL=${VEIL:-bin/veil}
DIR=$(mktemp -d "${TMPDIR:-/tmp}/veil-latency-XXXXXX")
"$VEIL" devnet --write-configs "$DIR" --accounts 64 --block-time "$BT" --builders "$BUILDERS" >/dev/null
pids=()
stop() {
  trap - INT TERM EXIT
  kill -INT "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
  if [ -z "${KEEP:-}" ]; then rm -rf "$DIR"; else echo "latency: kept $DIR"; fi
}
trap stop INT TERM EXIT
apis=()
for c in "$DIR"/node-*/veil.toml; do
  "$VEIL" node --config "$c" 2>"$(dirname "$c")/node.log" &
  pids+=($!)
  apis+=("http://$(sed -n "s/^api_listen = '\(.*\)'$/\1/p" "$c")")
done
k=0
for key in "$DIR"/builders/*.key; do
  [ -e "$key" ] || continue
  "$VEIL" builder --node "${apis[$((k % ${#apis[@]}))]}" --key-file "$key" >"${key%.key}.log" 2>&1 &
  pids+=($!)
  k=$((k + 1))
done
echo "latency: $BT slots, $k builders, $RATE tx/s for $DURATION (separate processes)"
nodes=$(IFS=,; echo "${apis[*]}")
"$VEIL" bench load --node "$nodes" --devnet "$DIR/devnet.json" --rate "$RATE" --duration "$DURATION"
if [ "$k" -gt 0 ]; then
  echo "bids: $(cat "$DIR"/builders/*.log | grep -c ': bid 0x' || true) submitted, $(cat "$DIR"/builders/*.log | grep -vc ': bid 0x' || true) other lines"
fi
