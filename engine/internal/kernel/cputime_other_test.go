//go:build !unix

package kernel

// processCPUTime is unavailable here; benchmarks then report wall time only.
func processCPUTime() float64 { return 0 }
