#!/usr/bin/env bash
# make devnet-multi: the devnet as separate processes. Writes a network with
# veil devnet --write-configs (unless DEVNET_DIR already holds one), runs
# one `veil node` per validator and one `veil builder` per builder key, and
# follows node 0's block lines. Ctrl-C stops every process cleanly.
set -euo pipefail
VEIL=${VEIL:-bin/veil}
DIR=${DEVNET_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/veil-multi-XXXXXX")}
if [ ! -f "$DIR/network.json" ]; then
  "$VEIL" devnet --write-configs "$DIR" "$@"
fi
pids=()
stop() {
  trap - INT TERM EXIT
  echo "devnet-multi: stopping ${#pids[@]} processes"
  kill -INT "${pids[@]}" 2>/dev/null || true
  wait
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
echo "devnet-multi: ${#apis[@]} nodes (APIs ${apis[*]}), $k builders; data and logs in $DIR (node-<i>/node.log)"
tail -n 0 -F --pid="${pids[0]}" "$DIR/node-0/node.log" | grep --line-buffered '"msg":"\(block\|decrypt\)"' &
pids+=($!)
wait
