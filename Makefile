# Veil's two commands are `make run` and `make test`; the rest serve developers.
GO          ?= go
FUZZTIME    ?= 30s
BENCHTIME   ?= 1s
BENCHCOUNT  ?= 3
STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2

.PHONY: all build run devnet-multi test geth test-faults test-docker bench fuzz lint clean contracts

all: build

build:
	$(GO) build -o bin/veil ./cmd/veil

# The whole system on loopback: 4 validators (keypers) with their APIs.
run: build
	./bin/veil devnet

# The same network as separate processes: one veil node per validator
# (configs from veil devnet --write-configs), the reference builders and a
# wallet load of LOAD tx/s (default 2).
# DEVNET_DIR resumes a network written before.
devnet-multi: build
	./tools/devnet-multi.sh

# Vet, then every test under the race detector; fuzz seed corpora
# (testdata/fuzz) run as plain tests here. The status page's browser test
# leaves its screenshot in bin/status-page.png. The fault tests (package faults)
# run last and alone: they start networks of veil node processes (bin/veil,
# built without the race detector) and judge their timing.
# geth (go.mod's tool, for the `geth --dev` tests) is built first, outside
# any test's timeout: on a cold build cache it alone takes minutes.
test: build geth
	$(GO) vet ./...
	rm -f bin/status-page.png
	VEIL_GETH=$(CURDIR)/bin/geth VEIL_BIN=$(CURDIR)/bin/veil VEIL_SCREENSHOT=$(CURDIR)/bin/status-page.png $(GO) test -race -count=1 -timeout 15m $$($(GO) list ./... | grep -v '/faults$$')
	@echo "status page screenshot (statuspage.TestStatusPageDevnet, headless Chromium): $(CURDIR)/bin/status-page.png"
	$(MAKE) test-faults

geth:
	$(GO) build -o bin/geth github.com/ethereum/go-ethereum/cmd/geth

test-faults: build
	VEIL_BIN=$(CURDIR)/bin/veil $(GO) test -race -count=1 -timeout 20m ./faults

# Veil's image (docker/Dockerfile) and the compose network
# (docker/compose.yaml): built, brought up, a node container killed and
# started again, torn down. Without a Docker engine it sets up rootful
# podman for docker-compose (root, Debian packages). .ci/run calls it.
test-docker:
	./tools/test-docker.sh

# Benchmarks, each run BENCHCOUNT times (the fastest run is kept), as a table
# with the ratio to one pairing and Veil's performance targets.
bench:
	$(GO) test -run '^$$' -bench . -benchtime $(BENCHTIME) -count $(BENCHCOUNT) ./... | tee bench.out | $(GO) run ./tools/benchtable

# Every fuzz target, FUZZTIME each.
fuzz:
	@set -e; for pkg in $$($(GO) list ./...); do \
	  for target in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz' || true); do \
	    echo "fuzz $$pkg $$target for $(FUZZTIME)"; \
	    $(GO) test -run '^$$' -fuzz "^$$target\$$" -fuzztime $(FUZZTIME) $$pkg; \
	  done; \
	done

# The L1 contracts: contracts/build (ABI, bytecode, runtime code, manifest)
# from contracts/src with the solc pinned in contracts/package-lock.json,
# then the Go bindings (contracts/bindings.go) with go-ethereum's abigen
# library at go.mod's version. Both are committed; contracts' tests fail
# when they drift from the sources.
BOUND = BatchInbox DepositVault ForcedInclusionQueue LibCheck SequencerRegistry
contracts:
	cd contracts && npm ci --no-audit --no-fund && node compile.js
	$(GO) run ./contracts/internal/bindgen -build contracts/build -out contracts/bindings.go $(BOUND)

lint:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo "gofmt needed"; exit 1; }
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

clean:
	rm -rf bin bench.out
