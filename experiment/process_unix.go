//go:build unix

package experiment

import (
	"errors"
	"syscall"
)

// processAlive reports whether a process with this PID exists (possibly
// another one that reused the PID: then a stale file is merely kept).
func processAlive(pid int) bool {
	return !errors.Is(syscall.Kill(pid, 0), syscall.ESRCH)
}
