package tui

import (
	"flag"
	"os"
	"testing"

	"github.com/retainlab/retain/engine"
)

// TestMain trains every test fixture with the portable kernels, so the
// golden files, which show trained numbers, are the same on every amd64
// processor. Benchmarks (-bench) keep the fast kernels they measure.
func TestMain(m *testing.M) {
	flag.Parse()
	if f := flag.Lookup("test.bench"); f == nil || f.Value.String() == "" {
		engine.SetPortableKernels(true)
	}
	os.Exit(m.Run())
}
