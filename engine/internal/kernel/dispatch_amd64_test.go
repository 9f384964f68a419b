//go:build amd64 && !purego

package kernel

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

func TestTranspose(t *testing.T) {
	if !hasAsm {
		t.Skip("no AVX2 on this CPU")
	}
	rng := rand.New(rand.NewPCG(21, 22))
	for rows := 1; rows <= 13; rows++ {
		for _, cols := range []int{1, 2, 3, 4, 5, 7, 8, 9, 10, 64} {
			src := randSlice(rng, rows*cols)
			want := make([]float64, rows*cols)
			for r := 0; r < rows; r++ {
				for c := 0; c < cols; c++ {
					want[c*rows+r] = src[r*cols+c]
				}
			}
			dst, intact := withGuard(make([]float64, rows*cols))
			transpose(dst, src, rows, cols, cols)
			intact(t, "transpose")
			sameBits(t, fmt.Sprintf("transpose %d×%d", rows, cols), dst, want)
		}
	}
}

// TestSwappedTNIdentical checks the claim on mulTNSwapped: computing aᵀ·b as
// (bᵀ·a)ᵀ runs the same FMA chains, so it matches the direct kernel exactly.
func TestSwappedTNIdentical(t *testing.T) {
	if !hasAsm {
		t.Skip("no AVX2 on this CPU")
	}
	saved := useAsm
	defer func() { useAsm = saved }()
	useAsm = true
	rng := rand.New(rand.NewPCG(23, 24))
	for _, s := range [][3]int{{64, 10, 32}, {40, 12, 300}, {100, 9, 7}} {
		m, n, k := s[0], s[1], s[2]
		a, b := randSlice(rng, m*k), randSlice(rng, n*k)
		direct, swapped := make([]float64, m*n), make([]float64, m*n)
		mulBcast(direct, a, b, m, n, k, 1, m)
		mulTNSwapped(swapped, a, b, m, n, k, make([]float64, m*n))
		sameBits(t, fmt.Sprint("swapped TN ", s), swapped, direct)
	}
}

// TestBcastIsOneFMAChain: every element of the broadcast kernel's product is
// one FMA chain over p in order (c ← FMA(a, b, c) from 0), whatever the k
// blocks it is split into, so kBlock can be tuned without changing a bit of
// any trained model. The reference is math.FMA in a plain loop.
func TestBcastIsOneFMAChain(t *testing.T) {
	if !hasAsm {
		t.Skip("no AVX2 on this CPU")
	}
	rng := rand.New(rand.NewPCG(41, 42))
	for _, s := range [][3]int{{32, 64, 4096}, {6, 8, 33}, {13, 21, 200}, {64, 10, 97}} {
		m, n, k := s[0], s[1], s[2]
		a, b := randSlice(rng, k*m), randSlice(rng, k*n)
		got, want := make([]float64, m*n), make([]float64, m*n)
		mulBcast(got, a, b, m, n, k, 1, m) // aᵀ·b: element (i, p) of the left operand is a[i + p·m]
		for i := range m {
			for j := range n {
				acc := 0.0
				for p := range k {
					acc = math.FMA(a[i+p*m], b[p*n+j], acc)
				}
				want[i*n+j] = acc
			}
		}
		sameBits(t, fmt.Sprint("bcast ", s), got, want)
	}
}
