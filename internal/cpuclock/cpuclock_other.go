//go:build !unix

// Package cpuclock reads the CPU time the process has used, so benchmarks on
// a shared machine can report work beside wall time: time spent waiting for
// a core does not count.
package cpuclock

import "time"

// Process returns 0: the CPU time is not read on this system.
func Process() time.Duration { return 0 }
