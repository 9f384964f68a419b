package metrics

import (
	"strconv"
	"testing"
)

// benchInput returns n rows of continuous scores (few ties, the realistic
// case for a network's outputs): a seeded splitmix64 stream, labels drawn
// with probability equal to the score.
func benchInput(n int) (scores, labels []float64) {
	g := splitMix64(2026)
	scores, labels = make([]float64, n), make([]float64, n)
	for i := range n {
		scores[i] = g.float()
		if g.float() < scores[i] {
			labels[i] = 1
		}
	}
	return scores, labels
}

var benchSizes = []int{10_000, 1_000_000}

// BenchmarkAUCScratch is the trainer's per-epoch call: the scratch buffer is
// reused, so after the first call nothing is allocated.
func BenchmarkAUCScratch(b *testing.B) {
	for _, n := range benchSizes {
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			s, y := benchInput(n)
			var scratch AUCScratch
			b.ReportAllocs()
			for b.Loop() {
				if _, err := scratch.AUC(s, y, nil); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}

// BenchmarkAUC allocates a fresh buffer per call, for comparison.
func BenchmarkAUC(b *testing.B) {
	for _, n := range benchSizes {
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			s, y := benchInput(n)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := AUC(s, y, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkNewReport is the end-of-training evaluation: one sort shared by
// the ranking metrics plus linear passes.
func BenchmarkNewReport(b *testing.B) {
	for _, n := range benchSizes {
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			s, y := benchInput(n)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := NewReport(s, y, nil, 0.5); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
