#!/usr/bin/env bash
# make devnet-multi: the devnet as separate processes. Writes a network with
# veil devnet --write-configs (unless DEVNET_DIR already holds one), runs
# one `veil node` per validator, one `veil builder` per builder key and a
# wallet load of LOAD tx/s (default 2; 0 for none), and follows node 0's
# block and decrypt lines. Ctrl-C stops every process cleanly.
set -euo pipefail
VEIL=${VEIL:-bin/veil}
DIR=${DEVNET_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/veil-multi-XXXXXX")}
if [ ! -f "$DIR/network.json" ]; then
  "$VEIL" devnet --write-configs "$DIR" "$@"
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
echo "devnet-multi: ${#apis[@]} nodes (APIs ${apis[*]}), $k builders, load $LOAD tx/s; data and logs in $DIR (node-<i>/node.log, load.log)"
tail -n 0 -F --pid="${pids[0]}" "$DIR/node-0/node.log" | grep --line-buffered '"msg":"\(block\|decrypt\)"' &
pids+=($!)
wait
