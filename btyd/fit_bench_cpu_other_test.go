//go:build !unix

package btyd

import "time"

// processCPU is unavailable here; benchmarks then report zero CPU time.
func processCPU() time.Duration { return 0 }
