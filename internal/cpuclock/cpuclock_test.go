package cpuclock

import "testing"

// Work on this goroutine makes the process's CPU time grow where it is read.
func TestProcessGrowsWithWork(t *testing.T) {
	before := Process()
	x := 0.0
	for i := range 50_000_000 {
		x += float64(i & 7)
	}
	after := Process()
	if before == 0 && after == 0 {
		t.Skip("the CPU time is not read on this system")
	}
	if !(after > before) {
		t.Errorf("CPU time %v then %v after a busy loop (sum %v)", before, after, x)
	}
}
