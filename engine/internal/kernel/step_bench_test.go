package kernel

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/retainlab/retain/internal/cpuclock"
)

// mlpStep is a stand-in for the engine's training step of the 10→64→32→1
// network (ReLU, ReLU, sigmoid with binary cross-entropy, Adam): the products
// and Adam come from a pluggable implementation, the element-wise parts are
// the package's helpers (plain Go for the output layer). It estimates the
// samples/s ceiling the kernels allow.
type mlpStep struct {
	batch int
	mul   func(op string, c, a, b []float64, m, n, k int)
	adam  func(w, g, m, v []float64, p *adamParams)

	x, y                   []float64 // batch×10 inputs, batch labels
	params, grads, mo, ve  []float64 // all weights and biases, flat
	w1, b1, w2, b2, w3, b3 []float64 // views into params
	g1, gb1, g2, gb2, g3   []float64 // views into grads
	gb3                    []float64
	z1, z2, z3, d1, d2, d3 []float64 // activations and deltas
	step                   int
	adamStep               adamParams // kept here so &adamStep does not escape per call
}

const (
	stepIn, stepH1, stepH2 = 10, 64, 32
	stepParams             = stepIn*stepH1 + stepH1 + stepH1*stepH2 + stepH2 + stepH2 + 1
)

func newMLPStep(batch int, rng *rand.Rand) *mlpStep {
	s := &mlpStep{batch: batch}
	s.x, s.y = randSlice(rng, batch*stepIn), make([]float64, batch)
	for i := range s.y {
		s.y[i] = float64(rng.IntN(2))
	}
	s.params, s.grads = randSlice(rng, stepParams), make([]float64, stepParams)
	for i := range s.params {
		s.params[i] *= 0.3
	}
	s.mo, s.ve = make([]float64, stepParams), make([]float64, stepParams)
	split := func(buf []float64) [][]float64 {
		sizes := []int{stepIn * stepH1, stepH1, stepH1 * stepH2, stepH2, stepH2, 1}
		out := make([][]float64, len(sizes))
		for i, n := range sizes {
			out[i], buf = buf[:n:n], buf[n:]
		}
		return out
	}
	p, g := split(s.params), split(s.grads)
	s.w1, s.b1, s.w2, s.b2, s.w3, s.b3 = p[0], p[1], p[2], p[3], p[4], p[5]
	s.g1, s.gb1, s.g2, s.gb2, s.g3, s.gb3 = g[0], g[1], g[2], g[3], g[4], g[5]
	s.z1, s.d1 = make([]float64, batch*stepH1), make([]float64, batch*stepH1)
	s.z2, s.d2 = make([]float64, batch*stepH2), make([]float64, batch*stepH2)
	s.z3, s.d3 = make([]float64, batch), make([]float64, batch)
	return s
}

// run does one forward pass, backward pass and Adam update, and returns the
// mean binary cross-entropy of the batch.
func (s *mlpStep) run() float64 {
	B := s.batch
	s.mul("NT", s.z1, s.x, s.w1, B, stepH1, stepIn)
	AddBiasReLU(s.z1, s.b1, B, stepH1)
	s.mul("NT", s.z2, s.z1, s.w2, B, stepH2, stepH1)
	AddBiasReLU(s.z2, s.b2, B, stepH2)
	s.mul("NT", s.z3, s.z2, s.w3, B, 1, stepH2)
	loss := 0.0
	for i, z := range s.z3[:B] {
		z += s.b3[0]
		y := s.y[i]
		loss += math.Max(z, 0) - z*y + math.Log1p(math.Exp(-math.Abs(z)))
		s.d3[i] = (1/(1+math.Exp(-z)) - y) / float64(B)
	}
	s.mul("TN", s.g3, s.d3, s.z2, 1, stepH2, B)
	ColSums(s.gb3, s.d3, B, 1)
	s.mul("NN", s.d2, s.d3, s.w3, B, stepH2, 1)
	ReLUMask(s.d2, s.z2)
	s.mul("TN", s.g2, s.d2, s.z1, stepH2, stepH1, B)
	ColSums(s.gb2, s.d2, B, stepH2)
	s.mul("NN", s.d1, s.d2, s.w2, B, stepH1, stepH2)
	ReLUMask(s.d1, s.z1)
	s.mul("TN", s.g1, s.d1, s.x, stepH1, stepIn, B)
	ColSums(s.gb1, s.d1, B, stepH1)
	s.step++
	t := float64(s.step)
	const lr, b1, b2, eps = 1e-3, 0.9, 0.999, 1e-8
	s.adamStep = adamParams{beta1: b1, beta2: b2, oneMinus1: 1 - b1, oneMinus2: 1 - b2,
		negStep: -lr / (1 - math.Pow(b1, t)), invSqrtBC2: 1 / math.Sqrt(1-math.Pow(b2, t)), eps: eps}
	s.adam(s.params, s.grads, s.mo, s.ve, &s.adamStep)
	return loss / float64(B)
}

// adamKernel is the package's Adam (vector where available) behind the
// signature the step wants.
func adamKernel(w, g, m, v []float64, p *adamParams) {
	done := adamVec(w, g, m, v, p)
	adamGo(w[done:], g[done:], m[done:], v[done:], p)
}

// BenchmarkTrainStep reports the samples/s of the simulated step with these
// kernels and, for the ratio, with gonum's Dgemm and the portable Adam.
func BenchmarkTrainStep(b *testing.B) {
	for _, batch := range []int{32, 256, 1024} {
		for _, impl := range []string{"retain", "retain-avx2", "gonum"} {
			b.Run(fmt.Sprintf("batch=%d/impl=%s", batch, impl), func(b *testing.B) {
				s := newMLPStep(batch, rand.New(rand.NewPCG(3, 3)))
				s.mul, s.adam = retainProduct, adamKernel
				switch impl {
				case "gonum":
					s.mul, s.adam = gonumProduct, adamGo
				case "retain-avx2":
					if !hasAVX512 {
						b.Skip("same as impl=retain without AVX-512")
					}
					defer func(saved bool) { useAVX512 = saved }(useAVX512)
					useAVX512 = false
				}
				cpu0 := float64(cpuclock.Process())
				for b.Loop() {
					s.run()
				}
				reportRates(b, cpu0, float64(batch*b.N), "samples/s")
			})
		}
	}
}

// TestTrainStepLearns checks the simulated step is a real training step, so
// the benchmark measures honest work: the loss on a fixed batch must fall, and
// the kernel and gonum versions must agree on it.
func TestTrainStepLearns(t *testing.T) {
	mk := func(mul func(string, []float64, []float64, []float64, int, int, int)) *mlpStep {
		s := newMLPStep(64, rand.New(rand.NewPCG(4, 4)))
		s.mul, s.adam = mul, adamKernel
		return s
	}
	ours, ref := mk(retainProduct), mk(gonumProduct)
	first := ours.run()
	ref.run()
	var last, refLast float64
	for range 200 {
		last, refLast = ours.run(), ref.run()
	}
	if !(last < 0.8*first) {
		t.Fatalf("loss went from %v to %v in 200 steps; want a clear fall", first, last)
	}
	if math.Abs(last-refLast) > 1e-9 {
		t.Fatalf("loss after 201 steps: kernels %v, gonum %v", last, refLast)
	}
}

// TestTrainStepAllocatesNothing checks that the simulated step, like the
// engine's, runs without garbage once its buffers exist.
func TestTrainStepAllocatesNothing(t *testing.T) {
	s := newMLPStep(32, rand.New(rand.NewPCG(5, 5)))
	s.mul, s.adam = retainProduct, adamKernel
	if allocs := testing.AllocsPerRun(20, func() { s.run() }); allocs != 0 {
		t.Fatalf("a training step allocates %v times", allocs)
	}
}
