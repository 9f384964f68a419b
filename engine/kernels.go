package engine

import "github.com/retainlab/retain/engine/internal/kernel"

// SetPortableKernels makes training and prediction use the portable Go
// matrix kernels instead of the assembly ones chosen for the processor, so
// that every number is bit-identical on any amd64 machine (the vector
// kernels round differently with and without AVX-512). It is several times
// slower; golden-file tests use it. Call it before any training starts.
func SetPortableKernels(on bool) { kernel.SetPortable(on) }
