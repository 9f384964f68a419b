package kernel

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// The references below are deliberately naive triple loops written straight
// from the definitions, independent of both kernel paths.

func naiveNT(a, b []float64, m, n, k int) (want, absSum []float64) {
	want, absSum = make([]float64, m*n), make([]float64, m*n)
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			for p := 0; p < k; p++ {
				x := a[i*k+p] * b[j*k+p]
				want[i*n+j] += x
				absSum[i*n+j] += math.Abs(x)
			}
		}
	}
	return want, absSum
}

func naiveTN(a, b []float64, m, n, k int) (want, absSum []float64) {
	want, absSum = make([]float64, m*n), make([]float64, m*n)
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			for p := 0; p < k; p++ {
				x := a[p*m+i] * b[p*n+j]
				want[i*n+j] += x
				absSum[i*n+j] += math.Abs(x)
			}
		}
	}
	return want, absSum
}

func naiveNN(a, b []float64, m, n, k int) (want, absSum []float64) {
	want, absSum = make([]float64, m*n), make([]float64, m*n)
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			for p := 0; p < k; p++ {
				x := a[i*k+p] * b[p*n+j]
				want[i*n+j] += x
				absSum[i*n+j] += math.Abs(x)
			}
		}
	}
	return want, absSum
}

type product struct {
	name   string
	kernel func(c, a, b []float64, m, n, k int)
	naive  func(a, b []float64, m, n, k int) (want, absSum []float64)
}

var products = []product{
	{"MulNT", MulNT, naiveNT},
	{"MulTN", MulTN, naiveTN},
	{"MulNN", MulNN, naiveNN},
}

// forEachPath runs f with the portable kernels and then with each vector
// width the CPU supports, restoring the dispatch afterwards.
func forEachPath(t *testing.T, f func(t *testing.T)) {
	savedAsm, saved512 := useAsm, useAVX512
	defer func() { useAsm, useAVX512 = savedAsm, saved512 }()
	useAsm, useAVX512 = false, false
	t.Run("go", f)
	if !hasAsm {
		t.Log("assembly kernels unavailable on this CPU or build; tested the portable path only")
		return
	}
	useAsm = true
	t.Run("avx2", f)
	if !hasAVX512 {
		t.Log("no AVX-512 on this CPU; tested the AVX2 kernels only")
		return
	}
	useAVX512 = true
	t.Run("avx512", f)
}

const guard = 4 // extra elements around each slice to catch stray writes

// randSlice returns n values in [-1, 1) starting at a random offset inside a
// larger backing array, so kernels see every alignment.
func randSlice(rng *rand.Rand, n int) []float64 {
	off := rng.IntN(4)
	buf := make([]float64, n+off+guard)
	for i := range buf {
		buf[i] = 2*rng.Float64() - 1
	}
	return buf[off : off+n : off+n]
}

// checkProduct runs one product on random inputs and compares every element
// with the naive loop, relative to the sum of absolute terms (the natural scale
// of summation error), and checks the kernel wrote nothing past c.
func checkProduct(t *testing.T, rng *rand.Rand, pr product, m, n, k int) {
	t.Helper()
	a := randSlice(rng, m*k)
	b := randSlice(rng, n*k)
	cBuf := make([]float64, m*n+guard)
	for i := range cBuf {
		cBuf[i] = math.NaN() // the kernel must overwrite, not accumulate
	}
	c := cBuf[: m*n : m*n]
	pr.kernel(c, a, b, m, n, k)
	want, absSum := pr.naive(a, b, m, n, k)
	for idx := range want {
		if diff := math.Abs(c[idx] - want[idx]); !(diff <= 1e-12*absSum[idx]) {
			t.Fatalf("%s m=%d n=%d k=%d: c[%d,%d]=%v, want %v (diff %g, scale %g)",
				pr.name, m, n, k, idx/n, idx%n, c[idx], want[idx], diff, absSum[idx])
		}
	}
	for i := m * n; i < len(cBuf); i++ {
		if !math.IsNaN(cBuf[i]) {
			t.Fatalf("%s m=%d n=%d k=%d: wrote past the end of c at offset %d", pr.name, m, n, k, i-m*n)
		}
	}
}

func TestProductsSmallShapes(t *testing.T) {
	dims := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 16, 17, 31, 32, 33, 50, 64, 65, 70}
	forEachPath(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(1, 2))
		for _, pr := range products {
			for _, m := range dims {
				for _, n := range dims {
					for _, k := range dims {
						checkProduct(t, rng, pr, m, n, k)
					}
				}
			}
		}
	})
}

func TestProductsRandomShapes(t *testing.T) {
	forEachPath(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(3, 4))
		for range 600 {
			m, n, k := 1+rng.IntN(70), 1+rng.IntN(70), 1+rng.IntN(70)
			for _, pr := range products {
				checkProduct(t, rng, pr, m, n, k)
			}
		}
	})
}

func TestProductsLargeShapes(t *testing.T) {
	shapes := [][3]int{
		{1024, 64, 64}, {1024, 64, 10}, {1024, 32, 64}, {1024, 1, 32}, {1024, 32, 1},
		{64, 10, 1024}, {32, 64, 1024}, {1, 32, 1024}, {256, 257, 255}, {3, 5, 1021},
		{64, 128, 64}, {20, 100, 70}, {17, 65, 130}, {40, 300, 9}, {16, 4, 2000},
	}
	forEachPath(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(5, 6))
		for _, s := range shapes {
			for _, pr := range products {
				checkProduct(t, rng, pr, s[0], s[1], s[2])
			}
		}
	})
}

func TestProductsZeroDims(t *testing.T) {
	forEachPath(t, func(t *testing.T) {
		for _, pr := range products {
			// k = 0: the empty sum, so c must become all zeros, whichever
			// kernel the shape selects.
			for _, mn := range [][2]int{{2, 3}, {5, 8}, {20, 64}, {40, 10}, {64, 1}} {
				m, n := mn[0], mn[1]
				c := make([]float64, m*n)
				for i := range c {
					c[i] = math.NaN()
				}
				pr.kernel(c, nil, nil, m, n, 0)
				for i, x := range c {
					if x != 0 || math.Signbit(x) {
						t.Fatalf("%s %d×%d with k=0: c[%d] = %v, want +0", pr.name, m, n, i, x)
					}
				}
			}
			// m = 0 or n = 0: nothing to compute and nothing written.
			keep := []float64{5}
			pr.kernel(keep[:0], nil, []float64{1, 2}, 0, 1, 2)
			pr.kernel(keep[:0], []float64{1, 2}, nil, 1, 0, 2)
			pr.kernel(nil, nil, nil, 0, 0, 0)
			if keep[0] != 5 {
				t.Fatalf("%s with an empty c wrote %v", pr.name, keep[0])
			}
		}
	})
}

func TestProductsShortSlicePanics(t *testing.T) {
	cases := []struct {
		name string
		call func()
		want string
	}{
		{"short c", func() { MulNT(make([]float64, 5), make([]float64, 6), make([]float64, 9), 2, 3, 3) },
			"kernel: MulNT: short slice for m=2 n=3 k=3: len(c)=5 len(a)=6 len(b)=9"},
		{"short a", func() { MulTN(make([]float64, 6), make([]float64, 5), make([]float64, 9), 2, 3, 3) },
			"kernel: MulTN: short slice for m=2 n=3 k=3: len(c)=6 len(a)=5 len(b)=9"},
		{"short b", func() { MulNN(make([]float64, 6), make([]float64, 6), make([]float64, 8), 2, 3, 3) },
			"kernel: MulNN: short slice for m=2 n=3 k=3: len(c)=6 len(a)=6 len(b)=8"},
		{"negative", func() { MulNN(nil, nil, nil, -1, 3, 3) },
			"kernel: MulNN: negative dimension m=-1 n=3 k=3"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			defer func() {
				got := recover()
				if got != tc.want {
					t.Fatalf("panic = %v, want %q", got, tc.want)
				}
			}()
			tc.call()
		})
	}
}

// TestProductsDeterministic checks that repeated calls, and calls on copies of
// the inputs at other alignments, give bit-identical results.
func TestProductsDeterministic(t *testing.T) {
	forEachPath(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(7, 8))
		for _, s := range [][3]int{{32, 64, 10}, {37, 33, 65}, {256, 32, 64}, {64, 10, 256}} {
			m, n, k := s[0], s[1], s[2]
			for _, pr := range products {
				a, b := randSlice(rng, m*k), randSlice(rng, n*k)
				first := make([]float64, m*n)
				pr.kernel(first, a, b, m, n, k)
				for trial := range 4 {
					a2, b2 := randSlice(rng, m*k), randSlice(rng, n*k)
					copy(a2, a)
					copy(b2, b)
					again := randSlice(rng, m*n)
					pr.kernel(again, a2, b2, m, n, k)
					for i := range first {
						if math.Float64bits(first[i]) != math.Float64bits(again[i]) {
							t.Fatalf("%s %v trial %d: element %d is %v then %v", pr.name, s, trial, i, first[i], again[i])
						}
					}
				}
			}
		}
	})
}

// TestVectorWidthsAgree checks that a·b and aᵀ·b do not depend on the vector
// width: both widths run each element as one FMA chain in order of p, so the
// AVX2 and AVX-512 kernels must agree bit for bit.
func TestVectorWidthsAgree(t *testing.T) {
	if !hasAVX512 {
		t.Skip("no AVX-512 on this CPU or build")
	}
	saved := useAVX512
	defer func() { useAVX512 = saved }()
	rng := rand.New(rand.NewPCG(19, 20))
	for _, s := range [][3]int{{32, 64, 32}, {33, 10, 300}, {64, 10, 32}, {7, 70, 5}, {1024, 32, 1}, {1, 32, 256}} {
		m, n, k := s[0], s[1], s[2]
		for _, pr := range products[1:] { // MulTN and MulNN
			a, b := randSlice(rng, m*k), randSlice(rng, n*k)
			wide, narrow := make([]float64, m*n), make([]float64, m*n)
			useAVX512 = true
			pr.kernel(wide, a, b, m, n, k)
			useAVX512 = false
			pr.kernel(narrow, a, b, m, n, k)
			sameBits(t, fmt.Sprint(pr.name, s), narrow, wide)
		}
	}
}

func TestSetPortableSelectsTheGoPath(t *testing.T) {
	defer SetPortable(false)
	SetPortable(true)
	if useAsm || useAVX512 {
		t.Fatal("SetPortable(true) left an assembly path selected")
	}
	SetPortable(false)
	if useAsm != hasAsm || useAVX512 != hasAVX512 {
		t.Fatal("SetPortable(false) did not restore the processor's best path")
	}
}
