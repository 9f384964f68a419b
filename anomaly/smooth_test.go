package anomaly

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/retainlab/retain/data"
)

// groupAndLone builds 300 ordinary rows around the origin with raw error
// 0.1, a lone odd row at (5, 5) (row 0) and a group of 25 identical odd rows
// at (−5, 5) (rows 1 to 25), all odd rows with raw error 2.
func groupAndLone() (x, raw []float64) {
	rng := rand.New(rand.NewPCG(16, 3))
	const n = 326
	x, raw = make([]float64, 2*n), make([]float64, n)
	for i := range n {
		switch {
		case i == 0:
			x[0], x[1], raw[0] = 5, 5, 2
		case i <= 25:
			x[2*i], x[2*i+1], raw[i] = -5, 5, 2
		default:
			x[2*i], x[2*i+1], raw[i] = rng.NormFloat64(), rng.NormFloat64(), 0.1
		}
	}
	return x, raw
}

// TestSmoothGroupOutranksLone checks that after smoothing the group of 25
// identical odd rows outranks the lone odd row with the same raw error,
// and that without smoothing it does not (the tie goes to the lower row, the
// lone one). Expected by hand: a group row's 20 nearest are other group rows
// (distance 0), so its score stays 2; the lone row's nearest are ordinary
// rows (the group lies 10 away, the ordinary rows about 7), so its score is
// (2 + 20·0.1)/21 = 4/21.
func TestSmoothGroupOutranksLone(t *testing.T) {
	x, raw := groupAndLone()
	score, err := smoothScores(context.Background(), x, 2, raw, 20, 2)
	if err != nil {
		t.Fatal(err)
	}
	if score[1] != 2 || math.Abs(score[0]-4.0/21) > 1e-12 {
		t.Errorf("group row %v (want 2), lone row %v (want 4/21)", score[1], score[0])
	}
	order, _ := rank(score)
	if got := slices.Index(order, 0); got < 25 {
		t.Errorf("smoothed: the lone row ranks %d, want after the 25 group rows", got+1)
	}
	off, err := smoothScores(context.Background(), x, 2, raw, 0, 2)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(off, raw) {
		t.Errorf("k=0 changed the scores")
	}
	if order, _ := rank(off); order[0] != 0 {
		t.Errorf("raw: row %d ranks first, want the lone row 0", order[0])
	}
}

// TestSmoothWorkersAgree checks that the scores do not depend on the
// number of goroutines, and that a cancelled context stops it.
func TestSmoothWorkersAgree(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 4))
	const n, w = 3000, 3
	x, raw := make([]float64, n*w), make([]float64, n)
	for i := range x {
		x[i] = float64(rng.IntN(6)) // many ties
	}
	for i := range raw {
		raw[i] = rng.ExpFloat64()
	}
	one, err := smoothScores(context.Background(), x, w, raw, 20, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{2, 3, 7} {
		got, err := smoothScores(context.Background(), x, w, raw, 20, workers)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, one) {
			t.Errorf("%d workers: scores differ from one worker's", workers)
		}
	}
	// Row 0 by brute force: its raw error and its 20 nearest's, in order.
	_, rows := bruteNeighbours(x, w, 0, 20)
	s := raw[0]
	for _, r := range rows {
		s += raw[r]
	}
	if want := s / 21; one[0] != want {
		t.Errorf("row 0: %v, brute force %v", one[0], want)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := smoothScores(ctx, x, w, raw, 20, 2); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v, want context.Canceled", err)
	}
}

// TestSmoothedRows checks the share of rows smoothed.
func TestSmoothedRows(t *testing.T) {
	for _, c := range []struct{ rows, want int }{{5000, 5000}, {20_000, 20_000}, {200_000, 20_000}, {1_000_000, 50_000}} {
		if got := SmoothedRows(c.rows); got != c.want {
			t.Errorf("SmoothedRows(%d) = %d, want %d", c.rows, got, c.want)
		}
	}
}

// TestSmoothOnlyTopRows checks that on a table above MinSmoothedRows rows
// only the top SmoothedRows rows by raw error change.
func TestSmoothOnlyTopRows(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 5))
	const n = MinSmoothedRows + 500
	x, raw := make([]float64, n), make([]float64, n)
	for i := range n {
		x[i], raw[i] = rng.NormFloat64(), rng.ExpFloat64()
	}
	score, err := smoothScores(context.Background(), x, 1, raw, 5, 2)
	if err != nil {
		t.Fatal(err)
	}
	order, _ := rank(raw)
	for i, row := range order {
		if changed := score[row] != raw[row]; i >= MinSmoothedRows && changed {
			t.Fatalf("row %d (raw rank %d) smoothed; only the top %d should be", row, i+1, MinSmoothedRows)
		}
	}
}

// TestFinishSmoothsOnInputs checks Finish's wiring: with the default the
// score of a row is the mean of its raw error and those of its
// DefaultNeighbours nearest rows in Run.X (found here by brute force), and
// with Neighbours negative the score is the raw error.
func TestFinishSmoothsOnInputs(t *testing.T) {
	shop, err := data.GenerateShopWithAbusers(400, 5, 0.02)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []int{0, -1} {
		opts := Options{Truth: data.AbuserColumnName, Archetype: data.ArchetypeColumnName, Members: 1, Seed: 2, Neighbours: k}
		run, res := trainAndFinish(t, shop.Table, opts)
		if k < 0 {
			if !slices.Equal(res.Score, res.Error) || res.Neighbours != 0 || res.Evaluation.Error != nil {
				t.Errorf("off: the score differs from the error (or neighbours %d, raw metrics %v)", res.Neighbours, res.Evaluation.Error)
			}
			continue
		}
		if res.Neighbours != DefaultNeighbours || res.Evaluation.Error == nil {
			t.Fatalf("default: neighbours %d, raw metrics %v", res.Neighbours, res.Evaluation.Error)
		}
		width := run.Pipeline.Width()
		for _, row := range []int{0, 17, res.Order[0], res.Order[len(res.Order)-1]} {
			_, rows := bruteNeighbours(run.X, width, row, DefaultNeighbours)
			s := res.Error[row]
			for _, r := range rows {
				s += res.Error[r]
			}
			if want := s / float64(1+DefaultNeighbours); res.Score[row] != want {
				t.Errorf("row %d: score %v, want %v", row, res.Score[row], want)
			}
		}
	}
}
