// Package contracts holds Veil's L1 contracts (protocol §9): the Solidity
// sources in src/, what the pinned solc made of them in build/ (ABI,
// bytecode and a manifest of the sources and settings it built), and the
// Go bindings abigen made from build/. `make contracts` rebuilds both; the
// package's tests fail when sources, build and bindings drift apart, and
// check every contract on go-ethereum's simulated backend.
package contracts
