#!/usr/bin/env bash
# make devnet-multi: the devnet as separate processes. Writes a network with
# veil devnet --write-configs (unless DEVNET_DIR already holds one), runs
# one `veil node` per validator, one `veil builder` per builder key, a
# wallet load of LOAD tx/s (default 2; 0 for none) and the rollup node
# (veil rollup, JSON-RPC on ROLLUP_RPC, default 127.0.0.1:8547), and follows
# node 0's block and decrypt lines. Ctrl-C stops every process cleanly.
set -euo pipefail
VEIL=${VEIL:-bin/veil}
DIR=${DEVNET_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/veil-multi-XXXXXX")}
ROLLUP_RPC=${ROLLUP_RPC:-127.0.0.1:8547}
if [ ! -f "$DIR/network.json" ]; then
  "$VEIL" devnet --write-configs "$DIR" --rollup-rpc "$ROLLUP_RPC" "$@"
fi
. "$(dirname "$0")/lib.sh"
stop() {
  trap - INT TERM EXIT
  echo "devnet-multi: stopping ${#pids[@]} processes"
  stop_all
}
trap stop INT TERM EXIT
nodes_start "$DIR"
builders_start "$DIR"
k=$nbuilders
LOAD=${LOAD:-2}
if [ "$LOAD" != 0 ]; then
  nodes=$(IFS=,; echo "${apis[*]}")
  "$VEIL" bench load --node "$nodes" --devnet "$DIR/devnet.json" --rate "$LOAD" --duration 8760h --drain 0s >"$DIR/load.log" 2>&1 &
  pids+=($!)
fi
if [ -f "$DIR/rollup-genesis.json" ]; then
  relays=()
  for key in "$DIR"/relays/*.key; do relays+=(--relay-key-file "$key"); done
  "$VEIL" rollup --trust "$DIR/genesis.json" --genesis "$DIR/rollup-genesis.json" --datadir "$DIR/rollup" \
    --node "${apis[0]}" --rpc "$ROLLUP_RPC" "${relays[@]}" >"$DIR/rollup.log" 2>&1 &
  pids+=($!)
fi
echo "devnet-multi: ${#apis[@]} nodes (APIs ${apis[*]}), $k builders, load $LOAD tx/s, rollup JSON-RPC on http://$ROLLUP_RPC; data and logs in $DIR (node-<i>/node.log, load.log, rollup.log)"
tail -n 0 -F --pid="${pids[0]}" "$DIR/node-0/node.log" | grep --line-buffered '"msg":"\(block\|decrypt\)"' &
pids+=($!)
wait
