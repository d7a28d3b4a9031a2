package l1dev

import (
	"os/exec"
	"syscall"
)

// setParentDeathSignal makes the kernel kill cmd's process when the process
// that started it dies, so a crashed or timed-out test leaves none behind.
// (The signal is tied to the starting OS thread; the Go runtime keeps its
// threads alive, apart from ones a goroutine locked and exited on.)
func setParentDeathSignal(cmd *exec.Cmd) {
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.Pdeathsig = syscall.SIGKILL
}
