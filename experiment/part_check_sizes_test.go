package experiment

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/retainlab/retain/data"
)

// labelsData is data whose table holds only the labels y: all CheckSplit
// reads.
func labelsData(y []float64) *Data {
	return &Data{Table: &data.Table{Label: data.Label{Name: "churn", Values: y}}}
}

// splitVerdict is what CheckSplit said before it stopped splitting: the
// real split New draws (its source, drawn from the same way), and
// CheckPart on the labels of its final part. The reference CheckSplit's
// sizes from class counts are checked against.
func splitVerdict(y []float64, cfg Config) error {
	split, err := data.StratifiedSplit(y, cfg.ValFrac, cfg.TestFrac, rand.New(rand.NewPCG(cfg.Seed, 0x7e7a1)))
	if err != nil {
		return err
	}
	p := FinalPart(cfg)
	rows := map[Part][]int{TrainPart: split.Train, ValPart: split.Validation, TestPart: split.Test}[p]
	part := make([]float64, len(rows))
	for i, r := range rows {
		part[i] = y[r]
	}
	return CheckPart(p, part)
}

// TestCheckSplitSaysWhatTheRealSplitSays: over small class counts (where
// parts come out empty or of one class) and shares with and without a
// test part, CheckSplit's verdict, word for word, is the one the split
// itself gives.
func TestCheckSplitSaysWhatTheRealSplitSays(t *testing.T) {
	shares := [][2]float64{{0.1, 0}, {0.2, 0.1}, {0, 0}, {0, 0.3}, {0.25, 0.25}}
	var refused int
	for neg := 0; neg <= 12; neg += 3 {
		for pos := 1; pos <= 9; pos += 2 {
			y := make([]float64, neg+pos)
			for i := range pos {
				y[neg+i] = 1
			}
			for _, sh := range shares {
				cfg := DefaultConfig()
				cfg.ValFrac, cfg.TestFrac, cfg.CalibFrac = sh[0], sh[1], 0
				want, got := splitVerdict(y, cfg), CheckSplit(labelsData(y), cfg)
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("%d neg %d pos shares %v: CheckSplit %v, the split says %v", neg, pos, sh, got, want)
				}
				if want != nil {
					refused++
				}
			}
		}
	}
	if refused == 0 {
		t.Error("no case was refused: the grid checks nothing of the refusals")
	}
}

// TestCheckSplitAllocatesNothingPerRow: what CheckSplit allocates does not grow
// with the rows (the old check built, shuffled and sorted index slices of
// every row on the TUI's goroutine): on 100,000 rows it allocates what it
// allocates on 10.
func TestCheckSplitAllocatesNothingPerRow(t *testing.T) {
	cfg := DefaultConfig()
	allocs := func(n int) float64 {
		y := make([]float64, n)
		for i := range y {
			y[i] = float64(i % 2)
		}
		d := labelsData(y)
		return testing.AllocsPerRun(5, func() {
			if err := CheckSplit(d, cfg); err != nil {
				t.Fatal(err)
			}
		})
	}
	if small, large := allocs(10), allocs(100_000); large != small {
		t.Errorf("CheckSplit allocates %v times on 100,000 rows and %v on 10: it builds something per row", large, small)
	}
}
