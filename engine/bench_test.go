package engine

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
)

// synthetic100k mimics ../shared/reference/gen_data.py's shape (100k×10,
// about 30 % positives) without reading files: throughput does not depend
// on the values, only on the shapes.
func synthetic(rows, cols int) Dataset {
	rng := rand.New(rand.NewPCG(9, 9))
	x := make([]float64, rows*cols)
	y := make([]float64, rows)
	for i := range rows {
		s := 0.0
		for j := range cols {
			v := rng.NormFloat64()
			x[i*cols+j] = v
			s += v * float64(j%3-1)
		}
		if s+rng.NormFloat64() > 1 {
			y[i] = 1
		}
	}
	d, _ := DatasetFromFlat(x, y, rows, cols, 1)
	return d
}

// BenchmarkTrainEpoch measures training throughput (samples/s) of the
// reference job: 10→64→32→1, ReLU, ReLU, sigmoid + BCE, Adam lr 1e-3, one
// epoch over 100k rows including the shuffle, without validation.
func BenchmarkTrainEpoch(b *testing.B) {
	data := synthetic(100_000, 10)
	for _, batch := range []int{32, 256, 1024, 4096, 16384} {
		b.Run(fmt.Sprintf("batch=%d", batch), func(b *testing.B) {
			rng := rand.New(rand.NewPCG(1, 1))
			net, _ := NewNetwork(Architecture{Inputs: 10, Hidden: []LayerSpec{{64, ReLU}, {32, ReLU}}, Outputs: 1}, rng)
			cfg := TrainConfig{Epochs: 1 << 30, BatchSize: batch, Optimizer: OptimizerConfig{Kind: "adam", LR: 1e-3}}
			tr, err := NewTrainer(net, data, Dataset{}, cfg, rng)
			if err != nil {
				b.Fatal(err)
			}
			ctx := context.Background()
			b.ResetTimer()
			for b.Loop() {
				if err := tr.TrainEpoch(ctx); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N*data.Rows)/b.Elapsed().Seconds(), "samples/s")
		})
	}
}

// BenchmarkTrainEpochWorkers measures the same job at batch 256, 1024 and
// 4096 with the gradient of each batch computed by one and by two workers.
func BenchmarkTrainEpochWorkers(b *testing.B) {
	data := synthetic(100_000, 10)
	for _, bw := range [][2]int{{256, 1}, {256, 2}, {1024, 1}, {1024, 2}, {4096, 1}, {4096, 2}} {
		batch, workers := bw[0], bw[1]
		b.Run(fmt.Sprintf("batch=%d/workers=%d", batch, workers), func(b *testing.B) {
			rng := rand.New(rand.NewPCG(1, 1))
			net, _ := NewNetwork(Architecture{Inputs: 10, Hidden: []LayerSpec{{64, ReLU}, {32, ReLU}}, Outputs: 1}, rng)
			cfg := TrainConfig{Epochs: 1 << 30, BatchSize: batch, Workers: workers,
				Optimizer: OptimizerConfig{Kind: "adam", LR: 1e-3}}
			tr, err := NewTrainer(net, data, Dataset{}, cfg, rng)
			if err != nil {
				b.Fatal(err)
			}
			if tr.Workers() != workers {
				b.Fatalf("%d workers, want %d", tr.Workers(), workers)
			}
			ctx := context.Background()
			b.ResetTimer()
			for b.Loop() {
				if err := tr.TrainEpoch(ctx); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N*data.Rows)/b.Elapsed().Seconds(), "samples/s")
		})
	}
}
