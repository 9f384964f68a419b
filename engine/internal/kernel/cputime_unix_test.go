//go:build unix

package kernel

import "syscall"

// processCPUTime returns the user+system CPU time of the process in
// nanoseconds. Benchmarks report it beside wall time because the machines
// they run on are shared: time spent waiting for a core does not count.
func processCPUTime() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano() + ru.Stime.Nano())
}
