package metrics

import (
	"errors"
	"math"
	"testing"
)

// TestPairedLogLossTest checks the figures against Python's statistics
// module on the same three rows: statistics.mean of each row's loss
// −ln(p) or −ln(1 − p), statistics.stdev (ddof 1) of the differences over
// √3, and their ratio.
func TestPairedLogLossTest(t *testing.T) {
	got, err := PairedLogLossTest([]float64{0.8, 0.3, 0.6}, []float64{0.9, 0.2, 0.4}, []float64{1, 0, 1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := PairedLoss{A: 0.3635480396729776, B: 0.414931599615397, Diff: 0.05138355994241937,
		SE: 0.17709913396210897, Z: 0.2901400972034853}
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"A", got.A, want.A}, {"B", got.B, want.B}, {"Diff", got.Diff, want.Diff}, {"SE", got.SE, want.SE}, {"Z", got.Z, want.Z}} {
		if math.Abs(c.got-c.want) > 1e-12 {
			t.Errorf("%s = %.17g, want %.17g", c.name, c.got, c.want)
		}
	}
	// Positive rows weighing 3 (Python as above, each row's loss times its
	// weight, means over the 3 rows).
	wg, err := PairedLogLossTest([]float64{0.8, 0.3, 0.6}, []float64{0.9, 0.2, 0.4}, []float64{1, 0, 1}, []float64{3, 1, 3})
	if err != nil {
		t.Fatal(err)
	}
	wantW := PairedLoss{A: 0.852860823059778, B: 1.0960324313033845, Diff: 0.24317160824360654,
		SE: 0.49073185415310777, Z: 0.4955284768771853}
	if math.Abs(wg.A-wantW.A) > 1e-12 || math.Abs(wg.B-wantW.B) > 1e-12 || math.Abs(wg.Diff-wantW.Diff) > 1e-12 ||
		math.Abs(wg.SE-wantW.SE) > 1e-12 || math.Abs(wg.Z-wantW.Z) > 1e-12 {
		t.Errorf("weighted: %+v, want %+v", wg, wantW)
	}
	// The same probabilities twice: no difference, no spread, z 0.
	same, err := PairedLogLossTest([]float64{0.2, 0.7}, []float64{0.2, 0.7}, []float64{0, 1}, nil)
	if err != nil || same.Diff != 0 || same.SE != 0 || same.Z != 0 {
		t.Errorf("identical: %+v, %v", same, err)
	}
}

// TestPairedLogLossTestRefuses: one row, a length mismatch and a
// probability outside [0, 1] are refused with the package's errors.
func TestPairedLogLossTestRefuses(t *testing.T) {
	if _, err := PairedLogLossTest([]float64{0.5}, []float64{0.4}, []float64{1}, nil); !errors.Is(err, ErrEmpty) ||
		err.Error() != "empty input: 1 rows, a paired test needs 2" {
		t.Errorf("one row: %v", err)
	}
	if _, err := PairedLogLossTest([]float64{0.5, 0.4}, []float64{0.4}, []float64{1, 0}, nil); !errors.Is(err, ErrLengthMismatch) {
		t.Errorf("mismatch: %v", err)
	}
	if _, err := PairedLogLossTest([]float64{0.5, 0.4}, []float64{0.4, 1.5}, []float64{1, 0}, nil); !errors.Is(err, ErrProbability) {
		t.Errorf("probability 1.5: %v", err)
	}
}
