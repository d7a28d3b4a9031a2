// Package faults holds Veil's fault tests: a network written by veil devnet
// --write-configs runs as separate veil node processes on loopback, and
// each test breaks it the way a bad day would (SIGKILL, validators down, a
// validator key run twice, a lying or silent keyper, a flood of garbage
// shares, replayed bids) and checks what must still hold. The package has
// tests only; its TestMain builds the veil binary unless VEIL_BIN names
// one. Every test is bounded in time and stops its processes itself.
package faults
