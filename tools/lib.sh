# tools/lib.sh: what the devnet and measurement scripts share (sourced,
# not run). Each function appends the processes it starts to pids.
pids=()

# nodes_start DIR: one `veil node` per DIR/node-*/veil.toml (from veil devnet
# --write-configs), each logging to its directory's node.log; sets apis to
# their API base URLs.
nodes_start() {
  apis=()
  local c
  for c in "$1"/node-*/veil.toml; do
    "$VEIL" node --config "$c" 2>"$(dirname "$c")/node.log" &
    pids+=($!)
    apis+=("http://$(sed -n "s/^api_listen = '\(.*\)'$/\1/p" "$c")")
  done
}

# builders_start DIR: one `veil builder` per DIR/builders/*.key, spread over
# apis, each logging beside its key; sets nbuilders.
builders_start() {
  nbuilders=0
  local key
  for key in "$1"/builders/*.key; do
    [ -e "$key" ] || continue
    "$VEIL" builder --node "${apis[$((nbuilders % ${#apis[@]}))]}" --key-file "$key" >"${key%.key}.log" 2>&1 &
    pids+=($!)
    nbuilders=$((nbuilders + 1))
  done
}

# devnet_start DIR PORT ARGS…: `veil devnet` in DIR/net with APIs from PORT,
# logging to DIR/devnet.log, once its devnet.json is written; sets nodes to
# the four API URLs, comma-separated.
devnet_start() {
  local dir=$1 port=$2
  shift 2
  "$VEIL" devnet --datadir "$dir/net" --http "127.0.0.1:$port" "$@" >"$dir/devnet.log" 2>&1 &
  pids+=($!)
  local _
  for _ in $(seq 300); do
    [ -f "$dir/net/devnet.json" ] && break
    sleep 0.2
  done
  nodes=$(for i in 0 1 2 3; do printf 'http://127.0.0.1:%d,' $((port + i)); done)
  nodes=${nodes%,}
}

# stop_all: SIGINT every process started, and wait for them.
stop_all() {
  kill -INT "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
}
