#!/usr/bin/env bash
# tools/bids.sh [SLOTS]: bid ingest as docs/auction.md measures it. Starts
# `veil devnet` (4 validators in one process, 64 accounts per role, no
# reference builders, no load), runs `veil bench bids` for SLOTS slots
# (default 20) of 64 bids of 1,000-envelope bundles over its four APIs,
# prints the report with its targets, and stops the devnet.
set -euo pipefail
SLOTS=${1:-20}
VEIL=${VEIL:-bin/veil}
. "$(dirname "$0")/lib.sh"
DIR=$(mktemp -d "${TMPDIR:-/tmp}/veil-bids-XXXXXX")
trap 'trap - INT TERM EXIT; stop_all; rm -rf "$DIR"' INT TERM EXIT
devnet_start "$DIR" "${PORT:-8870}" --accounts 64 --builders 0 --load 0
"$VEIL" bench bids --node "$nodes" --devnet "$DIR/net/devnet.json" --slots "$SLOTS"
