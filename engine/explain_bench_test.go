package engine

import (
	"context"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/retainlab/retain/internal/cpuclock"
)

// BenchmarkExplain measures integrated-gradients explanations per second,
// one input at a time (IntegratedGradients) and a block at a time
// (BatchIG), on one core, for the reference network (10→64→32→1 ReLU,
// exact pieces) and the same shape with tanh (midpoint sums, 64 points,
// refined), each trained for two epochs on synthetic data so that its
// units switch along the paths as a trained model's do. The baseline is
// the mean input (zero here), as in retain's explanations. Besides the
// wall-clock rate it reports cpu-explanations/s, per second of the
// process's CPU time, which a busy machine disturbs less.
func BenchmarkExplain(b *testing.B) {
	data := synthetic(20_000, 10)
	const users = 4096
	for _, act := range []Activation{ReLU, Tanh} {
		rng := rand.New(rand.NewPCG(1, 1))
		net, _ := NewNetwork(Architecture{Inputs: 10, Hidden: []LayerSpec{{64, act}, {32, act}}, Outputs: 1}, rng)
		cfg := TrainConfig{Epochs: 2, BatchSize: 256, Optimizer: OptimizerConfig{Kind: "adam", LR: 1e-3}}
		tr, err := NewTrainer(net, data, Dataset{}, cfg, rng)
		if err != nil {
			b.Fatal(err)
		}
		if err := tr.Run(context.Background()); err != nil {
			b.Fatal(err)
		}
		base := make([]float64, 10)
		x := data.X[:users*10]
		b.Run(act.String()+"/single", func(b *testing.B) {
			n := 0
			cpu0 := cpuclock.Process()
			for b.Loop() {
				u := n % users
				if _, err := IntegratedGradients(net, x[u*10:(u+1)*10], base, 64); err != nil {
					b.Fatal(err)
				}
				n++
			}
			reportExplainRates(b, n, cpu0)
		})
		b.Run(act.String()+"/batched", func(b *testing.B) {
			ig, err := NewBatchIG(net, base, 64)
			if err != nil {
				b.Fatal(err)
			}
			out := make([]Attribution, 256)
			n := 0
			cpu0 := cpuclock.Process()
			for b.Loop() {
				u := n % (users / len(out)) * len(out)
				if err := ig.Explain(out, x[u*10:(u+len(out))*10]); err != nil {
					b.Fatal(err)
				}
				n++
			}
			reportExplainRates(b, n*len(out), cpu0)
		})
	}
}

// reportExplainRates reports n explanations per second of wall time and of
// the process's CPU time since cpu0.
func reportExplainRates(b *testing.B, n int, cpu0 time.Duration) {
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "explanations/s")
	if cpu := cpuclock.Process() - cpu0; cpu > 0 {
		b.ReportMetric(float64(n)/cpu.Seconds(), "cpu-explanations/s")
	}
}
