#!/usr/bin/env bash
# deposit.sh: the latency of L1 → Veil (protocol §9): N deposits into the
# embedded L1's vault, one after another, each timed from its L1
# transaction until a node's l1Applied reaches its block (veil wallet
# deposit); prints p50, p99 and max. Starts and stops its own devnet.
# N (default 20), PORT (default 7700).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-20}
PORT=${PORT:-7700}
make -s build
dir=$(mktemp -d)
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
./bin/veil devnet --datadir "$dir/net" --http "127.0.0.1:$PORT" --l1-http 127.0.0.1:0 --rollup-rpc 127.0.0.1:0 --load 0 --builders 0 >"$dir/devnet.log" 2>&1 &
pid=$!
for _ in $(seq 600); do grep -q "Ctrl-C stops" "$dir/devnet.log" && break; sleep 0.1; done
rpc=$(python3 -c "import json,sys;print(json.load(open(sys.argv[1]))['l1']['rpc'])" "$dir/net/devnet.json")
python3 -c "import json,sys;print(json.load(open(sys.argv[1]))['accounts'][0]['privateKey'])" "$dir/net/devnet.json" >"$dir/w.key"
chmod 600 "$dir/w.key"
for i in $(seq "$N"); do
  ./bin/veil wallet deposit --node "http://127.0.0.1:$PORT" --l1 "$rpc" --key-file "$dir/w.key" --value 1000 |
    sed -n 's/.*, \([0-9.]*\) s after it was sent/\1/p' >>"$dir/lat"
done
sort -n "$dir/lat" | awk -v n="$N" '{a[NR]=$1} END {
  p50=a[int((NR+1)/2)]; i=int(NR*0.99+0.999); if (i<1) i=1; if (i>NR) i=NR
  printf "deposit L1 → Veil, %d deposits, 1 s L1 blocks, 2 blocks deep: p50 %.2f s, p99 %.2f s, max %.2f s\n", NR, p50, a[i], a[NR] }'
