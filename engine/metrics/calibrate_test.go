package metrics

import (
	"encoding/json"
	"errors"
	"math"
	"os"
	"slices"
	"testing"
)

// calibrationCase is one case of testdata/calibration_reference.json,
// written by calibration_reference.py with scikit-learn 1.2.1.
type calibrationCase struct {
	Name     string    `json:"name"`
	Probs    []float64 `json:"probs"`
	Labels   []float64 `json:"labels"`
	PlattA   float64   `json:"platt_a"`
	PlattB   float64   `json:"platt_b"`
	Query    []float64 `json:"query"`
	Platt    []float64 `json:"platt"`
	Isotonic []float64 `json:"isotonic"`
	// IsotonicFit is IsotonicRegression's fit at each row; PooledX and
	// PooledY are FitIsotonic's points with blocks of at least 10 rows.
	IsotonicFit []float64 `json:"isotonic_fit"`
	PooledX     []float64 `json:"pooled_x"`
	PooledY     []float64 `json:"pooled_y"`
}

func readCalibrationCases(t *testing.T) []calibrationCase {
	t.Helper()
	raw, err := os.ReadFile("testdata/calibration_reference.json")
	if err != nil {
		t.Fatal(err)
	}
	var ref struct {
		Cases []calibrationCase `json:"cases"`
	}
	if err := json.Unmarshal(raw, &ref); err != nil {
		t.Fatal(err)
	}
	return ref.Cases
}

// TestFitPlattMatchesSklearn: A and B as scikit-learn 1.2's
// _SigmoidCalibration finds them (its BFGS stops at a gradient of 1e-5, so
// the parameters agree to about 1e-4 and the probabilities closer).
func TestFitPlattMatchesSklearn(t *testing.T) {
	for _, c := range readCalibrationCases(t) {
		m, err := FitPlatt(c.Probs, c.Labels)
		if err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		if math.Abs(m.A-c.PlattA) > 2e-4 || math.Abs(m.B-c.PlattB) > 2e-4 {
			t.Errorf("%s: A, B = %.6f, %.6f; sklearn %.6f, %.6f", c.Name, m.A, m.B, c.PlattA, c.PlattB)
		}
		for i, q := range c.Query {
			if got := m.Apply(q); math.Abs(got-c.Platt[i]) > 1e-4 {
				t.Errorf("%s: Platt(%v) = %v, sklearn %v", c.Name, q, got, c.Platt[i])
			}
		}
	}
}

// TestPAVMatchesSklearn: pool-adjacent-violators' blocks give each row
// IsotonicRegression's fitted value (ties included).
func TestPAVMatchesSklearn(t *testing.T) {
	for _, c := range readCalibrationCases(t) {
		blocks := pav(c.Probs, c.Labels)
		rows := 0.0
		for i, p := range c.Probs {
			k := slices.IndexFunc(blocks, func(b isoBlock) bool { return b.hi >= p })
			if got := blocks[k].mean(); math.Abs(got-c.IsotonicFit[i]) > 1e-12 {
				t.Errorf("%s: row %d (%v) fitted %v, sklearn %v", c.Name, i, p, got, c.IsotonicFit[i])
			}
		}
		for _, b := range blocks {
			rows += b.n
		}
		if rows != float64(len(c.Probs)) {
			t.Errorf("%s: blocks hold %v rows of %d", c.Name, rows, len(c.Probs))
		}
	}
}

// TestFitIsotonicPoolsBlocks: the points are those calibration_reference.py
// computes from scikit-learn's fit by the documented pooling rule (10 rows a
// block at least), increasing; each is the mean of at least 10 rows, so
// none is one row's probability.
func TestFitIsotonicPoolsBlocks(t *testing.T) {
	for _, c := range readCalibrationCases(t) {
		m, err := FitIsotonic(c.Probs, c.Labels, 10)
		if err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		if len(m.X) != len(c.PooledX) || len(m.Y) != len(c.PooledY) || m.MinRows != 10 {
			t.Fatalf("%s: %d points (min rows %d), want %d: %+v", c.Name, len(m.X), m.MinRows, len(c.PooledX), m)
		}
		for i := range m.X {
			if math.Abs(m.X[i]-c.PooledX[i]) > 1e-12 || math.Abs(m.Y[i]-c.PooledY[i]) > 1e-12 {
				t.Errorf("%s: point %d (%v, %v), want (%v, %v)", c.Name, i, m.X[i], m.Y[i], c.PooledX[i], c.PooledY[i])
			}
			if i > 0 && (!(m.X[i] > m.X[i-1]) || !(m.Y[i] > m.Y[i-1])) {
				t.Errorf("%s: points %d-%d not increasing: %v", c.Name, i-1, i, m)
			}
		}
	}
}

// TestFitIsotonicApply by hand: 20 rows, scores 0.01…0.20, the first 10
// negative and the last 10 positive, are two blocks of 10, points
// (0.055, 0) and (0.155, 1); 0.105 lies halfway between.
func TestFitIsotonicApply(t *testing.T) {
	var probs, labels []float64
	for i := 1; i <= 20; i++ {
		probs = append(probs, float64(i)/100)
		labels = append(labels, float64(i/11))
	}
	m, err := FitIsotonic(probs, labels, 10)
	if err != nil {
		t.Fatal(err)
	}
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-12 }
	if len(m.X) != 2 || !near(m.X[0], 0.055) || !near(m.X[1], 0.155) || m.Y[0] != 0 || m.Y[1] != 1 {
		t.Fatalf("points %+v", m)
	}
	for q, want := range map[float64]float64{0: 0, 0.055: 0, 0.105: 0.5, 0.155: 1, 1: 1} {
		if got := m.Apply(q); !near(got, want) {
			t.Errorf("Apply(%v) = %v, want %v", q, got, want)
		}
	}
	if _, err := FitIsotonic(probs[:9], labels[:9], 10); err == nil {
		t.Error("9 rows fitted with blocks of 10")
	}
}

func TestFitPlattOneClass(t *testing.T) {
	_, err := FitPlatt([]float64{0.2, 0.4}, []float64{1, 1})
	if !errors.Is(err, ErrOneClass) || err.Error() != "only one class present: Platt scaling on 2 rows with 2 positives" {
		t.Fatalf("err = %v", err)
	}
}

// TestExpectedCalibrationError by hand: bins (0.1,0.2] holds 0.15, 0.15
// (mean 0.15, observed 0.5) and (0.8,0.9] holds 0.85 (observed 1):
// (2·0.35 + 1·0.15)/3.
func TestExpectedCalibrationError(t *testing.T) {
	got, err := ExpectedCalibrationError([]float64{0.15, 0.15, 0.85}, []float64{0, 1, 1})
	if err != nil {
		t.Fatal(err)
	}
	if want := (2*0.35 + 0.15) / 3; math.Abs(got-want) > 1e-12 {
		t.Fatalf("ECE = %v, want %v", got, want)
	}
}
