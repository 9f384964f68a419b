package kernel

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"

	"github.com/retainlab/retain/internal/cpuclock"
)

// gemmCase is one product of the 10→64→32→1 training step at a batch size.
type gemmCase struct {
	op      string // NT, TN or NN
	m, n, k int
}

// mlpProducts lists the products one training step of the F=10 →64→32→1
// network makes at batch size batch: three forward (Z = A·Wᵀ) and five backward
// (dW = δᵀ·A and dA = δ·W; the input layer needs no dA).
func mlpProducts(batch int) []gemmCase {
	return []gemmCase{
		{"NT", batch, 64, 10}, {"NT", batch, 32, 64}, {"NT", batch, 1, 32},
		{"TN", 1, 32, batch}, {"NN", batch, 32, 1},
		{"TN", 32, 64, batch}, {"NN", batch, 64, 32},
		{"TN", 64, 10, batch},
	}
}

// operandLens returns the lengths of a and b for a product.
func (g gemmCase) operandLens() (aLen, bLen int) { return g.m * g.k, g.n * g.k }

// gonumProduct runs the product through gonum's blas64 (the pure-Go Dgemm
// unless another implementation was registered with blas64.Use).
func gonumProduct(op string, c, a, b []float64, m, n, k int) {
	cm := blas64.General{Rows: m, Cols: n, Stride: n, Data: c}
	switch op {
	case "NT":
		blas64.Gemm(blas.NoTrans, blas.Trans, 1,
			blas64.General{Rows: m, Cols: k, Stride: k, Data: a},
			blas64.General{Rows: n, Cols: k, Stride: k, Data: b}, 0, cm)
	case "TN":
		blas64.Gemm(blas.Trans, blas.NoTrans, 1,
			blas64.General{Rows: k, Cols: m, Stride: m, Data: a},
			blas64.General{Rows: k, Cols: n, Stride: n, Data: b}, 0, cm)
	case "NN":
		blas64.Gemm(blas.NoTrans, blas.NoTrans, 1,
			blas64.General{Rows: m, Cols: k, Stride: k, Data: a},
			blas64.General{Rows: k, Cols: n, Stride: n, Data: b}, 0, cm)
	}
}

func retainProduct(op string, c, a, b []float64, m, n, k int) {
	switch op {
	case "NT":
		MulNT(c, a, b, m, n, k)
	case "TN":
		MulTN(c, a, b, m, n, k)
	case "NN":
		MulNN(c, a, b, m, n, k)
	}
}

// BenchmarkGEMM times every product of the MLP step against gonum on the same
// shapes. Compare with benchstat -col /impl.
func BenchmarkGEMM(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	impls := []struct {
		name string
		run  func(op string, c, a, b []float64, m, n, k int)
	}{{"retain", retainProduct}, {"retain-avx2", retainProduct}, {"gonum", gonumProduct}}
	for _, batch := range []int{32, 256, 1024, 4096} {
		for _, g := range mlpProducts(batch) {
			aLen, bLen := g.operandLens()
			x, y, c := randSlice(rng, aLen), randSlice(rng, bLen), make([]float64, g.m*g.n)
			for _, impl := range impls {
				name := fmt.Sprintf("shape=%s_%dx%dx%d/impl=%s", g.op, g.m, g.n, g.k, impl.name)
				b.Run(name, func(b *testing.B) {
					if impl.name == "retain-avx2" {
						if !hasAVX512 {
							b.Skip("same as impl=retain without AVX-512")
						}
						defer func(saved bool) { useAVX512 = saved }(useAVX512)
						useAVX512 = false
					}
					cpu0 := float64(cpuclock.Process())
					for b.Loop() {
						impl.run(g.op, c, x, y, g.m, g.n, g.k)
					}
					flops := 2 * float64(g.m*g.n*g.k) * float64(b.N)
					reportRates(b, cpu0, flops/1e9, "GFLOP/s")
				})
			}
		}
	}
}

// BenchmarkAdam times one Adam step over the 2,817 parameters of the network.
func BenchmarkAdam(b *testing.B) {
	rng := rand.New(rand.NewPCG(2, 2))
	const params = 10*64 + 64 + 64*32 + 32 + 32 + 1
	w, g, m, v := randSlice(rng, params), randSlice(rng, params), make([]float64, params), make([]float64, params)
	for _, path := range []string{"asm", "go"} {
		b.Run("path="+path, func(b *testing.B) {
			if path == "asm" && !hasAsm {
				b.Skip("no assembly on this CPU or build")
			}
			saved := useAsm
			defer func() { useAsm = saved }()
			useAsm = path == "asm"
			cpu0 := float64(cpuclock.Process())
			for b.Loop() {
				Adam(w, g, m, v, 1e-3, 0.9, 0.999, 1e-8, 0.5, 0.01)
			}
			reportRates(b, cpu0, float64(b.N*params)/1e6, "Mparams/s")
		})
	}
}

// reportRates reports work/s against wall time under unit, and against the
// process's CPU time under "cpu-" + unit, which is steadier when other jobs
// share the machine.
func reportRates(b *testing.B, cpu0, work float64, unit string) {
	b.ReportMetric(work/b.Elapsed().Seconds(), unit)
	if cpu := float64(cpuclock.Process()) - cpu0; cpu > 0 {
		b.ReportMetric(work/(cpu/1e9), "cpu-"+unit)
	}
}
