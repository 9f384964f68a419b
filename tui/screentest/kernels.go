package screentest

import (
	"flag"
	"testing"

	"github.com/retainlab/retain/engine"
)

// RunPortable runs a package's tests with the engine's portable kernels, so
// golden files that show trained numbers are the same on every amd64
// processor (the AVX2 and AVX-512 paths do not round alike). Benchmarks
// (-bench) keep the fast kernels they measure. A package's TestMain calls it:
//
//	func TestMain(m *testing.M) { os.Exit(screentest.RunPortable(m)) }
func RunPortable(m *testing.M) int {
	flag.Parse()
	if f := flag.Lookup("test.bench"); f == nil || f.Value.String() == "" {
		engine.SetPortableKernels(true)
	}
	return m.Run()
}
