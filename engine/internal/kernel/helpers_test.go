package kernel

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// elementwiseShapes covers every tail length and the network's widths.
var elementwiseShapes = [][2]int{
	{0, 4}, {1, 1}, {1, 2}, {1, 3}, {2, 4}, {3, 5}, {3, 7}, {4, 15}, {5, 16}, {2, 17}, {6, 18}, {7, 19},
	{32, 64}, {33, 32}, {5, 1}, {9, 10}, {1024, 64}, {3, 70},
}

// withGuard returns x inside a larger array whose extra tail holds sentinel
// values, and a check that the tail is still intact.
func withGuard(x []float64) ([]float64, func(t *testing.T, what string)) {
	buf := append(append([]float64(nil), x...), 111, 222, 333, 444)
	return buf[:len(x):len(x)], func(t *testing.T, what string) {
		t.Helper()
		if tail := buf[len(x):]; tail[0] != 111 || tail[1] != 222 || tail[2] != 333 || tail[3] != 444 {
			t.Fatalf("%s wrote past the end: %v", what, tail)
		}
	}
}

func TestAddRowVecAndReLU(t *testing.T) {
	forEachPath(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(9, 10))
		for _, s := range elementwiseShapes {
			m, n := s[0], s[1]
			c0, v := randSlice(rng, m*n), randSlice(rng, n)
			if m*n > 0 {
				c0[0], c0[len(c0)-1] = math.NaN(), math.Copysign(0, -1)
				v[len(v)-1] = 0
			}
			sum, relu := make([]float64, m*n), make([]float64, m*n)
			for i := 0; i < m; i++ {
				for j := 0; j < n; j++ {
					x := c0[i*n+j] + v[j]
					sum[i*n+j] = x
					relu[i*n+j] = x
					if x < 0 {
						relu[i*n+j] = 0
					}
				}
			}
			c, intact := withGuard(c0)
			AddRowVec(c, v, m, n)
			intact(t, "AddRowVec")
			sameBits(t, fmt.Sprint("AddRowVec ", s), c, sum)
			c, intact = withGuard(c0)
			AddBiasReLU(c, v, m, n)
			intact(t, "AddBiasReLU")
			sameBits(t, fmt.Sprint("AddBiasReLU ", s), c, relu)
		}
	})
}

func TestReLUMask(t *testing.T) {
	forEachPath(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(17, 18))
		for _, n := range []int{0, 1, 2, 3, 4, 5, 7, 8, 9, 64, 1027} {
			d0, a := randSlice(rng, n), randSlice(rng, n)
			if n >= 3 {
				a[0], a[1], a[2] = math.NaN(), math.Copysign(0, -1), 0
			}
			want := append([]float64(nil), d0...)
			for i := range want {
				if a[i] <= 0 || math.IsNaN(a[i]) {
					want[i] = 0
				}
			}
			d, intact := withGuard(d0)
			ReLUMask(d, a)
			intact(t, "ReLUMask")
			sameBits(t, fmt.Sprint("ReLUMask n=", n), d, want)
		}
	})
}

func TestColSums(t *testing.T) {
	forEachPath(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(11, 12))
		for _, s := range elementwiseShapes {
			m, n := s[0], s[1]
			a := randSlice(rng, m*n)
			dst0 := make([]float64, n)
			for j := range dst0 {
				dst0[j] = math.NaN() // must be overwritten, also when m = 0
			}
			want := make([]float64, n)
			for j := 0; j < n; j++ {
				for i := 0; i < m; i++ {
					want[j] += a[i*n+j]
				}
			}
			dst, intact := withGuard(dst0)
			ColSums(dst, a, m, n)
			intact(t, "ColSums")
			sameBits(t, fmt.Sprint("ColSums ", s), dst, want)
		}
	})
}

func sameBits(t *testing.T, what string, got, want []float64) {
	t.Helper()
	for i := range want {
		if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
			t.Fatalf("%s: element %d = %v, want %v", what, i, got[i], want[i])
		}
	}
}

// adamReference is the update as torch.optim.Adam documents it, written with
// plain operations and no fusing.
func adamReference(w, g, m, v []float64, lr, beta1, beta2, eps, bc1, bc2 float64) {
	for i := range w {
		m[i] = beta1*m[i] + (1-beta1)*g[i]
		v[i] = beta2*v[i] + (1-beta2)*g[i]*g[i]
		w[i] -= lr * (m[i] / bc1) / (math.Sqrt(v[i]/bc2) + eps)
	}
}

func TestAdamFirstStep(t *testing.T) {
	// At t = 1 with zero moments the bias-corrected moments are g and g², so
	// the step is lr·g/(|g|+eps), by hand.
	forEachPath(t, func(t *testing.T) {
		g := []float64{0.5, -2, 1e-3, 0, 3, -0.25, 8, 1}
		w := []float64{1, 1, 1, 1, 1, 1, 1, 1, 1}[:len(g)]
		m, v := make([]float64, len(g)), make([]float64, len(g))
		const lr, b1, b2, eps = 1e-3, 0.9, 0.999, 1e-8
		Adam(w, g, m, v, lr, b1, b2, eps, 1-b1, 1-b2)
		for i, gi := range g {
			want := 1 - lr*gi/(math.Abs(gi)+eps)
			if math.Abs(w[i]-want) > 1e-15 {
				t.Errorf("w[%d] = %.17g, want %.17g", i, w[i], want)
			}
		}
	})
}

func TestAdamMatchesReferenceAndPaths(t *testing.T) {
	if !hasAsm {
		t.Skip("assembly kernels unavailable; only the portable path exists")
	}
	savedAsm, saved512 := useAsm, useAVX512
	defer func() { useAsm, useAVX512 = savedAsm, saved512 }()
	rng := rand.New(rand.NewPCG(13, 14))
	clone := func(x []float64) []float64 { return append([]float64(nil), x...) }
	for _, n := range []int{1, 3, 4, 7, 8, 9, 15, 17, 640, 2817, 100000} {
		w, g := randSlice(rng, n), randSlice(rng, n)
		m, v := randSlice(rng, n), randSlice(rng, n)
		for i := range v {
			// Moments and gradients over many magnitudes, plus the zeros of
			// dead units and subnormal second moments.
			scale := math.Pow(10, float64(rng.IntN(24)-16))
			g[i] *= scale
			m[i] *= scale
			v[i] = math.Abs(v[i]) * scale * scale
			switch i % 11 {
			case 3:
				g[i], m[i], v[i] = 0, 0, 0
			case 5:
				g[i], v[i] = 0, 1e-310
			case 7, 8, 9:
				w[i] = 0 // the step itself lands in w, rounding and all
			}
		}
		const lr, b1, b2, eps = 1e-3, 0.9, 0.999, 1e-8
		bc1, bc2 := 1-math.Pow(b1, 7), 1-math.Pow(b2, 7)
		wr, mr, vr := clone(w), clone(m), clone(v)
		adamReference(wr, g, mr, vr, lr, b1, b2, eps, bc1, bc2)
		useAsm, useAVX512 = false, false
		wg, mg, vg := clone(w), clone(m), clone(v)
		Adam(wg, g, mg, vg, lr, b1, b2, eps, bc1, bc2)
		for i := range w {
			// Fusing changes rounding; allow it relative to the terms' sizes,
			// since m = β1·m + (1−β1)·g can cancel.
			mTol := 1e-15 * (math.Abs(b1*m[i]) + math.Abs((1-b1)*g[i]))
			vTol := 1e-15 * vr[i]
			denom := math.Sqrt(vr[i]/bc2) + eps
			wTol := 1e-15*math.Abs(wr[i]) + lr/bc1*(mTol+1e-14*math.Abs(mr[i]))/denom
			if math.Abs(mg[i]-mr[i]) > mTol || math.Abs(vg[i]-vr[i]) > vTol || math.Abs(wg[i]-wr[i]) > wTol {
				t.Fatalf("n=%d i=%d: Go (%v %v %v), reference (%v %v %v)", n, i, wg[i], mg[i], vg[i], wr[i], mr[i], vr[i])
			}
		}
		// AVX2 performs the portable operations exactly.
		useAsm = true
		wa, ma, va := clone(w), clone(m), clone(v)
		Adam(wa, g, ma, va, lr, b1, b2, eps, bc1, bc2)
		sameBits(t, fmt.Sprint("AVX2 Adam w n=", n), wa, wg)
		sameBits(t, fmt.Sprint("AVX2 Adam m n=", n), ma, mg)
		sameBits(t, fmt.Sprint("AVX2 Adam v n=", n), va, vg)
		if !hasAVX512 {
			continue
		}
		// AVX-512 refines estimates of √ and ÷: the moments are exact, the
		// step to w within a unit or two in the last place.
		useAVX512 = true
		wz, mz, vz := clone(w), clone(m), clone(v)
		Adam(wz, g, mz, vz, lr, b1, b2, eps, bc1, bc2)
		sameBits(t, fmt.Sprint("AVX-512 Adam m n=", n), mz, mg)
		sameBits(t, fmt.Sprint("AVX-512 Adam v n=", n), vz, vg)
		differ := 0
		for i := range w {
			stepExact, stepFast := wg[i]-w[i], wz[i]-w[i]
			if math.Float64bits(wz[i]) != math.Float64bits(wg[i]) {
				differ++
			}
			if math.Abs(stepFast-stepExact) > 0x1p-51*math.Max(math.Abs(wg[i]), math.Abs(stepExact)) {
				t.Fatalf("n=%d i=%d: AVX-512 step %v, exact %v (w %v, m %v, v %v)", n, i, stepFast, stepExact, w[i], mz[i], vz[i])
			}
		}
		t.Logf("n=%d: AVX-512 and exact w differ in %d elements", n, differ)
		useAVX512 = false
	}
}

func TestNoAllocations(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	const m, n, k = 32, 64, 10
	a, b, c := randSlice(rng, m*k), randSlice(rng, n*k), make([]float64, m*n)
	w, g, mo, vo := randSlice(rng, 100), randSlice(rng, 100), make([]float64, 100), make([]float64, 100)
	forEachPath(t, func(t *testing.T) {
		calls := map[string]func(){
			"MulNT":     func() { MulNT(c, a, b, m, n, k) },
			"MulTN":     func() { MulTN(c, a, b, m, n, k) },
			"MulNN":     func() { MulNN(c, a, b, m, n, k) },
			"AddRowVec": func() { AddRowVec(c, b, m, n) },
			"ColSums":   func() { ColSums(b, c, m, n) },
			"ReLU":      func() { AddBiasReLU(c, b, m, n) },
			"ReLUMask":  func() { ReLUMask(b, c) },
			"Adam":      func() { Adam(w, g, mo, vo, 1e-3, 0.9, 0.999, 1e-8, 0.1, 0.001) },
		}
		for name, call := range calls {
			if allocs := testing.AllocsPerRun(50, call); allocs != 0 {
				t.Errorf("%s allocates %v times per call", name, allocs)
			}
		}
	})
}
