#!/usr/bin/env bash
# tools/rss.sh [MINUTES] [LOAD]: `veil devnet`'s resident memory under load.
# Starts a devnet (4 validators and 2 reference builders in one process, 64
# accounts per role, its own wallet load of LOAD tx/s, default 200), prints
# its RSS every 30 s for MINUTES (default 10), then the peak and the
# verdict against 400 MiB, and stops it. PPROF=ADDR serves the devnet's
# profiler there.
set -euo pipefail
MINUTES=${1:-10}
LOAD=${2:-200}
VEIL=${VEIL:-bin/veil}
. "$(dirname "$0")/lib.sh"
DIR=$(mktemp -d "${TMPDIR:-/tmp}/veil-rss-XXXXXX")
trap 'trap - INT TERM EXIT; stop_all; rm -rf "$DIR"' INT TERM EXIT
devnet_start "$DIR" "${PORT:-8890}" --accounts 64 --load "$LOAD" ${PPROF:+--pprof "$PPROF"}
pid=${pids[0]}
peak=0
for i in $(seq $((MINUTES * 2))); do
  sleep 30
  rss=$(awk '/^VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status")
  peak=$((rss > peak ? rss : peak))
  slot=$(grep -c '^slot ' "$DIR/devnet.log" || true)
  echo "rss: $((i * 30)) s: ${rss} MiB (slot lines $slot)"
done
verdict=ok
[ "$peak" -le 400 ] || verdict=MISSED
printf '\n%-58s %10s %10s\n%-58s %10d %10d  %s\n' target measured limit "veil devnet RSS at $LOAD tx/s over $MINUTES min (MiB)" "$peak" 400 "$verdict"
