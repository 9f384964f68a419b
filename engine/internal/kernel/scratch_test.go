package kernel

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// TestScratchProductsIdentical: MulNTScratch and MulTNScratch, given a
// scratch buffer full of garbage (NaN), give the same bits as MulNT and
// MulTN with their zeroed stack buffers, on the shapes of the panel paths
// (the input layer, k ≤ 16) and the others.
func TestScratchProductsIdentical(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 32))
	scratch := make([]float64, ScratchLen)
	for _, s := range [][3]int{{32, 64, 10}, {4096, 64, 10}, {7, 5, 3}, {256, 32, 64}, {64, 10, 32}, {64, 10, 4096}, {32, 64, 1024}, {20, 64, 64}} {
		m, n, k := s[0], s[1], s[2]
		for i := range scratch {
			scratch[i] = math.NaN()
		}
		a, b := randSlice(rng, m*k), randSlice(rng, n*k)
		want, got := make([]float64, m*n), make([]float64, m*n)
		MulNT(want, a, b, m, n, k)
		MulNTScratch(got, a, b, m, n, k, scratch)
		sameBits(t, fmt.Sprint("NT ", s), got, want)
		// aᵀ·b with a k×m and b k×n: the same slices read the other way.
		at, bt := randSlice(rng, k*m), randSlice(rng, k*n)
		MulTN(want, at, bt, m, n, k)
		for i := range scratch {
			scratch[i] = math.NaN()
		}
		MulTNScratch(got, at, bt, m, n, k, scratch)
		sameBits(t, fmt.Sprint("TN ", s), got, want)
	}
}
