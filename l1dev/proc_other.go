//go:build !linux

package l1dev

import "os/exec"

// setParentDeathSignal has no portable equivalent outside Linux: there a
// process started by a caller that dies without Close keeps running.
func setParentDeathSignal(*exec.Cmd) {}
