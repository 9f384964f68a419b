//go:build unix

// Package cpuclock reads the CPU time the process has used, so benchmarks on
// a shared machine can report work beside wall time: time spent waiting for
// a core does not count.
package cpuclock

import (
	"syscall"
	"time"
)

// Process returns the user + system CPU time of the process, or 0 when it
// cannot be read.
func Process() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
