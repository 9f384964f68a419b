package kernel

// SetPortable selects the portable Go kernels (on) or the fastest ones the
// processor supports (off, the default). The portable path sums in the same
// order and rounds the same way on every amd64 processor, so results are
// bit-identical across machines with and without AVX2 or AVX-512, at a
// fraction of the speed. It must not be called while kernels run.
func SetPortable(on bool) {
	useAsm = hasAsm && !on
	useAVX512 = hasAVX512 && !on
}
