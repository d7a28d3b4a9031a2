#!/usr/bin/env bash
# make test-docker: build Veil's image and run docker/compose.yaml's network,
# then check it the way an operator would: slots decrypted on every node and
# the rollup's JSON-RPC answering; one node container killed while the chain
# goes on; the node started again and caught up; everything torn down.
#
# With a Docker engine (docker info answers) it uses that. Otherwise it sets
# up what ../shared/notes/containers.md measured on machines without one:
# rootful podman serving the Docker API to docker-compose, with base images
# made locally (mmdebstrap, the machine's Go), since no registry is reachable.
# Prometheus (the monitoring profile) runs with the rest: on such machines
# from an image holding Debian's prometheus binary, since upstream's cannot
# be pulled; the test checks that it scrapes every target, evaluates every
# rule without error, fires nothing on the healthy network and raises
# VeilTargetDown for the killed node. Grafana's image has no Debian
# counterpart: it is not started here.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
say() { echo "test-docker [$(( $(date +%s) - start ))s]: $*"; }
# The reason is said again after the logs, where a log's tail shows it.
failed=""
fail() { failed=$*; echo "test-docker FAILED: $*" >&2; exit 1; }

# A project and files of this run's own: two runs on one machine do not
# meet.
PROJECT=veiltest$$
COMPOSE=(docker-compose -p "$PROJECT" -f docker/compose.yaml)
logs=$(mktemp -d "${TMPDIR:-/tmp}/veil-test-docker-XXXXXX")
GO_VERSION=$(go env GOVERSION)            # go1.26.8
GO_TAG=${GO_VERSION#go}; GO_TAG=${GO_TAG%.*} # 1.26
export GO_IMAGE="docker.io/library/golang:$GO_TAG" VEIL_IMAGE="localhost/veil-sequencer/veil:test"
GOPROXY=$(go env GOPROXY)
export GOPROXY

service_pid=""
ENGINE=()
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ ${#ENGINE[@]} -gt 0 ]; then
    if [ $rc -ne 0 ]; then
      say "logs of the failed run (last lines per service; all in $logs)"
      "${COMPOSE[@]}" logs --no-color --tail 15 2>&1 | tail -n 200 || true
    fi
    "${COMPOSE[@]}" down -v --remove-orphans >/dev/null 2>&1 || true
    # Whatever down left (it failed, or the engine lost track).
    left=$("${ENGINE[@]}" ps -aq --filter "label=com.docker.compose.project=$PROJECT" 2>/dev/null || true)
    if [ -n "$left" ]; then
      "${ENGINE[@]}" rm -f $left >/dev/null 2>&1 || true
    fi
  fi
  if [ -n "$service_pid" ]; then
    kill "$service_pid" 2>/dev/null || true
    wait "$service_pid" 2>/dev/null || true
  fi
  [ $rc -ne 0 ] || rm -rf "$logs"
  [ -z "$failed" ] || echo "test-docker FAILED: $failed (logs in $logs)" >&2
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- the engine --------------------------------------------------------------
if docker info >/dev/null 2>&1; then
  say "using the Docker engine docker info answers"
  ENGINE=(docker)
else
  need=()
  for p in podman runc netavark aardvark-dns iptables docker-compose mmdebstrap prometheus; do
    dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
  done
  if [ ${#need[@]} -gt 0 ]; then
    say "installing ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
  # Our own containers.conf (CONTAINERS_CONF replaces the system's): runc,
  # since crun refuses hybrid cgroups; ulimits root may set here; netavark
  # with aardvark-dns for service names.
  state=/var/lib/veil-test-docker
  mkdir -p "$state"
  hard=$(ulimit -Hn)
  [ "$hard" != unlimited ] || hard=1048576
  cat >"$state/containers.conf" <<EOF
[containers]
default_ulimits = ["nofile=$hard:$hard", "nproc=32768:32768"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
[network]
network_backend = "netavark"
EOF
  export CONTAINERS_CONF=$state/containers.conf
  sock=/run/veil-test-docker/podman-$$.sock
  mkdir -p "$(dirname "$sock")"
  rm -f "$sock"
  podman system service --time=0 "unix://$sock" >"$logs/podman-service.log" 2>&1 &
  service_pid=$!
  for _ in $(seq 100); do [ -S "$sock" ] && break; sleep 0.1; done
  [ -S "$sock" ] || fail "podman system service did not open $sock (see $logs/podman-service.log)"
  export DOCKER_HOST=unix://$sock DOCKER_BUILDKIT=0 COMPOSE_DOCKER_CLI_BUILD=0
  ENGINE=(podman)
  say "podman $(podman version --format '{{.Client.Version}}') serving the Docker API on $sock"

  # Base images, made here: a Debian rootfs and a Go builder on it (the
  # machine's Go root and CA bundle: HTTPS to the module proxy is
  # intercepted on these machines).
  if ! podman image exists docker.io/library/debian:bookworm; then
    mirror=$(sed -n 's/^URIs: *\([^ ]*\).*/\1/p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1)
    mirror=${mirror:-http://deb.debian.org/debian}
    say "making docker.io/library/debian:bookworm with mmdebstrap from $mirror"
    mmdebstrap --quiet --variant=minbase --include=ca-certificates bookworm "$state/rootfs.tar" "$mirror"
    podman import --quiet "$state/rootfs.tar" docker.io/library/debian:bookworm >/dev/null
    rm -f "$state/rootfs.tar"
  fi
  if ! podman image exists "$GO_IMAGE"; then
    say "making $GO_IMAGE from $(go env GOROOT) ($GO_VERSION)"
    ctx=$(mktemp -d)
    cp -a "$(go env GOROOT)" "$ctx/go"
    cp /etc/ssl/certs/ca-certificates.crt "$ctx/"
    cat >"$ctx/Containerfile" <<'EOF'
FROM docker.io/library/debian:bookworm
COPY go /usr/local/go
COPY ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
ENV PATH=/usr/local/go/bin:/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin GOPATH=/go
EOF
    podman build --quiet -t "$GO_IMAGE" -f "$ctx/Containerfile" "$ctx" >/dev/null
    rm -rf "$ctx"
  fi
  export PROMETHEUS_IMAGE=localhost/veil-test/prometheus:debian
  if ! podman image exists "$PROMETHEUS_IMAGE"; then
    say "making $PROMETHEUS_IMAGE from Debian's $(prometheus --version 2>&1 | head -1)"
    ctx=$(mktemp -d)
    cp /usr/bin/prometheus "$ctx/"
    cat >"$ctx/Containerfile" <<'EOF'
FROM docker.io/library/debian:bookworm
COPY prometheus /bin/prometheus
ENTRYPOINT ["/bin/prometheus"]
EOF
    podman build --quiet -t "$PROMETHEUS_IMAGE" -f "$ctx/Containerfile" "$ctx" >/dev/null
    rm -rf "$ctx"
  fi
fi

# --- ports -------------------------------------------------------------------
# Published ports away from a developer's make run (8545, 8547, 8650…).
free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
ok=0
for _ in $(seq 50); do
  base=$((21000 + RANDOM % 9000))
  ok=1
  for p in $(seq "$base" $((base + 6))); do free "$p" || ok=0; done
  [ $ok = 1 ] && break
done
[ $ok = 1 ] || fail "no 7 free ports in a row between 21000 and 30000"
export L1_PORT=$base NODE0_PORT=$((base + 1)) NODE1_PORT=$((base + 2)) NODE2_PORT=$((base + 3)) NODE3_PORT=$((base + 4)) ROLLUP_PORT=$((base + 5)) PROMETHEUS_PORT=$((base + 6))
node_port() { local v="NODE$1_PORT"; echo "${!v}"; }

# --- build and up ------------------------------------------------------------
say "building $VEIL_IMAGE (build stage $GO_IMAGE)"
"${COMPOSE[@]}" build --build-arg GO_IMAGE="$GO_IMAGE" --build-arg GOPROXY="$GOPROXY" l1 >"$logs/build.log" 2>&1 ||
  { tail -n 40 "$logs/build.log"; fail "image build"; }
say "image built: $("${ENGINE[@]}" image ls --format '{{.Size}}' "$VEIL_IMAGE" 2>/dev/null | head -1 || true)"
if [ "${ENGINE[0]}" = podman ]; then
  # Each build leaves its build stage (Go's caches: 2.5 GB) untagged; the
  # newest is kept, its layers the next build's cache.
  old=$(podman images -q --filter dangling=true --sort created | sed '1d' || true)
  [ -z "$old" ] || podman rmi -f $old >/dev/null 2>&1 || true
fi
say "starting the network (ports from $base on 127.0.0.1)"
"${COMPOSE[@]}" up -d --no-build >"$logs/up.log" 2>&1 ||
  { cat "$logs/up.log"; fail "docker-compose up"; }

# --- probes ------------------------------------------------------------------
# height N: node N's committed slot; empty while it does not answer.
height() { curl -fsS --max-time 2 "http://127.0.0.1:$(node_port "$1")/v1/status" 2>/dev/null | sed -n 's/.*"height":\([0-9]*\).*/\1/p' || true; }
# decrypted N: bundles node N decrypted (its veil_decryption_seconds count).
decrypted() {
  curl -fsS --max-time 2 "http://127.0.0.1:$(node_port "$1")/metrics" 2>/dev/null |
    sed -n 's/^veil_decryption_seconds_count{stage="total"} \([0-9.e+]*\)$/\1/p' | awk '{printf "%d", $1}' || true
}
# wait_for SECONDS WHAT COMMAND…: until COMMAND succeeds.
wait_for() {
  local limit=$1 what=$2
  shift 2
  local until=$(( $(date +%s) + limit ))
  until "$@"; do
    [ "$(date +%s)" -lt "$until" ] || fail "$what: not within ${limit}s"
    sleep 1
  done
}
all_decrypting() {
  local i d
  for i in 0 1 2 3; do
    d=$(decrypted $i); [ "${d:-0}" -ge 3 ] || return 1
  done
}
rollup_answers() {
  local r
  r=$(curl -fsS --max-time 2 -H 'Content-Type: application/json' \
    -d '{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}' "http://127.0.0.1:$ROLLUP_PORT" 2>/dev/null) || return 1
  r=$(sed -n 's/.*"result":"0x\([0-9a-f]*\)".*/\1/p' <<<"$r")
  [ -n "$r" ] && [ $((16#$r)) -gt 0 ]
}

wait_for 240 "every node decrypting bundles" all_decrypting
say "every node decrypts: $(for i in 0 1 2 3; do printf 'node%d %s bundles at slot %s; ' $i "$(decrypted $i)" "$(height $i)"; done)"
wait_for 120 "the rollup's JSON-RPC (eth_blockNumber > 0)" rollup_answers
say "rollup JSON-RPC answers on 127.0.0.1:$ROLLUP_PORT"

# --- Prometheus ------------------------------------------------------------------
"${COMPOSE[@]}" --profile monitoring up -d --no-build prometheus >>"$logs/up.log" 2>&1 ||
  { cat "$logs/up.log"; fail "docker-compose up prometheus"; }
# prom PATH [CURL ARGS…]: Prometheus's API answer, empty while it does not answer.
prom() {
  local path=$1
  shift
  curl -fsS --max-time 3 "$@" "http://127.0.0.1:$PROMETHEUS_PORT/api/v1/$path" 2>/dev/null || true
}
# alerts STATES: one line per alert whose state matches STATES (a regex of
# firing and pending), its labels.
# A pending alert is one whose condition holds but not yet for its "for":
# on a network just started some are (an expression over one sample).
alerts() { prom query -G --data-urlencode "query=ALERTS{alertstate=~\"$1\"}" | grep -o '"metric":{[^}]*}' || true; }
# Four nodes, the rollup node and Prometheus itself.
targets_up() { [ "$(prom targets | grep -o '"health":"up"' | wc -l)" -eq 6 ]; }
rules_evaluated() {
  local r
  r=$(prom rules)
  [ "$(grep -o '"health":"ok"' <<<"$r" | wc -l)" -ge 10 ] && ! grep -q '"health":"\(err\|unknown\)"' <<<"$r"
}
wait_for 90 "Prometheus scraping every target (docker/prometheus/prometheus.yml)" targets_up
wait_for 60 "Prometheus evaluating every rule without error (docker/prometheus/alerts.yml)" rules_evaluated
[ -z "$(alerts firing)" ] || fail "alerts firing on the healthy network: $(alerts firing)"
pending=$(alerts pending | sed -n 's/.*"alertname":"\([^"]*\)".*/\1/p' | sort -u | tr '\n' ' ')
say "Prometheus scrapes all 6 targets, evaluates $(prom rules | grep -o '"type":"alerting"' | wc -l) alert rules, none firing${pending:+ (pending, as on any fresh start: $pending)}"

# --- a node container killed ---------------------------------------------------
"${COMPOSE[@]}" kill node3 >/dev/null 2>&1
h=$(height 0); d=$(decrypted 0); d=${d:-0}
say "killed node3 (SIGKILL) at slot $h"
sleep 2
[ -z "$(height 3)" ] || fail "node3 still answers after kill"
goes_on() { local x y; x=$(height 0); y=$(decrypted 0); [ "${x:-0}" -ge $((h + 20)) ] && [ "${y:-0}" -gt "$d" ]; }
wait_for 60 "the chain going on without node3 (20 slots, more bundles decrypted)" goes_on
say "without node3: node0 at slot $(height 0), $(decrypted 0) bundles decrypted"
# Pending is enough here: the rule's "for" is promtool's to test
# (alerts_test.yml); this checks its expression matches a killed container.
node3_down_alert() { alerts 'pending|firing' | grep '"alertname":"VeilTargetDown"' | grep -q '"instance":"node3"'; }
wait_for 60 "Prometheus raising VeilTargetDown for node3 (pending)" node3_down_alert
say "Prometheus has VeilTargetDown for node3 (pending, firing after its 1m)"

"${COMPOSE[@]}" start node3 >/dev/null 2>&1
h=$(height 0)
say "started node3 again (node0 at slot $h)"
caught_up() { local x y; x=$(height 3); y=$(height 0); [ -n "$x" ] && [ -n "$y" ] && [ "$x" -ge "$h" ] && [ $((y - x)) -le 4 ]; }
wait_for 120 "node3 catching up" caught_up
d3=$(decrypted 3)
decrypting_again() { local y; y=$(decrypted 3); [ "${y:-0}" -gt "${d3:-0}" ]; }
wait_for 60 "node3 decrypting again" decrypting_again
say "node3 caught up: slot $(height 3), node0 at $(height 0)"

# --- down ------------------------------------------------------------------------
"${COMPOSE[@]}" down -v --remove-orphans >/dev/null 2>&1
left=$("${ENGINE[@]}" ps -a --filter "label=com.docker.compose.project=$PROJECT" --format '{{.Names}}')
[ -z "$left" ] || fail "containers left after down: $left"
say "passed: network torn down, nothing left running"
