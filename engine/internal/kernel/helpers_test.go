package kernel

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestAddRowVec(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for _, s := range [][2]int{{1, 1}, {3, 7}, {32, 64}, {5, 1}, {0, 4}} {
		m, n := s[0], s[1]
		c, v := randSlice(rng, m*n), randSlice(rng, n)
		want := append([]float64(nil), c...)
		for i := 0; i < m; i++ {
			for j := 0; j < n; j++ {
				want[i*n+j] += v[j]
			}
		}
		AddRowVec(c, v, m, n)
		for i := range want {
			if c[i] != want[i] {
				t.Fatalf("%v: c[%d] = %v, want %v", s, i, c[i], want[i])
			}
		}
	}
}

func TestColSums(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for _, s := range [][2]int{{1, 1}, {3, 7}, {1024, 32}, {5, 1}, {0, 4}} {
		m, n := s[0], s[1]
		a := randSlice(rng, m*n)
		dst := []float64{}
		for range n {
			dst = append(dst, math.NaN())
		}
		want := make([]float64, n)
		for j := 0; j < n; j++ {
			for i := 0; i < m; i++ {
				want[j] += a[i*n+j]
			}
		}
		ColSums(dst, a, m, n)
		for j := range want {
			if dst[j] != want[j] {
				t.Fatalf("%v: dst[%d] = %v, want %v", s, j, dst[j], want[j])
			}
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
	saved := useAsm
	defer func() { useAsm = saved }()
	rng := rand.New(rand.NewPCG(13, 14))
	for _, n := range []int{1, 3, 4, 7, 8, 9, 640, 2817} {
		w, g := randSlice(rng, n), randSlice(rng, n)
		m, v := randSlice(rng, n), randSlice(rng, n)
		for i := range v {
			v[i] = math.Abs(v[i])
		}
		clone := func(x []float64) []float64 { return append([]float64(nil), x...) }
		wr, mr, vr := clone(w), clone(m), clone(v)
		wg, mg, vg := clone(w), clone(m), clone(v)
		const lr, b1, b2, eps = 1e-3, 0.9, 0.999, 1e-8
		bc1, bc2 := 1-math.Pow(b1, 7), 1-math.Pow(b2, 7)
		adamReference(wr, g, mr, vr, lr, b1, b2, eps, bc1, bc2)
		useAsm = true
		Adam(w, g, m, v, lr, b1, b2, eps, bc1, bc2)
		useAsm = false
		Adam(wg, g, mg, vg, lr, b1, b2, eps, bc1, bc2)
		for i := range w {
			if math.Float64bits(w[i]) != math.Float64bits(wg[i]) || m[i] != mg[i] || v[i] != vg[i] {
				t.Fatalf("n=%d i=%d: asm (%v %v %v) and Go (%v %v %v) differ", n, i, w[i], m[i], v[i], wg[i], mg[i], vg[i])
			}
			if math.Abs(w[i]-wr[i]) > 1e-15 || math.Abs(m[i]-mr[i]) > 1e-15 || math.Abs(v[i]-vr[i]) > 1e-15 {
				t.Fatalf("n=%d i=%d: got (%v %v %v), reference (%v %v %v)", n, i, w[i], m[i], v[i], wr[i], mr[i], vr[i])
			}
		}
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
			"Adam":      func() { Adam(w, g, mo, vo, 1e-3, 0.9, 0.999, 1e-8, 0.1, 0.001) },
		}
		for name, call := range calls {
			if allocs := testing.AllocsPerRun(50, call); allocs != 0 {
				t.Errorf("%s allocates %v times per call", name, allocs)
			}
		}
	})
}
